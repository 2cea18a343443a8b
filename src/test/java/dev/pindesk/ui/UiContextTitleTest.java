package dev.pindesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.adapters.virtualcard.InProcessCardTerminals;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.CardReadService;
import dev.pindesk.service.ReaderFeed;
import dev.pindesk.ui.common.TrainingCardSlot;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The window title shows the counter's mode: training is marked, production never says training.
 */
class UiContextTitleTest {
  private static final Messages ENGLISH = Messages.of(Locale.ENGLISH);
  private static final InProcessCardTerminals TERMINALS = new InProcessCardTerminals();
  private static final ReaderFeed READERS = ReaderFeed.of(TERMINALS);
  private static final CardReadService READER =
      new CardReadService(TERMINALS, CardProfiles::builtIn);

  @Test
  void productionTitleSaysProductionAndNeverTraining() {
    UiContext production =
        new UiContext(
            READERS, READER, ENGLISH, Optional.empty(), Optional.empty(), () -> {}, 1, true, false);

    assertThat(production.title(ENGLISH))
        .contains(ENGLISH.get("app.production"))
        .doesNotContainIgnoringCase("training");
    assertThat(production.title(Messages.forTag("zh-CN")))
        .doesNotContain(Messages.forTag("zh-CN").get("app.training"));
  }

  @Test
  void productionIsNeverTrainingSoItsReceiptsCarryNoWatermark() {
    UiContext production =
        new UiContext(
            READERS, READER, ENGLISH, Optional.empty(), Optional.empty(), () -> {}, 1, true, false);

    assertThat(production.training()).isFalse();
    assertThatThrownBy(
            () ->
                new UiContext(
                    READERS,
                    READER,
                    ENGLISH,
                    Optional.of(new NoSlot()),
                    Optional.empty(),
                    () -> {},
                    1,
                    true,
                    false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void trainingTitleCarriesTheTrainingMarker() {
    UiContext training =
        new UiContext(
            READERS,
            READER,
            ENGLISH,
            Optional.of(new NoSlot()),
            Optional.empty(),
            () -> {},
            1,
            false,
            false);

    assertThat(training.title(ENGLISH)).contains(ENGLISH.get("app.training"));
  }

  @Test
  void trainingOnRealReadersIsStillMarkedTraining() {
    UiContext pcscTraining =
        new UiContext(
            READERS,
            READER,
            ENGLISH,
            Optional.empty(),
            Optional.empty(),
            () -> {},
            1,
            false,
            false);

    assertThat(pcscTraining.title(ENGLISH)).contains(ENGLISH.get("app.training"));
    // the badge, the wizard's watermark and the receipt's watermark all follow training()
    assertThat(pcscTraining.training()).as("training on real readers").isTrue();
    assertThat(pcscTraining.trainingSlot()).isEmpty();
  }

  private static final class NoSlot implements TrainingCardSlot {
    @Override
    public void insert() {}

    @Override
    public void remove() {}

    @Override
    public boolean inserted() {
      return false;
    }
  }
}
