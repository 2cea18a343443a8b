package dev.pindesk.ui.audit;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.SupervisorJournal;
import dev.pindesk.service.audit.AuditCases;
import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import dev.pindesk.service.audit.CaseFilter;
import dev.pindesk.ui.common.DialogService;
import dev.pindesk.ui.common.UiExecutor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The supervisor's audit view: unlock a journal with the supervisor key (read, verified and
 * decrypted off the FX thread), then the cases with filters, the selected case's steps, the chain
 * status and a CSV export of what the filters show.
 */
public final class AuditViewModel {
  private final AuditContext context;
  private final UiExecutor runner;
  private final DialogService dialogs;
  private final ObjectProperty<Messages> messages;
  private final StringProperty journalPath = new SimpleStringProperty("");
  private final StringProperty keyPath = new SimpleStringProperty("");
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty info = new SimpleStringProperty("");
  private final javafx.beans.property.LongProperty read =
      new javafx.beans.property.SimpleLongProperty();
  private final ObjectProperty<Optional<ChainStatus>> status =
      new SimpleObjectProperty<>(Optional.empty());
  private final ObservableList<Case> cases = FXCollections.observableArrayList();
  private final FilteredList<Case> shown = new FilteredList<>(cases, c -> true);
  private final ObservableList<String> clerks = FXCollections.observableArrayList();
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
  private final ObjectProperty<String> clerk = new SimpleObjectProperty<>(); // null: every clerk
  private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
  private final StringProperty text = new SimpleStringProperty("");
  private final ObjectProperty<Case> selected = new SimpleObjectProperty<>();
  private long unreadable;

  public AuditViewModel(AuditContext context, UiExecutor runner, DialogService dialogs) {
    this.context = context;
    this.runner = runner;
    this.dialogs = dialogs;
    this.messages = new SimpleObjectProperty<>(context.messages());
    context.journal().ifPresent(p -> journalPath.set(p.toString()));
    context.keyStore().ifPresent(p -> keyPath.set(p.toString()));
    from.addListener((o, a, b) -> refilter());
    to.addListener((o, a, b) -> refilter());
    clerk.addListener((o, a, b) -> refilter());
    clerks.setAll(java.util.Collections.singletonList((String) null));
    outcome.addListener((o, a, b) -> refilter());
    text.addListener((o, a, b) -> refilter());
  }

  /**
   * Opens the journal with the key store and {@code passphrase}, which is wiped once read (on the
   * background thread, whatever happens).
   */
  public void open(char[] passphrase) {
    if (busy.get()) {
      Secrets.wipe(passphrase);
      return;
    }
    error.set("");
    info.set("");
    if (journalPath.get().isBlank() || keyPath.get().isBlank()) {
      Secrets.wipe(passphrase);
      error.set(messages.get().get("audit.unlock.missing"));
      return;
    }
    Path journal = Path.of(journalPath.get().strip());
    Path key = Path.of(keyPath.get().strip());
    SupervisorJournal reader = context.reader();
    busy.set(true);
    read.set(0);
    runner.run(
        () -> {
          AuditCases collected = new AuditCases();
          long[] count = {0};
          try {
            ChainStatus s =
                reader.read(
                    journal,
                    key,
                    passphrase,
                    e -> {
                      collected.add(e);
                      // a million events take seconds: say how far it is, now and then
                      if (++count[0] % 20_000 == 0) {
                        long n = count[0];
                        runner.onUi(() -> read.set(n));
                      }
                    });
            return new Loaded(s, collected.cases(), collected.unreadable());
          } finally {
            Secrets.wipe(passphrase);
          }
        },
        this::loaded,
        failure -> {
          busy.set(false);
          if (failure instanceof SupervisorJournal.Unavailable u) {
            error.set(messages.get().get(u.messageKey(), u.args()));
          } else {
            org.slf4j.LoggerFactory.getLogger(AuditViewModel.class)
                .error("the journal could not be read", failure);
            error.set(messages.get().get("audit.unlock.failed"));
          }
        });
  }

