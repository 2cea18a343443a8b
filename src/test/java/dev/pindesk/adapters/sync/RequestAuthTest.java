package dev.pindesk.adapters.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request signatures of docs/sync-protocol.md "Authentication". */
class RequestAuthTest {
  private static final Sm2KeyPair KEYS = Sm2.generate();
  private static final String BODY =
      RequestAuth.content("batch bytes".getBytes(StandardCharsets.US_ASCII));
  private static final long NOW = 1_790_000_000_000L;

  private static boolean verifies(
      Map<String, String> h, String method, String path, long time, String body) {
    return RequestAuth.verify(
        KEYS.publicKey(),
        method,
        path,
        h.get(SyncProtocol.H_KEY_ID),
        time,
        h.get(SyncProtocol.H_NONCE),
        body,
        h.get(SyncProtocol.H_SIGNATURE));
  }

  @Test
  void theKeyIdIsTheSm3OfTheUncompressedPoint() {
    assertThat(RequestAuth.keyId(KEYS.publicKey()))
        .isEqualTo(Hex.of(Sm3.digest(Sm2.encodePoint(KEYS.publicKey()))))
        .hasSize(64);
  }

  @Test
  void signedHeadersVerifyForTheSameRequest() {
    Map<String, String> h =
        RequestAuth.headers(KEYS.publicKey(), KEYS.privateKey(), "POST", "/v1/batches", BODY, NOW);
    assertThat(h.get(SyncProtocol.H_TIME)).isEqualTo(Long.toString(NOW));
    assertThat(verifies(h, "POST", "/v1/batches", NOW, BODY)).isTrue();
  }

  @Test
  void aChangedMethodPathTimeOrBodyDoesNotVerify() {
    Map<String, String> h =
        RequestAuth.headers(KEYS.publicKey(), KEYS.privateKey(), "POST", "/v1/batches", BODY, NOW);
    assertThat(verifies(h, "GET", "/v1/batches", NOW, BODY)).isFalse();
    assertThat(verifies(h, "POST", "/v1/batches?x=1", NOW, BODY)).isFalse();
    assertThat(verifies(h, "POST", "/v1/batches", NOW + 1, BODY)).isFalse();
    assertThat(
            verifies(
                h,
                "POST",
                "/v1/batches",
                NOW,
                RequestAuth.content("other".getBytes(StandardCharsets.UTF_8))))
        .isFalse();
  }

  @Test
  void anotherKeyOrAGarbledSignatureDoesNotVerify() {
    Map<String, String> h =
        RequestAuth.headers(KEYS.publicKey(), KEYS.privateKey(), "POST", "/v1/batches", BODY, NOW);
    Sm2KeyPair other = Sm2.generate();
    assertThat(
            RequestAuth.verify(
                other.publicKey(),
                "POST",
                "/v1/batches",
                h.get(SyncProtocol.H_KEY_ID),
                NOW,
                h.get(SyncProtocol.H_NONCE),
                BODY,
                h.get(SyncProtocol.H_SIGNATURE)))
        .isFalse();
    assertThat(
            RequestAuth.verify(
                KEYS.publicKey(),
                "POST",
                "/v1/batches",
                h.get(SyncProtocol.H_KEY_ID),
                NOW,
                h.get(SyncProtocol.H_NONCE),
                BODY,
                "not base64!"))
        .isFalse();
  }

  @Test
  void everyRequestGetsAFreshWellFormedNonce() {
    Map<String, String> a =
        RequestAuth.headers(
            KEYS.publicKey(),
            KEYS.privateKey(),
            "GET",
            "/v1/x",
            RequestAuth.content(new byte[0]),
            NOW);
    Map<String, String> b =
        RequestAuth.headers(
            KEYS.publicKey(),
            KEYS.privateKey(),
            "GET",
            "/v1/x",
            RequestAuth.content(new byte[0]),
            NOW);
    assertThat(RequestAuth.wellFormedNonce(a.get(SyncProtocol.H_NONCE))).isTrue();
    assertThat(a.get(SyncProtocol.H_NONCE)).isNotEqualTo(b.get(SyncProtocol.H_NONCE));
    assertThat(RequestAuth.wellFormedNonce("00112233445566778899AABBCCDDEEFF")).isFalse();
    assertThat(RequestAuth.wellFormedNonce(null)).isFalse();
  }

  @Test
  void theSignedTextIsTheDocumentedOne() {
    byte[] text =
        RequestAuth.signedBytes(
            "GET", "/v1/health", "AB", 12, "00ff", RequestAuth.content(new byte[0]));
    assertThat(new String(text, StandardCharsets.UTF_8))
        .isEqualTo("PDSYNC2\nGET\n/v1/health\nAB\n12\n00ff\n" + Hex.of(Sm3.digest(new byte[0])));
  }

  @Test
  void aBatchIsBoundByItsHeaderRangeCountAndLastHash() {
    SealedBatch batch = batch(header(1), entry(7, 1), entry(8, 2));
    String content = RequestAuth.content(batch);
    assertThat(content).startsWith("batch:").hasSize("batch:".length() + 64);
    assertThat(RequestAuth.content(batch(header(1), entry(7, 1), entry(8, 2)))).isEqualTo(content);
    assertThat(RequestAuth.content(batch(header(2), entry(7, 1), entry(8, 2))))
        .as("another journal header")
        .isNotEqualTo(content);
    assertThat(RequestAuth.content(batch(header(1), entry(7, 1), entry(8, 3))))
        .as("another last hash")
        .isNotEqualTo(content);
    assertThat(RequestAuth.content(batch(header(1), entry(7, 1))))
        .as("fewer entries")
        .isNotEqualTo(content);
    assertThat(RequestAuth.content(batch(header(1), entry(8, 1), entry(9, 2))))
        .as("another range")
        .isNotEqualTo(content);
  }

  @Test
  void aBatchSummaryIsNotTheDigestOfItsBytes() {
    SealedBatch batch = batch(header(1), entry(1, 1));
    assertThat(RequestAuth.content(batch))
        .isNotEqualTo(RequestAuth.content(BatchCodec.encode(batch)));
  }

  private static byte[] header(int fill) {
    byte[] h = new byte[40];
    java.util.Arrays.fill(h, (byte) fill);
    return h;
  }

  private static SealedEntry entry(long seq, int hashFill) {
    byte[] hash = new byte[32];
    java.util.Arrays.fill(hash, (byte) hashFill);
    return new SealedEntry(seq, new byte[30], new byte[20], hash);
  }

  private static SealedBatch batch(byte[] header, SealedEntry... entries) {
    return new SealedBatch(header, new byte[64], java.util.List.of(entries));
  }
}
