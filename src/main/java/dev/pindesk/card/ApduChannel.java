package dev.pindesk.card;

import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import java.io.ByteArrayOutputStream;

/**
 * The one transmit path of the card layer. It handles the T=0 transport status words itself —
 * {@code 61xx} (fetch with GET RESPONSE) and {@code 6Cxx} (resend with the right Le) — so the
 * behaviour is identical on every PC/SC stack, and hands callers a complete response.
 */
public final class ApduChannel {
  /** Bounds loops on misbehaving cards (a card answering 61xx forever). */
  private static final int MAX_TRANSPORT_ROUNDS = 16;

  /** Largest response PinDesk accepts from an SSC; anything bigger is garbage. */
  private static final int MAX_RESPONSE = 4096;

  private final CardConnection connection;
  private final ApduTracer tracer;
  private int exchanges;

  public ApduChannel(CardConnection connection, ApduTracer tracer) {
    this.connection = connection;
    this.tracer = tracer;
  }

  /** Number of APDUs exchanged with the card so far (including transport rounds). */
  public int exchanges() {
    return exchanges;
  }

  /**
   * Sends {@code command} and returns the final response (never {@code 61xx}/{@code 6Cxx}).
   *
   * @throws CardException from the connection ({@code CARD_REMOVED}, {@code CARD_MUTE}, ...) or
   *     {@code CARD_MUTE} when the card's answer is not a response APDU at all
   */
  public ResponseApdu transmit(CommandApdu command) throws CardException {
    ByteArrayOutputStream collected = new ByteArrayOutputStream();
    CommandApdu next = command;
    boolean resent = false;
    for (int round = 0; round < MAX_TRANSPORT_ROUNDS; round++) {
      ResponseApdu response = exchange(next);
      StatusOutcome outcome = StatusOutcome.of(response.sw());
      if (outcome instanceof StatusOutcome.BytesAvailable more) {
        collected.writeBytes(response.data());
        // GET RESPONSE is an inter-industry command (ISO/IEC 7816-4): class 00 with the logical
        // channel of the command it follows, also after a proprietary (80) command; some PSAMs
        // and cards refuse 80 C0.
        next = CommandApdu.withLe(command.cla() & 0x03, 0xC0, 0x00, 0x00, more.count());
      } else if (outcome instanceof StatusOutcome.WrongLe wrong && !resent) {
        resent = true;
        next = next.withLe(wrong.exactLength());
      } else {
        collected.writeBytes(response.data());
        if (collected.size() > MAX_RESPONSE) {
          throw new CardException(CardErrorCode.MALFORMED_RESPONSE, "response too long");
        }
        return new ResponseApdu(collected.toByteArray(), response.sw());
      }
      if (collected.size() > MAX_RESPONSE) {
        throw new CardException(CardErrorCode.MALFORMED_RESPONSE, "response too long");
      }
    }
    throw new CardException(CardErrorCode.MALFORMED_RESPONSE, "card keeps asking for more rounds");
  }

  private ResponseApdu exchange(CommandApdu command) throws CardException {
    byte[] raw = command.toBytes();
    long start = System.nanoTime();
    byte[] answer;
    try {
      answer = connection.transmit(raw);
    } finally {
      if (command.sensitive()) {
        Secrets.wipe(raw);
      }
    }
    exchanges++;
    if (answer == null || answer.length < 2) {
      throw new CardException(
          CardErrorCode.CARD_MUTE,
          "answer of " + (answer == null ? 0 : answer.length) + " bytes has no status word");
    }
    ResponseApdu response = ResponseApdu.parse(answer);
    tracer.exchanged(command, response, System.nanoTime() - start);
    return response;
  }
}
