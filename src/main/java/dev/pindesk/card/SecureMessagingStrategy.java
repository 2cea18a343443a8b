package dev.pindesk.card;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.util.Optional;

/**
 * Privileged PIN commands under secure messaging, after an external authentication when the
 * profile's command asks for one:
 *
 * <ul>
 *   <li>{@code SM_PIN_BLOCK} (reset / PIN reload): GET CHALLENGE (the process random), the security
 *       module enciphers the new PIN and MACs {@code <header> 14 <16-byte enciphered PIN block>},
 *       then {@code <header> 14 <block> <4-byte MAC>} — the form one public provincial integration
 *       shows as {@code 84 24 00 01 14 ..};
 *   <li>{@code SM_MAC} (unblock): GET CHALLENGE, the module MACs {@code <header> 04}, then {@code
 *       <header> 04 <MAC>}; public driver code documents {@code 84 24 00 00} as resetting the try
 *       counter only, the PIN unchanged.
 * </ul>
 */
final class SecureMessagingStrategy implements ResetStrategy {
  static final SecureMessagingStrategy PIN_BLOCK =
      new SecureMessagingStrategy("SM_PIN_BLOCK", true);
  static final SecureMessagingStrategy MAC_ONLY = new SecureMessagingStrategy("SM_MAC", false);

  private final String name;
  private final boolean withPin;

  private SecureMessagingStrategy(String name, boolean withPin) {
    this.name = name;
    this.withPin = withPin;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void send(
      SscApplication app,
      CardSnapshot card,
      CardProfile.PrivilegedCommand command,
      KeyPurpose purpose,
      Optional<Pin> newPin,
      SecurityModule module)
      throws CardException {
    if (withPin && newPin.isEmpty()) {
      throw new IllegalArgumentException(name + " writes a PIN: none given");
    }
    byte[] header4 = Hex.parse(command.header());
    if (command.externalAuthentication()) {
      ExternalAuthenticator.authenticate(app, card, module);
    }
    byte[] random = app.getChallenge(CardMac.CHALLENGE_LENGTH);
    int lc = (withPin ? CardCipher.FIELD_LENGTH : 0) + CardMac.MAC_LENGTH;
    byte[] header5 = {header4[0], header4[1], header4[2], header4[3], (byte) lc};
    CardKeyAddress key =
        new CardKeyAddress(
            purpose,
            command.keyIndex(),
            card.algorithm(),
            card.info().cardIdCode(),
            card.info().cardNumber(),
            card.atr(),
            ExternalAuthenticator.caseContext(card));
    SecureMessage message =
        module.secureMessaging(
            new SecureMessagingRequest(key, random, header5, withPin ? newPin : Optional.empty()));
    try {
      int expected = withPin ? CardCipher.FIELD_LENGTH : 0;
      if (message.encipheredPinBlock().length != expected
          || message.mac().length != CardMac.MAC_LENGTH) {
        throw new CardException(
            CardErrorCode.SECURITY_MODULE_REFUSED,
            "security module answered " + message + " for " + name);
      }
      app.sendSecured(header4, message.commandData(), purpose + " PIN");
    } finally {
      message.wipe();
      Secrets.wipe(random);
    }
  }
}
