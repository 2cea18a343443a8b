package dev.pindesk.card;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.CaseContext;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.SecurityModule;

/**
 * External authentication as a card profile describes it: GET CHALLENGE, the cryptogram from the
 * security module (serviceFlag 244 of a card-management service), then EXTERNAL AUTHENTICATE. A
 * refusal reports the key's tries ({@code CARD_KEY_REFUSED}), never a wrong PIN.
 */
public final class ExternalAuthenticator {
  private ExternalAuthenticator() {}

  /**
   * Authenticates the terminal to the card on {@code app} (selected).
   *
   * @throws CardException {@code UNSUPPORTED_CARD} when the profile has no external authentication,
   *     card and security module errors
   */
  public static void authenticate(
      SscApplication app,
      CardProfile profile,
      CipherAlgorithm algorithm,
      CardInfo info,
      byte[] atr,
      SecurityModule module)
      throws CardException {
    authenticate(
        app,
        profile,
        algorithm,
        info,
        atr,
        CaseContext.holder(info.regionCode(), null, null),
        module);
  }

  private static void authenticate(
      SscApplication app,
      CardProfile profile,
      CipherAlgorithm algorithm,
      CardInfo info,
      byte[] atr,
      CaseContext context,
      SecurityModule module)
      throws CardException {
    CardProfile.ExternalAuthentication auth = profile.externalAuthentication();
    if (auth == null) {
      throw new CardException(
          CardErrorCode.UNSUPPORTED_CARD, profile.id() + " has no external authentication");
    }
    byte[] challenge = app.getChallenge(auth.challengeLength());
    CardKeyAddress key =
        new CardKeyAddress(
            KeyPurpose.EXTERNAL_AUTHENTICATION,
            auth.keyIndex(),
            algorithm,
            info.cardIdCode(),
            info.cardNumber(),
            atr,
            context);
    byte[] cryptogram = module.externalAuthentication(new ExternalAuthRequest(key, challenge));
    try {
      app.externalAuthenticate(Hex.parse(auth.header()), auth.keyIndex(), cryptogram);
    } finally {
      Secrets.wipe(cryptogram, challenge);
    }
  }

  /** {@link #authenticate} for a card already read. */
  static void authenticate(SscApplication app, CardSnapshot card, SecurityModule module)
      throws CardException {
    authenticate(
        app, card.profile(), card.algorithm(), card.info(), card.atr(), caseContext(card), module);
  }

  /** What a card-management service receives about the holder of {@code card}. */
  static CaseContext caseContext(CardSnapshot card) {
    return card.holder() == null
        ? CaseContext.holder(card.info().regionCode(), null, null)
        : CaseContext.holder(card.info().regionCode(), card.holder().ssn(), card.holder().name());
  }
}
