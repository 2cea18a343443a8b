package dev.pindesk.adapters.sync;

import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.SealedBatch;
import dev.pindesk.domain.sync.SealedEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Authentication of a sync request with the workstation key (docs/sync-protocol.md,
 * "Authentication"): an SM2 signature over the method, path, key id, time, a fresh nonce and the
 * request's content: for a batch its {@linkplain #content(SealedBatch) summary} (journal header,
 * range, count and the hash of its last entry), for anything else the SM3 of the body. The receiver
 * checks the key is enrolled, the time is within {@link SyncProtocol#MAX_SKEW_MILLIS} and the nonce
 * was never seen, so a captured request cannot be replayed and a changed path or content does not
 * verify.
 *
 * <p>Why a batch is bound by its summary and not by a digest of its bytes: the receiver hashes
 * every entry anyway to check the chain, and a chain that ends in the signed last hash leaves no
 * entry free to change (each hash covers the one before it); digesting the tens of megabytes of a
 * drain once more on each side cost a quarter of the drain's time (docs/benchmarks.md).
 */
public final class RequestAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestAuth() {}

  /** The key id of a workstation public key: hex of SM3 over its uncompressed point. */
  public static String keyId(ECPublicKeyParameters key) {
    return Hex.of(Sm3.digest(Sm2.encodePoint(key)));
  }

  /** The content line of a request that is not a batch: upper-case hex SM3 of its body. */
  public static String content(byte[] body) {
    return Hex.of(Sm3.digest(body));
  }

  /**
   * The content line of a batch: {@code "batch:" + hex(SM3(SM3(journal header) ‖ count u32 ‖ from
   * u64 ‖ to u64 ‖ hash of entry to (32 bytes, zeros when empty)))}.
   */
  public static String content(SealedBatch batch) {
    List<SealedEntry> entries = batch.entries();
    ByteBuffer summary = ByteBuffer.allocate(32 + 4 + 8 + 8 + 32);
    summary.put(Sm3.digest(batch.journalHeader()));
    summary.putInt(entries.size());
    summary.putLong(entries.isEmpty() ? 0 : entries.get(0).seq());
    summary.putLong(entries.isEmpty() ? 0 : entries.get(entries.size() - 1).seq());
    byte[] last = entries.isEmpty() ? new byte[32] : entries.get(entries.size() - 1).hash();
    summary.put(last, 0, Math.min(32, last.length));
    return "batch:" + Hex.of(Sm3.digest(summary.array()));
  }

  /** The bytes signed for one request with content line {@code content}. */
  public static byte[] signedBytes(
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      String content) {
    return lines("PDSYNC2", method, pathAndQuery, keyId, timeMillis, nonce, content);
  }

  /**
   * The bytes signed for a protocol-2 request (ADR 0032): as {@link #signedBytes} with the body's
   * length added, under its own prefix so a signature of one version never verifies as the other.
   */
  public static byte[] signedBytesV2(
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      String content,
      long length) {
    return lines("PDSYNC3", method, pathAndQuery, keyId, timeMillis, nonce, content, length);
  }

  /** The signed text: one field a line (no newline after the last), UTF-8. */
  private static byte[] lines(Object... fields) {
    return java.util.Arrays.stream(fields)
        .map(String::valueOf)
        .collect(java.util.stream.Collectors.joining("\n"))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The six authentication headers of a protocol-2 request signed now: the four of protocol 1 plus
   * {@link SyncProtocol#H_CONTENT} and {@link SyncProtocol#H_LENGTH}, all checked by the central
   * before it reads the body.
   */
  public static Map<String, String> headersV2(
      ECPublicKeyParameters publicKey,
      ECPrivateKeyParameters privateKey,
      String method,
      String pathAndQuery,
      String content,
      long length,
      long nowMillis) {
    String nonce = newNonce();
    String keyId = keyId(publicKey);
    byte[] signature =
        Sm2.sign(
            privateKey,
            signedBytesV2(method, pathAndQuery, keyId, nowMillis, nonce, content, length));
    Map<String, String> headers = identityHeaders(keyId, nowMillis, nonce);
    headers.put(SyncProtocol.H_CONTENT, content);
    headers.put(SyncProtocol.H_LENGTH, Long.toString(length));
    headers.put(SyncProtocol.H_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    return headers;
  }

  /** True when {@code signatureBase64} is {@code key}'s signature of the protocol-2 request. */
  public static boolean verifyV2(
      ECPublicKeyParameters key,
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      String content,
      long length,
      String signatureBase64) {
    return verified(
        key,
        signedBytesV2(method, pathAndQuery, keyId, timeMillis, nonce, content, length),
        signatureBase64);
  }

  /** The four authentication headers for a request signed now with {@code key}. */
  public static Map<String, String> headers(
      ECPublicKeyParameters publicKey,
      ECPrivateKeyParameters privateKey,
      String method,
      String pathAndQuery,
      String content,
      long nowMillis) {
    String nonce = newNonce();
    String keyId = keyId(publicKey);
    byte[] signature =
        Sm2.sign(privateKey, signedBytes(method, pathAndQuery, keyId, nowMillis, nonce, content));
    Map<String, String> headers = identityHeaders(keyId, nowMillis, nonce);
    headers.put(SyncProtocol.H_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    return headers;
  }

  /** 16 random bytes as 32 lower-case hex digits, as the protocol says. */
  private static String newNonce() {
    byte[] nonceBytes = new byte[16];
    RANDOM.nextBytes(nonceBytes);
    return HexFormat.of().formatHex(nonceBytes);
  }

  /** The headers every signed request starts with: who, when, which nonce (in this order). */
  private static Map<String, String> identityHeaders(String keyId, long nowMillis, String nonce) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SyncProtocol.H_KEY_ID, keyId);
    headers.put(SyncProtocol.H_TIME, Long.toString(nowMillis));
    headers.put(SyncProtocol.H_NONCE, nonce);
    return headers;
  }

  /**
   * Whether {@code signatureBase64} is {@code key}'s SM2 signature of {@code signed} (not Base64:
   * no).
   */
  private static boolean verified(
      ECPublicKeyParameters key, byte[] signed, String signatureBase64) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureBase64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return Sm2.verify(key, signed, signature);
  }

  /** True when {@code signatureBase64} is {@code key}'s signature of the request. */
  public static boolean verify(
      ECPublicKeyParameters key,
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      String content,
      String signatureBase64) {
    return verified(
        key, signedBytes(method, pathAndQuery, keyId, timeMillis, nonce, content), signatureBase64);
  }

  /** True when {@code nonce} has the documented form (32 lower-case hex digits). */
  public static boolean wellFormedNonce(String nonce) {
    return nonce != null && nonce.matches("[0-9a-f]{32}");
  }
}
