package dev.pindesk.ui.wizard;

import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.counter.ReceiptRequest;
import java.nio.file.Path;
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
  private final CounterSession session;
  private final ObjectProperty<Optional<Path>> saved = new SimpleObjectProperty<>(Optional.empty());

  ReceiptActions(WizardViewModel model, CounterSession session) {
    this.model = model;
    this.session = session;
    model.caseIdProperty().addListener((o, a, b) -> saved.set(Optional.empty()));
  }

  /** Writes the receipt PDF and shows where it went. */
  public void save() {
    ReceiptRequest request = request();
    model.background(
        () -> session.saveReceipt(request),
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
    ReceiptRequest request = request();
    model.background(
        () -> session.printReceipt(request),
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

  /** What the receipt needs from the screen, read on the UI thread. */
  private ReceiptRequest request() {
    return new ReceiptRequest(model.messages().get().locale(), model.operatorIdProperty().get());
  }
}
