package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.signin.TrainingOperators;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;

/**
 * The composition root of the training counter (the production counter is {@link
 * ProductionCounter}; what both share is {@link CounterRuntime}): training keys and journal, the
 * training operator directory with its demo operator, the security module of the settings (training
 * keys by default, or a PSAM), the on-screen customer PIN pad. Everything lives under {@code
 * ~/.pindesk/training} (or {@code pindesk.home}), apart from any production data.
 */
final class TrainingCounter {
  private TrainingCounter() {}

  /**
   * @param terminals the citizen's readers (the security module's reader hidden)
   * @param sam the security module the config chose (training keys unless a PSAM is configured)
   * @param config the training counter's configuration (its home, keys and workstation id)
   */
  static CounterRuntime open(
      CardTerminals terminals, CardProfiles profiles, SamSetup sam, CounterConfig config)
      throws IOException {
    Files.createDirectories(config.home());
    Clock clock = Clock.systemDefaultZone();
    KeyFiles.ensureTrainingKeys(config.keys());
    SqliteJournalStore journal =
        CounterRuntime.openJournal(config.journalFile(), config.workstation(), config.keys(), true);
    SqliteOperatorDirectory operators;
    try {
      operators = SqliteOperatorDirectory.open(config.home().resolve("operators.db"));
      TrainingOperators.ensureDemo(operators, clock);
    } catch (RuntimeException e) {
      closeQuietly(journal);
      throw e;
    }
    return CounterRuntime.assemble(
        new CounterRuntime.Parts(terminals, profiles, sam, config, journal, operators, clock));
  }

  private static void closeQuietly(SqliteJournalStore journal) {
    try {
      journal.close();
    } catch (dev.pindesk.domain.audit.JournalException e) {
      // the journal's own failure is in the log; the start is refused with the first one
    }
  }
}
