package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.ServiceKind;
import java.util.Locale;
import java.util.Optional;

/**
 * Why an ID and a card cannot be bound for a service, or (for {@link #NAME_DIFFERS}) what the clerk
 * must confirm first. Message keys are {@code bind.<lowercase name>}.
 */
public enum BindingIssue {
  /** The card's SSN is not the holder's ID number. */
  SSN_MISMATCH(true),
  /** The holder's ID card is past its validity. */
  ID_EXPIRED(true),
  /** The agent's ID card is past its validity. */
  AGENT_ID_EXPIRED(true),
  /** The region does not allow agents for this card. */
  AGENT_NOT_ALLOWED(true),
  /** The social security card is past its expiry date: it is replaced, not served. */
  CARD_EXPIRED(true),
  /** The application is locked permanently: the card must be replaced. */
  APP_LOCKED(true),
  /** The PIN is blocked: reset and change cannot work, the unlock service applies. */
  PIN_BLOCKED_NEEDS_UNLOCK(true),
  /** Unlock was chosen but the card still has tries left: reset (or change) applies. */
  NOT_BLOCKED_FOR_UNLOCK(true),
  /** A virtual training card in production mode. */
  TRAINING_CARD_IN_PRODUCTION(true),
  /** A real card in training mode: training keys must never touch it. */
  REAL_CARD_IN_TRAINING(true),
  /**
   * Reset or unlock of a card whose algorithm only hardware can compute (SSF33): no PIN is asked
   * for a write that cannot happen. Changing the initial PIN needs no security module and stays
   * possible.
   */
  ALGORITHM_UNSUPPORTED(true),
  /**
   * The name on the ID and on the card differ (rare characters are sometimes stored differently): a
   * warning the clerk confirms after looking at both documents.
   */
  NAME_DIFFERS(false);

  private final boolean blocking;

  BindingIssue(boolean blocking) {
    this.blocking = blocking;
  }

  /** True when binding is refused; false for a warning the clerk may confirm. */
  public boolean isBlocking() {
    return blocking;
  }

  public String messageKey() {
    return "bind." + wireName();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The service that would serve this card instead, where one would. */
  public Optional<ServiceKind> suggestedService() {
    if (this == PIN_BLOCKED_NEEDS_UNLOCK) {
      return Optional.of(ServiceKind.UNLOCK);
    } else if (this == NOT_BLOCKED_FOR_UNLOCK) {
      return Optional.of(ServiceKind.RESET);
    }
    return Optional.empty();
  }
}
