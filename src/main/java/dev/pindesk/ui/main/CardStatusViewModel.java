package dev.pindesk.ui.main;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.common.TrainingCardSlot;
import dev.pindesk.ui.common.UiExecutor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the reader/card window: what the reader watcher last saw, the last card read, the last
 * failure. All properties change on the FX thread; card I/O runs through the {@link UiExecutor}.
 */
public final class CardStatusViewModel {
  private final CardReadService cardReader;
  private final Optional<TrainingCardSlot> trainingSlot;
  private final boolean training;
  private final UiExecutor runner;
  private final ObjectProperty<Messages> messages;
  private final ObjectProperty<ReaderWatcher.Snapshot> readers =
      new SimpleObjectProperty<>(new ReaderWatcher.Snapshot(List.of(), Optional.empty()));
  private final ObjectProperty<Optional<CardSnapshot>> card =
      new SimpleObjectProperty<>(Optional.empty());
  private final ObjectProperty<Optional<CardException>> failure =
      new SimpleObjectProperty<>(Optional.empty());
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final BooleanProperty trainingCardInserted = new SimpleBooleanProperty();

  /**
   * @param trainingSlot the in-process training card, when there is one to insert and remove
   * @param training a training counter (the window says so)
   */
  public CardStatusViewModel(
      CardReadService cardReader,
      Messages messages,
      Optional<TrainingCardSlot> trainingSlot,
      boolean training,
      UiExecutor runner) {
    this.cardReader = cardReader;
    this.trainingSlot = trainingSlot;
    this.training = training;
    this.runner = runner;
    this.messages = new SimpleObjectProperty<>(messages);
    trainingSlot.ifPresent(s -> trainingCardInserted.set(s.inserted()));
  }

  /** From the reader watcher (any thread). */
  public void readersChanged(ReaderWatcher.Snapshot snapshot) {
    runner.onUi(
        () -> {
          readers.set(snapshot);
          // The training card goes in after the first frame: follow the slot.
          trainingSlot.ifPresent(s -> trainingCardInserted.set(s.inserted()));
          boolean anyCard = snapshot.readers().stream().anyMatch(ReaderState::cardPresent);
          if (!anyCard) {
            card.set(Optional.empty());
          }
        });
  }

  /** Reads the card in the background. */
  public void readCard() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    failure.set(Optional.empty());
    runner.run(
        () -> cardReader.read(Optional.empty(), (c, r, n) -> {}),
        snapshot -> {
          busy.set(false);
          card.set(Optional.of(snapshot));
        },
        error -> {
          busy.set(false);
          card.set(Optional.empty());
          failure.set(
              Optional.of(
                  error instanceof CardException ce
                      ? ce
                      : new CardException(CardErrorCode.CARD_MUTE, error.toString(), error)));
        });
  }

  /** Training mode: insert or remove the virtual card (in the background: it is card I/O). */
  public void toggleTrainingCard() {
    trainingSlot.ifPresent(
        slot ->
            runner.run(
                () -> {
                  if (slot.inserted()) {
                    slot.remove();
                  } else {
                    slot.insert();
                  }
                  return slot.inserted();
                },
                trainingCardInserted::set,
                error -> {}));
  }

  public void switchLanguage() {
    boolean english = "en".equals(messages.get().locale().getLanguage());
    messages.set(Messages.of(english ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH));
  }

  public boolean training() {
    return training;
  }

  /** The in-process training card can be inserted and removed (training on the virtual reader). */
  public boolean hasTrainingCard() {
    return trainingSlot.isPresent();
  }

  public ObjectProperty<Messages> messagesProperty() {
    return messages;
  }

  public ReadOnlyObjectProperty<ReaderWatcher.Snapshot> readersProperty() {
    return readers;
  }

  public ReadOnlyObjectProperty<Optional<CardSnapshot>> cardProperty() {
    return card;
  }

  public ReadOnlyObjectProperty<Optional<CardException>> failureProperty() {
    return failure;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public ReadOnlyBooleanProperty trainingCardInsertedProperty() {
    return trainingCardInserted;
  }
}
