package dev.pindesk.adapters.sam;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security module of training mode: answers external authentication and secure messaging with
 * the public {@link TrainingKeys} ({@link CardCipher}, {@link CardMac}), and only for virtual
 * training cards (ATR carrying {@link TrainingKeys#ATR_MARKER}). Against any other card it refuses,
 * so training mode can never write a PIN onto a citizen's card.
 */
public final class TrainingSecurityModule implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingSecurityModule.class);

  @Override
  public String description() {
    return "Training security module (public training keys, not for real cards)";
  }

  @Override
  public boolean isTraining() {
    return true;
  }

  @Override
  public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
    if (request == null) {
      throw refused("incomplete external authentication request");
    }
    CardKeyAddress address = request.key();
    requireTrainingCard(address.cardAtr());
    requireSoftwareAlgorithm(address);
    byte[] key = null;
    byte[] random = request.authRandom();
    try {
      key = cardKey(address);
      byte[] cryptogram = CardCipher.cryptogram(address.algorithm(), key, random);
      LOG.debug("training cryptogram computed: {}", address);
      return cryptogram;
    } catch (IllegalArgumentException e) {
      throw refused("invalid external authentication request: " + e.getMessage());
    } finally {
      Secrets.wipe(key, random);
    }
  }

  @Override
  public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
    if (request == null) {
      throw refused("incomplete secure messaging request");
    }
    CardKeyAddress address = request.key();
    requireTrainingCard(address.cardAtr());
    requireSoftwareAlgorithm(address);
    byte[] key = null;
    byte[] header = request.header();
    byte[] random = request.processRandom();
    byte[] enciphered = new byte[0];
    byte[] macInput = null;
    try {
      key = cardKey(address);
      if (request.newPin().isPresent()) {
        Pin pin = request.newPin().get();
        byte[] bcd = pin.toBcd();
        try {
          enciphered = CardCipher.encipherPinBlock(address.algorithm(), key, pin.length(), bcd);
        } finally {
          Secrets.wipe(bcd);
        }
      }
      macInput = concat(header, enciphered);
      byte[] mac = CardMac.compute(address.algorithm(), key, random, macInput);
      // Never the data (it holds a PIN block) nor any key.
      LOG.debug("training secure messaging computed: {}", address);
      return new SecureMessage(enciphered, mac);
    } catch (IllegalArgumentException e) {
      Secrets.wipe(enciphered);
      throw refused("invalid secure messaging request: " + e.getMessage());
    } finally {
      Secrets.wipe(key, macInput, random);
    }
  }

  /** The MAC of one request (package-private: the reference the PSAM tests compare with). */
  byte[] mac(MacRequest request) throws CardException {
    if (request == null
        || request.purpose() == null
        || request.algorithm() == null
        || request.cardIdCode() == null
        || request.cardAtr() == null
        || request.challenge() == null
        || request.macInput() == null) {
      throw refused("incomplete MAC request");
    }
    requireTrainingCard(request.cardAtr());
    byte[] cardKey = null;
    try {
      cardKey =
          TrainingKeys.cardKey(
              request.purpose(), request.keyIndex(), request.algorithm(), request.cardIdCode());
      return CardMac.compute(request.algorithm(), cardKey, request.challenge(), request.macInput());
    } catch (IllegalArgumentException e) {
      throw refused("invalid MAC request: " + e.getMessage());
    } finally {
      Secrets.wipe(cardKey);
    }
  }

  private static byte[] cardKey(CardKeyAddress a) {
    return TrainingKeys.cardKey(a.purpose(), a.keyIndex(), a.algorithm(), a.cardIdCode());
  }

  private static void requireTrainingCard(byte[] atr) throws CardException {
    if (!TrainingKeys.isTrainingCard(atr)) {
      throw refused("training keys are only used with virtual training cards; this ATR is not one");
    }
  }

  /** SSF33 exists only in hardware: refused as such, never guessed with another cipher. */
  private static void requireSoftwareAlgorithm(CardKeyAddress a) throws CardException {
    if (!a.algorithm().inSoftware()) {
      throw new CardException(
          CardErrorCode.ALGORITHM_UNSUPPORTED, a.algorithm() + " cannot be computed in software");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static CardException refused(String detail) {
    return new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, detail);
  }
}
