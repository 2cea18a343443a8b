package dev.pindesk.adapters.sscard;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.domain.pin.PinVerdict;
import dev.pindesk.ports.CardKeyAddress;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.KeyPurpose;
import dev.pindesk.ports.NationalCardData;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A certified reader through its vendor's national-interface library, run in the device host
 * process ({@link DeviceHostProcess}, ADR 0028). Strings from the library are GBK; this class
 * decodes them with GB18030 (a superset, so rare name characters survive). The output of {@code
 * iReloadPIN_HSM_Step2} carries the new PIN: it is split as bytes (its fields are ASCII), the PIN
 * goes into a {@link Pin} at once, and every array that held it is wiped.
 */
public final class SscardReader implements NationalReader {
  private static final Logger LOG = LoggerFactory.getLogger(SscardReader.class);
  static final Charset GBK = Charset.forName("GB18030");

  /** {@code iType} 1: the contact interface (2 contactless, 3 automatic). */
  public static final int CONTACT = 1;

  /**
   * How long a call may take before the host counts as hung.
   *
   * @param card a call without keypad entry (read, authentication, the reload command)
   * @param keypad a call waiting for the citizen's keypad entries (longer than the library's own
   *     keypad timeout, so that one is reported as such)
   */
  public record Timeouts(Duration card, Duration keypad) {
    public static final Timeouts DEFAULT =
        new Timeouts(Duration.ofSeconds(20), Duration.ofSeconds(120));

    public Timeouts {
      Objects.requireNonNull(card, "card");
      Objects.requireNonNull(keypad, "keypad");
    }
  }

  private final DeviceHostProcess host;
  private final ReturnCodes codes;
  private final Timeouts timeouts;
  private final int type;

  public SscardReader(HostLaunch launch, ReturnCodes codes, Timeouts timeouts, int type) {
    this.host = new DeviceHostProcess(launch);
    this.codes = codes;
    this.timeouts = timeouts;
    this.type = type;
  }

  /** How often the device host was restarted after a hang or crash. */
  public int hostRestarts() {
    return host.restarts();
  }

  /** The running device host's pid (tests end it to play a crash). */
  public java.util.OptionalLong hostPid() {
    return host.pid();
  }

  @Override
  public NationalCardData readCard() throws CardException {
    HostFrames.Reply r =
        host.call(SscardFunction.READ_CARD_BAS, type, new byte[0], timeouts.card());
    try {
      check(SscardFunction.READ_CARD_BAS, r);
      return parseBasic(new String(r.output(), GBK));
    } finally {
      r.wipe();
    }
  }

  /** The fields of {@code iReadCardBas}'s output (see {@link NationalCardData}). */
  static NationalCardData parseBasic(String out) throws CardException {
    String[] f = out.split("\\|", -1);
    if (f.length < 9) {
      throw malformed("iReadCardBas gave " + f.length + " fields");
    }
    String idCode = f[3].trim().toUpperCase(java.util.Locale.ROOT);
    if (!idCode.matches("[0-9A-F]{32}")) {
      throw malformed("iReadCardBas: the card identification code is not 32 hex digits");
    }
    String region = f[0].isBlank() ? idCode.substring(0, 6) : f[0].trim();
    byte[] reset;
    try {
      reset = dev.pindesk.domain.codec.Hex.parse(f[5].trim());
    } catch (IllegalArgumentException e) {
      throw malformed("iReadCardBas: the card reset information is not hex");
    }
    return new NationalCardData(
        region,
        f[1].trim(),
        f[2].trim(),
        idCode,
        f[4].trim(),
        reset,
        f[6].trim(),
        date(f[7]),
        date(f[8]),
        f.length > 9 ? f[9].trim() : "",
        f.length > 10 ? f[10].trim() : "");
  }

  private static LocalDate date(String yyyymmdd) throws CardException {
    try {
      return LocalDate.parse(yyyymmdd.trim(), DateTimeFormatter.BASIC_ISO_DATE);
    } catch (DateTimeParseException e) {
      throw malformed("iReadCardBas: a date is not YYYYMMDD");
    }
  }

