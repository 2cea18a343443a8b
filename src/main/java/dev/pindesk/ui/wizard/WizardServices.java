package dev.pindesk.ui.wizard;

import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.PinPad;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.ui.TaskRunner;
import java.time.Clock;

/** What the wizard drives: the case service, the readers, the customer PIN pad, a task runner. */
public record WizardServices(
    ResetCaseService cases,
    CardTerminals terminals,
    PinPad pinPad,
    TaskRunner runner,
    Clock clock) {}
