package dev.pindesk.card;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecurityModule;
import java.util.List;
import java.util.Optional;

/**
 * The privileged PIN operations of a card, each run by the {@link ResetStrategy} its profile names.
 */
public final class ResetStrategies {
  private static final List<ResetStrategy> ALL =
      List.of(SecureMessagingStrategy.PIN_BLOCK, SecureMessagingStrategy.MAC_ONLY);

  private ResetStrategies() {}

  /** Names a profile may use. */
  public static List<String> names() {
    return ALL.stream().map(ResetStrategy::name).toList();
  }

  /**
   * Writes {@code newPin} without the old one (the profile's {@code reset}).
   *
   * @throws CardException {@code UNSUPPORTED_CARD} when the profile has no reset command
   */
  public static void reset(SscApplication app, CardSnapshot card, Pin newPin, SecurityModule module)
      throws CardException {
    CardProfile.PrivilegedCommand command = require(card, card.profile().reset(), "reset");
    strategy(command).send(app, card, command, KeyPurpose.RESET_PIN, Optional.of(newPin), module);
  }

  /**
   * Restores the PIN's try counter (the profile's {@code unblock}); the PIN stays as it is.
   *
   * @throws CardException {@code UNSUPPORTED_CARD} when the profile has no unblock command
   */
  public static void unblock(SscApplication app, CardSnapshot card, SecurityModule module)
      throws CardException {
    CardProfile.PrivilegedCommand command = require(card, card.profile().unblock(), "unblock");
    strategy(command).send(app, card, command, KeyPurpose.UNBLOCK_PIN, Optional.empty(), module);
  }

  private static CardProfile.PrivilegedCommand require(
      CardSnapshot card, CardProfile.PrivilegedCommand command, String what) throws CardException {
    if (command == null) {
      throw new CardException(
          CardErrorCode.UNSUPPORTED_CARD, card.profile().id() + " has no " + what + " command");
    }
    return command;
  }

  private static ResetStrategy strategy(CardProfile.PrivilegedCommand command)
      throws CardException {
    return ALL.stream()
        .filter(s -> s.name().equals(command.strategy()))
        .findFirst()
        .orElseThrow(
            () ->
                new CardException(
                    CardErrorCode.UNSUPPORTED_CARD,
                    "unknown reset strategy " + command.strategy()));
  }
}
