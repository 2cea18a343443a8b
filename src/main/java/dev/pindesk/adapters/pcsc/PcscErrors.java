package dev.pindesk.adapters.pcsc;

import dev.pindesk.domain.error.CardErrorCode;

/**
 * Classifies SunPCSC failures. SunPCSC wraps the PC/SC return code in a {@code PCSCException} whose
 * message is the code's name (e.g. {@code SCARD_E_NO_SERVICE}), sometimes only in the cause chain,
 * and throws {@code IllegalStateException("Card has been removed")} on a stale card.
 */
final class PcscErrors {
  private PcscErrors() {}

  /** PC/SC codes meaning the service or our context is gone: re-establish the context. */
  static boolean contextLost(Throwable t) {
    String all = messages(t);
    return all.contains("SCARD_E_NO_SERVICE")
        || all.contains("SCARD_E_SERVICE_STOPPED")
        || all.contains("SCARD_E_INVALID_HANDLE")
        || all.contains("SCARD_F_COMM_ERROR");
  }

  static CardErrorCode classify(Throwable t) {
    String all = messages(t);
    if (contextLost(t)) {
      return CardErrorCode.PCSC_UNAVAILABLE;
    }
    if (all.contains("SCARD_W_REMOVED_CARD")
        || all.contains("Card has been removed")
        || all.contains("SCARD_W_RESET_CARD")
        || all.contains("SCARD_E_NO_SMARTCARD")) {
      return CardErrorCode.CARD_REMOVED;
    }
    if (all.contains("SCARD_E_SHARING_VIOLATION")
        || all.contains("Exclusive access established by another")) {
      return CardErrorCode.READER_BUSY;
    }
    if (all.contains("SCARD_E_UNKNOWN_READER") || all.contains("SCARD_E_READER_UNAVAILABLE")) {
      return CardErrorCode.READER_NOT_FOUND;
    }
    if (all.contains("SCARD_W_UNRESPONSIVE_CARD")
        || all.contains("SCARD_W_UNPOWERED_CARD")
        || all.contains("SCARD_E_TIMEOUT")
        || all.contains("SCARD_E_PROTO_MISMATCH")
        || all.contains("SCARD_W_UNSUPPORTED_CARD")) {
      return CardErrorCode.CARD_MUTE;
    }
    return CardErrorCode.CARD_MUTE;
  }

  /** Messages of the whole cause chain, for logs and classification. */
  static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null && sb.length() < 2000; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append("; ");
    }
    return sb.toString();
  }
}
