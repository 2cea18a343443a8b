package dev.pindesk.adapters.cardservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePinTest {
  @TempDir Path dir;

  @Test
  void theCertificateFileAndItsSha256TextGiveTheSamePin() throws IOException {
    ServiceIdentity identity = ServiceIdentity.loadOrCreate(dir.resolve("card-service.crt"));

    ServicePin fromFile = ServicePin.parse(identity.certificateFile().toString());
    ServicePin fromText = ServicePin.parse(fromFile.text());

    assertThat(fromFile).isEqualTo(fromText).isEqualTo(identity.pin());
    assertThat(fromText.text()).startsWith("sha256/");
    assertThat(fromFile.matches(identity.certificate())).isTrue();
  }

  @Test
  void anotherKeyDoesNotMatch() throws IOException {
    ServiceIdentity one = ServiceIdentity.loadOrCreate(dir.resolve("a.crt"));
    Path other = Files.createDirectory(dir.resolve("b"));
    ServiceIdentity two = ServiceIdentity.loadOrCreate(other.resolve("b.crt"));

    assertThat(one.pin().matches(two.certificate())).isFalse();
  }

  @Test
  void theIdentityIsReusedOnTheNextRun() throws IOException {
    Path cert = dir.resolve("card-service.crt");
    ServiceIdentity first = ServiceIdentity.loadOrCreate(cert);
    ServiceIdentity again = ServiceIdentity.loadOrCreate(cert);

    assertThat(first.created()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(again.pin()).isEqualTo(first.pin());
  }

  @Test
  void refusesAMalformedPinOrAFileWithoutACertificate() throws IOException {
    Path junk = Files.writeString(dir.resolve("junk.pem"), "not a certificate");

    assertThatIllegalArgumentException().isThrownBy(() -> ServicePin.parse("sha256/AAAA"));
    assertThatIllegalArgumentException().isThrownBy(() -> ServicePin.parse(junk.toString()));
  }

  @Test
  void credentialsSurviveTheirFileAndNeverShowTheSecret() throws IOException {
    ClientCredentials c = ClientCredentials.generate("counter-01");
    Path file = dir.resolve("client.properties");
    c.save(file);

    ClientCredentials loaded = ClientCredentials.load(file);

    assertThat(loaded).isEqualTo(c);
    assertThat(loaded.toString()).doesNotContain(c.secret());
    assertThat(loaded.accepts("counter-01", c.secret())).isTrue();
    assertThat(loaded.accepts("counter-01", c.secret() + "x")).isFalse();
  }
}
