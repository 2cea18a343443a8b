package dev.pindesk.ui;

import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.service.CardReadService;
import java.util.Optional;

/**
 * What the UI is given by the composition root.
 *
 * @param trainingSlot present in training mode
 */
public record UiContext(
    CardTerminals terminals,
    CardReadService cardReader,
    Messages messages,
    Optional<TrainingCardSlot> trainingSlot) {

  public boolean training() {
    return trainingSlot.isPresent();
  }
}
