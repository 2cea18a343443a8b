package dev.pindesk.adapters.sam;

import dev.pindesk.domain.error.CardErrorCode;

/**
 * What a PSAM's failing status word means, as a vendor profile maps it (the same status word means
 * different things to different vendors, so the mapping is data).
 */
public enum PsamStatus {
  /** The PSAM has no such application: another card or another vendor's PSAM. */
  WRONG_APPLICATION(CardErrorCode.SECURITY_MODULE_WRONG),
  /** The PSAM or its application is locked. */
  LOCKED(CardErrorCode.SECURITY_MODULE_LOCKED),
  /** The key usage / version is not loaded in this PSAM. */
  KEY_NOT_FOUND(CardErrorCode.SECURITY_MODULE_KEY_MISSING),
  /** The PSAM refuses the command (security status, conditions of use, wrong data). */
  REFUSED(CardErrorCode.SECURITY_MODULE_REFUSED);

  private final CardErrorCode code;

  PsamStatus(CardErrorCode code) {
    this.code = code;
  }

  public CardErrorCode code() {
    return code;
  }
}
