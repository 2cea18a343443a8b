package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.audit.JournalException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJournalStoreTest {
  @TempDir Path dir;

  @Test
  void appendedEntriesVerifyWithNothingButTheFile() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 100, 10);
    VerifyReport report = JournalVerifier.verify(file, Optional.empty());
    assertThat(report.firstBad()).isEmpty();
    assertThat(report.valid()).isTrue();
    assertThat(report.events()).isEqualTo(100);
    assertThat(report.checkpoints()).isGreaterThanOrEqualTo(10);
    assertThat(report.uncovered()).isZero();
  }

  @Test
  void returnsConsecutiveSequenceNumbersAcrossReopening() throws Exception {
    Path file = dir.resolve("j.db");
    long first;
    try (SqliteJournalStore store = SqliteJournalStore.open(file, TestJournals.options(5))) {
      first = store.append(TestJournals.event(1));
      assertThat(store.append(TestJournals.event(2))).isEqualTo(first + 1);
    }
    try (SqliteJournalStore store = SqliteJournalStore.open(file, TestJournals.options(5))) {
      assertThat(store.append(TestJournals.event(3))).isGreaterThan(first + 1);
    }
    assertThat(JournalVerifier.verify(file, Optional.empty()).valid()).isTrue();
  }

  @Test
  void refusesASecondWriterOnTheSameFile() throws Exception {
    Path file = dir.resolve("j.db");
    try (SqliteJournalStore store = SqliteJournalStore.open(file, TestJournals.options(5))) {
      store.append(TestJournals.event(1));
      assertThatThrownBy(() -> SqliteJournalStore.open(file, TestJournals.options(5)))
          .isInstanceOf(JournalException.class)
          .hasMessageContaining("already open");
    }
  }

  @Test
  void pinsTheExpectedWorkstationKey() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 3, 10);
    assertThat(
            JournalVerifier.verify(file, Optional.of(TestJournals.WORKSTATION.publicKey())).valid())
        .isTrue();
    VerifyReport other =
        JournalVerifier.verify(file, Optional.of(TestJournals.SUPERVISOR.publicKey()));
    assertThat(other.firstBad())
        .get()
        .extracting(Problem::kind)
        .isEqualTo(Problem.Kind.UNEXPECTED_KEY);
  }

  @Test
  void refusesToAppendUnderAnotherWorkstationKey() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 3, 10);
    StoreOptions other =
        StoreOptions.of(
            "WS-TEST-01", TestJournals.SUPERVISOR, TestJournals.SUPERVISOR.publicKey(), true);
    assertThatThrownBy(() -> SqliteJournalStore.open(file, other))
        .isInstanceOf(JournalException.class)
        .hasMessageContaining("another workstation key");
  }
}
