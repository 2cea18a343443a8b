package dev.pindesk.ui;

import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.CardReadService;
import java.util.Optional;

/**
 * What the UI is given by the composition root.
 *
 * @param trainingSlot present in training mode
 * @param counter the sign-in and wizard, being opened in the background; absent: the reader/card
 *     diagnostics window only
 */
public record UiContext(
    CardTerminals terminals,
    CardReadService cardReader,
    Messages messages,
    Optional<TrainingCardSlot> trainingSlot,
    Optional<java.util.concurrent.CompletableFuture<CounterContext>> counter) {

  public boolean training() {
    return trainingSlot.isPresent();
  }
}
