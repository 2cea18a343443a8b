package dev.pindesk.crypto.gm;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM2 (GB/T 32918) on curve sm2p256v1: signatures as 64 bytes {@code r ‖ s} over SM3 with the
 * default user ID {@code "1234567812345678"}, and public-key encryption in the GB/T 32918.4-2016
 * order {@code C1 ‖ C3 ‖ C2} (C1 an uncompressed point). The journal signs checkpoints and wraps
 * segment data keys with these.
 */
public final class Sm2 {
  /**
   * The curve sm2p256v1 with its OID, so encoded keys name it. Taken from BouncyCastle's custom
   * curves (fixed-width field arithmetic): same parameters as the generic table entry, several
   * times faster for signing and for verifying checkpoints.
   */
  public static final ECNamedDomainParameters DOMAIN;

  /** Length of an uncompressed public point {@code 04 ‖ x ‖ y}. */
  public static final int PUBLIC_POINT_LENGTH = 65;

  /** Length of a signature {@code r ‖ s}. */
  public static final int SIGNATURE_LENGTH = 64;

  static {
    X9ECParameters x9 = CustomNamedCurves.getByName("sm2p256v1");
    DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, x9);
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private Sm2() {}

  /** A fresh key pair. */
  public static Sm2KeyPair generate() {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(DOMAIN, RANDOM));
    AsymmetricCipherKeyPair pair = generator.generateKeyPair();
    return new Sm2KeyPair(
        (ECPublicKeyParameters) pair.getPublic(), (ECPrivateKeyParameters) pair.getPrivate());
  }

  /** The 64-byte signature {@code r ‖ s} of {@code message}. */
  public static byte[] sign(ECPrivateKeyParameters key, byte[] message) {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
    signer.init(true, new ParametersWithRandom(key, RANDOM));
    signer.update(message, 0, message.length);
    try {
      return signer.generateSignature();
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed", e);
    }
  }

  /** True when {@code signature} ({@code r ‖ s}) is valid for {@code message}. */
  public static boolean verify(ECPublicKeyParameters key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      return false;
    }
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
    signer.init(false, key);
    signer.update(message, 0, message.length);
    try {
      return signer.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** {@code plaintext} encrypted to {@code key}: {@code C1 ‖ C3 ‖ C2}, 97 bytes longer. */
  public static byte[] encrypt(ECPublicKeyParameters key, byte[] plaintext) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(true, new ParametersWithRandom(key, RANDOM));
    try {
      return engine.processBlock(plaintext, 0, plaintext.length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("SM2 encryption failed", e);
    }
  }

  /**
   * Decrypts {@code C1 ‖ C3 ‖ C2}; the caller wipes the result.
   *
   * @throws IllegalArgumentException when the ciphertext is not for this key or was altered
   */
  public static byte[] decrypt(ECPrivateKeyParameters key, byte[] ciphertext) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    engine.init(false, key);
    try {
      return engine.processBlock(ciphertext, 0, ciphertext.length);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new IllegalArgumentException("SM2 ciphertext does not decrypt with this key");
    }
  }

  /** The uncompressed point {@code 04 ‖ x ‖ y} (65 bytes). */
  public static byte[] encodePoint(ECPublicKeyParameters key) {
    return key.getQ().getEncoded(false);
  }

  /**
   * The public key with uncompressed point {@code encoded}.
   *
   * @throws IllegalArgumentException when it is not a valid sm2p256v1 point
   */
  public static ECPublicKeyParameters decodePoint(byte[] encoded) {
    if (encoded.length != PUBLIC_POINT_LENGTH || encoded[0] != 4) {
      throw new IllegalArgumentException("not an uncompressed SM2 point");
    }
    try {
      return new ECPublicKeyParameters(DOMAIN.getCurve().decodePoint(encoded), DOMAIN);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a point on sm2p256v1");
    }
  }

  /** True when both keys are the same point. */
  public static boolean samePoint(ECPublicKeyParameters a, ECPublicKeyParameters b) {
    return Arrays.equals(encodePoint(a), encodePoint(b));
  }
}
