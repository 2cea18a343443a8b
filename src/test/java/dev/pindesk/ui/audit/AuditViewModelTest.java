package dev.pindesk.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfTableReport;
import dev.pindesk.domain.audit.AuditEntry;
import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.SupervisorJournal;
import dev.pindesk.service.audit.AuditCases.Outcome;
import dev.pindesk.ui.common.RecordingDialogs;
import dev.pindesk.ui.common.SameThreadExecutor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit window's view model without a toolkit, over a scripted supervisor journal: unlocking
 * (the passphrase wiped whatever happens), the filters, CSV and PDF exports of what the filters
 * show, the file choosers, and closing.
 */
class AuditViewModelTest {
  private static final Messages ZH = Messages.forTag("zh-CN");
  private static final String PASSPHRASE = "correct horse battery";
  private static final int CASES = 60;

  @TempDir Path dir;
  private final SameThreadExecutor executor = new SameThreadExecutor();
  private final RecordingDialogs dialogs = new RecordingDialogs();
  private final List<char[]> passphrasesGiven = new ArrayList<>();
  private int otherEvents;
  private int casesInJournal = CASES;

  /** A journal of {@link #casesInJournal} cases, every fifth cancelled, the rest completed. */
  private final SupervisorJournal journal =
      (file, keyStore, passphrase, sink) -> {
        passphrasesGiven.add(passphrase);
        if (!java.util.Arrays.equals(PASSPHRASE.toCharArray(), passphrase)) {
          throw new SupervisorJournal.Unavailable("audit.unavailable.passphrase", keyStore);
        }
        long seq = 0;
        for (int i = 0; i < otherEvents; i++) {
          sink.accept(new AuditEntry(++seq, Map.of("step", "app_started"), true, true));
        }
        for (int i = 0; i < casesInJournal; i++) {
          boolean cancelled = i % 5 == 0;
          String id = "C" + i;
          String clerk = i % 2 == 0 ? "zhang" : "li";
          seq = emit(sink, seq, id, clerk, i, "case_opened", "ok", null);
          seq =
              cancelled
                  ? emit(sink, seq, id, clerk, i, "case_cancelled", "cancelled", "clerk_aborted")
                  : emit(sink, seq, id, clerk, i, "case_closed", "ok", null);
        }
        return new ChainStatus(
            "WS-01", true, seq, 1, 0, Optional.empty(), 0, Optional.empty(), Optional.empty());
      };

  private static long emit(
      Consumer<AuditEntry> sink,
      long seq,
      String id,
      String clerk,
      int minute,
      String step,
      String outcome,
      String error) {
    Map<String, String> m = new HashMap<>();
    m.put("time", Instant.parse("2026-03-02T09:00:00Z").plusSeconds(60L * minute).toString());
    m.put("clerk", clerk);
    m.put("case", id);
    m.put("service", "reset");
    m.put("holder", "in_person");
    m.put("holderIdMasked", "110101********0243");
    m.put("holderNameMasked", "李**");
    m.put("step", step);
    m.put("outcome", outcome);
    if (error != null) {
      m.put("error", error);
    }
    sink.accept(new AuditEntry(seq + 1, m, true, true));
    return seq + 1;
  }

  private AuditViewModel model(Optional<Path> journalFile, Optional<Path> keyStore) {
    return new AuditViewModel(
        new AuditContext(
            journal,
            new PdfTableReport(CjkFont.bundled()),
            journalFile,
            keyStore,
            ZH,
            1.0,
            ZoneOffset.UTC),
        executor,
        dialogs);
  }

  private AuditViewModel model() {
    return model(Optional.of(dir.resolve("journal.db")), Optional.of(dir.resolve("s.p12")));
  }

  private static AuditViewModel opened(AuditViewModel model) {
    model.open(PASSPHRASE.toCharArray());
    assertThat(model.statusProperty().get()).isPresent();
    return model;
  }

  private long cancelled(AuditViewModel model) {
    return model.cases().stream().filter(c -> c.outcome() == Outcome.CANCELLED).count();
  }

  @Test
  void aWrongPassphraseIsSaidInWordsAndTheRightOneOpensTheCases() {
    AuditViewModel model = model();
    model.open("not it".toCharArray());
    assertThat(model.errorProperty().get()).contains("口令错误").doesNotContain("Exception");
    assertThat(model.statusProperty().get()).isEmpty();

    model.open(PASSPHRASE.toCharArray());
    assertThat(model.errorProperty().get()).isEmpty();
    assertThat(model.statusProperty().get().map(ChainStatus::valid)).contains(true);
    assertThat(model.cases()).hasSize(CASES);
    assertThat(model.shown()).hasSize(CASES);
    assertThat(model.clerks()).containsExactly(null, "li", "zhang");
    assertThat(model.busyProperty().get()).isFalse();
    assertThat(passphrasesGiven).as("every passphrase wiped").allMatch(p -> isWiped(p));
  }

  @Test
  void withoutAJournalOrAKeyStoreNothingIsReadAndThePassphraseIsWiped() {
    AuditViewModel model = model(Optional.empty(), Optional.of(dir.resolve("s.p12")));
    char[] typed = PASSPHRASE.toCharArray();
    model.open(typed);
    assertThat(model.errorProperty().get()).isEqualTo(ZH.get("audit.unlock.missing"));
    assertThat(typed).containsOnly('\0');
    assertThat(passphrasesGiven).isEmpty();
  }

