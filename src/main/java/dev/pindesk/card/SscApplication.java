package dev.pindesk.card;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.card.ElementDecodingException;
import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.card.SscFile;
import dev.pindesk.domain.card.SsseAid;
import dev.pindesk.domain.codec.Tlv;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The social security application (SSSE) of one connected card: select, read EF05/EF06, PIN state,
 * verify and change. Privileged writes go through a {@link ResetStrategy}.
 */
public final class SscApplication {
  private static final int PAD_SPACE = 0x20;

  private final ApduChannel channel;

  public SscApplication(ApduChannel channel) {
    this.channel = channel;
  }

  /**
   * Selects the application.
   *
   * @return the algorithm the FCI states, if any
   * @throws CardException {@code WRONG_CARD} when the card has no SSSE application
   */
  public Optional<CipherAlgorithm> select() throws CardException {
    ResponseApdu r =
        channel.transmit(CommandApdu.withData(0x00, 0xA4, 0x04, 0x00, SsseAid.bytes(), 256));
    StatusOutcome outcome = StatusOutcome.of(r.sw());
    if (outcome instanceof StatusOutcome.FileNotFound
        || outcome instanceof StatusOutcome.NotSupported) {
      throw new CardException(CardErrorCode.WRONG_CARD, "no social security application");
    }
    StatusErrors.requireOk(r, "select SSSE");
    return Fci.algorithm(r.data());
  }

  /** Reads EF05. */
  public CardInfo readCardInfo(CardProfile profile) throws CardException {
    Map<Integer, byte[]> values = readFile(profile, SscFile.EF05);
    return decode(() -> CardInfo.decode(values), "EF05");
  }

  /**
   * Reads EF06, including the name extension when the name fills its field.
   *
   * @throws CardException {@code SECURITY_NOT_SATISFIED} when the card wants authentication first
   *     (some generation 3.0 cards answer {@code 69 82} until then)
   */
  public CardHolder readHolder(CardProfile profile) throws CardException {
    Map<Integer, byte[]> values = readFile(profile, SscFile.EF06);
    return decode(() -> CardHolder.decode(values), "EF06");
  }

  /**
   * Asks for tries left without trying a PIN, when the profile allows it (some cards count the
   * check as a try).
   */
  public PinState pinState(CardProfile profile) throws CardException {
    if (!profile.retryCheckAllowed()) {
      return PinState.UNKNOWN;
    }
    ResponseApdu r = channel.transmit(CommandApdu.of(0x00, 0x20, 0x00, 0x00));
    StatusOutcome outcome = StatusOutcome.of(r.sw());
    if (outcome instanceof StatusOutcome.PinWrong w) {
      return PinState.triesLeft(w.triesLeft());
    } else if (outcome instanceof StatusOutcome.PinBlocked) {
      return PinState.BLOCKED;
    } else if (outcome instanceof StatusOutcome.ApplicationLocked) {
      return PinState.LOCKED;
    }
    return PinState.UNKNOWN;
  }

  /**
   * Verifies {@code pin}.
   *
   * @throws CardException {@code PIN_WRONG} (with tries left), {@code PIN_BLOCKED}, {@code
   *     APP_LOCKED}
   */
  public void verifyPin(Pin pin) throws CardException {
    CommandApdu command = CommandApdu.secret(0x00, 0x20, 0x00, 0x00, pin.toBcd());
    try {
      StatusErrors.requireOk(channel.transmit(command), "verify PIN");
    } finally {
      command.wipe();
    }
  }

  /** Changes the PIN knowing the old one (CHANGE PIN {@code 80 5E 01 00}). */
  public void changePin(Pin oldPin, Pin newPin) throws CardException {
    byte[] oldBcd = oldPin.toBcd();
    byte[] newBcd = newPin.toBcd();
    byte[] data = new byte[oldBcd.length + 1 + newBcd.length];
    System.arraycopy(oldBcd, 0, data, 0, oldBcd.length);
    data[oldBcd.length] = (byte) 0xFF;
    System.arraycopy(newBcd, 0, data, oldBcd.length + 1, newBcd.length);
    Secrets.wipe(oldBcd, newBcd);
    CommandApdu command = CommandApdu.secret(0x80, 0x5E, 0x01, 0x00, data);
    try {
      StatusErrors.requireOk(channel.transmit(command), "change PIN");
    } finally {
      command.wipe();
    }
  }

  /**
   * GET CHALLENGE ({@code 00 84 00 00 <length>}): the card's random for the next authentication or
   * secure-messaging command.
   */
  public byte[] getChallenge(int length) throws CardException {
    ResponseApdu r =
        StatusErrors.requireOk(
            channel.transmit(CommandApdu.withLe(0x00, 0x84, 0x00, 0x00, length)), "get challenge");
    byte[] challenge = r.data();
    if (challenge.length != length) {
      throw new CardException(
          CardErrorCode.MALFORMED_RESPONSE, "challenge of " + challenge.length + " bytes");
    }
    return challenge;
  }

