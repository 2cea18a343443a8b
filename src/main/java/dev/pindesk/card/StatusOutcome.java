package dev.pindesk.card;

/**
 * What a status word means to PinDesk (docs/card-commands.md). Transport outcomes ({@link
 * BytesAvailable}, {@link WrongLe}) are handled by {@link ApduChannel} and never reach callers.
 */
public sealed interface StatusOutcome {

  record Ok() implements StatusOutcome {}

  /** {@code 61xx}: more data, fetch with GET RESPONSE. */
  record BytesAvailable(int count) implements StatusOutcome {}

  /** {@code 6Cxx}: resend with Le = {@code exactLength}. */
  record WrongLe(int exactLength) implements StatusOutcome {}

  /** {@code 63Cx}: wrong PIN. */
  record PinWrong(int triesLeft) implements StatusOutcome {}

  /** {@code 6983}. */
  record PinBlocked() implements StatusOutcome {}

  /** {@code 9303}. */
  record ApplicationLocked() implements StatusOutcome {}

  /** {@code 6982}. */
  record SecurityNotSatisfied() implements StatusOutcome {}

  /** {@code 6985}. */
  record ConditionsNotSatisfied() implements StatusOutcome {}

  /** {@code 6988} or {@code 6300}: MAC / cryptogram refused. */
  record AuthenticationFailed() implements StatusOutcome {}

  /** {@code 6A82}. */
  record FileNotFound() implements StatusOutcome {}

  /** {@code 6A83}. */
  record RecordNotFound() implements StatusOutcome {}

  /** {@code 6700}. */
  record WrongLength() implements StatusOutcome {}

  /** {@code 6D00} / {@code 6E00}. */
  record NotSupported(int sw) implements StatusOutcome {}

  /** Anything else. */
  record Unexpected(int sw) implements StatusOutcome {}

  /** Maps a status word. */
  static StatusOutcome of(int sw) {
    int sw1 = sw >> 8;
    int sw2 = sw & 0xFF;
    if (sw == 0x9000) {
      return new Ok();
    }
    if (sw1 == 0x61) {
      return new BytesAvailable(sw2 == 0 ? 256 : sw2);
    }
    if (sw1 == 0x6C) {
      return new WrongLe(sw2 == 0 ? 256 : sw2);
    }
    if (sw1 == 0x63 && (sw2 & 0xF0) == 0xC0) {
      return new PinWrong(sw2 & 0x0F);
    }
    return switch (sw) {
      case 0x6983 -> new PinBlocked();
      case 0x9303 -> new ApplicationLocked();
      case 0x6982 -> new SecurityNotSatisfied();
      case 0x6985 -> new ConditionsNotSatisfied();
      case 0x6988, 0x6300 -> new AuthenticationFailed();
      case 0x6A82 -> new FileNotFound();
      case 0x6A83 -> new RecordNotFound();
      case 0x6700 -> new WrongLength();
      case 0x6D00, 0x6E00 -> new NotSupported(sw);
      default -> new Unexpected(sw);
    };
  }
}
