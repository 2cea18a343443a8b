package dev.pindesk.adapters.sync;

import dev.pindesk.crypto.Sm3;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * Authentication of a sync request with the workstation key (docs/sync-protocol.md,
 * "Authentication"): an SM2 signature over the method, path, key id, time, a fresh nonce and the
 * SM3 of the body. The receiver checks the key is enrolled, the time is within {@link
 * SyncProtocol#MAX_SKEW_MILLIS} and the nonce was never seen, so a captured request cannot be
 * replayed and a changed body or path does not verify.
 */
public final class RequestAuth {
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestAuth() {}

  /** The key id of a workstation public key: hex of SM3 over its uncompressed point. */
  public static String keyId(ECPublicKeyParameters key) {
    return Hex.of(Sm3.digest(Sm2.encodePoint(key)));
  }

  /** The bytes signed for one request. */
  public static byte[] signedBytes(
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      byte[] body) {
    String text =
        "PDSYNC1\n"
            + method
            + "\n"
            + pathAndQuery
            + "\n"
            + keyId
            + "\n"
            + timeMillis
            + "\n"
            + nonce
            + "\n"
            + Hex.of(Sm3.digest(body));
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The four authentication headers for a request signed now with {@code key}. */
  public static Map<String, String> headers(
      ECPublicKeyParameters publicKey,
      ECPrivateKeyParameters privateKey,
      String method,
      String pathAndQuery,
      byte[] body,
      long nowMillis) {
    byte[] nonceBytes = new byte[16];
    RANDOM.nextBytes(nonceBytes);
    String nonce = HexFormat.of().formatHex(nonceBytes); // lower-case, as the protocol says
    String keyId = keyId(publicKey);
    byte[] signature =
        Sm2.sign(privateKey, signedBytes(method, pathAndQuery, keyId, nowMillis, nonce, body));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SyncProtocol.H_KEY_ID, keyId);
    headers.put(SyncProtocol.H_TIME, Long.toString(nowMillis));
    headers.put(SyncProtocol.H_NONCE, nonce);
    headers.put(SyncProtocol.H_SIGNATURE, Base64.getEncoder().encodeToString(signature));
    return headers;
  }

  /** True when {@code signatureBase64} is {@code key}'s signature of the request. */
  public static boolean verify(
      ECPublicKeyParameters key,
      String method,
      String pathAndQuery,
      String keyId,
      long timeMillis,
      String nonce,
      byte[] body,
      String signatureBase64) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(signatureBase64);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return Sm2.verify(
        key, signedBytes(method, pathAndQuery, keyId, timeMillis, nonce, body), signature);
  }

  /** True when {@code nonce} has the documented form (32 lower-case hex digits). */
  public static boolean wellFormedNonce(String nonce) {
    return nonce != null && nonce.matches("[0-9a-f]{32}");
  }
}