  private static CardException malformed(String detail) {
    return new CardException(CardErrorCode.MALFORMED_RESPONSE, detail);
  }

  @Override
  public void verifyPin() throws CardException {
    keypadCall(SscardFunction.VERIFY_PIN);
  }

  @Override
  public void changePin() throws CardException {
    keypadCall(SscardFunction.CHANGE_PIN);
  }

  private void keypadCall(SscardFunction f) throws CardException {
    HostFrames.Reply r = host.call(f, type, new byte[0], timeouts.keypad());
    try {
      check(f, r);
    } finally {
      r.wipe();
    }
  }

  @Override
  public void reloadPin(
      NationalCardData card, SecurityModule module, PinPolicy policy, PinContext context)
      throws CardException {
    byte[] cardInfo = cardInfo(card);
    if (psamDid(SscardFunction.RELOAD_PIN, cardInfo.clone(), timeouts.keypad())) {
      return;
    }
    new HsmSteps(HsmSteps.RELOAD, card, module, Optional.of(new PinCheck(policy, context)))
        .run(cardInfo);
  }

  @Override
  public void unblockPin(NationalCardData card, SecurityModule module) throws CardException {
    byte[] cardInfo = cardInfo(card);
    if (psamDid(SscardFunction.UNBLOCK_PIN, cardInfo.clone(), timeouts.card())) {
      return;
    }
    new HsmSteps(HsmSteps.UNBLOCK, card, module, Optional.empty()).run(cardInfo);
  }

  /**
   * The PSAM path ({@code iReloadPIN} / {@code iUnblockPIN}): true when it worked, false when the
   * library answered a "use the HSM path" code; any other failure is thrown.
   */
  private boolean psamDid(SscardFunction f, byte[] cardInfo, Duration timeout)
      throws CardException {
    HostFrames.Reply r = host.call(f, type, cardInfo, timeout);
    try {
      if (r.code() == 0) {
        return true;
      }
      if (!codes.useHsm(r.code())) {
        check(f, r);
      }
      LOG.info(
          "{} returned {}: the reader's PSAM cannot do it, using the HSM path",
          f.symbol(),
          r.code());
      return false;
    } finally {
      r.wipe();
    }
  }

  /** The PIN policy a new PIN from the keypad must pass before it goes to the security module. */
  private record PinCheck(PinPolicy policy, PinContext context) {}

  /** "card identification code|card number|", the card every privileged call names. */
  private static byte[] cardInfo(NationalCardData card) {
    return (card.cardIdCode() + "|" + card.cardNumber() + "|").getBytes(GBK);
  }

  /** Throws the mapped error unless the call returned 0. */
  private void check(SscardFunction f, HostFrames.Reply r) throws CardException {
    if (r.code() == 0) {
      return;
    }
    ReturnCodes.Meaning m = codes.meaning(r.code());
    if (m.useHsm()) {
      // Only the reload switches paths; elsewhere "use the HSM" means this reader cannot do it.
      throw new CardException(
          CardErrorCode.SECURITY_MODULE_UNAVAILABLE, f.symbol() + " returned " + r.code());
    }
    CardErrorCode error = m.error().orElse(CardErrorCode.DEVICE_ERROR);
    String detail = f.symbol() + " returned " + r.code();
    Optional<Integer> tries = triesLeft(r.output());
    if (error == CardErrorCode.PIN_WRONG && tries.isPresent()) {
      throw CardException.pinWrong(tries.get());
    }
    if (error == CardErrorCode.CARD_KEY_REFUSED && tries.isPresent()) {
      throw CardException.keyRefused(tries.get());
    }
    throw new CardException(error, detail);
  }

  /** The first |-field of a failed call's output, when it is a small number. */
  private static Optional<Integer> triesLeft(byte[] output) {
    List<byte[]> f = fields(output);
    try {
      if (!f.isEmpty()) {
        String s = new String(f.get(0), StandardCharsets.US_ASCII).trim();
        if (s.matches("\\d{1,2}")) {
          return Optional.of(Integer.parseInt(s));
        }
      }
      return Optional.empty();
    } finally {
      f.forEach(Secrets::wipe);
    }
  }