  /**
   * EXTERNAL AUTHENTICATE ({@code <cla ins p1> <keyIndex> Lc <cryptogram>}).
   *
   * @param claInsP1 the profile's header (e.g. {@code 00 82 00})
   * @throws CardException {@code CARD_KEY_REFUSED} with the key's tries left ({@code 63 Cx}),
   *     {@code CARD_KEY_BLOCKED} ({@code 69 83}) — never a PIN error
   */
  public void externalAuthenticate(byte[] claInsP1, int keyIndex, byte[] cryptogram)
      throws CardException {
    CommandApdu command =
        CommandApdu.withData(claInsP1[0], claInsP1[1], claInsP1[2], keyIndex, cryptogram, -1);
    StatusErrors.requireAuthenticated(channel.transmit(command), "external authenticate");
  }

  /**
   * Sends a privileged command under secure messaging ({@code data} = enciphered PIN block, if any,
   * then the MAC). Takes ownership of {@code data} and wipes it.
   *
   * @throws CardException {@code CARD_KEY_REFUSED} for {@code 63 Cx}, {@code AUTHENTICATION_FAILED}
   *     for a refused MAC, {@code SECURITY_NOT_SATISFIED} when the card wanted an authentication
   *     first, {@code PIN_BLOCKED}
   */
  public void sendSecured(byte[] header, byte[] data, String what) throws CardException {
    CommandApdu command = CommandApdu.secret(header[0], header[1], header[2], header[3], data);
    try {
      StatusErrors.requireSecured(channel.transmit(command), what);
    } finally {
      command.wipe();
    }
  }

  /**
   * Reads every element of {@code file}. An element the card answers {@code 6A 83} (or {@code 6A
   * 82}) for is absent; whether that is acceptable is the decoder's decision, which knows the
   * mandatory elements. The name extension is asked for only when the name fills its field.
   */
  private Map<Integer, byte[]> readFile(CardProfile profile, SscFile file) throws CardException {
    byte[] fid = {(byte) (file.fileId() >> 8), (byte) file.fileId()};
    StatusErrors.requireOk(
        channel.transmit(CommandApdu.withData(0x00, 0xA4, profile.selectEfP1(), 0x00, fid, -1)),
        "select " + file);
    Map<Integer, byte[]> values = new HashMap<>();
    for (SscElement element : SscElement.of(file)) {
      if (element == SscElement.NAME_EXTENSION) {
        byte[] name = values.get(SscElement.NAME.tag());
        if (name == null || !fillsField(name)) {
          continue;
        }
      }
      readElement(profile, element).ifPresent(v -> values.put(element.tag(), v));
    }
    return values;
  }

  /** A name whose last byte is not padding may continue in the name extension. */
  private static boolean fillsField(byte[] name) {
    return name.length > 0 && name[name.length - 1] != 0 && name[name.length - 1] != PAD_SPACE;
  }

  private Optional<byte[]> readElement(CardProfile profile, SscElement element)
      throws CardException {
    CommandApdu read =
        CommandApdu.withLe(
            0x00, 0xB2, element.tag(), profile.recordAddressing().p2(), element.length() + 2);
    ResponseApdu r = channel.transmit(read);
    StatusOutcome outcome = StatusOutcome.of(r.sw());
    if (outcome instanceof StatusOutcome.RecordNotFound
        || outcome instanceof StatusOutcome.FileNotFound) {
      if (element.mandatory()) {
        throw CardException.element(ElementDecodingException.missing(element));
      }
      return Optional.empty();
    }
    StatusErrors.requireOk(r, "read " + element);
    Tlv tlv;
    try {
      tlv = Tlv.parse(r.data());
    } catch (IllegalArgumentException e) {
      throw new CardException(CardErrorCode.MALFORMED_RESPONSE, element + ": " + e.getMessage(), e);
    }
    if (tlv.tag() != element.tag()) {
      throw new CardException(
          CardErrorCode.MALFORMED_RESPONSE,
          element + ": card answered tag " + Integer.toHexString(tlv.tag()));
    }
    return Optional.of(tlv.value());
  }

  private interface Decoder<T> {
    T decode();
  }

  private static <T> T decode(Decoder<T> decoder, String file) throws CardException {
    try {
      return decoder.decode();
    } catch (ElementDecodingException e) {
      throw CardException.element(e);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new CardException(CardErrorCode.MALFORMED_RESPONSE, file + ": " + e.getMessage(), e);
    }
  }
}
