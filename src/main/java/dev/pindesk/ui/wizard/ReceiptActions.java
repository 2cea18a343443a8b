package dev.pindesk.ui.wizard;

import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.ports.ReceiptPrinter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The receipt step's buttons: save the receipt PDF, print it. Both run in the background (font
 * loading, the print dialog) and report through the wizard's notice; the receipt carries masked
 * personal data only.
 */
public final class ReceiptActions {
  private final WizardViewModel model;
  private final WizardServices services;
  private final ObjectProperty<Optional<Path>> saved = new SimpleObjectProperty<>(Optional.empty());

  ReceiptActions(WizardViewModel model, WizardServices services) {
    this.model = model;
    this.services = services;
    model.caseIdProperty().addListener((o, a, b) -> saved.set(Optional.empty()));
  }

  /** Writes the receipt PDF and shows where it went. */
  public void save() {
    Job job = job();
    model.background(
        () -> services.receipts().render(job.receipt(), job.locale()),
        path -> {
          saved.set(Optional.of(path));
          model
              .noticeProperty()
              .set(Optional.of(Notice.of(Notice.Kind.SUCCESS, "receipt.saved", path)));
        });
  }

  /**
   * Writes the receipt PDF, then prints it through the print dialog; a sent job is journaled
   * ({@code receipt_printed}), a cancelled dialog is not.
   */
  public void print() {
    Job job = job();
    model.background(
        () -> {
          Path path = services.receipts().render(job.receipt(), job.locale());
          boolean sent;
          try {
            sent = services.receipts().print(path);
          } catch (ReceiptPrinter.ReceiptException e) {
            // A failed job is an event of the case; a counter without any printer is not (its
            // configuration, the same for every case). The PDF is kept: it may be printed again.
            if ("receipt.not_printed".equals(e.messageKey())) {
              services.cases().receiptNotPrinted();
            }
            throw e;
          }
          if (sent) {
            services.cases().receiptPrinted();
          }
          return new Printed(path, sent);
        },
        printed -> {
          saved.set(Optional.of(printed.path()));
          model
              .noticeProperty()
              .set(
                  Optional.of(
                      printed.sent()
                          ? Notice.of(Notice.Kind.SUCCESS, "receipt.printed")
                          : Notice.of(Notice.Kind.INFO, "receipt.saved", printed.path())));
        });
  }

  /** The last receipt file written for the current case. */
  public ObjectProperty<Optional<Path>> savedProperty() {
    return saved;
  }

  private record Printed(Path path, boolean sent) {}

  /** What the worker needs, read on the FX thread; the case is read on the worker. */
  private Job job() {
    return new Job(
        model.messages().get().locale(), model.operatorIdProperty().get(), model.training());
  }

  private final class Job {
    private final Locale locale;
    private final String operator;
    private final boolean training;

    Job(Locale locale, String operator, boolean training) {
      this.locale = locale;
      this.operator = operator;
      this.training = training;
    }

    Locale locale() {
      return locale;
    }

    Receipt receipt() {
      return services
          .cases()
          .receipt(LocalDateTime.now(services.clock()), services.workstation(), operator, training);
    }
  }
}
