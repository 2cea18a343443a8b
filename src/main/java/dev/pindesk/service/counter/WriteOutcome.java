package dev.pindesk.service.counter;

import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.service.reset.WriteReport;
import java.util.Objects;

/**
 * A write's answer: the case's transition and what the write did on the card (for an unlock: the
 * unblock and the reset, and why it stopped).
 */
public record WriteOutcome(CaseTransition transition, WriteReport report) {
  public WriteOutcome {
    Objects.requireNonNull(transition, "transition");
    Objects.requireNonNull(report, "report");
  }
}
