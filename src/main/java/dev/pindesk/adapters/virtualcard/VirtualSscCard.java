package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Random;

/**
 * PinDesk's own simulator of a social security card: the SSSE application with EF05 / EF06, the PIN
 * commands, T=0 quirks and injected faults, as described by a {@link VirtualCardSpec}. Pure bytes
 * in, bytes out; transports ({@link InProcessCardTerminals}, {@link VpcdClient}) put it in a
 * reader. Thread-safe: commands are processed one at a time.
 *
 * <p>This is the behaviour PinDesk's card layer is tested against, so every answer follows the
 * contract in {@code docs/card-data.md} and {@code docs/card-commands.md}.
 */
public final class VirtualSscCard implements VirtualCard {
  private static final int INS_SELECT = 0xA4;
  private static final int INS_READ_RECORD = 0xB2;
  private static final int INS_GET_RESPONSE = 0xC0;
  private static final int INS_GET_CHALLENGE = 0x84;
  private static final int INS_VERIFY = 0x20;
  private static final int INS_EXTERNAL_AUTHENTICATE = 0x82;
  private static final int INS_CHANGE = 0x5E;
  private static final int INS_SECURE_PIN = 0x24;

  private final VirtualCardSpec spec;
  private final byte[] atr;
  private final Random random;
  private final FileCommands fileCommands;
  private final PinCommands pinCommands;
  private byte[] pendingResponse; // T=0: data + SW waiting for GET RESPONSE, or null
  private long apduCount;
  private boolean left;
  private boolean removalFired; // the removal fault happens once; a reinserted card stays

  private VirtualSscCard(Builder b) {
    this.spec = b.spec;
    this.atr = TrainingAtr.of(spec.protocol(), spec.generation());
    this.random = b.random;
    CardFiles files = b.files != null ? b.files : encodeFiles(spec);
    CardKeys keys = b.keys != null ? b.keys : TrainingCardKeys.forSpec(spec);
    this.pinCommands = new PinCommands(new CardPin(spec.pin()), spec, random, keys);
    this.fileCommands =
        new FileCommands(
            spec, files.withElementLengths(spec.elementLengths()), pinCommands::authenticated);
  }

  private static CardFiles encodeFiles(VirtualCardSpec spec) {
    CardInfo info = spec.card().toCardInfo();
    CardHolder holder = spec.holder().toCardHolder();
    return CardFiles.encode(info, holder);
  }

  /** A card as the profile describes it: data from the domain encoders, a secure random source. */
  public static VirtualSscCard fromSpec(VirtualCardSpec spec) {
    return builder(spec).build();
  }

  public static Builder builder(VirtualCardSpec spec) {
    return new Builder(spec);
  }

  /** Assembles a card; everything but the spec has a default. */
  public static final class Builder {
    private final VirtualCardSpec spec;
    private CardFiles files;
    private Random random = new SecureRandom();
    private CardKeys keys;

    private Builder(VirtualCardSpec spec) {
      this.spec = Objects.requireNonNull(spec);
    }

    /** Raw element values instead of the profile's holder / card data encoded by the domain. */
    public Builder files(CardFiles value) {
      this.files = Objects.requireNonNull(value);
      return this;
    }

    /** Source of challenges and garbage; tests pass a seeded one. */
    public Builder random(Random value) {
      this.random = Objects.requireNonNull(value);
      return this;
    }

    /** Keys the card checks privileged commands with; default {@link TrainingCardKeys}. */
    public Builder keys(CardKeys value) {
      this.keys = Objects.requireNonNull(value);
      return this;
    }

    public VirtualSscCard build() {
      return new VirtualSscCard(this);
    }
  }

  public VirtualCardSpec spec() {
    return spec;
  }

  public byte[] atr() {
    return atr.clone();
  }

  /**
   * Processes one command APDU and returns the response APDU.
   *
   * @throws VirtualCardFault.Removed when the card has left the reader (fault {@code
   *     removeAfterApdus}); {@link #hasLeft()} turns true right after the last answer
   * @throws VirtualCardFault.Mute when the card no longer answers (fault {@code muteAfterApdus})
   */
  public synchronized byte[] process(byte[] commandApdu)
      throws VirtualCardFault.Removed, VirtualCardFault.Mute {
    if (left) {
      throw new VirtualCardFault.Removed();
    }
    apduCount++;
    FaultSpec faults = spec.faults();
    if (faults.muteAfterApdus() > 0 && apduCount > faults.muteAfterApdus()) {
      throw new VirtualCardFault.Mute();
    }
    if (faults.garbageAfterApdus() > 0 && apduCount > faults.garbageAfterApdus()) {
      // One byte: never a valid response APDU (those have at least SW1 SW2).
      return new byte[] {(byte) random.nextInt(256)};
    }
    byte[] response = answer(commandApdu);
    if (faults.removeAfterApdus() > 0 && !removalFired && apduCount >= faults.removeAfterApdus()) {
      left = true;
      removalFired = true;
    }
    return response;
  }

