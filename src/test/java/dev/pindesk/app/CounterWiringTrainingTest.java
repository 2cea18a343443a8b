package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.service.signin.TrainingOperators;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.TaskRunner;
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
  @TempDir Path dir;
  private final TaskRunner runner = new TaskRunner();

  @AfterEach
  void clear() {
    System.clearProperty("pindesk.home");
    System.clearProperty("pindesk.training.keys");
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
}
