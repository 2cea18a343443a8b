package dev.pindesk.adapters.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The central's certificate: created once, named for loopback and this host, key owner-only. */
class CentralIdentityTest {
  @TempDir Path dir;

  @Test
  void createsAP256CertificateForLocalhostAndLoopbackWithAnOwnerOnlyKey() throws Exception {
    CentralIdentity id = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    assertThat(id.created()).isTrue();
    X509Certificate cert = id.certificate();
    assertThat(cert.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(cert.getSigAlgName()).isEqualTo("SHA256withECDSA");
    List<String> names =
        cert.getSubjectAlternativeNames().stream()
            .map(n -> n.get(1).toString())
            .collect(Collectors.toList());
    assertThat(names).contains("localhost", "127.0.0.1");
    String host = CentralIdentity.hostName();
    if (!host.isEmpty()) {
      assertThat(names).contains(host);
    }
    assertThat(Files.readString(id.certificateFile())).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(id.keyFile()).isEqualTo(dir.resolve("central.key").toAbsolutePath());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(id.keyFile())))
        .isEqualTo("rw-------");
    assertThat(id.toString()).doesNotContain("PRIVATE");
  }

  @Test
  void reusesTheSameKeyAndCertificateOnLaterRuns() throws Exception {
    CentralIdentity first = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    CentralIdentity again = CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    assertThat(again.created()).isFalse();
    assertThat(again.certificate()).isEqualTo(first.certificate());
    // Same scalar (the PKCS#8 encoding may differ by provider: optional parameters).
    assertThat(((java.security.interfaces.ECPrivateKey) again.privateKey()).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) first.privateKey()).getS());
  }

  @Test
  void refusesToReplaceACertificateWhoseKeyIsMissing() throws Exception {
    CentralIdentity.loadOrCreate(dir.resolve("central.crt"));
    Files.delete(dir.resolve("central.key"));
    assertThatThrownBy(() -> CentralIdentity.loadOrCreate(dir.resolve("central.crt")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("central.key is missing");
  }

  @Test
  void refusesAKeyOfAnotherCertificate() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    CentralIdentity.loadOrCreate(a.resolve("central.crt"));
    CentralIdentity.loadOrCreate(b.resolve("central.crt"));
    Files.copy(
        b.resolve("central.key"),
        a.resolve("central.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> CentralIdentity.loadOrCreate(a.resolve("central.crt")))
        .hasMessageContaining("does not belong");
  }

  @Test
  void plainHttpIsRefusedOffLoopback() throws Exception {
    assertThatThrownBy(
            () ->
                new CentralServer.Options(
                    java.net.InetAddress.getByName("0.0.0.0"),
                    0,
                    true,
                    2,
                    java.time.Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback");
  }
}
