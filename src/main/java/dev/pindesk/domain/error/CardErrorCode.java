package dev.pindesk.domain.error;

import java.util.Locale;

/**
 * What went wrong with a reader, a card or the security module, in terms a clerk can act on.
 *
 * <p>Each code has a stable wire name (used in JSON output and, later, the journal), a message key
 * ({@code error.card.<name>}) and a next-action key ({@code error.card.<name>.next}) in the {@code
 * messages} bundle.
 */
public enum CardErrorCode {
  /** The PC/SC service (pcscd / Windows smart card service) is not running or not reachable. */
  PCSC_UNAVAILABLE(3),
  /** PC/SC works but no reader is connected. */
  NO_READER(3),
  /** The configured reader is not (or no longer) connected. */
  READER_NOT_FOUND(3),
  /** The reader holds no card. */
  NO_CARD(4),
  /** The card was removed during an operation. */
  CARD_REMOVED(5),
  /** The card does not answer or answers garbage at the transport level. */
  CARD_MUTE(5),
  /** The reader or card is held exclusively by another program. */
  READER_BUSY(5),
  /** The card has no social security application: not a social security card. */
  WRONG_CARD(5),
  /** The card rejects our commands as unsupported (class/instruction); no matching profile. */
  UNSUPPORTED_CARD(5),
  /** A file or record the profile expects is missing. */
  FILE_NOT_FOUND(5),
  /** The card answered with data that does not parse (bad TLV, bad BCD, wrong length). */
  MALFORMED_RESPONSE(5),
  /** A mandatory data element (EF05 / EF06) is not on the card; the exception names it. */
  ELEMENT_MISSING(5),
  /** A data element's value cannot be decoded; the exception names it. */
  ELEMENT_MALFORMED(5),
  /**
   * The card's algorithm (FCI tag 86) is one PinDesk cannot compute, e.g. SSF33 (02), which exists
   * only in hardware: privileged writes are refused rather than guessed with another algorithm.
   */
  ALGORITHM_UNSUPPORTED(5),
  /** Security status not satisfied (69 82): authentication needed or wrong profile. */
  SECURITY_NOT_SATISFIED(5),
  /** Conditions of use not satisfied (69 85): retry the step. */
  CONDITIONS_NOT_SATISFIED(5),
  /** Wrong PIN (63 Cx); tries left is carried by the exception. */
  PIN_WRONG(5),
  /** PIN blocked (69 83): the unlock service applies. */
  PIN_BLOCKED(5),
  /** Application locked permanently (93 03): the card must be replaced. */
  APP_LOCKED(5),
  /**
   * A MAC or cryptogram was refused by the card (e.g. 69 88 / 63 00 after a privileged command).
   */
  AUTHENTICATION_FAILED(5),
  /** Any other status word. */
  UNEXPECTED_STATUS(5),
  /** No security module (PSAM / encryption machine) is available. */
  SECURITY_MODULE_UNAVAILABLE(5),
  /** The security module refused the operation (e.g. training keys against a real card). */
  SECURITY_MODULE_REFUSED(5),
  /**
   * The card in the security module's reader is not the configured PSAM: its application is missing
   * (e.g. 6A 82) or the vendor profile does not fit it.
   */
  SECURITY_MODULE_WRONG(5),
  /** The PSAM (or its application) is locked and must go back to the key administration. */
  SECURITY_MODULE_LOCKED(5),
  /** The PSAM lacks the key this card needs (e.g. 6A 88: key usage / version not loaded). */
  SECURITY_MODULE_KEY_MISSING(5),
  /**
   * The security module cannot do this operation at all (e.g. a PSAM whose vendor profile has no
   * enciphering command cannot answer external authentication).
   */
  SECURITY_MODULE_UNSUPPORTED(5),
  /**
   * The card refused the security module's key (63 Cx after an authentication command): x tries of
   * that key are left, carried by the exception. Never a wrong PIN.
   */
  CARD_KEY_REFUSED(5),
  /** The card's authentication key is blocked (69 83 after an authentication command). */
  CARD_KEY_BLOCKED(5),
  /** The card protects its holder file (69 82) and no security module is configured to open it. */
  NEEDS_SECURITY_MODULE(5),
  /**
   * The reader's vendor library (national read/write interface) stopped responding or crashed; its
   * device host was stopped and started again, so the step can be retried.
   */
  DEVICE_NOT_RESPONDING(5),
  /** The reader's vendor library is missing or cannot be loaded, or its device host won't start. */
  DEVICE_UNAVAILABLE(3),
  /** The reader's vendor library returned a code PinDesk's return-code tables do not know. */
  DEVICE_ERROR(5),
  /** The citizen pressed cancel on the reader's keypad. */
  PIN_ENTRY_CANCELLED(5),
  /** Nobody typed a PIN on the reader's keypad in time. */
  PIN_ENTRY_TIMEOUT(5),
  /** The two entries of the new PIN on the reader's keypad differ. */
  PIN_ENTRY_MISMATCH(5),
  /** The new PIN typed on the reader's keypad breaks the PIN policy; nothing was written. */
  NEW_PIN_WEAK(5),
  /** The card in the reader is not the card of this case. */
  CARD_MISMATCH(5);

  private final int cliExitCode;

  CardErrorCode(int cliExitCode) {
    this.cliExitCode = cliExitCode;
  }

  /** Exit code of the CLI contract: 3 no reader / PC/SC, 4 no card, 5 card error. */
  public int cliExitCode() {
    return cliExitCode;
  }

  /** Stable lower-case wire name, e.g. {@code pin_wrong}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The code with this {@link #wireName()}, if any. */
  public static java.util.Optional<CardErrorCode> fromWireName(String wireName) {
    for (CardErrorCode c : values()) {
      if (c.wireName().equals(wireName)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  public String messageKey() {
    return "error.card." + wireName();
  }

  public String nextActionKey() {
    return messageKey() + ".next";
  }
}
