package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.testing.TrainingCards;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * A receipt that cannot be made or printed never holds the citizen's case open: the clerk sees why,
 * and Next still closes the written case; a failed print job is journaled as before.
 */
class WizardReceiptFailuresTest extends WizardFixture {
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
  void aReceiptThatCannotBeMadeOrPrintedStillLetsTheClerkCloseTheCase(FxRobot robot)
      throws Exception {
    insert(TrainingCards.spec(TrainingCards.GEN3_SM4));
    openResetAndCheckHolder(robot);
    readAndBind(robot);
    writeNewPin(robot);
    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.RECEIPT);

    robot.clickOn("#saveReceipt");
    waitFor(() -> noticeIs(robot, "无法使用配置的字体 " + CONFIGURED + "，回执无法生成。"));
    assertThat(noticeNext(robot)).contains("pindesk.receipt.font");
    waitFor(() -> !model.busyProperty().get());
    robot.clickOn("#printReceipt");
    waitFor(
        () ->
            model.noticeProperty().get().map(Notice::key).orElse("").equals("receipt.not_printed"));
    waitFor(() -> !model.busyProperty().get() && model.canGoNextBinding().get());

    robot.clickOn("#nextButton");
    waitFor(() -> model.stepProperty().get() == WizardStep.SERVICE);
    // the failed print job is a refused receipt step (printer_error); the missing font is not an
    // event of the case but of the counter's configuration
    expectedSteps =
        List.of(
            "case_opened",
            "id_checked",
            "card_read",
            "identity_bound",
            "pin_captured",
            "pin_written",
            "receipt_printed",
            "case_closed");
  }
}
