package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.TrainingOperators;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TaskRunner;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training counter is unchanged by the production wiring beside it: its own {@code training}
 * home, a journal marked training, training keys made on demand, the demo operator.
 */
class CounterWiringTrainingTest {
  private static final Messages ZH = Messages.forTag("zh-CN");

  @TempDir Path dir;
  private final TaskRunner runner = new TaskRunner();

  @AfterEach
  void clear() {
    System.clearProperty("pindesk.home");
    System.clearProperty("pindesk.training.keys");
    System.clearProperty("pindesk.idle.minutes");
    System.clearProperty("pindesk.agent.regions");
    System.clearProperty("pindesk.pin.policy");
    runner.close();
  }

  @Test
  void opensTheTrainingHomeWithTrainingJournalKeysAndDemoOperator() throws Exception {
    System.setProperty("pindesk.home", dir.toString());
    System.setProperty("pindesk.training.keys", dir.resolve("training-keys").toString());

    CounterContext counter =
        CounterWiring.training(
            new InProcessCardTerminals(),
            CardProfiles.builtIn(),
            runner,
            new SamSetup(new TrainingSecurityModule(), Optional.empty()));

    Path journal = dir.resolve("training").resolve("journal.db");
    assertThat(JournalVerifier.verify(journal, Optional.empty()).info().orElseThrow().training())
        .isTrue();
    assertThat(KeyFiles.isTraining(dir.resolve("training-keys"))).isTrue();
    assertThat(dir.resolve("journal.db")).doesNotExist();
    assertThat(counter.signIn().signIn(TrainingOperators.DEMO_ID, "demo".toCharArray()).succeeded())
        .isTrue();
    assertThat(counter.securityModule()).isEqualTo("status.sm.training");
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
    System.setProperty("pindesk.idle.minutes", "5m");
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            e ->
                assertThat(ZH.get(e.messageKey(), e.args()))
                    .contains("pindesk.idle.minutes", "5m"));
  }

  @Test
  void agentRegionsThatAreNotAPolicyStopTheStart() {
    trainingHome();
    System.setProperty("pindesk.agent.regions", "Beijing");
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            e ->
                assertThat(ZH.get(e.messageKey(), e.args()))
                    .contains("pindesk.agent.regions", "Beijing"));
  }

  @Test
  void aPinPolicyFileThatCannotBeUsedStopsTheStartNamingFileAndProblem() throws Exception {
    trainingHome();
    Path policy = dir.resolve("pin-policy.json");
    java.nio.file.Files.writeString(
        policy,
        "{\"format\": \"pindesk-pin-policy/1\", \"initialPins\": [\"8888\"], \"tryLimit\": 3}");
    System.setProperty("pindesk.pin.policy", policy.toString());
    assertThatThrownBy(this::open)
        .isInstanceOfSatisfying(
            CounterRefusedException.class,
            e ->
                assertThat(ZH.get(e.messageKey(), e.args()))
                    .contains(policy.toString(), "initialPins[0]", "6 位数字"));
  }

  private void trainingHome() {
    System.setProperty("pindesk.home", dir.toString());
    System.setProperty("pindesk.training.keys", dir.resolve("training-keys").toString());
  }

  private CounterContext open() throws Exception {
    return CounterWiring.training(
        new InProcessCardTerminals(),
        CardProfiles.builtIn(),
        runner,
        new SamSetup(new TrainingSecurityModule(), Optional.empty()));
  }
}
