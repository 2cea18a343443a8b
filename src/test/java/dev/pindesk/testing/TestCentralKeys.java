package dev.pindesk.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A central's key and self-signed certificate made in the test (EC P-256, naming localhost and
 * 127.0.0.1, as {@code central serve} makes them): signs receipts and serves TLS.
 */
public record TestCentralKeys(KeyPair keyPair, X509Certificate certificate) {

  public static TestCentralKeys create() {
    return create(
        new GeneralName(GeneralName.dNSName, "localhost"),
        new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
  }

  /** A certificate naming only {@code dnsName}: a loopback client must refuse it by host name. */
  public static TestCentralKeys createFor(String dnsName) {
    return create(new GeneralName(GeneralName.dNSName, dnsName));
  }

  private static TestCentralKeys create(GeneralName... names) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=PinDesk test central");
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              name,
              BigInteger.valueOf(now.toEpochMilli()),
              Date.from(now.minus(1, ChronoUnit.DAYS)),
              Date.from(now.plus(1, ChronoUnit.DAYS)),
              name,
              pair.getPublic());
      b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new TestCentralKeys(pair, cert);
    } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
      throw new IllegalStateException(e);
    } catch (org.bouncycastle.cert.CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the certificate as PEM ({@code central.crt}). */
  public Path writeCertificate(Path file) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
      pem.writeObject(certificate);
    }
    Files.writeString(file, text.toString());
    return file;
  }

  /** A key store holding the key and certificate, for a test TLS server. */
  public KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setKeyEntry("central", keyPair.getPrivate(), password, new X509Certificate[] {certificate});
    return ks;
  }
}
