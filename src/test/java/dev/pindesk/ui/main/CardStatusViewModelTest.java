package dev.pindesk.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.testing.TrainingCards;
import dev.pindesk.ui.common.SameThreadExecutor;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reader/card window's view model over the in-process virtual reader, without a toolkit: what a
 * read shows, what a failed read says, how reader changes and the training card are followed.
 */
class CardStatusViewModelTest {
  private static final String READER = "PinDesk Training Reader";
  private final InProcessCardTerminals terminals = new InProcessCardTerminals(READER);
  private final SameThreadExecutor executor = new SameThreadExecutor();

  private CardStatusViewModel model(Optional<TrainingCardSlot> slot) {
    return new CardStatusViewModel(
        new CardReadService(terminals, CardProfiles.builtIn()),
        Messages.of(Locale.ENGLISH),
        slot,
        slot.isPresent(),
        executor);
  }

  @Test
  void aReadShowsTheCardAndItsHolder() {
    var spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    terminals.insert(READER, VirtualSscCard.fromSpec(spec));
    CardStatusViewModel model = model(Optional.empty());
    model.readCard();
    var card = model.cardProperty().get().orElseThrow();
    assertThat(card.holder().name()).isEqualTo(spec.holder().name());
    assertThat(card.holder().ssn()).isEqualTo(spec.holder().ssn());
    assertThat(card.profile().id()).isEqualTo("training-sm4");
    assertThat(model.failureProperty().get()).isEmpty();
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void readingWithoutACardSaysWhatToDo() {
    CardStatusViewModel model = model(Optional.empty());
    model.readCard();
    assertThat(model.failureProperty().get().map(f -> f.code())).contains(CardErrorCode.NO_CARD);
    assertThat(model.cardProperty().get()).isEmpty();
  }

  @Test
  void aSecondReadWhileOneRunsIsIgnored() {
    CardStatusViewModel model = model(Optional.empty());
    executor.hold();
    model.readCard();
    model.readCard();
    assertThat(model.busyProperty().get()).isTrue();
    assertThat(executor.heldJobs()).isEqualTo(1);
    executor.release();
    assertThat(model.busyProperty().get()).isFalse();
  }

  @Test
  void aCardTakenOutOfEveryReaderIsNoLongerShown() {
    terminals.insert(READER, VirtualSscCard.fromSpec(TrainingCards.spec(TrainingCards.GEN3_SM4)));
    CardStatusViewModel model = model(Optional.empty());
    model.readCard();
    model.readersChanged(
        new ReaderWatcher.Snapshot(List.of(new ReaderState(READER, true)), Optional.empty()));
    assertThat(model.cardProperty().get()).isPresent();
    ReaderWatcher.Snapshot empty =
        new ReaderWatcher.Snapshot(List.of(new ReaderState(READER, false)), Optional.empty());
    model.readersChanged(empty);
    assertThat(model.cardProperty().get()).isEmpty();
    assertThat(model.readersProperty().get()).isEqualTo(empty);
  }

  @Test
  void theTrainingCardGoesInAndOutAndTheModelFollowsTheSlot() {
    FakeSlot slot = new FakeSlot();
    CardStatusViewModel model = model(Optional.of(slot));
    assertThat(model.hasTrainingCard()).isTrue();
    assertThat(model.trainingCardInsertedProperty().get()).isFalse();
    model.toggleTrainingCard();
    assertThat(model.trainingCardInsertedProperty().get()).isTrue();
    model.toggleTrainingCard();
    assertThat(model.trainingCardInsertedProperty().get()).isFalse();
    slot.insert(); // put in behind the window's back (after the first frame)
    model.readersChanged(new ReaderWatcher.Snapshot(List.of(), Optional.empty()));
    assertThat(model.trainingCardInsertedProperty().get()).isTrue();
  }

  @Test
  void switchesLanguage() {
    CardStatusViewModel model = model(Optional.empty());
    model.switchLanguage();
    assertThat(model.messagesProperty().get().locale().getLanguage()).isEqualTo("zh");
    model.switchLanguage();
    assertThat(model.messagesProperty().get().locale().getLanguage()).isEqualTo("en");
  }

  private static final class FakeSlot implements TrainingCardSlot {
    private boolean in;

    @Override
    public void insert() {
      in = true;
    }

    @Override
    public void remove() {
      in = false;
    }

    @Override
    public boolean inserted() {
      return in;
    }
  }
}
