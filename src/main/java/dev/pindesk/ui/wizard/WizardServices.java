package dev.pindesk.ui.wizard;

import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.ui.common.UiExecutor;
import java.time.Clock;

/**
 * What the wizard drives: the case service, the readers, the customer PIN pad, the executor of its
 * background work, the receipt printer, and the workstation id printed on receipts.
 */
public record WizardServices(
    ResetCaseService cases,
    CardTerminals terminals,
    PinPad pinPad,
    UiExecutor runner,
    Clock clock,
    ReceiptPrinter receipts,
    String workstation) {}
