package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ui.common.CounterRefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the production counter: the home {@code pindesk.home} (default {@code ~/.pindesk}, not its
 * {@code training} subdirectory) with a journal marked not training, the keys {@code keys init}
 * made ({@code pindesk.keys}, default {@code HOME/keys}), the operators {@code operators add} made
 * ({@code HOME/operators.db}, no demo operator), real readers and a PSAM as the only security
 * module.
 *
 * <p>Nothing is created silently: a counter that lacks keys or operators refuses to start with a
 * {@link CounterRefusedException} naming the command that supplies them, which the sign-in screen
 * shows translated; its settings (workstation id, PSAM reader) were refused already by {@link
 * CounterConfig}.
 */
final class ProductionCounter {
  static final String NO_WORKSTATION = CounterConfig.NO_WORKSTATION;
  static final String NO_KEYS = "counter.refused.no_keys";
  static final String TRAINING_KEYS = "counter.refused.training_keys";
  static final String NO_OPERATORS = "counter.refused.no_operators";
  static final String NO_SAM_READER = SecurityModuleSettings.NO_SAM_READER;
  static final String NOT_PSAM = SecurityModuleSettings.NOT_PSAM;

  private static final String OPERATORS_FILE = "operators.db";
  private static final Logger LOG = LoggerFactory.getLogger(ProductionCounter.class);

  private ProductionCounter() {}

  /** The production home: {@code pindesk.home}, else {@code ~/.pindesk}. */
  static Path home(Function<String, Optional<String>> settings) {
    return settings
        .apply("home")
        .map(Path::of)
        .orElse(Path.of(System.getProperty("user.home"), ".pindesk"));
  }

  /** The production operator directory: {@code operators.db} in the home. */
  static Path operators(Function<String, Optional<String>> settings) {
    return home(settings).resolve(OPERATORS_FILE);
  }

  /** The production key directory: {@code pindesk.keys}, else {@code keys} in the home. */
  static Path keys(Function<String, Optional<String>> settings) {
    return settings.apply("keys").map(Path::of).orElse(home(settings).resolve("keys"));
  }

  /**
   * Opens the production counter.
   *
   * @param citizen the citizen's readers (the PSAM's reader hidden)
   * @param readers every reader, the PSAM's among them
   * @param config the production counter's configuration: its workstation id and PSAM reader are
   *     there (the config refuses to be built without them)
   * @throws CounterRefusedException when keys or operators are missing (checked before anything is
   *     opened or created)
   * @throws ConfigRefusedException when the PSAM profile cannot be used
   * @throws IOException when the journal cannot be opened
   */
  static CounterRuntime open(
      CardTerminals citizen, CardTerminals readers, CardProfiles profiles, CounterConfig config)
      throws IOException {
    checkKeys(config.keys());
    Path operatorsFile = config.home().resolve(OPERATORS_FILE);
    if (!Files.isRegularFile(operatorsFile)) {
      throw new CounterRefusedException(NO_OPERATORS, operatorsFile.toString());
    }
    SqliteOperatorDirectory operators = SqliteOperatorDirectory.open(operatorsFile);
    if (operators.list().stream().noneMatch(Operator::active)) {
      operators.close();
      throw new CounterRefusedException(NO_OPERATORS, operatorsFile.toString());
    }
    SamSetup sam;
    SqliteJournalStore journal;
    try {
      sam = SamSetup.psam(readers, config);
      journal =
          CounterRuntime.openJournal(
              config.journalFile(), config.workstation(), config.keys(), false);
    } catch (IOException | RuntimeException e) {
      operators.close();
      throw e;
    }
    logAssumptions(profiles);
    return CounterRuntime.assemble(
        new CounterRuntime.Parts(
            citizen, profiles, sam, config, journal, operators, Clock.systemDefaultZone()));
  }

  /**
   * Logs, once per start of a production counter, every card profile's assumptions — the command
   * bytes without a public source a real card will receive — so the deployment's log says what it
   * relies on ({@code pindesk card profile show} lists the same).
   */
  static void logAssumptions(CardProfiles profiles) {
    profiles.all().stream()
        .filter(p -> !Boolean.TRUE.equals(p.match().trainingCard()))
        .forEach(
            p -> {
              if (p.assumptions().isEmpty()) {
                LOG.info("card profile {}: no assumptions", p.id());
              }
              p.assumptions()
                  .forEach(
                      a -> LOG.warn("card profile {} assumes (no public source): {}", p.id(), a));
            });
  }

  /** Production keys only: made by {@code keys init} without {@code --training}. */
  private static void checkKeys(Path keys) {
    for (String name :
        List.of(KeyFiles.WORKSTATION_KEY, KeyFiles.WORKSTATION_PUB, KeyFiles.SUPERVISOR_PUB)) {
      if (!Files.isRegularFile(keys.resolve(name))) {
        throw new CounterRefusedException(NO_KEYS, keys.toString());
      }
    }
    if (KeyFiles.isTraining(keys)) {
      throw new CounterRefusedException(TRAINING_KEYS, keys.toString());
    }
  }
}
