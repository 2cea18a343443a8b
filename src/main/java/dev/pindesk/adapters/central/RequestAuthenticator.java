package dev.pindesk.adapters.central;

import dev.pindesk.adapters.sync.BatchCodec;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.adapters.sync.SyncProtocol;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Checks a request's workstation authentication (docs/sync-protocol.md "Authentication"): the key
 * is enrolled, the SM2 signature covers method, path, time, nonce and content, the time is within
 * ±5 minutes of this clock, and the nonce was never seen from that key. Nonces are kept for the
 * skew window (a request older than that is refused as {@code clock_skew} anyway) and purged at
 * most once a minute.
 *
 * <p>Protocol 2 ({@link #authenticateHeaders}, ADR 0032) is checked from the headers alone, before
 * the body is read; protocol 1 ({@link #authenticate}) needs the decoded body's content line and is
 * accepted until {@code acceptV1Until}. Either way an unknown key is answered exactly like a bad
 * signature (nobody learns which key ids are enrolled), and a refusal before the signature has
 * verified is only counted ({@link UnprovenRefusals}); one after it is recorded under the proven
 * key ({@link RefusalLog}).
 */
public final class RequestAuthenticator {
  private static final long PURGE_EVERY_MILLIS = 60_000;
  private static final String BAD_SIGNATURE = "the request signature does not verify";
  private static final Pattern CONTENT = Pattern.compile("(batch:)?[0-9A-Fa-f]{64}");

  private final CentralStore store;
  private final Clock clock;
  private final RefusalLog refusals;
  private final UnprovenRefusals unproven;
  private final Instant acceptV1Until;
  private final AtomicLong lastPurge = new AtomicLong();

  /** A request whose signature verified with an enrolled key, and what it signed. */
  public record Proven(CentralStore.Workstation workstation, String content, long length) {}

  public RequestAuthenticator(CentralStore store, Clock clock, CentralMetrics metrics) {
    this(store, clock, metrics, new UnprovenRefusals(clock, metrics), Instant.MAX);
  }

  RequestAuthenticator(
      CentralStore store,
      Clock clock,
      CentralMetrics metrics,
      UnprovenRefusals unproven,
      Instant acceptV1Until) {
    this.store = store;
    this.clock = clock;
    this.refusals = new RefusalLog(store, clock, metrics);
    this.unproven = unproven;
    this.acceptV1Until = acceptV1Until;
  }

  /** Whether {@code header} is a protocol-2 request's. */
  static boolean isV2(UnaryOperator<String> header) {
    return header.apply(SyncProtocol.H_CONTENT) != null;
  }

  /**
   * Protocol 2: the enrolled workstation that signed the request's headers, with the content line
   * and body length it signed; nothing of the body is needed.
   *
   * @throws Refused unauthenticated, too large (413), not_enrolled (revoked), clock_skew or
   *     replayed
   */
  public Proven authenticateHeaders(
      String method, String pathAndQuery, UnaryOperator<String> header)
      throws Refused, SQLException {
    String content = header.apply(SyncProtocol.H_CONTENT);
    String length = header.apply(SyncProtocol.H_LENGTH);
    long bytes;
    try {
      if (content == null || length == null || !CONTENT.matcher(content).matches()) {
        throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers malformed");
      }
      if (!length.matches("[0-9]{1,19}")) {
        throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers malformed");
      }
      bytes = Long.parseLong(length);
      if (bytes > BatchCodec.MAX_BYTES) {
        throw Refused.tooLarge(BatchCodec.MAX_BYTES);
      }
    } catch (Refused r) {
      unproven.note(r);
      throw r;
    } catch (NumberFormatException e) {
      Refused r = Refused.of(Refusal.UNAUTHENTICATED, "authentication headers malformed");
      unproven.note(r);
      throw r;
    }
    long signedLength = bytes;
    CentralStore.Workstation ws =
        check(
            method,
            pathAndQuery,
            header,
            (key, keyId, time, nonce, signature) ->
                RequestAuth.verifyV2(
                    key,
                    method,
                    pathAndQuery,
                    keyId,
                    time,
                    nonce,
                    content,
                    signedLength,
                    signature));
    return new Proven(ws, content, bytes);
  }

  /**
   * Protocol 1: the enrolled workstation that signed the request with content line {@code content}
   * (computed from the body), while protocol 1 is still accepted.
   *
   * @param header the request's header values by name ({@code PinDesk-Key-Id} …); absent → null
   * @throws Refused unauthenticated, not_enrolled (revoked), clock_skew or replayed
   */
  public CentralStore.Workstation authenticate(
      String method, String pathAndQuery, UnaryOperator<String> header, String content)
      throws Refused, SQLException {
    if (clock.instant().isAfter(acceptV1Until)) {
      Refused r =
          Refused.of(
              Refusal.UNAUTHENTICATED,
              "protocol 1 is no longer accepted by this central; update the workstation");
      unproven.note(r);
      throw r;
    }
    return check(
        method,
        pathAndQuery,
        header,
        (key, keyId, time, nonce, signature) ->
            RequestAuth.verify(key, method, pathAndQuery, keyId, time, nonce, content, signature));
  }

  /** A refusal of a request whose sender is not proven: counted, never recorded. */
  void unproven(Refused r) {
    unproven.note(r);
  }

  /** A refusal of a proven workstation's request: logged and recorded under its key. */
  void proven(CentralStore.Workstation ws, String journalId, Refused r) {
    refusals.record(ws.keyId(), journalId, r);
  }

  private interface Signature {
    boolean verifies(
        org.bouncycastle.crypto.params.ECPublicKeyParameters key,
        String keyId,
        long time,
        String nonce,
        String signature);
  }

  private CentralStore.Workstation check(
      String method, String pathAndQuery, UnaryOperator<String> header, Signature signed)
      throws Refused, SQLException {
    CentralStore.Workstation ws;
    long timeMillis;
    String nonce = header.apply(SyncProtocol.H_NONCE);
    try {
      String keyId = header.apply(SyncProtocol.H_KEY_ID);
      String time = header.apply(SyncProtocol.H_TIME);
      String signature = header.apply(SyncProtocol.H_SIGNATURE);
      if (keyId == null || time == null || nonce == null || signature == null) {
        throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers missing");
      }
      if (!keyId.matches("[0-9A-Fa-f]{64}")
          || !time.matches("-?[0-9]{1,19}")
          || !RequestAuth.wellFormedNonce(nonce)
          || signature.length() > 200) {
        throw Refused.of(Refusal.UNAUTHENTICATED, "authentication headers malformed");
      }
      try {
        timeMillis = Long.parseLong(time);
      } catch (NumberFormatException e) {
        throw Refused.of(Refusal.UNAUTHENTICATED, "authentication time malformed");
      }
      // An unknown key and a bad signature get the same answer: the answer tells nobody which
      // key ids are enrolled.
      Optional<CentralStore.Workstation> found = store.workstation(keyId.toUpperCase(Locale.ROOT));
      if (found.isEmpty()
          || !signed.verifies(found.get().key(), keyId, timeMillis, nonce, signature)) {
        throw Refused.of(Refusal.UNAUTHENTICATED, BAD_SIGNATURE);
      }
      ws = found.get();
    } catch (Refused r) {
      unproven.note(r);
      throw r;
    }
    try {
      if (ws.revokedAt().isPresent()) {
        throw Refused.of(
            Refusal.NOT_ENROLLED,
            "key " + ws.keyId() + " was revoked at this central at " + ws.revokedAt().get());
      }
      long now = clock.millis();
      long skew = timeMillis - now;
      if (Math.abs(skew) > SyncProtocol.MAX_SKEW_MILLIS) {
        throw Refused.of(
            Refusal.CLOCK_SKEW,
            "request time is " + (skew / 1000) + " s from the central's clock (limit ±300 s)");
      }
      purgeNoncesNowAndThen(now);
      if (!store.rememberNonce(ws.keyId(), nonce, timeMillis)) {
        throw Refused.of(Refusal.REPLAYED, "nonce " + nonce + " was used before");
      }
      return ws;
    } catch (Refused r) {
      refusals.record(ws.keyId(), "", r);
      throw r;
    }
  }

  private void purgeNoncesNowAndThen(long now) throws SQLException {
    long last = lastPurge.get();
    if (now - last >= PURGE_EVERY_MILLIS && lastPurge.compareAndSet(last, now)) {
      // A nonce signed before now − skew can only come with a refused (clock_skew) request.
      store.purgeNonces(now - SyncProtocol.MAX_SKEW_MILLIS - PURGE_EVERY_MILLIS);
    }
  }
}
