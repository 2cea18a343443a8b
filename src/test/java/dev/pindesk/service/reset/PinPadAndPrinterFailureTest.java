package dev.pindesk.service.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.reset.CaseOutcome;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.testing.TrainingCards;
import org.junit.jupiter.api.Test;

/**
 * A PIN pad that gave up waiting and a printer that failed are journaled as refused steps; the case
 * stays where it was and can go on.
 */
class PinPadAndPrinterFailureTest {
  private final Counter counter = new Counter();

  @Test
  void aPinPadTimeoutIsARefusedCaptureAndTheEntryCanStartAgain() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);

    CaseTransition t = counter.service.pinPadTimedOut();

    assertThat(t.step()).isEqualTo(CaseStep.CAPTURE_PIN);
    assertThat(t.outcome()).isEqualTo(CaseOutcome.REFUSED);
    assertThat(t.errorCode()).isEqualTo("pin_pad_timeout");
    assertThat(t.to()).isEqualTo(CaseState.IDENTITY_BOUND);
    counter.captured("385217");
    assertThat(counter.service.write().to()).isEqualTo(CaseState.WRITTEN);
  }

  @Test
  void aPrinterErrorIsARefusedReceiptAndTheReceiptCanBePrintedAgain() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.bound(ServiceKind.RESET, HolderKind.IN_PERSON);
    counter.captured("385217");
    counter.service.write();

    CaseTransition t = counter.service.receiptNotPrinted();

    assertThat(t.step()).isEqualTo(CaseStep.PRINT_RECEIPT);
    assertThat(t.outcome()).isEqualTo(CaseOutcome.REFUSED);
    assertThat(t.errorCode()).isEqualTo("printer_error");
    assertThat(t.to()).isEqualTo(CaseState.WRITTEN);
    assertThat(counter.service.receiptPrinted().outcome()).isEqualTo(CaseOutcome.OK);
    assertThat(counter.service.close().to()).isEqualTo(CaseState.CLOSED);
  }

  @Test
  void neitherIsRecordedWhereItCannotHappen() throws Exception {
    counter.insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    counter.service.open(ServiceKind.RESET, HolderKind.IN_PERSON, "clerk7");

    assertThatThrownBy(counter.service::pinPadTimedOut).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(counter.service::receiptNotPrinted)
        .isInstanceOf(IllegalStateException.class);
    assertThat(counter.journal).hasSize(1); // only the opening
  }
}
