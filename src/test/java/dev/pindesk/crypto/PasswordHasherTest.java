package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);

  @Test
  void matchesTheArgon2idTestVectorOfRfc9106WithSecretAndAssociatedData() {
    byte[] password = filled(32, 0x01);
    byte[] salt = filled(16, 0x02);
    byte[] secret = filled(8, 0x03);
    byte[] associatedData = filled(12, 0x04);

    byte[] tag =
        PasswordHasher.argon2id(
            password, salt, secret, associatedData, new PasswordHasher.Cost(32, 3, 4), 32);

    assertThat(Hex.of(tag).toLowerCase())
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void hashesWithTheOwaspMinimumByDefaultInPhcFormat() {
    String phc = new PasswordHasher().hash("correct horse".toCharArray());

    assertThat(phc)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void verifiesTheRightPasswordAndRejectsAWrongOne() {
    PasswordHasher hasher = new PasswordHasher(CHEAP);
    String phc = hasher.hash("柜员密码 2024".toCharArray());

    assertThat(hasher.verify("柜员密码 2024".toCharArray(), phc)).isTrue();
    assertThat(hasher.verify("柜员密码 2025".toCharArray(), phc)).isFalse();
    assertThat(hasher.verify(new char[0], phc)).isFalse();
  }

  @Test
  void saltsEveryHashAfresh() {
    PasswordHasher hasher = new PasswordHasher(CHEAP);

    assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
  }

  @Test
  void verifiesHashesMadeWithOtherParametersFromTheStringItself() {
    String phc = new PasswordHasher(new PasswordHasher.Cost(128, 2, 2)).hash("pw".toCharArray());

    assertThat(new PasswordHasher(CHEAP).verify("pw".toCharArray(), phc)).isTrue();
  }

  @Test
  void writesSaltAndHashAsUnpaddedStandardBase64AndReadsThemBack() {
    byte[] raw =
        PasswordHasher.argon2id(
            "password".getBytes(), "somesalt".getBytes(), new byte[0], new byte[0], CHEAP, 32);
    String phc = new Argon2idPhc(CHEAP, "somesalt".getBytes(), raw).format();

    assertThat(phc).startsWith("$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$");
    assertThat(phc.substring(phc.lastIndexOf('$') + 1)).hasSize(43).doesNotContain("=");
    assertThat(new PasswordHasher(CHEAP).verify("password".toCharArray(), phc)).isTrue();
  }

  @Test
  void neverMatchesMalformedOrOutOfBoundsStrings() {
    PasswordHasher hasher = new PasswordHasher(CHEAP);
    String good = hasher.hash("pw".toCharArray());

    assertThat(hasher.verify("pw".toCharArray(), "")).isFalse();
    assertThat(hasher.verify("pw".toCharArray(), good.replace("argon2id", "argon2i"))).isFalse();
    assertThat(hasher.verify("pw".toCharArray(), good.replace("v=19", "v=16"))).isFalse();
    assertThat(hasher.verify("pw".toCharArray(), good.replace("m=64", "m=99999999"))).isFalse();
    assertThat(hasher.verify("pw".toCharArray(), good.substring(0, good.length() - 30))).isFalse();
  }

  @Test
  void asksForARehashWhenParametersDifferOrTheStringIsBroken() {
    PasswordHasher current = new PasswordHasher(CHEAP);
    String weak = new PasswordHasher(new PasswordHasher.Cost(32, 1, 1)).hash("pw".toCharArray());

    assertThat(current.needsRehash(current.hash("pw".toCharArray()))).isFalse();
    assertThat(current.needsRehash(weak)).isTrue();
    assertThat(current.needsRehash("plain text")).isTrue();
  }

  @Test
  void encodesPasswordsAsUtf8WithoutAString() {
    assertThat(PasswordHasher.utf8("a培".toCharArray())).containsExactly(0x61, 0xE5, 0x9F, 0xB9);
  }

  @Test
  void leavesTheCallersPasswordArrayAlone() {
    char[] password = "keep me".toCharArray();
    new PasswordHasher(CHEAP).hash(password);

    assertThat(password).containsExactly("keep me".toCharArray());
  }

  @Test
  void parseErrorsDoNotRepeatTheStoredHash() {
    String broken = "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$tooshort";

    assertThatThrownBy(() -> Argon2idPhc.parse(broken)).hasMessageNotContaining("tooshort");
  }

  @Test
  void refusesImpossibleCosts() {
    assertThatThrownBy(() -> new PasswordHasher.Cost(8, 1, 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
