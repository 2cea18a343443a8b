package dev.pindesk.adapters.sync;

/**
 * Names shared by the workstation and the central receiver (docs/sync-protocol.md). Changing any of
 * them breaks deployed workstations: add, never rename.
 */
public final class SyncProtocol {
  /** Upload a batch; answered with a receipt. */
  public static final String BATCHES = "/v1/batches";

  /** Prefix of {@code GET /v1/journals/{journalIdHex}/receipt}. */
  public static final String JOURNALS = "/v1/journals/";

  /** Unauthenticated liveness probe. */
  public static final String HEALTH = "/v1/health";

  public static final String H_KEY_ID = "PinDesk-Key-Id";
  public static final String H_TIME = "PinDesk-Time";
  public static final String H_NONCE = "PinDesk-Nonce";
  public static final String H_SIGNATURE = "PinDesk-Signature";

  /**
   * Protocol 2 (ADR 0032): the signed content line travels in this header, so the central checks
   * the signature before it reads the body. Its presence marks a protocol-2 request.
   */
  public static final String H_CONTENT = "PinDesk-Content";

  /** Protocol 2: the body's length in bytes, signed; must equal {@code Content-Length}. */
  public static final String H_LENGTH = "PinDesk-Length";

  /** Requests whose time differs from the receiver's clock by more are refused. */
  public static final long MAX_SKEW_MILLIS = 5 * 60_000L;

  public static final String BATCH_CONTENT_TYPE = "application/vnd.pindesk.batch";

  private SyncProtocol() {}

  /**
   * The {@code error} member of a refusal's JSON body; stable wire names (the workstation shows a
   * translated message per code and decides whether retrying can help).
   */
  public enum Refusal {
    /** 400: the body is not a batch. Not retried as-is. */
    MALFORMED(400, false),
    /** 401: missing or bad authentication headers, or the signature does not verify. */
    UNAUTHENTICATED(401, false),
    /** 401: the request time is too far from the central's clock. */
    CLOCK_SKEW(401, false),
    /** 403: the key is not enrolled at this central. */
    NOT_ENROLLED(403, false),
    /** 403: the journal belongs to another workstation key than the one that signed the request. */
    NOT_YOUR_JOURNAL(403, false),
    /** 409: this exact request (nonce) was seen before. */
    REPLAYED(409, true),
    /** 409: the batch starts after the central's head; resend from {@code expectedFrom}. */
    GAP(409, true),
    /** 409: an entry differs from the one stored at that seq (rewritten history). */
    FORK(409, false),
    /** 422: the entries break the chain rules (docs/journal-format.md "Verification"). */
    CHAIN(422, false),
    /** 404: no such journal at this central. */
    UNKNOWN_JOURNAL(404, true),
    /** 503: the central's store is unavailable; retry later. */
    UNAVAILABLE(503, true);

    private final int status;
    private final boolean retryable;

    Refusal(int status, boolean retryable) {
      this.status = status;
      this.retryable = retryable;
    }

    public int status() {
      return status;
    }

    /** True when sending again (maybe from another position) can succeed without a person. */
    public boolean retryable() {
      return retryable;
    }

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The refusal with {@code wireName}, or empty. */
    public static java.util.Optional<Refusal> fromWireName(String wireName) {
      for (Refusal r : values()) {
        if (r.wireName().equals(wireName)) {
          return java.util.Optional.of(r);
        }
      }
      return java.util.Optional.empty();
    }
  }
}
