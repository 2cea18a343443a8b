package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TaskRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
 * <p>Nothing is created silently: a counter that lacks keys, operators, its workstation id or its
 * PSAM reader refuses to start with a {@link CounterRefusedException} naming the command or setting
 * that supplies it, which the sign-in screen shows translated.
 */
final class ProductionWiring {
  static final String NO_WORKSTATION = "counter.refused.no_workstation";
  static final String NO_KEYS = "counter.refused.no_keys";
  static final String TRAINING_KEYS = "counter.refused.training_keys";
  static final String NO_OPERATORS = "counter.refused.no_operators";
  static final String NO_SAM_READER = "counter.refused.no_sam_reader";
  static final String NOT_PSAM = "counter.refused.not_psam";

  private static final String OPERATORS_FILE = "operators.db";
  private static final Logger LOG = LoggerFactory.getLogger(ProductionWiring.class);

  private ProductionWiring() {}

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
   * The PSAM's reader: {@code --sam-reader} wins over {@code pindesk.sam.reader}; empty when
   * neither names one.
   */
  static Optional<String> samReader(
      Optional<String> readerOverride, Function<String, Optional<String>> settings) {
    return readerOverride.or(() -> settings.apply("sam.reader")).filter(r -> !r.isBlank());
  }

  /**
   * Opens the production counter.
   *
   * @param citizen the citizen's readers (the PSAM's reader hidden)
   * @param readers every reader, the PSAM's among them
   * @param settings the settings by name without the {@code pindesk.} prefix
   * @param readerOverride {@code --sam-reader}
   * @throws CounterRefusedException when keys, operators, the workstation id or the PSAM reader are
   *     missing (checked before anything is opened or created)
   * @throws IOException when the journal or a PSAM profile file cannot be opened
   */
  static CounterContext open(
      CardTerminals citizen,
      CardTerminals readers,
      CardProfiles profiles,
      TaskRunner runner,
      Function<String, Optional<String>> settings,
      Optional<String> readerOverride)
      throws IOException {
    String workstation =
        settings
            .apply("workstation")
            .map(String::strip)
            .filter(w -> w.matches("[A-Za-z0-9._-]{1,64}"))
            .orElseThrow(() -> new CounterRefusedException(NO_WORKSTATION));
    Path home = home(settings);
    Path keys = keys(settings);
    checkKeys(keys);
    String reader = psamReader(readerOverride, settings);
    Path operatorsFile = home.resolve(OPERATORS_FILE);
    if (!Files.isRegularFile(operatorsFile)) {
      throw new CounterRefusedException(NO_OPERATORS, operatorsFile.toString());
    }
    SqliteOperatorDirectory operators = SqliteOperatorDirectory.open(operatorsFile);
    if (operators.list().stream().noneMatch(Operator::active)) {
      operators.close();
      throw new CounterRefusedException(NO_OPERATORS, operatorsFile.toString());
    }
    SamSetup sam;
    Path journalFile = home.resolve("journal.db");
    SqliteJournalStore journal;
    try {
      sam = SamSetup.psam(readers, reader, settings);
      journal = CounterWiring.openJournal(journalFile, workstation, keys, false);
    } catch (IOException | RuntimeException e) {
      operators.close();
      throw e;
    }
    logAssumptions(profiles);
    return CounterWiring.assemble(
        new CounterWiring.Parts(
            citizen,
            profiles,
            runner,
            sam,
            home,
            workstation,
            keys,
            journalFile,
            journal,
            operators,
            false,
            Clock.systemDefaultZone(),
            settings));
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

  /** The PSAM is the production security module: {@code pindesk.sam} may only say so. */
  private static String psamReader(
      Optional<String> readerOverride, Function<String, Optional<String>> settings) {
    Optional<String> kind = settings.apply("sam").map(s -> s.strip().toLowerCase(Locale.ROOT));
    if (kind.isPresent() && !kind.get().equals("psam")) {
      throw new CounterRefusedException(NOT_PSAM, kind.get());
    }
    return samReader(readerOverride, settings)
        .orElseThrow(() -> new CounterRefusedException(NO_SAM_READER));
  }
}
