package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.signin.TrainingOperators;
import dev.pindesk.ui.common.CounterRefusedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training counter is unchanged by the production wiring beside it: its own {@code training}
 * home, a journal marked training, training keys made on demand, the demo operator.
 */
class TrainingCounterTest {
  private static final Messages ZH = Messages.forTag("zh-CN");
  private static final String SOURCE = "环境变量 PINDESK_X";

  @TempDir Path dir;
  private final List<CounterRuntime> opened = new ArrayList<>();

  /** The machine's settings, by name without the {@code pindesk.} prefix. */
  private final Map<String, String> settings = new HashMap<>();

  @AfterEach
  void close() {
    opened.forEach(CounterRuntime::close);
  }

  @Test
  void opensTheTrainingHomeWithTrainingJournalKeysAndDemoOperator() throws Exception {
    trainingHome();

    CounterSession counter = open().session();

    Path journal = dir.resolve("training").resolve("journal.db");
    assertThat(JournalVerifier.verify(journal, Optional.empty()).info().orElseThrow().training())
        .isTrue();
    assertThat(KeyFiles.isTraining(dir.resolve("training-keys"))).isTrue();
    assertThat(dir.resolve("journal.db")).doesNotExist();
    assertThat(
            counter
                .signIn(TrainingOperators.DEMO_ID, "demo".toCharArray())
                .toCompletableFuture()
                .join()
                .succeeded())
        .isTrue();
    assertThat(counter.info().securityModuleKey()).isEqualTo("status.sm.training");
    assertThat(counter.info().training()).isTrue();
  }

  @Test
  void aSecondCounterOnTheSameJournalIsToldToCloseTheOther() throws Exception {
    trainingHome();
    open();

    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("counter.refused.journal_in_use");
              assertThat(ZH.get(e.messageKey(), e.args()))
                  .contains("关闭另一个 PinDesk")
                  .contains(dir.resolve("training").resolve("journal.db").toString());
            });
  }

  @Test
  void settingsThatAreNotValuesStopTheStartWithTheirName() {
    trainingHome();
    settings.put("idle.minutes", "5m");
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            ConfigRefusedException.class,
            e -> assertThat(e.describe(ZH)).contains("pindesk.idle.minutes", "5m", SOURCE));
  }

  @Test
  void agentRegionsThatAreNotAPolicyStopTheStart() {
    trainingHome();
    settings.put("agent.regions", "Beijing");
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            ConfigRefusedException.class,
            e -> assertThat(e.describe(ZH)).contains("pindesk.agent.regions", "Beijing", SOURCE));
  }

  @Test
  void aPinPolicyFileThatCannotBeUsedStopsTheStartNamingFileAndProblem() throws Exception {
    trainingHome();
    Path policy = dir.resolve("pin-policy.json");
    java.nio.file.Files.writeString(
        policy,
        "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [\"8888\"], \"tryLimit\": 3}");
    settings.put("pin.policy", policy.toString());
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            ConfigRefusedException.class,
            e ->
                assertThat(e.describe(ZH))
                    .contains("pindesk.pin.policy", SOURCE)
                    .contains(policy.toString(), "initialPins[0]", "6 位数字"));
  }

  @Test
  void aCertifiedReaderWhoseLibraryIsMissingStopsTheStartSayingWhatToCheck() throws Exception {
    trainingHome();
    Path library = dir.resolve("libSSCard.so");
    settings.put("device", "sscard");
    settings.put("sscard.library", library.toString());
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo("counter.refused.sscard");
              assertThat(ZH.get(e.messageKey(), e.args()))
                  .contains(library.toString(), "pindesk.sscard.library");
            });
    // The refusal closed what the start had opened: the journal can be opened again.
    settings.put("device", "pcsc");
    open();
  }

  @Test
  void aVendorReturnCodeTableThatIsNotOneStopsTheStartNamingTheSetting() throws Exception {
    trainingHome();
    Path codes = dir.resolve("codes.properties");
    java.nio.file.Files.writeString(codes, "-2201=no_such_meaning\n");
    settings.put("device", "sscard");
    settings.put("sscard.library", dir.resolve("libSSCard.so").toString());
    settings.put("sscard.codes", codes.toString());
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            ConfigRefusedException.class,
            e -> assertThat(e.describe(ZH)).contains("pindesk.sscard.codes", "-2201=use_hsm"));
  }

  private void trainingHome() {
    settings.put("home", dir.toString());
    settings.put("training.keys", dir.resolve("training-keys").toString());
  }

  @Test
  void closingStopsTheCounterInOrderOnceAndTheJournalEndsWithTheStop() throws Exception {
    trainingHome();
    CounterRuntime runtime = open();
    CounterSession session = runtime.session();
    session.signIn(TrainingOperators.DEMO_ID, "demo".toCharArray()).toCompletableFuture().join();

    runtime.close();
    runtime.close(); // the window and the JVM's shutdown both ask: one stop

    Path journal = dir.resolve("training").resolve("journal.db");
    List<Object> steps = new ArrayList<>();
    var supervisor =
        KeyFiles.supervisor(
            dir.resolve("training-keys").resolve(KeyFiles.SUPERVISOR_P12),
            java.nio.file.Files.readString(
                    dir.resolve("training-keys").resolve(KeyFiles.TRAINING_PASSPHRASE_FILE))
                .strip()
                .toCharArray());
    var report =
        JournalExporter.export(journal, supervisor, e -> steps.add(e.members().get("step")));
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(steps).containsExactly("app_started", "clerk_signed_in", "app_stopped");
    assertThat(session.openCase(ServiceKind.RESET, HolderKind.IN_PERSON, "demo"))
        .as("a closed counter takes no new case")
        .failsWithin(java.time.Duration.ofSeconds(5));
    // and the journal may be opened again: nothing holds it
    opened.clear();
    open().close();
  }

  private CounterRuntime open() throws Exception {
    CounterConfig config =
        CounterConfig.from(
            CounterOptions.none(),
            SettingLookup.of(settings, SettingSource.environment("PINDESK_X")),
            dir.resolve("user-home"));
    CounterRuntime runtime =
        TrainingCounter.open(
            new InProcessCardTerminals(),
            CardProfiles.builtIn(),
            new SamSetup(new TrainingSecurityModule(), Optional.empty()),
            config);
    opened.add(runtime);
    return runtime;
  }
}
