package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Checks a request's workstation authentication (docs/sync-protocol.md "Authentication"): the key
 * is enrolled, the SM2 signature covers method, path, time, nonce and body, the time is within ±5
 * minutes of this clock, and the nonce was never seen from that key. Nonces are kept for the skew
 * window (a request older than that is refused as {@code clock_skew} anyway) and purged at most
 * once a minute.
 */
public final class RequestAuthenticator {
  private static final long PURGE_EVERY_MILLIS = 60_000;

  private final CentralStore store;
  private final Clock clock;
  private final RefusalLog refusals;
  private final AtomicLong lastPurge = new AtomicLong();

  public RequestAuthenticator(CentralStore store, Clock clock, CentralMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.refusals = new RefusalLog(store, clock, metrics);
  }

  /**
   * The enrolled workstation that signed the request.
   *
   * @param header the request's header values by name ({@code PinDesk-Key-Id} …); absent → null
   * @throws Refused unauthenticated, not_enrolled, clock_skew or replayed (recorded)
   */
  public CentralStore.Workstation authenticate(
      String method, String pathAndQuery, UnaryOperator<String> header, String content)
      throws Refused, SQLException {
    String sentKeyId = header.apply(SyncProtocol.H_KEY_ID);
    try {
      return check(method, pathAndQuery, header, content, sentKeyId);
    } catch (Refused r) {
      refusals.record(sentKeyId, "", r);
      throw r;
    }
  }

  private CentralStore.Workstation check(
      String method,
      String pathAndQuery,
      UnaryOperator<String> header,
      String content,
      String keyId)
      throws Refused, SQLException {
    String time = header.apply(SyncProtocol.H_TIME);
    String nonce = header.apply(SyncProtocol.H_NONCE);
    String signature = header.apply(SyncProtocol.H_SIGNATURE);
    if (keyId == null || time == null || nonce == null || signature == null) {
      throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers missing");
    }
    if (!keyId.matches("[0-9A-Fa-f]{64}")
        || !time.matches("-?[0-9]{1,19}")
        || !RequestAuth.wellFormedNonce(nonce)) {
      throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers malformed");
    }
    long timeMillis;
    try {
      timeMillis = Long.parseLong(time);
    } catch (NumberFormatException e) {
      throw Refused.of(Refusal.UNAUTHENTICATED, "authentication time malformed");
    }
    Optional<CentralStore.Workstation> ws = store.workstation(keyId.toUpperCase(Locale.ROOT));
    if (ws.isEmpty()) {
      throw Refused.of(Refusal.NOT_ENROLLED, "key " + keyId + " is not enrolled at this central");
    }
    if (!RequestAuth.verify(
        ws.get().key(), method, pathAndQuery, keyId, timeMillis, nonce, content, signature)) {
      throw Refused.of(Refusal.UNAUTHENTICATED, "the request signature does not verify");
    }
    if (ws.get().revokedAt().isPresent()) {
      throw Refused.of(
          Refusal.NOT_ENROLLED,
          "key " + keyId + " was revoked at this central at " + ws.get().revokedAt().get());
    }
    long now = clock.millis();
    long skew = timeMillis - now;
    if (Math.abs(skew) > SyncProtocol.MAX_SKEW_MILLIS) {
      throw Refused.of(
          Refusal.CLOCK_SKEW,
          "request time is " + (skew / 1000) + " s from the central's clock (limit ±300 s)");
    }
    purgeNoncesNowAndThen(now);
    if (!store.rememberNonce(ws.get().keyId(), nonce, timeMillis)) {
      throw Refused.of(Refusal.REPLAYED, "nonce " + nonce + " was used before");
    }
    return ws.get();
  }

  private void purgeNoncesNowAndThen(long now) throws SQLException {
    long last = lastPurge.get();
    if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
      // A nonce signed before now − skew can only come with a refused (clock_skew) request.
      store.purgeNonces(now - SyncProtocol.MAX_SKEW_MILLIS - PURGE_EVERY_MILLIS);
    }
  }
}