  private record Loaded(ChainStatus status, List<Case> cases, long unreadable) {}

  private void loaded(Loaded l) {
    busy.set(false);
    unreadable = l.unreadable();
    TreeSet<String> names = new TreeSet<>();
    l.cases().forEach(c -> names.add(c.clerk()));
    clerks.setAll(java.util.Collections.singletonList((String) null));
    clerks.addAll(names);
    cases.setAll(l.cases());
    status.set(Optional.of(l.status()));
  }

  /** Chinese ↔ English, as the counter's language button does. */
  public void switchLanguage() {
    boolean english = "en".equals(messages.get().locale().getLanguage());
    messages.set(
        Messages.of(english ? java.util.Locale.SIMPLIFIED_CHINESE : java.util.Locale.ENGLISH));
  }

  /** Back to the unlock form; the decrypted cases are dropped. */
  public void close() {
    clearFilters();
    cases.clear(); // the table's selection, which selected follows, goes with its rows
    status.set(Optional.empty());
  }

  public void clearFilters() {
    from.set(null);
    to.set(null);
    clerk.set(null);
    outcome.set(null);
    text.set("");
  }

  private void refilter() {
    CaseFilter f =
        new CaseFilter(
            Optional.ofNullable(from.get()),
            Optional.ofNullable(to.get()),
            Optional.ofNullable(clerk.get()),
            Optional.ofNullable(outcome.get()),
            Optional.ofNullable(text.get()).orElse(""),
            context.zone());
    shown.setPredicate(f);
  }

  /** "Browse…" beside the journal: the chosen file goes into the form. */
  public void chooseJournal() {
    choose(journalPath, "audit.unlock.journal", "*.db");
  }

  /** "Browse…" beside the key store: the chosen file goes into the form. */
  public void chooseKeyStore() {
    choose(keyPath, "audit.unlock.key", "*.p12");
  }

  private void choose(StringProperty target, String titleKey, String pattern) {
    // The chooser opens where the file proposed (or typed) lies, when that folder exists.
    Optional<Path> folder =
        Optional.of(target.get().strip())
            .filter(t -> !t.isEmpty())
            .map(t -> Path.of(t).toAbsolutePath().getParent())
            .filter(java.nio.file.Files::isDirectory);
    dialogs
        .chooseFileToOpen(
            new DialogService.FileChoice(
                messages.get().get(titleKey), pattern, pattern, Optional.empty(), folder))
        .ifPresent(p -> target.set(p.toString()));
  }

  /**
   * "Export CSV": asks where, then {@link #exportCsv(Path)}; nothing when the chooser is closed.
   */
  public void exportCsv() {
    chooseExport("pindesk-cases.csv", "CSV", "*.csv").ifPresent(this::exportCsv);
  }

  /**
   * "Export PDF": asks where, then {@link #exportPdf(Path)}; nothing when the chooser is closed.
   */
  public void exportPdf() {
    chooseExport("pindesk-cases.pdf", "PDF", "*.pdf").ifPresent(this::exportPdf);
  }

  private Optional<Path> chooseExport(String name, String kind, String pattern) {
    return dialogs.chooseFileToSave(
        new DialogService.FileChoice(
            messages.get().get("audit.export.title"),
            kind,
            pattern,
            Optional.of(name),
            Optional.empty()));
  }

  /**
   * Writes the cases the filters show to {@code file} as CSV (UTF-8 with a BOM, for Excel), off the
   * FX thread; masked identities only.
   */
  public void exportCsv(Path file) {
    error.set("");
    info.set("");
    List<Case> rows = List.copyOf(shown);
    busy.set(true);
    runner.run(
        () -> {
          AuditExports.csv(file, rows, context.zone());
          return rows.size();
        },
        n -> {
          busy.set(false);
          info.set(messages.get().get("audit.export.done", n, file.toString()));
        },
        failure -> {
          busy.set(false);
          org.slf4j.LoggerFactory.getLogger(AuditViewModel.class)
              .error("CSV export to {} failed", file, failure);
          error.set(messages.get().get("audit.export.failed", file.toString()));
        });
  }

