package dev.pindesk.ui.wizard;

import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdCheck;
import dev.pindesk.domain.id.IdDocument;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One identity document being checked: number with live GB 11643 validation, expiry, and the
 * clerk's visual checklist. Complete only when the number is valid, the document is not expired and
 * every check is ticked.
 */
public final class IdDocumentFormModel {
  private final StringProperty number = new SimpleStringProperty("");
  private final StringProperty name = new SimpleStringProperty("");
  private final ObjectProperty<LocalDate> expiry = new SimpleObjectProperty<>();
  private final BooleanProperty longTerm = new SimpleBooleanProperty();
  private final BooleanProperty photoMatches = new SimpleBooleanProperty();
  private final BooleanProperty intact = new SimpleBooleanProperty();
  private final ObjectBinding<IdCheck> check;
  private final BooleanBinding expired;
  private final BooleanBinding complete;

  public IdDocumentFormModel(Clock clock) {
    check =
        Bindings.createObjectBinding(
            () ->
                CitizenId.check(
                    number.get().strip().toUpperCase(Locale.ROOT), LocalDate.now(clock)),
            number);
    expired =
        Bindings.createBooleanBinding(
            () ->
                !longTerm.get()
                    && expiry.get() != null
                    && LocalDate.now(clock).isAfter(expiry.get()),
            expiry,
            longTerm);
    complete =
        Bindings.createBooleanBinding(
            () ->
                check.get().isValid()
                    && !name.get().isBlank()
                    && (longTerm.get() || expiry.get() != null)
                    && !expired.get()
                    && photoMatches.get()
                    && intact.get(),
            check,
            name,
            expiry,
            longTerm,
            expired,
            photoMatches,
            intact);
  }

  /** The checked document, when the form is complete. */
  public Optional<IdDocument> document() {
    if (!complete.get()) {
      return Optional.empty();
    }
    return check
        .get()
        .id()
        .map(
            id ->
                new IdDocument(
                    id, longTerm.get() ? LocalDate.MAX : expiry.get(), name.get().strip()));
  }

  /** Fills the form from an ID reader; the clerk still ticks the visual checks. */
  public void fill(IdDocument document) {
    number.set(document.id().value());
    name.set(document.name());
    boolean noExpiry = document.validUntil().equals(LocalDate.MAX);
    longTerm.set(noExpiry);
    expiry.set(noExpiry ? null : document.validUntil());
  }

  public void clear() {
    number.set("");
    name.set("");
    expiry.set(null);
    longTerm.set(false);
    photoMatches.set(false);
    intact.set(false);
  }

  public StringProperty numberProperty() {
    return number;
  }

  /** The name as printed on the document, compared with the card's name at binding. */
  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<LocalDate> expiryProperty() {
    return expiry;
  }

  public BooleanProperty longTermProperty() {
    return longTerm;
  }

  public BooleanProperty photoMatchesProperty() {
    return photoMatches;
  }

  public BooleanProperty intactProperty() {
    return intact;
  }

  public ObjectBinding<IdCheck> checkBinding() {
    return check;
  }

  public BooleanBinding expiredBinding() {
    return expired;
  }

  public BooleanBinding completeBinding() {
    return complete;
  }
}
