package dev.pindesk.adapters.sam;

import dev.pindesk.card.ApduChannel;
import dev.pindesk.card.CommandApdu;
import dev.pindesk.card.ResponseApdu;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.util.Arrays;

/**
 * The PSAM commands of one vendor profile over the card layer's {@link ApduChannel} (which answers
 * {@code 61xx} / {@code 6Cxx} itself): SELECT the application, INIT FOR DESCRYPT with the
 * diversification data, then the MAC command over the padded input in chunks. Failing status words
 * become the profile's meaning ({@link PsamStatus}).
 */
final class PsamSession {
  private static final int SW_OK = 0x9000;

  private final ApduChannel channel;
  private final PsamProfile profile;

  PsamSession(ApduChannel channel, PsamProfile profile) {
    this.channel = channel;
    this.profile = profile;
  }

  /** Selects the PSAM application; returns its answer (FCI, possibly empty). */
  ResponseApdu select() throws CardException {
    PsamProfile.Selection s = profile.select();
    byte[] value = Hex.parse(s.value());
    CommandApdu select =
        s.by() == PsamProfile.SelectBy.AID
            ? CommandApdu.withData(0x00, 0xA4, 0x04, 0x00, value, 256)
            : CommandApdu.withData(0x00, 0xA4, 0x00, 0x00, value, 256);
    return require(channel.transmit(select), "select", CardErrorCode.SECURITY_MODULE_WRONG);
  }

  /**
   * SELECT, INIT FOR DESCRYPT, then the MAC command(s); returns the MAC ({@code macLength} bytes).
   */
  byte[] mac(MacRequest request) throws CardException {
    PsamProfile.KeySlot key =
        profile
            .key(request.purpose(), request.algorithm())
            .orElseThrow(
                () ->
                    new CardException(
                        CardErrorCode.SECURITY_MODULE_KEY_MISSING,
                        "PSAM profile "
                            + profile.id()
                            + " has no key for "
                            + request.purpose()
                            + " "
                            + request.algorithm()));
    select();
    initForDescrypt(key, request);
    byte[] stream = MacInput.stream(request, profile.mac().ivInFirstBlock());
    try {
      return macCommands(stream, request.algorithm().blockSize());
    } finally {
      Secrets.wipe(stream);
    }
  }

  /**
   * SELECT, INIT FOR DESCRYPT, then the enciphering DESCRYPT over {@code field} (16 bytes); returns
   * the 16 enciphered bytes. The caller has checked {@link PsamProfile.MacCommand#canEncipher()}.
   */
  byte[] encipher(PsamProfile.KeySlot key, String cardIdCode, int keyIndex, byte[] field)
      throws CardException {
    select();
    initForDescrypt(key, cardIdCode, keyIndex);
    PsamProfile.MacCommand m = profile.mac();
    byte[] header = Hex.parse(m.header());
    CommandApdu command =
        CommandApdu.secret(
                header[0],
                header[1],
                Integer.parseInt(m.p1Encipher(), 16),
                Integer.parseInt(m.p2(), 16),
                field)
            .withLe(256);
    try {
      byte[] answer =
          require(channel.transmit(command), "encipher", CardErrorCode.SECURITY_MODULE_REFUSED)
              .data();
      if (answer.length != field.length) {
        Secrets.wipe(answer);
        throw new CardException(
            CardErrorCode.SECURITY_MODULE_WRONG,
            "PSAM enciphered " + field.length + " bytes into " + answer.length);
      }
      return answer;
    } finally {
      command.wipe();
    }
  }

  private void initForDescrypt(PsamProfile.KeySlot key, MacRequest request) throws CardException {
    initForDescrypt(key, request.cardIdCode(), request.keyIndex());
  }

  private void initForDescrypt(PsamProfile.KeySlot key, String cardIdCode, int keyIndex)
      throws CardException {
    byte[] header = Hex.parse(profile.initForDescrypt());
    byte[] data;
    try {
      data = key.diversification().data(cardIdCode);
    } catch (IllegalArgumentException e) {
      throw new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, e.getMessage());
    }
    require(
        channel.transmit(
            CommandApdu.withData(
                header[0], header[1], key.p1Byte(), key.p2For(keyIndex), data, -1)),
        "init for descrypt",
        CardErrorCode.SECURITY_MODULE_REFUSED);
  }

  /** Sends the stream in block-aligned chunks; the last answer carries the MAC. */
  private byte[] macCommands(byte[] stream, int blockSize) throws CardException {
    PsamProfile.MacCommand m = profile.mac();
    byte[] header = Hex.parse(m.header());
    int p2 = Integer.parseInt(m.p2(), 16);
    int chunk = profile.maxData() - profile.maxData() % blockSize;
    int count = (stream.length + chunk - 1) / chunk;
    ResponseApdu last = null;
    for (int i = 0; i < count; i++) {
      int from = i * chunk;
      byte[] data = Arrays.copyOfRange(stream, from, Math.min(stream.length, from + chunk));
      boolean final_ = i == count - 1;
      int p1 = Integer.parseInt(p1(m, i, count), 16);
      // secret(): the MAC input may hold a PIN block; traces mask it and it is wiped after sending.
      CommandApdu command = CommandApdu.secret(header[0], header[1], p1, p2, data);
      try {
        ResponseApdu r = channel.transmit(final_ ? command.withLe(256) : command);
        last = require(r, "mac " + (i + 1) + "/" + count, CardErrorCode.SECURITY_MODULE_REFUSED);
      } finally {
        command.wipe();
      }
    }
    byte[] answer = last.data();
    try {
      if (answer.length < profile.macLength()) {
        throw new CardException(
            CardErrorCode.SECURITY_MODULE_WRONG,
            "PSAM answered "
                + answer.length
                + " MAC bytes, profile expects "
                + profile.macLength());
      }
      return Arrays.copyOf(answer, profile.macLength());
    } finally {
      Secrets.wipe(answer);
    }
  }

  private static String p1(PsamProfile.MacCommand m, int index, int count) {
    if (count == 1) {
      return m.p1Single();
    } else if (index == 0) {
      return m.p1First();
    }
    return index == count - 1 ? m.p1Last() : m.p1Next();
  }

  /** Throws the profile's meaning of a failing status word, else {@code fallback}. */
  private ResponseApdu require(ResponseApdu r, String step, CardErrorCode fallback)
      throws CardException {
    if (r.sw() == SW_OK) {
      return r;
    }
    PsamStatus meaning = profile.meaningOf(r.sw()).orElse(null);
    CardErrorCode code = meaning == null ? fallback : meaning.code();
    throw new CardException(
        code,
        String.format(
            "PSAM %s: status %04X (%s, profile %s)",
            step, r.sw(), meaning == null ? "not in profile" : meaning, profile.id()));
  }
}
