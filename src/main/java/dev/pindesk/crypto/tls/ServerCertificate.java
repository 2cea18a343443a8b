package dev.pindesk.crypto.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A TLS server's own certificate and key, as PinDesk's HTTPS servers (the reference central, the
 * reference card-management service) make them on first start and read them back: a self-signed EC
 * P-256 certificate for server authentication, PEM text for the files. Workstations pin the
 * certificate (or its key), so no CA is involved. Computes only: the servers read and write the
 * files.
 *
 * @param certificate the self-signed certificate
 * @param privateKey its key
 */
public record ServerCertificate(X509Certificate certificate, PrivateKey privateKey) {
  private static final Duration VALIDITY = Duration.ofDays(3650);

  public ServerCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  /**
   * A new key and a self-signed certificate for {@code commonName}, valid ten years from yesterday,
   * naming {@code names} (DNS names and IP addresses) as the server's.
   */
  public static ServerCertificate selfSigned(String commonName, List<GeneralName> names)
      throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    KeyPair pair = generator.generateKeyPair();
    X500Name subject = new X500Name("CN=" + commonName + ",O=PinDesk");
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(VALIDITY)),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new ArrayList<>(names).toArray(new GeneralName[0])));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new BcX509ExtensionUtils()
              .createSubjectKeyIdentifier(
                  SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded())));
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      return new ServerCertificate(
          new JcaX509CertificateConverter().getCertificate(holder), pair.getPrivate());
    } catch (IOException | OperatorCreationException e) {
      throw new GeneralSecurityException("cannot build the certificate: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a certificate and its key back from their PEM texts.
   *
   * @throws GeneralSecurityException when either is not what it should be, or the key does not
   *     belong to the certificate (the message says which)
   */
  public static ServerCertificate fromPem(String certificatePem, String keyPem)
      throws GeneralSecurityException {
    Object c = readPem(certificatePem, "certificate");
    Object k = readPem(keyPem, "private key");
    if (!(c instanceof X509CertificateHolder holder)) {
      throw new GeneralSecurityException("not a PEM certificate");
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    PrivateKey key;
    try {
      if (k instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        key = converter.getPrivateKey(info);
      } else if (k instanceof PEMKeyPair pair) {
        key = converter.getKeyPair(pair).getPrivate();
      } else {
        throw new GeneralSecurityException("not a PEM private key");
      }
    } catch (IOException e) {
      throw new GeneralSecurityException("not a usable private key: " + e.getMessage(), e);
    }
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
    ServerCertificate read = new ServerCertificate(certificate, key);
    if (!read.keyMatches()) {
      throw new GeneralSecurityException("the key does not belong to the certificate");
    }
    return read;
  }

  private static Object readPem(String text, String what) throws GeneralSecurityException {
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      return parser.readObject();
    } catch (IOException e) {
      throw new GeneralSecurityException("not a PEM " + what + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@link #privateKey} signs what the certificate's public key verifies. */
  public boolean keyMatches() throws GeneralSecurityException {
    byte[] probe = "PinDesk server key check".getBytes(StandardCharsets.US_ASCII);
    Signature s = Signature.getInstance("SHA256withECDSA");
    s.initSign(privateKey);
    s.update(probe);
    byte[] sig = s.sign();
    s.initVerify(certificate.getPublicKey());
    s.update(probe);
    return s.verify(sig);
  }

  /** The certificate as PEM text. */
  public String certificatePem() {
    return pem(certificate);
  }

  /** The private key as PKCS#8 PEM text (for a file only its owner may read). */
  public String privateKeyPem() {
    try {
      return pem(new JcaPKCS8Generator(privateKey, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException("cannot encode the key: " + e.getMessage(), e);
    }
  }

  /** An in-memory key store holding the key and certificate under {@code alias}, no password. */
  public KeyStore keyStore(String alias) throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    store.setKeyEntry(alias, privateKey, new char[0], new Certificate[] {certificate});
    return store;
  }

  private static String pem(Object o) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write PEM: " + e.getMessage(), e);
    }
    return out.toString();
  }

  /** Subject only; never the key. */
  @Override
  public String toString() {
    return "ServerCertificate[" + certificate.getSubjectX500Principal() + "]";
  }
}
