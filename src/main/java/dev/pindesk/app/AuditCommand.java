package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfTableReport;
import dev.pindesk.ui.audit.AuditApp;
import dev.pindesk.ui.audit.AuditContext;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code audit [--journal PATH] [--key P12] [--training] [--font-scale F]}: the supervisor's audit
 * window. Without {@code --journal} it proposes this computer's counter journal (the training one
 * with {@code --training}); the supervisor key store is the supervisor's to choose, except the
 * training one, proposed with {@code --training}.
 */
@Command(name = "audit", description = "Open the supervisor's audit window on a journal.")
final class AuditCommand implements Callable<Integer> {
  @Option(
      names = "--journal",
      paramLabel = "PATH",
      description = "The journal (default: this counter's journal.db).")
  Path journal;

  @Option(
      names = "--key",
      paramLabel = "P12",
      description = "The supervisor key store, supervisor.p12 (default: chosen in the window).")
  Path key;

  @Option(
      names = "--training",
      description = "The training journal and the training supervisor key store.")
  boolean training;

  @Option(
      names = "--font-scale",
      paramLabel = "FACTOR",
      description = "Text size, e.g. 1.25 (default: pindesk.font.scale, else 1).")
  Double fontScale;

  @Override
  public Integer call() {
    int noDisplay = Display.explainIfMissing();
    if (noDisplay != 0) {
      return noDisplay;
    }
    Path home = ProductionCounter.home(Settings::get);
    Path defaultJournal =
        training ? home.resolve("training").resolve("journal.db") : home.resolve("journal.db");
    Optional<Path> defaultKey =
        training
            ? Optional.of(CliWiring.trainingKeys(Settings::get).resolve(KeyFiles.SUPERVISOR_P12))
            : Optional.empty();
    double scale = CounterConfig.auditFontScale(Optional.ofNullable(fontScale), Settings.lookup());
    AuditApp.launch(
        new AuditContext(
            new SupervisorJournalReader(),
            // the receipt's font (pindesk.receipt.font, a system font, the bundled one) also
            // shows Chinese in the report
            new PdfTableReport(CjkFont.lookup(Settings.get("receipt.font").map(Path::of))),
            Optional.ofNullable(journal).or(() -> Optional.of(defaultJournal)),
            Optional.ofNullable(key).or(() -> defaultKey),
            Settings.messages(),
            scale,
            ZoneId.systemDefault()));
    return 0;
  }
}
