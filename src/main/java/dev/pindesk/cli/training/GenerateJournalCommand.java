package dev.pindesk.cli.training;

import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.service.audit.SyntheticJournalGenerator;
import dev.pindesk.service.audit.TrainingJournalGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code training generate-journal --cases N --out PATH [--seed S] [--keys DIR] [--synthetic]}: a
 * realistic training journal under the keys in DIR (training keys are created there when absent).
 * By default every case is served through the real case service against in-process virtual training
 * cards and the training security module, headlessly; {@code --synthetic} writes the same kind of
 * events without serving them, much faster, for the very large journals of benchmarks. Written
 * without fsync per entry: these journals are for demos, tests and benchmarks, not the counter.
 */
@Command(
    name = "generate-journal",
    description =
        "Generate a realistic training journal: every case served through the real case service"
            + " against virtual training cards and the training security module (about 800"
            + " cases/s). --synthetic writes the events without serving cases (about 1,300"
            + " cases/s): the fast path for very large benchmark journals.")
public final class GenerateJournalCommand implements Callable<Integer> {
  private final Messages messages;

  @Spec CommandSpec spec;

  @Option(names = "--cases", required = true, description = "Number of cases.")
  int cases;

  @Option(names = "--out", required = true, paramLabel = "PATH", description = "New journal file.")
  Path out;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description = "Key directory (default: training keys).")
  Path keys;

  @Option(names = "--workstation", description = "Workstation id (default: ${DEFAULT-VALUE}).")
  String workstation = "TRAINING-WS-01";

  @Option(
      names = "--synthetic",
      description =
          "Fast path: synthesise the events instead of serving cases (no case service, card or"
              + " security module).")
  boolean synthetic;

  private final CliServices services;

  public GenerateJournalCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = keys != null ? keys : services.trainingKeys();
    if (Files.exists(out)) {
      err.println(messages.get("cli.journal.error", messages.get("cli.training.outExists", out)));
      return 2;
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      err.println(messages.get("cli.journal.error", messages.get("cli.training.noDir", parent)));
      return 2;
    }
    try {
      services.keys().ensureTraining(dir);
      SteppingClock clock = new SteppingClock(Instant.parse("2025-03-03T01:00:00Z"));
      long events;
      JournalStore opened;
      try {
        opened = services.createTrainingJournal(out, workstation, dir, clock);
      } catch (JournalException e) {
        err.println(
            messages.get(
                "cli.journal.error", messages.get("cli.training.cannotOpen", out, e.getMessage())));
        return 1;
      }
      try (JournalStore store = opened) {
        events =
            synthetic
                ? new SyntheticJournalGenerator(seed, clock, store).generate(cases)
                : new TrainingJournalGenerator(
                        seed,
                        clock,
                        store,
                        services.trainingCardDesk(),
                        services.trainingSecurityModule(),
                        CardProfiles.builtIn())
                    .generate(cases);
      }
      o.println(
          messages.get(
              "cli.training.generated",
              String.valueOf(cases),
              String.valueOf(events),
              out.toString(),
              dir.toString()));
      return 0;
    } catch (JournalException e) {
      // An append failed (mostly a full disk); what was appended before stays a valid journal.
      err.println(messages.get("cli.journal.error", messages.get("cli.training.notWritable", out)));
      return 1;
    } catch (IOException | IllegalArgumentException e) {
      err.println(messages.get("cli.journal.error", e.getMessage()));
      return 1;
    }
  }
}
