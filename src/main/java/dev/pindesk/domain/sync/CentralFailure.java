package dev.pindesk.domain.sync;

import java.util.Locale;
import java.util.Optional;

/**
 * Why an exchange with the central system failed: the central's refusal codes of
 * docs/sync-protocol.md plus what can go wrong on the way (no connection, timeout, a 5xx, an
 * untrusted certificate, a receipt that does not verify). Wire names are stable: the status bar,
 * the {@code sync} CLI and logs show them.
 */
public enum CentralFailure {
  MALFORMED(false, false),
  UNAUTHENTICATED(false, false),
  CLOCK_SKEW(false, false),
  NOT_ENROLLED(false, false),
  NOT_YOUR_JOURNAL(false, false),
  REPLAYED(true, false),
  GAP(true, false),
  FORK(false, false),
  CHAIN(false, false),
  UNKNOWN_JOURNAL(true, false),
  UNAVAILABLE(true, true),
  /** No connection (refused, reset, DNS, cut mid-request). */
  UNREACHABLE(true, true),
  /** Connect or request timeout. */
  TIMEOUT(true, true),
  /** A 5xx without a protocol body (a proxy, a crashed handler). */
  SERVER_ERROR(true, true),
  /** The TLS peer is not the pinned central certificate (or names another host). */
  UNTRUSTED_CERTIFICATE(true, true),
  /** A receipt whose signature does not verify with the pinned certificate. */
  BAD_RECEIPT(false, false),
  /** An answer the protocol does not define (e.g. a 4xx from something that is not a central). */
  UNEXPECTED_RESPONSE(false, false);

  private final boolean retryable;
  private final boolean transport;

  CentralFailure(boolean retryable, boolean transport) {
    this.retryable = retryable;
    this.transport = transport;
  }

  /** True when trying again (maybe from another position) can succeed without a person. */
  public boolean retryable() {
    return retryable;
  }

  /** True when the central was not reached or not usable: the workstation is offline. */
  public boolean transport() {
    return transport;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The failure with {@code wireName}, or empty. */
  public static Optional<CentralFailure> fromWireName(String wireName) {
    for (CentralFailure f : values()) {
      if (f.wireName().equals(wireName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
