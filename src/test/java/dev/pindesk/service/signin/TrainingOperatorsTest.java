package dev.pindesk.service.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.service.audit.SteppingClock;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrainingOperatorsTest {
  private final InMemoryOperatorDirectory directory = new InMemoryOperatorDirectory();
  private final SteppingClock clock = new SteppingClock(Instant.parse("2024-05-06T08:00:00Z"));

  @Test
  void createsTheDemoClerkWithPasswordDemo() {
    Operator demo = TrainingOperators.ensureDemo(directory, clock);

    assertThat(demo.id()).isEqualTo("demo");
    assertThat(demo.displayName()).isEqualTo("培训操作员 Demo");
    assertThat(demo.role()).isEqualTo(Operator.Role.CLERK);
    assertThat(new SignInService(directory, clock).signIn("demo", "demo".toCharArray()).succeeded())
        .isTrue();
  }

  @Test
  void leavesAnExistingDemoOperatorAsItIs() {
    TrainingOperators.ensureDemo(directory, clock);
    directory.setPassword("demo", "changed-by-trainer".toCharArray());

    TrainingOperators.ensureDemo(directory, clock);

    assertThat(directory.verifyPassword("demo", "changed-by-trainer".toCharArray())).isTrue();
    assertThat(directory.list()).hasSize(1);
  }
}