  /** Splits at {@code |} bytes: only for outputs whose fields are ASCII (never for GBK names). */
  static List<byte[]> fields(byte[] output) {
    List<byte[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < output.length; i++) {
      if (output[i] == '|') {
        out.add(Arrays.copyOfRange(output, start, i));
        start = i + 1;
      }
    }
    if (start < output.length) {
      out.add(Arrays.copyOfRange(output, start, output.length));
    }
    return out;
  }

  static CipherAlgorithm algorithm(byte[] field) throws CardException {
    String s = ascii(field);
    return switch (s) {
      case "01", "1" -> CipherAlgorithm.TDES;
      case "02", "2" -> CipherAlgorithm.SSF33;
      case "03", "3" -> CipherAlgorithm.SM4;
      default -> throw malformed("unknown algorithm code '" + s + "'");
    };
  }

  static int keyIndex(byte[] field) throws CardException {
    String s = ascii(field);
    try {
      int k = Integer.parseInt(s, 16);
      if (k < 0 || k > 0xFF) {
        throw malformed("key address " + s + " is beyond one byte");
      }
      return k;
    } catch (NumberFormatException e) {
      throw malformed("key address is not hex");
    }
  }

  static byte[] hexField(byte[] field, String what) throws CardException {
    try {
      return dev.pindesk.domain.codec.Hex.parse(ascii(field));
    } catch (IllegalArgumentException e) {
      throw malformed(what + " is not hex");
    }
  }

  private static String ascii(byte[] field) {
    return new String(field, StandardCharsets.US_ASCII).trim();
  }

  /** Upper-case ASCII hex of {@code data} as bytes (the form the interface takes pKey in). */
  static byte[] asciiHex(byte[] data) {
    byte[] out = new byte[2 * data.length];
    for (int i = 0; i < data.length; i++) {
      out[2 * i] = (byte) Character.toUpperCase(Character.forDigit((data[i] >> 4) & 0xF, 16));
      out[2 * i + 1] = (byte) Character.toUpperCase(Character.forDigit(data[i] & 0xF, 16));
    }
    return out;
  }

  /**
   * The HSM path of one reload or unblock: Step1, the external authentication (serviceFlag 244),
   * Step2, for a reload the PIN policy on the keypad's new PIN, secure messaging (245), Step3.
   */
  private final class HsmSteps {
    record Steps(
        SscardFunction step1, SscardFunction step2, SscardFunction step3, KeyPurpose purpose) {}

    static final Steps RELOAD =
        new Steps(
            SscardFunction.RELOAD_PIN_HSM_STEP1,
            SscardFunction.RELOAD_PIN_HSM_STEP2,
            SscardFunction.RELOAD_PIN_HSM_STEP3,
            KeyPurpose.RESET_PIN);
    static final Steps UNBLOCK =
        new Steps(
            SscardFunction.UNBLOCK_PIN_HSM_STEP1,
            SscardFunction.UNBLOCK_PIN_HSM_STEP2,
            SscardFunction.UNBLOCK_PIN_HSM_STEP3,
            KeyPurpose.UNBLOCK_PIN);

    private final Steps steps;
    private final NationalCardData card;
    private final SecurityModule module;
    private final Optional<PinCheck> newPin;

    HsmSteps(Steps steps, NationalCardData card, SecurityModule module, Optional<PinCheck> newPin) {
      this.steps = steps;
      this.card = card;
      this.module = module;
      this.newPin = newPin;
    }

    void run(byte[] cardInfo) throws CardException {
      byte[] cryptogram = externalAuthentication(cardInfo);
      byte[] step3Input;
      try {
        step3Input = secureMessaging(cryptogram);
      } finally {
        Secrets.wipe(cryptogram);
      }
      HostFrames.Reply r3 = host.call(steps.step3(), 0, step3Input.clone(), timeouts.card());
      try {
        check(steps.step3(), r3);
      } finally {
        r3.wipe();
        Secrets.wipe(step3Input);
      }
    }

