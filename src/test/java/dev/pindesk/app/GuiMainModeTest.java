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
  void trainingIsTheDefault() {
    // pindesk.mode / PINDESK_MODE are not set in the test JVM.
    assertThat(GuiMain.mode(List.of("--pcsc"))).isEqualTo(GuiMain.TRAINING);
  }
}
