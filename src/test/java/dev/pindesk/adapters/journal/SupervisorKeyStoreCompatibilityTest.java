package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A supervisor key store written by an older BouncyCastle still opens after an upgrade: the
 * supervisor's only copy of the key may be years old. The fixture was written by {@link
 * SupervisorKeyStore#write} with BouncyCastle 1.79 (private key d below, passphrase "fixture
 * passphrase"); keep it when BouncyCastle moves again.
 */
class SupervisorKeyStoreCompatibilityTest {
  private static final BigInteger D =
      new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef", 16);

  @TempDir Path dir;

  private Path fixture() throws Exception {
    Path file = dir.resolve("supervisor-bc179.p12");
    try (var in =
        Objects.requireNonNull(getClass().getResourceAsStream("supervisor-bc179.p12"), "fixture")) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void aKeyStoreWrittenByBouncyCastle179StillOpens() throws Exception {
    assertThat(SupervisorKeyStore.read(fixture(), "fixture passphrase".toCharArray()).getD())
        .isEqualTo(D);
  }

  @Test
  void aWrongPassphraseOnTheOldKeyStoreIsStillSaidSo() throws Exception {
    Path file = fixture();
    assertThatThrownBy(() -> SupervisorKeyStore.read(file, "not it".toCharArray()))
        .isInstanceOfSatisfying(
            KeyStoreRefusedException.class,
            e ->
                assertThat(e.reason()).isEqualTo(KeyStoreRefusedException.Reason.WRONG_PASSPHRASE));
  }
}