    /** Step1 ("algorithm|key address|diversification data|authentication random|") and 244. */
    private byte[] externalAuthentication(byte[] cardInfo) throws CardException {
      HostFrames.Reply r1 = host.call(steps.step1(), type, cardInfo, timeouts.card());
      List<byte[]> f = List.of();
      try {
        check(steps.step1(), r1);
        f = fields(r1.output());
        if (f.size() < 4) {
          throw malformed(steps.step1().symbol() + " gave " + f.size() + " fields");
        }
        CardKeyAddress key = address(KeyPurpose.EXTERNAL_AUTHENTICATION, f.get(0), f.get(1));
        byte[] random = hexField(f.get(3), "the authentication random");
        byte[] cryptogram;
        try {
          cryptogram = module.externalAuthentication(new ExternalAuthRequest(key, random));
        } finally {
          Secrets.wipe(random);
        }
        try {
          return asciiHex(cryptogram);
        } finally {
          Secrets.wipe(cryptogram);
        }
      } finally {
        r1.wipe();
        f.forEach(Secrets::wipe);
      }
    }

    /**
     * Step2 with the cryptogram ("algorithm|key address|process random|APDU plaintext|" and, for a
     * reload, "new PIN|"), the policy on the new PIN, 245; returns Step3's input (the enciphered
     * PIN block, if any, and the MAC, in hex).
     */
    private byte[] secureMessaging(byte[] cryptogramHex) throws CardException {
      boolean withPin = newPin.isPresent();
      Duration timeout = withPin ? timeouts.keypad() : timeouts.card();
      HostFrames.Reply r2 = host.call(steps.step2(), 0, cryptogramHex.clone(), timeout);
      List<byte[]> f = List.of();
      Pin pin = null;
      SecureMessage message = null;
      try {
        check(steps.step2(), r2);
        f = fields(r2.output());
        if (f.size() < (withPin ? 5 : 4)) {
          throw malformed(steps.step2().symbol() + " gave " + f.size() + " fields");
        }
        if (withPin) {
          pin = pin(f.get(4));
          PinVerdict verdict = newPin.get().policy().check(pin, newPin.get().context());
          if (!verdict.accepted()) {
            throw new CardException(
                CardErrorCode.NEW_PIN_WEAK, "the keypad's new PIN breaks " + verdict.reasons());
          }
        }
        CardKeyAddress key = address(steps.purpose(), f.get(0), f.get(1));
        byte[] random = hexField(f.get(2), "the process random");
        byte[] header = hexField(f.get(3), "the APDU plaintext");
        if (header.length != 5) {
          throw malformed("the APDU plaintext is not CLA INS P1 P2 Lc");
        }
        try {
          message =
              module.secureMessaging(
                  new SecureMessagingRequest(key, random, header, Optional.ofNullable(pin)));
        } finally {
          Secrets.wipe(random, header);
        }
        byte[] data = message.commandData();
        try {
          return asciiHex(data);
        } finally {
          Secrets.wipe(data);
        }
      } finally {
        r2.wipe();
        f.forEach(Secrets::wipe);
        if (pin != null) {
          pin.close();
        }
        if (message != null) {
          message.wipe();
        }
      }
    }

    private CardKeyAddress address(KeyPurpose purpose, byte[] algorithm, byte[] keyAddress)
        throws CardException {
      return new CardKeyAddress(
          purpose,
          keyIndex(keyAddress),
          algorithm(algorithm),
          card.cardIdCode(),
          card.cardNumber(),
          card.resetInfo());
    }
  }

  /** The keypad's digits (ASCII bytes) as a {@link Pin}; the temporary char[] is wiped. */
  private static Pin pin(byte[] digits) throws CardException {
    char[] chars = new char[digits.length];
    try {
      for (int i = 0; i < digits.length; i++) {
        chars[i] = (char) (digits[i] & 0xFF);
      }
      return Pin.of(chars);
    } catch (IllegalArgumentException e) {
      throw malformed("iReloadPIN_HSM_Step2's new PIN is not 4 to 12 digits");
    } finally {
      Secrets.wipe(chars);
    }
  }

  @Override
  public void close() {
    host.close();
  }
}
