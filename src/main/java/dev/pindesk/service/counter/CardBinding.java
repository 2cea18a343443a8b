package dev.pindesk.service.counter;

import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.reset.BindingResult;
import java.util.Objects;

/** What one "read card" produced: the card's data and how it binds to the checked IDs. */
public record CardBinding(CardSnapshot card, BindingResult binding) {
  public CardBinding {
    Objects.requireNonNull(card, "card");
    Objects.requireNonNull(binding, "binding");
  }
}
