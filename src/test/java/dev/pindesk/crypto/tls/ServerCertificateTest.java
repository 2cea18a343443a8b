package dev.pindesk.crypto.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.List;
import org.bouncycastle.asn1.x509.GeneralName;
import org.junit.jupiter.api.Test;

/** The HTTPS servers' own certificate: made, written as PEM, read back, checked. */
class ServerCertificateTest {
  private static final List<GeneralName> LOCAL =
      List.of(
          new GeneralName(GeneralName.dNSName, "localhost"),
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"));

  @Test
  void aSelfSignedCertificateSurvivesItsPemTextsForServerAuthentication() throws Exception {
    ServerCertificate made = ServerCertificate.selfSigned("PinDesk test", LOCAL);

    ServerCertificate read = ServerCertificate.fromPem(made.certificatePem(), made.privateKeyPem());

    assertThat(read.certificate()).isEqualTo(made.certificate());
    assertThat(read.keyMatches()).isTrue();
    assertThat(read.certificate().getSubjectX500Principal().getName()).contains("PinDesk test");
    assertThat(read.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
    assertThat(read.certificate().getSubjectAlternativeNames()).hasSize(2);
    assertThat(made.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(made.toString()).doesNotContain("PRIVATE");
    assertThat(made.keyStore("server").isKeyEntry("server")).isTrue();
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() throws Exception {
    ServerCertificate one = ServerCertificate.selfSigned("one", LOCAL);
    ServerCertificate other = ServerCertificate.selfSigned("other", LOCAL);

    assertThatThrownBy(() -> ServerCertificate.fromPem(one.certificatePem(), other.privateKeyPem()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void textThatIsNotPemIsRefusedSayingWhich() throws Exception {
    ServerCertificate one = ServerCertificate.selfSigned("one", LOCAL);

    assertThatThrownBy(() -> ServerCertificate.fromPem("hello", one.privateKeyPem()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("certificate");
    assertThatThrownBy(() -> ServerCertificate.fromPem(one.certificatePem(), one.certificatePem()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("private key");
  }
}
