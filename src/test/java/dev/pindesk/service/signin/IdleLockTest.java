package dev.pindesk.service.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.service.audit.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleLockTest {
  private static final Instant T0 = Instant.parse("2024-05-06T08:00:00Z");
  private final SteppingClock clock = new SteppingClock(T0);

  @Test
  void locksAfterFiveIdleMinutesByDefault() {
    IdleLock lock = new IdleLock(clock);

    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(lock.isLocked()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(lock.isLocked()).isTrue();
  }

  @Test
  void activityPostponesTheLock() {
    IdleLock lock = new IdleLock(clock, Duration.ofSeconds(30));

    clock.advance(Duration.ofSeconds(20));
    lock.touch();
    clock.advance(Duration.ofSeconds(20));

    assertThat(lock.isLocked()).isFalse();
    assertThat(lock.locksAt()).isEqualTo(T0.plusSeconds(50));
  }

  @Test
  void staysLockedOnInputUntilUnlockedBySigningInAgain() {
    IdleLock lock = new IdleLock(clock, Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(31));
    assertThat(lock.isLocked()).isTrue();

    lock.touch();
    assertThat(lock.isLocked()).isTrue();

    lock.unlock();
    assertThat(lock.isLocked()).isFalse();
    assertThat(lock.locksAt()).isEqualTo(T0.plusSeconds(61));
  }

  @Test
  void locksOnlyWhenAskedEvenIfNobodyPolledInTime() {
    IdleLock lock = new IdleLock(clock, Duration.ofSeconds(30));
    clock.advance(Duration.ofMinutes(10));

    lock.touch();

    assertThat(lock.isLocked()).as("late input must not revive an expired session").isTrue();
  }

  @Test
  void refusesANonPositiveTimeout() {
    assertThatThrownBy(() -> new IdleLock(clock, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