  /** The most cases a PDF takes (a few hundred pages); CSV takes any number. */
  public static final int PDF_MAX_CASES = 5_000;

  /**
   * Writes the cases the filters show to {@code file} as a PDF report in the window's language, off
   * the FX thread: the journal, its chain status and the filters at the top.
   */
  public void exportPdf(Path file) {
    error.set("");
    info.set("");
    List<Case> rows = List.copyOf(shown);
    if (rows.size() > PDF_MAX_CASES) {
      error.set(messages.get().get("audit.pdf.too_many", rows.size(), PDF_MAX_CASES));
      return;
    }
    dev.pindesk.ports.TableReport.Content content =
        AuditExports.report(
            messages.get(),
            rows,
            cases.size(),
            status.get().orElseThrow(),
            journalPath.get(),
            filterText(messages.get()),
            context.zone());
    busy.set(true);
    runner.run(
        () -> {
          context.report().write(file, content);
          return rows.size();
        },
        n -> {
          busy.set(false);
          info.set(messages.get().get("audit.export.done", n, file.toString()));
        },
        failure -> {
          busy.set(false);
          org.slf4j.LoggerFactory.getLogger(AuditViewModel.class)
              .error("PDF export to {} failed", file, failure);
          String key =
              failure instanceof dev.pindesk.ports.TableReport.Failed f
                  ? f.messageKey()
                  : "report.not_written";
          error.set(messages.get().get(key, file.toString()));
        });
  }

  /** The filters in words, "all cases" without any. */
  private String filterText(Messages m) {
    List<String> parts = new java.util.ArrayList<>();
    if (from.get() != null) {
      parts.add(m.get("audit.filter.from") + " " + from.get());
    }
    if (to.get() != null) {
      parts.add(m.get("audit.filter.to") + " " + to.get());
    }
    if (clerk.get() != null) {
      parts.add(m.get("audit.filter.clerk") + " " + clerk.get());
    }
    if (outcome.get() != null) {
      parts.add(
          m.get("audit.filter.outcome") + " " + m.get("audit.outcome." + outcome.get().wireName()));
    }
    if (!Optional.ofNullable(text.get()).orElse("").isBlank()) {
      parts.add("\u201C" + text.get().strip() + "\u201D");
    }
    return parts.isEmpty() ? m.get("audit.pdf.no_filter") : String.join(", ", parts);
  }

  public ObjectProperty<Messages> messagesProperty() {
    return messages;
  }

  public StringProperty journalPathProperty() {
    return journalPath;
  }

  public StringProperty keyPathProperty() {
    return keyPath;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** Events decrypted so far while a journal opens (updated every 20,000). */
  public javafx.beans.property.LongProperty readProperty() {
    return read;
  }

  public StringProperty infoProperty() {
    return info;
  }

  public ObjectProperty<Optional<ChainStatus>> statusProperty() {
    return status;
  }

  /** Every case of the journal. */
  public ObservableList<Case> cases() {
    return cases;
  }

  /** The cases the filters let through. */
  public FilteredList<Case> shown() {
    return shown;
  }

  public ObservableList<String> clerks() {
    return clerks;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObjectProperty<String> clerkProperty() {
    return clerk;
  }

  public ObjectProperty<Outcome> outcomeProperty() {
    return outcome;
  }

  public StringProperty textProperty() {
    return text;
  }

  public ObjectProperty<Case> selectedProperty() {
    return selected;
  }

  /** Events the key could not decrypt (another supervisor's segments). */
  public long unreadable() {
    return unreadable;
  }

  public java.time.ZoneId zone() {
    return context.zone();
  }
}