  /**
   * Power-on / warm reset: the selection, a pending challenge, the external authentication and GET
   * RESPONSE data are lost. A card that had left the reader is back in one (the removal fault fires
   * only once).
   */
  public synchronized void reset() {
    left = false;
    fileCommands.reset();
    pinCommands.forgetSession();
    pendingResponse = null;
  }

  /** True once the card has left the reader because of the {@code removeAfterApdus} fault. */
  public synchronized boolean hasLeft() {
    return left;
  }

  /** Tries left of the external-authentication key. */
  public synchronized int keyTriesLeft() {
    return pinCommands.keyTriesLeft();
  }

  public synchronized int pinTriesLeft() {
    return pinCommands.pin().triesLeft();
  }

  public synchronized PinState state() {
    return pinCommands.pin().state();
  }

  /** For tests and training checks: whether {@code digits} is the PIN the card holds now. */
  public synchronized boolean isCurrentPin(char[] digits) {
    return pinCommands.pin().matches(digits);
  }

  /** Command APDUs received so far (including ones answered with garbage or silence). */
  public synchronized long apduCount() {
    return apduCount;
  }

  private byte[] answer(byte[] command) {
    if (command.length >= 1 && !isSupportedClass(command[0] & 0xFF)) {
      return Answer.status(Answer.CLA_NOT_SUPPORTED).toBytes();
    }
    var parsed = CommandApdu.parse(command);
    if (parsed.isEmpty()) {
      pendingResponse = null;
      return Answer.status(Answer.WRONG_LENGTH).toBytes();
    }
    CommandApdu apdu = parsed.get();
    if (apdu.ins() == INS_GET_RESPONSE) {
      return getResponse(apdu);
    }
    pendingResponse = null; // a T=0 card forgets unfetched data on the next command
    return deliver(dispatch(apdu));
  }

  private static boolean isSupportedClass(int cla) {
    return cla == 0x00 || cla == 0x80 || cla == 0x84;
  }

  private Answer dispatch(CommandApdu apdu) {
    return switch (apdu.ins()) {
      case INS_SELECT -> {
        Answer answer = fileCommands.select(apdu);
        if (apdu.p1() == 0x04 && answer.sw() == Answer.OK) {
          pinCommands.forgetSession();
        }
        yield answer;
      }
      case INS_READ_RECORD -> fileCommands.readRecord(apdu);
      case INS_GET_CHALLENGE -> pinCommands.getChallenge(apdu);
      case INS_VERIFY -> pinCommands.verify(apdu);
      case INS_EXTERNAL_AUTHENTICATE -> pinCommands.externalAuthenticate(apdu);
      case INS_CHANGE -> pinCommands.change(apdu);
      case INS_SECURE_PIN -> pinCommands.secureMessaging(apdu);
      default -> Answer.status(Answer.INS_NOT_SUPPORTED);
    };
  }

  /** T=0 with GET RESPONSE: data waits on the card and the reader is told {@code 61 xx}. */
  private byte[] deliver(Answer answer) {
    boolean viaGetResponse =
        spec.protocol() == CardProtocol.T0
            && answer.data().length > 0
            && switch (spec.getResponse()) {
              case NEVER -> false;
              case CASE4 -> answer.case4();
              case ALWAYS -> true;
            };
    if (!viaGetResponse) {
      return answer.toBytes();
    }
    pendingResponse = answer.toBytes();
    return Answer.status(0x6100 | (answer.data().length & 0xFF)).toBytes();
  }

  private byte[] getResponse(CommandApdu apdu) {
    if (apdu.p1() != 0 || apdu.p2() != 0) {
      pendingResponse = null;
      return Answer.status(Answer.WRONG_P1P2).toBytes();
    }
    if (pendingResponse == null) {
      return Answer.status(Answer.CONDITIONS_NOT_SATISFIED).toBytes();
    }
    int available = pendingResponse.length - 2;
    if (apdu.hasData() || (apdu.le() != 0 && apdu.le() != available)) {
      return Answer.exactLength(available).toBytes(); // data stays available for the resend
    }
    byte[] out = pendingResponse;
    pendingResponse = null;
    return Arrays.copyOf(out, out.length);
  }
}