  @Test
  void aJournalThatCannotBeReadForAnotherReasonSaysSoWithoutDetails() {
    AuditViewModel model =
        new AuditViewModel(
            new AuditContext(
                (f, k, p, s) -> {
                  throw new IllegalStateException("disk exploded");
                },
                new PdfTableReport(CjkFont.bundled()),
                Optional.of(dir.resolve("journal.db")),
                Optional.of(dir.resolve("s.p12")),
                ZH,
                1.0,
                ZoneOffset.UTC),
            executor,
            dialogs);
    char[] typed = PASSPHRASE.toCharArray();
    model.open(typed);
    assertThat(model.errorProperty().get()).isEqualTo(ZH.get("audit.unlock.failed"));
    assertThat(typed).containsOnly('\0');
  }

  @Test
  void aLongJournalSaysHowFarTheReadingIs() {
    otherEvents = 40_000;
    AuditViewModel model = opened(model());
    assertThat(model.readProperty().get()).isEqualTo(40_000);
  }

  @Test
  void aSecondOpenWhileReadingIsIgnoredAndItsPassphraseWiped() {
    AuditViewModel model = model();
    executor.hold();
    model.open(PASSPHRASE.toCharArray());
    char[] second = PASSPHRASE.toCharArray();
    model.open(second);
    assertThat(second).containsOnly('\0');
    executor.release();
    assertThat(passphrasesGiven).hasSize(1);
    assertThat(model.cases()).hasSize(CASES);
  }

  @Test
  void theFiltersShowTheCasesAskedForAndCsvExportsWhatIsShown() throws Exception {
    AuditViewModel model = opened(model());
    long cancelled = cancelled(model);
    assertThat(cancelled).isPositive();
    model.outcomeProperty().set(Outcome.CANCELLED);
    assertThat(model.shown()).hasSize((int) cancelled);
    model.clerkProperty().set("li");
    assertThat(model.shown()).allMatch(c -> c.clerk().equals("li"));
    model.clerkProperty().set(null);

    Path csv = dir.resolve("cases.csv");
    model.exportCsv(csv);
    assertThat(model.infoProperty().get()).isEqualTo(ZH.get("audit.export.done", cancelled, csv));
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("\uFEFFcase,opened,");
    assertThat(lines).hasSize(1 + (int) cancelled);
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.contains(",cancelled,"));
    assertThat(String.join("\n", lines)).doesNotContainPattern("[0-9]{17}[0-9X]");
  }

  @Test
  void thePdfReportSaysWhichCasesItHolds() throws Exception {
    AuditViewModel model = opened(model());
    Path pdf = dir.resolve("cases.pdf");
    model.exportPdf(pdf);
    assertThat(model.infoProperty().get()).contains("cases.pdf");
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc))
          .contains("PinDesk 案件审计报告")
          .contains("筛选：全部案件；共 60 个案件")
          .contains("TRAINING");
    }
  }

  @Test
  void tooManyCasesForAPdfAreRefusedBeforeAnythingIsWritten() {
    casesInJournal = AuditViewModel.PDF_MAX_CASES + 1;
    AuditViewModel model = opened(model());
    Path pdf = dir.resolve("big.pdf");
    model.exportPdf(pdf);
    assertThat(model.errorProperty().get())
        .isEqualTo(ZH.get("audit.pdf.too_many", casesInJournal, AuditViewModel.PDF_MAX_CASES));
    assertThat(pdf).doesNotExist();
  }

  @Test
  void anExportGoesWhereTheChooserSaysAndNowhereWhenItIsClosed() {
    AuditViewModel model = opened(model());
    model.exportCsv(); // the chooser is closed
    assertThat(model.infoProperty().get()).isEmpty();
    assertThat(dialogs.choosers().get(0).title()).isEqualTo(ZH.get("audit.export.title"));
    assertThat(dialogs.choosers().get(0).initialName()).contains("pindesk-cases.csv");
    assertThat(dialogs.choosers().get(0).pattern()).isEqualTo("*.csv");

    Path csv = dir.resolve("chosen.csv");
    dialogs.choose(csv);
    model.exportCsv();
    assertThat(csv).exists();
    Path pdf = dir.resolve("chosen.pdf");
    dialogs.choose(pdf);
    model.exportPdf();
    assertThat(dialogs.choosers().get(2).pattern()).isEqualTo("*.pdf");
    assertThat(pdf).exists();
  }

  @Test
  void browsingPutsTheChosenFilesIntoTheFormAndStartsInTheProposedFolder() {
    AuditViewModel model = model();
    Path other = dir.resolve("other.db");
    dialogs.choose(other);
    model.chooseJournal();
    assertThat(model.journalPathProperty().get()).isEqualTo(other.toString());
    assertThat(dialogs.choosers().get(0).initialDirectory()).contains(dir.toAbsolutePath());
    assertThat(dialogs.choosers().get(0).pattern()).isEqualTo("*.db");

    dialogs.cancelChooser();
    model.chooseKeyStore();
    assertThat(model.keyPathProperty().get()).isEqualTo(dir.resolve("s.p12").toString());
    assertThat(dialogs.choosers().get(1).pattern()).isEqualTo("*.p12");
  }

  @Test
  void closingTheJournalForgetsTheCasesAndTheFiltersAndItOpensAgain() {
    AuditViewModel model = opened(model());
    model.outcomeProperty().set(Outcome.CANCELLED);
    model.textProperty().set("C1");
    model.close();
    assertThat(model.statusProperty().get()).isEmpty();
    assertThat(model.cases()).isEmpty();
    assertThat(model.outcomeProperty().get()).isNull();
    assertThat(model.textProperty().get()).isEmpty();
    opened(model);
    assertThat(model.shown()).hasSize(CASES);
  }

  @Test
  void switchesLanguage() {
    AuditViewModel model = model();
    model.switchLanguage();
    assertThat(model.messagesProperty().get().locale().getLanguage()).isEqualTo("en");
  }

  private static boolean isWiped(char[] chars) {
    for (char c : chars) {
      if (c != '\0') {
        return false;
      }
    }
    return true;
  }
}
