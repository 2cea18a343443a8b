package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.testing.TrainingCards;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A receipt that cannot be made or printed never holds the citizen's case open: the clerk sees why,
 * and Next still closes the written case; a failed print job is journaled.
 */
class ReceiptActionsTest extends WizardModelFixture {
  private static final Path CONFIGURED = Path.of("/opt/fonts/missing.ttf");

  /** A counter whose configured font is gone and whose printer fails every job. */
  @Override
  ReceiptPrinter receipts() {
    return new ReceiptPrinter() {
      private boolean rendered;

      @Override
      public Path render(Receipt receipt, Locale locale) {
        if (!rendered) {
          rendered = true;
          throw new ReceiptException(
              "receipt.no_font", "test: configured font missing", null, CONFIGURED);
        }
        return dir.resolve(receipt.caseId() + ".pdf");
      }

      @Override
      public boolean print(Path pdf) {
        throw new ReceiptException("receipt.not_printed", "test: printer jammed");
      }
    };
  }

  @Test
  void aReceiptThatCannotBeMadeOrPrintedStillLetsTheClerkCloseTheCase() {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder();
    readAndBind();
    writeNewPin();
    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.RECEIPT);

    model.receipt().save();
    assertThat(notice()).isEqualTo("无法使用配置的字体 " + CONFIGURED + "，回执无法生成。");
    assertThat(noticeNext()).contains("pindesk.receipt.font");
    assertThat(model.receipt().savedProperty().get()).isEmpty();
    model.receipt().print();
    assertThat(model.noticeProperty().get().map(Notice::key)).contains("receipt.not_printed");
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(model.canGoNextBinding().get()).isTrue();

    model.next();
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.SERVICE);
    // the failed print job is a refused receipt step (printer_error); the missing font is not an
    // event of the case but of the counter's configuration
    expectedSteps =
        steps(UNTIL_BOUND, "pin_captured", "pin_written", "receipt_printed", "case_closed");
  }
}
