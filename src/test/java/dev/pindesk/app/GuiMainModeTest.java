package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gui --production} chooses the production counter; training stays the default. */
class GuiMainModeTest {

  @Test
  void theProductionFlagChoosesProduction() {
    assertThat(GuiMain.mode(List.of("--pcsc", "--production", "--sam-reader", "ACS")))
        .isEqualTo(GuiMain.PRODUCTION);
  }

  @Test
  void theTrainingFlagChoosesTraining() {
    assertThat(GuiMain.mode(List.of("--training"))).isEqualTo(GuiMain.TRAINING);
  }

  /**
   * {@code gui} is parsed like every command (a typo is refused, not ignored), and hands the
   * options on in the form {@link GuiMain} reads.
   */
  @Test
  void theGuiCommandHandsItsOptionsOn() {
    GuiCommand gui = new GuiCommand();
    new picocli.CommandLine(gui)
        .parseArgs(
            "--production",
            "--pcsc",
            "--diagnostics",
            "--sam-reader",
            "ACS ACR39U",
            "--font-scale",
            "1.5");
    List<String> options = gui.options();
    assertThat(GuiMain.mode(options)).isEqualTo(GuiMain.PRODUCTION);
    assertThat(GuiMain.samReader(options)).contains("ACS ACR39U");
    assertThat(GuiMain.fontScale(options)).isEqualTo(1.5);
    assertThat(options).contains("--pcsc", "--diagnostics");

    GuiCommand none = new GuiCommand();
    new picocli.CommandLine(none).parseArgs();
    assertThat(none.options()).isEmpty();
  }

  @Test
  void trainingIsTheDefault() {
    // pindesk.mode / PINDESK_MODE are not set in the test JVM.
    assertThat(GuiMain.mode(List.of("--pcsc"))).isEqualTo(GuiMain.TRAINING);
  }
}
