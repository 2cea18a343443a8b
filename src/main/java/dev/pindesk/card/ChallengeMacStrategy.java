package dev.pindesk.card;

import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.MacRequest;
import dev.pindesk.ports.MacRequest.MacPurpose;
import dev.pindesk.ports.SecurityModule;

/**
 * {@code MAC_CHALLENGE}: GET CHALLENGE (8 bytes, the MAC's IV), then {@code <header> Lc <new PIN
 * BCD> <MAC 4>} with the MAC over header, Lc and PIN block (ISO 9797-1, padding method 2).
 */
final class ChallengeMacStrategy implements ResetStrategy {
  static final String NAME = "MAC_CHALLENGE";
  private static final int CHALLENGE_LENGTH = 8;
  private static final int MAC_LENGTH = 4;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void write(
      SscApplication app, CardSnapshot card, MacPurpose purpose, Pin newPin, SecurityModule module)
      throws CardException {
    CardProfile.PrivilegedCommand command = command(card.profile(), purpose);
    byte[] header = Hex.parse(command.header());
    if (header.length != 4) {
      throw new CardException(
          CardErrorCode.UNSUPPORTED_CARD, card.profile().id() + ": header must be 4 bytes");
    }
    byte[] challenge = challenge(app);
    byte[] pinBcd = newPin.toBcd();
    int lc = pinBcd.length + MAC_LENGTH;
    byte[] macInput = new byte[5 + pinBcd.length];
    byte[] data = new byte[lc];
    CommandApdu write = null;
    try {
      System.arraycopy(header, 0, macInput, 0, 4);
      macInput[4] = (byte) lc;
      System.arraycopy(pinBcd, 0, macInput, 5, pinBcd.length);
      byte[] mac =
          module.mac(
              new MacRequest(
                  purpose,
                  card.profile().keyIndex(),
                  card.algorithm(),
                  card.info().cardIdCode(),
                  card.atr(),
                  challenge,
                  macInput));
      if (mac.length != MAC_LENGTH) {
        throw new CardException(
            CardErrorCode.SECURITY_MODULE_REFUSED,
            "security module returned " + mac.length + " bytes");
      }
      System.arraycopy(pinBcd, 0, data, 0, pinBcd.length);
      System.arraycopy(mac, 0, data, pinBcd.length, MAC_LENGTH);
      write = CommandApdu.secret(header[0], header[1], header[2], header[3], data);
      StatusErrors.requireOk(app.channel().transmit(write), purpose + " PIN");
    } finally {
      Secrets.wipe(pinBcd, macInput, data);
      if (write != null) {
        write.wipe();
      }
    }
  }

  private static CardProfile.PrivilegedCommand command(CardProfile profile, MacPurpose purpose)
      throws CardException {
    CardProfile.PrivilegedCommand c =
        purpose == MacPurpose.RESET_PIN ? profile.reset() : profile.unlock();
    if (c == null) {
      throw new CardException(
          CardErrorCode.UNSUPPORTED_CARD, profile.id() + " has no command for " + purpose);
    }
    return c;
  }

  private static byte[] challenge(SscApplication app) throws CardException {
    ResponseApdu r =
        StatusErrors.requireOk(
            app.channel().transmit(CommandApdu.withLe(0x00, 0x84, 0x00, 0x00, CHALLENGE_LENGTH)),
            "get challenge");
    byte[] challenge = r.data();
    if (challenge.length != CHALLENGE_LENGTH) {
      throw new CardException(
          CardErrorCode.MALFORMED_RESPONSE, "challenge of " + challenge.length + " bytes");
    }
    return challenge;
  }
}
