package dev.pindesk.adapters.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.testing.TestCentralKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal verify} anchors the chain to the stored central receipt. */
class ReceiptAnchorTest {
  private static final TestCentralKeys CENTRAL = TestCentralKeys.create();

  @TempDir Path dir;

  private static Receipt acknowledgeAll(Path file) throws Exception {
    try (JournalOutbox outbox = JournalOutbox.open(file)) {
      long last = outbox.lastSeq();
      Receipt r =
          ReceiptCodec.sign(
              new Receipt(
                  outbox.journalId(),
                  "WS-TEST-01",
                  last,
                  outbox.hashAt(last),
                  Instant.parse("2026-03-01T08:00:00Z"),
                  new byte[0]),
              CENTRAL.keyPair().getPrivate());
      outbox.acknowledge(r);
      return r;
    }
  }

  /** Two sessions; returns the latest-checkpoint pointer as it was after the first. */
  private static Object[] twoSessions(Path file) throws Exception {
    TestJournals.write(file, 5, 1000);
    Object[] pointer;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT last_checkpoint_seq, last_checkpoint FROM journal_meta")) {
      rs.next();
      pointer = new Object[] {rs.getLong(1), rs.getBytes(2)};
    }
    TestJournals.write(file, 5, 1000);
    return pointer;
  }

  /** Cuts everything after the first session and puts its pointer back: consistent rollback. */
  private static void rollBack(Path file, Object[] pointer) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement cut = c.prepareStatement("DELETE FROM entries WHERE seq > ?");
        PreparedStatement meta =
            c.prepareStatement(
                "UPDATE journal_meta SET last_checkpoint_seq = ?, last_checkpoint = ?")) {
      cut.setLong(1, (Long) pointer[0]);
      cut.executeUpdate();
      meta.setLong(1, (Long) pointer[0]);
      meta.setBytes(2, (byte[]) pointer[1]);
      meta.executeUpdate();
    }
  }

  @Test
  void aJournalMatchingItsReceiptVerifiesAndNamesTheAnchor() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 12, 5);
    Receipt r = acknowledgeAll(file);
    VerifyReport report =
        JournalVerifier.verify(file, Optional.empty(), Optional.of(CENTRAL.certificate()));
    assertThat(report.firstBad()).isEmpty();
    assertThat(report.anchor()).get().extracting(VerifyReport.Anchor::ackSeq).isEqualTo(r.ackSeq());
    assertThat(report.anchor().get().signatureChecked()).isTrue();
    assertThat(JournalVerifier.verify(file, Optional.empty()).anchor().get().signatureChecked())
        .isFalse();
  }

  @Test
  void detectsAJournalCutAfterAReceiptThatItsCheckpointsCannotReveal() throws Exception {
    Path file = dir.resolve("j.db");
    Object[] pointer = twoSessions(file);
    Path witness = dir.resolve("witness.db");
    java.nio.file.Files.copy(file, witness);
    rollBack(witness, pointer);
    assertThat(JournalVerifier.verify(witness, Optional.empty()).valid())
        .as("without a receipt a consistent rollback is not detectable")
        .isTrue();

    Receipt r = acknowledgeAll(file);
    rollBack(file, pointer);
    VerifyReport report = JournalVerifier.verify(file, Optional.empty());
    assertThat(report.firstBad()).get().extracting(Problem::kind).isEqualTo(Problem.Kind.TRUNCATED);
    assertThat(report.firstBad().get().seq()).isEqualTo((Long) pointer[0] + 1);
    assertThat(report.firstBad().get().detail())
        .contains("central receipt")
        .contains("entry " + r.ackSeq());
  }

  @Test
  void detectsAChainThatDiffersFromTheReceiptsHead() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 8, 4);
    Receipt r = acknowledgeAll(file);
    byte[] other = r.head().clone();
    other[5] ^= 1;
    Receipt forged =
        ReceiptCodec.sign(
            new Receipt(r.journalId(), r.workstationId(), r.ackSeq(), other, r.at(), new byte[0]),
            CENTRAL.keyPair().getPrivate());
    storeReceipt(file, ReceiptCodec.toJson(forged));
    VerifyReport report = JournalVerifier.verify(file, Optional.empty());
    assertThat(report.firstBad()).get().extracting(Problem::kind).isEqualTo(Problem.Kind.CHAIN);
    assertThat(report.firstBad().get().seq()).isEqualTo(r.ackSeq());
  }

  @Test
  void withTheCentralCertificateAForgedReceiptFails() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 4, 4);
    acknowledgeAll(file);
    VerifyReport report =
        JournalVerifier.verify(
            file, Optional.empty(), Optional.of(TestCentralKeys.create().certificate()));
    assertThat(report.firstBad()).get().extracting(Problem::kind).isEqualTo(Problem.Kind.RECEIPT);
    assertThat(report.firstBad().get().detail()).contains("signature");
  }

  @Test
  void aDamagedReceiptIsReported() throws Exception {
    Path file = TestJournals.write(dir.resolve("j.db"), 4, 4);
    storeReceipt(file, "{\"journal\":1}");
    assertThat(JournalVerifier.verify(file, Optional.empty()).firstBad())
        .get()
        .extracting(Problem::kind)
        .isEqualTo(Problem.Kind.RECEIPT);
  }

  private static void storeReceipt(Path file, String json) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        PreparedStatement ps =
            c.prepareStatement("INSERT OR REPLACE INTO local_state (name, value) VALUES (?, ?)")) {
      ps.setString(1, JournalOutbox.RECEIPT);
      ps.setString(2, json);
      ps.executeUpdate();
    }
  }
}
