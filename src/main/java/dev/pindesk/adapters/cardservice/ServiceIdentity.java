package dev.pindesk.adapters.cardservice;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
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
 * The reference card-management service's key and self-signed certificate (EC P-256), made on first
 * run and reused: counters pin its key ({@link ServicePin}). The key ({@value #KEY_FILE}, PKCS#8
 * PEM, owner-only) lies beside the certificate.
 *
 * @param certificate the certificate counters pin
 * @param privateKey its key
 * @param certificateFile where the certificate is (PEM)
 * @param created whether this run made them
 */
public record ServiceIdentity(
    X509Certificate certificate, PrivateKey privateKey, Path certificateFile, boolean created) {
  public static final String CERT_FILE = "card-service.crt";
  public static final String KEY_FILE = "card-service.key";

  /**
   * The identity in {@code certificateFile} and the key beside it, created when neither exists.
   *
   * @throws IOException when only one exists, or they cannot be read or do not belong together
   */
  public static ServiceIdentity loadOrCreate(Path certificateFile) throws IOException {
    Path cert = certificateFile.toAbsolutePath();
    Path key = cert.resolveSibling(KEY_FILE);
    boolean certExists = Files.exists(cert);
    boolean keyExists = Files.exists(key);
    if (certExists && keyExists) {
      return load(cert, key);
    }
    if (certExists || keyExists) {
      throw new IOException(
          (certExists ? key : cert) + " is missing while " + (certExists ? cert : key) + " exists");
    }
    return create(cert, key);
  }

  /** The pin counters configure for this service. */
  public ServicePin pin() {
    return ServicePin.of(certificate);
  }

  /** A TLS server context presenting this certificate. */
  SSLContext serverContext() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    char[] password = new char[0];
    store.setKeyEntry(
        "card-service", privateKey, password, new java.security.cert.Certificate[] {certificate});
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, new SecureRandom());
    return context;
  }

  private static ServiceIdentity load(Path cert, Path key) throws IOException {
    try (Reader certReader = Files.newBufferedReader(cert, StandardCharsets.US_ASCII);
        PEMParser certPem = new PEMParser(certReader);
        Reader keyReader = Files.newBufferedReader(key, StandardCharsets.US_ASCII);
        PEMParser keyPem = new PEMParser(keyReader)) {
      Object c = certPem.readObject();
      Object k = keyPem.readObject();
      if (!(c instanceof X509CertificateHolder holder)) {
        throw new IOException(cert + ": not a PEM certificate");
      }
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      PrivateKey privateKey;
      if (k instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
        privateKey = converter.getPrivateKey(info);
      } else if (k instanceof PEMKeyPair pair) {
        privateKey = converter.getKeyPair(pair).getPrivate();
      } else {
        throw new IOException(key + ": not a PEM private key");
      }
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      if (!matches(certificate, privateKey)) {
        throw new IOException(key + " does not belong to " + cert);
      }
      return new ServiceIdentity(certificate, privateKey, cert, false);
    } catch (GeneralSecurityException e) {
      throw new IOException(cert + ": " + e.getMessage(), e);
    }
  }

  private static boolean matches(X509Certificate certificate, PrivateKey key)
      throws GeneralSecurityException {
    byte[] probe = "PinDesk card-service key check".getBytes(StandardCharsets.US_ASCII);
    java.security.Signature s = java.security.Signature.getInstance("SHA256withECDSA");
    s.initSign(key);
    s.update(probe);
    byte[] sig = s.sign();
    s.initVerify(certificate.getPublicKey());
    s.update(probe);
    return s.verify(sig);
  }

  private static ServiceIdentity create(Path cert, Path key) throws IOException {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair pair = generator.generateKeyPair();
      X500Name subject = new X500Name("CN=PinDesk reference card-management service,O=PinDesk");
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              subject,
              new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofDays(1))),
              Date.from(now.plus(Duration.ofDays(3650))),
              subject,
              pair.getPublic());
      builder.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      X509CertificateHolder holder =
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
      Files.createFile(key);
      PosixFileAttributeView view = Files.getFileAttributeView(key, PosixFileAttributeView.class);
      if (view != null) {
        view.setPermissions(PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(key, pem(new JcaPKCS8Generator(pair.getPrivate(), null)));
      Files.writeString(cert, pem(certificate), StandardCharsets.US_ASCII);
      return new ServiceIdentity(certificate, pair.getPrivate(), cert, true);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IOException("cannot create the card-service certificate: " + e.getMessage(), e);
    }
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString();
  }

  /** Subject and file; never the key. */
  @Override
  public String toString() {
    return "ServiceIdentity["
        + certificate.getSubjectX500Principal()
        + ", "
        + certificateFile
        + "]";
  }
}
