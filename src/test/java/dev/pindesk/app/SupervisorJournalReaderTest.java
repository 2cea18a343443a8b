package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.cli.Cli;
import dev.pindesk.domain.audit.AuditEntry;
import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.ports.SupervisorJournal;
import dev.pindesk.service.audit.AuditCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit view's reader on real journals and key stores made by the CLI. */
class SupervisorJournalReaderTest {
  @TempDir static Path dir;
  static Path journal;
  static Path keys;
  static Path otherKeys;
  static final char[] PASS = "correct horse battery".toCharArray();

  @BeforeAll
  static void journalAndKeys() throws Exception {
    keys = dir.resolve("keys");
    otherKeys = dir.resolve("other");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, new String(PASS) + "\n");
    Cli.keysInit(keys, pass);
    Cli.keysInit(otherKeys, pass);
    journal = Cli.generatedJournal(dir.resolve("journal.db"), keys, 40);
  }

  @Test
  void readsVerifiesAndDecryptsEveryEvent() throws Exception {
    AuditCases cases = new AuditCases();
    ChainStatus status =
        new SupervisorJournalReader()
            .read(journal, keys.resolve("supervisor.p12"), PASS.clone(), cases::add);

    assertThat(status.valid()).isTrue();
    assertThat(status.workstation()).isNotEmpty();
    assertThat(cases.cases()).hasSize(40);
    assertThat(cases.unreadable()).isZero();
    assertThat(cases.cases()).allSatisfy(c -> assertThat(c.verified()).isTrue());
  }

  @Test
  void anotherSupervisorsKeyReadsNoEvent() throws Exception {
    List<AuditEntry> entries = new ArrayList<>();
    new SupervisorJournalReader()
        .read(journal, otherKeys.resolve("supervisor.p12"), PASS.clone(), entries::add);

    assertThat(entries).isNotEmpty().noneMatch(AuditEntry::readable);
  }

  @Test
  void aWrongPassphraseAMissingKeyOrJournalAreTranslatedReasons() {
    SupervisorJournalReader reader = new SupervisorJournalReader();
    assertThatThrownBy(
            () ->
                reader.read(journal, keys.resolve("supervisor.p12"), "nope".toCharArray(), e -> {}))
        .isInstanceOfSatisfying(
            SupervisorJournal.Unavailable.class,
            u -> assertThat(u.messageKey()).isEqualTo("audit.unavailable.passphrase"));
    assertThatThrownBy(() -> reader.read(journal, dir.resolve("none.p12"), PASS.clone(), e -> {}))
        .isInstanceOfSatisfying(
            SupervisorJournal.Unavailable.class,
            u -> assertThat(u.messageKey()).isEqualTo("audit.unavailable.key"));
    assertThatThrownBy(
            () ->
                reader.read(
                    dir.resolve("none.db"), keys.resolve("supervisor.p12"), PASS.clone(), e -> {}))
        .isInstanceOfSatisfying(
            SupervisorJournal.Unavailable.class,
            u -> assertThat(u.messageKey()).isEqualTo("audit.unavailable.journal"));
    assertThatThrownBy(
            () ->
                reader.read(
                    keys.resolve("supervisor.pub"),
                    keys.resolve("supervisor.p12"),
                    PASS.clone(),
                    e -> {}))
        .isInstanceOfSatisfying(
            SupervisorJournal.Unavailable.class,
            u -> assertThat(u.messageKey()).startsWith("journal.problem."));
  }
}
