package dev.pindesk.domain.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OperatorTest {
  private static final Instant NOW = Instant.parse("2024-05-06T08:00:00Z");

  @Test
  void acceptsShortLowerCaseAsciiIds() {
    assertThat(Operator.isValidId("li")).isTrue();
    assertThat(Operator.isValidId("wang.fang_2-a")).isTrue();
    assertThat(Operator.isValidId("a".repeat(32))).isTrue();
  }

  @Test
  void rejectsIdsOutsideTheAlphabetOrLength() {
    assertThat(Operator.isValidId("x")).isFalse();
    assertThat(Operator.isValidId("a".repeat(33))).isFalse();
    assertThat(Operator.isValidId("Wang")).isFalse();
    assertThat(Operator.isValidId("王芳")).isFalse();
    assertThat(Operator.isValidId("a b")).isFalse();
    assertThat(Operator.isValidId(null)).isFalse();
    assertThatThrownBy(() -> new Operator("A!", "x", Operator.Role.CLERK, true, NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"A!\"");
  }

  @Test
  void needsADisplayName() {
    assertThatThrownBy(() -> new Operator("li", " ", Operator.Role.CLERK, true, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namesTheMessageKeyOfEachSignInFailure() {
    assertThat(SignInFailure.unknownOrWrong().messageKey()).isEqualTo("signin.unknown_or_wrong");
    assertThat(SignInFailure.lockedOut(NOW).messageKey()).isEqualTo("signin.locked_out");
    assertThat(SignInFailure.disabled().messageKey()).isEqualTo("signin.disabled");
  }
}
