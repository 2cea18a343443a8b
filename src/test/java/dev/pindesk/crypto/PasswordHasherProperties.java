package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

class PasswordHasherProperties {
  private static final PasswordHasher HASHER =
      new PasswordHasher(new PasswordHasher.Cost(16, 1, 1));

  @Property(tries = 50)
  void everyPasswordVerifiesAgainstItsOwnHash(@ForAll @StringLength(max = 40) String password) {
    String phc = HASHER.hash(password.toCharArray());

    assertThat(HASHER.verify(password.toCharArray(), phc)).isTrue();
    assertThat(HASHER.needsRehash(phc)).isFalse();
  }

  @Property(tries = 50)
  void anyOtherPasswordFails(
      @ForAll @StringLength(max = 20) String password,
      @ForAll @StringLength(max = 20) String other) {
    String phc = HASHER.hash(password.toCharArray());

    assertThat(HASHER.verify(other.toCharArray(), phc))
        .isEqualTo(
            java.util.Arrays.equals(
                PasswordHasher.utf8(password.toCharArray()),
                PasswordHasher.utf8(other.toCharArray())));
  }
}
