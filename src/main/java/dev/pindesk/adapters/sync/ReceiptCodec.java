package dev.pindesk.adapters.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.sync.Receipt;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;

/**
 * A receipt as JSON ({@code {"journal","workstation","ackSeq","head","at","sig"}}, hex for the
 * journal id and head, ISO-8601 UTC for the time, Base64 DER for the signature) and its signature:
 * ECDSA P-256 with SHA-256 by the key of the central's TLS certificate — the one file a workstation
 * pins (ADR 0006).
 */
public final class ReceiptCodec {
  public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReceiptCodec() {}

  public static String toJson(Receipt r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("journal", Hex.of(r.journalId()));
    o.put("workstation", r.workstationId());
    o.put("ackSeq", r.ackSeq());
    o.put("head", Hex.of(r.head()));
    o.put("at", r.at().toString());
    o.put("sig", Base64.getEncoder().encodeToString(r.signature()));
    return o.toString();
  }

  /**
   * @throws IllegalArgumentException when {@code json} is not a receipt
   */
  public static Receipt fromJson(String json) {
    try {
      return fromJson(JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("receipt is not JSON");
    }
  }

  /**
   * @throws IllegalArgumentException when {@code o} is not a receipt
   */
  public static Receipt fromJson(JsonNode o) {
    try {
      byte[] journal = Hex.parse(o.get("journal").asText());
      byte[] head = Hex.parse(o.get("head").asText());
      if (journal.length != 16 || head.length != 32 || !o.get("ackSeq").canConvertToLong()) {
        throw new IllegalArgumentException("receipt fields out of range");
      }
      return new Receipt(
          journal,
          o.get("workstation").asText(),
          o.get("ackSeq").asLong(),
          head,
          Instant.parse(o.get("at").asText()),
          Base64.getDecoder().decode(o.get("sig").asText()));
    } catch (NullPointerException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("receipt is missing a field or has a bad one");
    }
  }

  /** The receipt with its signature by {@code key} (the central's certificate key). */
  public static Receipt sign(Receipt unsigned, PrivateKey key) {
    try {
      Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
      s.initSign(key);
      s.update(unsigned.signedBytes());
      return new Receipt(
          unsigned.journalId(),
          unsigned.workstationId(),
          unsigned.ackSeq(),
          unsigned.head(),
          unsigned.at(),
          s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign a receipt: " + e.getMessage(), e);
    }
  }

  /** True when the receipt is signed by the key of {@code centralCert}. */
  public static boolean verify(Receipt r, X509Certificate centralCert) {
    return verify(r, centralCert.getPublicKey());
  }

  public static boolean verify(Receipt r, PublicKey key) {
    try {
      Signature s = Signature.getInstance(SIGNATURE_ALGORITHM);
      s.initVerify(key);
      s.update(r.signedBytes());
      return s.verify(r.signature());
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
