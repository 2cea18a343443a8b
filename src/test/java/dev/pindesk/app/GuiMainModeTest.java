package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code gui --production} chooses the production counter; training stays the default. */
class GuiMainModeTest {
  private static final SettingLookup NO_SETTINGS = name -> Optional.empty();

  private static CounterOptions parsed(String... args) {
    GuiCommand gui = new GuiCommand();
    new picocli.CommandLine(gui).parseArgs(args);
    return gui.counterOptions();
  }

  private static CounterConfig config(CounterOptions options, SettingLookup settings) {
    return CounterConfig.from(options, settings, Path.of("/home/clerk"));
  }

  @Test
  void theProductionFlagChoosesProduction() {
    CounterOptions options = parsed("--pcsc", "--production", "--sam-reader", "ACS");
    SettingLookup workstation =
        SettingLookup.of(Map.of("workstation", "SC-01"), SettingSource.byDefault());

    assertThat(config(options, workstation).mode()).isEqualTo(CounterConfig.Mode.PRODUCTION);
  }

  @Test
  void theTrainingFlagChoosesTraining() {
    SettingLookup production =
        SettingLookup.of(Map.of("mode", "production"), SettingSource.byDefault());

    assertThat(config(parsed("--training"), production).mode())
        .isEqualTo(CounterConfig.Mode.TRAINING);
  }

  /**
   * {@code gui} is parsed like every command (a typo is refused, not ignored), and hands the
   * options on typed, never as strings to parse again.
   */
  @Test
  void theGuiCommandHandsItsOptionsOn() {
    CounterOptions options =
        parsed(
            "--production",
            "--pcsc",
            "--diagnostics",
            "--sam-reader",
            "ACS ACR39U",
            "--font-scale",
            "1.5");

    assertThat(options)
        .isEqualTo(
            new CounterOptions(
                Optional.of(CounterConfig.Mode.PRODUCTION),
                true,
                true,
                Optional.of("ACS ACR39U"),
                Optional.of(1.5)));
    assertThat(parsed()).isEqualTo(CounterOptions.none());
  }

  @Test
  void trainingIsTheDefault() {
    assertThat(config(parsed("--pcsc"), NO_SETTINGS).mode()).isEqualTo(CounterConfig.Mode.TRAINING);
  }
}
