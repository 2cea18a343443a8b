package dev.pindesk.domain.audit;

import dev.pindesk.domain.error.CardErrorCode;
import java.util.regex.Pattern;

/**
 * Why a step failed, as a stable wire name: a {@link CardErrorCode} wire name or one of the
 * wizard's own ({@code ssn_mismatch}, {@code weak_pin}, ...). Kept an open, validated string so
 * that new causes need no format change; the shape rule (lower-case snake case, at most 48
 * characters) keeps free text — and so any chance of personal data or PIN digits — out.
 */
public record ErrorCode(String wireName) {
  private static final Pattern SHAPE = Pattern.compile("[a-z][a-z_]{1,47}");

  public static final ErrorCode SSN_MISMATCH = new ErrorCode("ssn_mismatch");
  public static final ErrorCode CARD_EXPIRED = new ErrorCode("card_expired");
  public static final ErrorCode WEAK_PIN = new ErrorCode("weak_pin");
  public static final ErrorCode PIN_MISMATCH = new ErrorCode("pin_mismatch");
  public static final ErrorCode PIN_PAD_TIMEOUT = new ErrorCode("pin_pad_timeout");
  public static final ErrorCode CARD_SWAPPED = new ErrorCode("card_swapped");
  public static final ErrorCode ID_EXPIRED = new ErrorCode("id_expired");
  public static final ErrorCode AGENT_NOT_AUTHORISED = new ErrorCode("agent_not_authorised");

  /**
   * @throws IllegalArgumentException when the name is not lower-case snake case of 2..48 letters
   *     (digits are refused on purpose: no PIN can hide in an error code)
   */
  public ErrorCode {
    if (wireName == null || !SHAPE.matcher(wireName).matches()) {
      throw new IllegalArgumentException("error code: not a wire name");
    }
  }

  public static ErrorCode of(CardErrorCode code) {
    return new ErrorCode(code.wireName());
  }
}
