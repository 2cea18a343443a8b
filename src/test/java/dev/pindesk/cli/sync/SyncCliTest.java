package dev.pindesk.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.app.LoopbackCentral;
import dev.pindesk.cli.Cli;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} through the real command line: exit codes, one-line reasons, the JSON schema. */
class SyncCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path journal;
  private Path keys;
  private Path cert;
  private LoopbackCentral central;

  @BeforeEach
  void setUp() throws Exception {
    journal = dir.resolve("journal.db");
    keys = dir.resolve("keys");
    generateJournal(journal, keys, 4);
    central = new LoopbackCentral();
    cert = central.keys.writeCertificate(dir.resolve("central.crt"));
  }

  @AfterEach
  void tearDown() {
    central.close();
    System.clearProperty("pindesk.training.keys");
    System.clearProperty("pindesk.keys");
  }

  private static void generateJournal(Path out, Path keyDir, int cases) {
    Cli.generatedJournal(out, keyDir, cases);
  }

  private Cli.Result sync(String... extra) {
    return syncJournal(journal, extra);
  }

  private Cli.Result syncJournal(Path file, String... extra) {
    String[] base = {
      "sync",
      "--journal",
      file.toString(),
      "--central",
      central.uri().toString(),
      "--central-cert",
      cert.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return Cli.run(args);
  }

  private static void assertOneLine(String err) {
    assertThat(err.strip()).isNotEmpty().doesNotContain("\n").doesNotContain("Exception");
  }

  @Test
  void exitsZeroWhenEveryEntryIsAcknowledgedAndPrintsTheDocumentedJson() throws Exception {
    Cli.Result r = sync("--keys", keys.toString(), "--once", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.fieldNames())
        .toIterable()
        .containsExactly("acknowledged", "lastSeq", "pending", "receipt", "problem");
    assertThat(o.get("lastSeq").asLong()).isGreaterThan(10);
    assertThat(o.get("acknowledged").asLong()).isEqualTo(o.get("lastSeq").asLong());
    assertThat(o.get("pending").asLong()).isZero();
    assertThat(o.get("problem").isNull()).isTrue();
    assertThat(o.get("receipt").get("ackSeq").asLong()).isEqualTo(o.get("lastSeq").asLong());
    assertThat(o.get("receipt").get("sig").asText()).isNotEmpty();
    assertThat(central.headSeq()).isEqualTo(o.get("lastSeq").asLong());
    assertThat(r.err()).isEmpty();

    Cli.Result again = sync("--keys", keys.toString(), "--once");
    assertThat(again.exit()).isZero();
    assertThat(again.out()).contains("acknowledged");
  }

  @Test
  void findsTheKeyDirectoryTheJournalWasWrittenWith() throws Exception {
    System.setProperty("pindesk.training.keys", keys.toString());
    assertThat(sync("--once").exit()).isZero();
  }

  @Test
  void refusesKeysThatDidNotWriteTheJournal() throws Exception {
    Path other = dir.resolve("other-keys");
    generateJournal(dir.resolve("other.db"), other, 1);
    System.setProperty("pindesk.training.keys", other.toString());
    Cli.Result r = sync("--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("--keys");
    assertOneLine(r.err());
    Cli.Result named = sync("--once", "--keys", other.toString());
    assertThat(named.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(named.err()).contains("not the key this journal was written with");
    assertThat(central.headSeq()).isZero();
  }

  @Test
  void exitsOneWithAReasonWhenTheCentralCannotBeReached() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Cli.Result r =
        Cli.run(
            "sync",
            "--journal",
            journal.toString(),
            "--central",
            "http://127.0.0.1:" + closedPort,
            "--central-cert",
            cert.toString(),
            "--keys",
            keys.toString(),
            "--once",
            "--json");
    assertThat(r.exit()).isEqualTo(SyncCommand.PENDING);
    assertThat(r.err())
        .startsWith("offline: unreachable")
        .contains("the central cannot be reached");
    assertOneLine(r.err());
    JsonNode o = JSON.readTree(r.out());
    assertThat(o.get("problem").asText()).isEqualTo("unreachable");
    assertThat(o.get("acknowledged").asLong()).isZero();
    assertThat(o.get("pending").asLong()).isEqualTo(o.get("lastSeq").asLong());
    assertThat(o.get("receipt").isNull()).isTrue();
  }

  @Test
  void exitsThreeWhenTheCentralRefusesForGood() throws Exception {
    central.refuseWith("fork");
    Cli.Result r = sync("--keys", keys.toString());
    assertThat(r.exit()).isEqualTo(SyncCommand.REFUSED);
    assertThat(r.err())
        .startsWith("refused: fork")
        .contains("differ from this journal")
        .contains("syncing stops until someone acts");
    assertOneLine(r.err());
  }

  @Test
  void exitsTwoForACertificateFileThatIsNotOne() throws Exception {
    Files.writeString(cert, "not a certificate");
    Cli.Result r = sync("--keys", keys.toString(), "--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("is not a certificate", "central.crt that central serve wrote");
    assertOneLine(r.err());
  }

  @Test
  void saysWhereToGetTheCertificateWhenItIsMissing() throws Exception {
    Files.delete(cert);
    Cli.Result r = sync("--keys", keys.toString(), "--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("No central certificate at " + cert, "--central-cert");
    assertOneLine(r.err());
  }

  @Test
  void namesTheJournalWhenItIsMissingOrNotAJournal() throws Exception {
    Path missing = dir.resolve("missing.db");
    Cli.Result r = syncJournal(missing, "--keys", keys.toString(), "--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("No journal at " + missing, "--journal");
    assertOneLine(r.err());

    Files.writeString(journal, "not a database, not a journal", StandardCharsets.UTF_8);
    Cli.Result garbage = sync("--keys", keys.toString(), "--once");
    assertThat(garbage.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(garbage.err()).contains(journal + " cannot be opened as a PinDesk journal");
    assertOneLine(garbage.err());
  }

  @Test
  void saysSoWhenTheKeyDirectoryHoldsNoWorkstationKey() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Cli.Result r = sync("--keys", empty.toString(), "--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("No workstation key", empty.toString(), "--keys DIR");
    assertOneLine(r.err());
    assertThat(central.headSeq()).isZero();
  }

  @Test
  void refusesPlainHttpToAnotherHost() {
    Cli.Result r =
        Cli.run(
            "sync",
            "--journal",
            journal.toString(),
            "--central",
            "http://central.example:8080",
            "--central-cert",
            cert.toString(),
            "--keys",
            keys.toString(),
            "--once");
    assertThat(r.exit()).isEqualTo(SyncCommand.USAGE);
    assertThat(r.err()).contains("loopback");
  }

  @Test
  void journalVerifyAnchorsTheChainToTheReceiptAndDetectsACutAfterIt() throws Exception {
    assertThat(sync("--keys", keys.toString(), "--once").exit()).isZero();
    Cli.Result ok =
        Cli.run("journal", "verify", journal.toString(), "--central-cert", cert.toString());
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Central receipt").contains("signature is valid");
    Cli.Result json =
        Cli.run(
            "journal", "verify", journal.toString(), "--central-cert", cert.toString(), "--json");
    JsonNode receipt = JSON.readTree(json.out()).get("receipt");
    assertThat(receipt.get("signatureChecked").asBoolean()).isTrue();
    long acknowledged = receipt.get("ackSeq").asLong();

    // Cut the last entries and the pointer to the closing checkpoint with them.
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + journal);
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM entries WHERE seq > " + (acknowledged - 3));
      s.executeUpdate(
          "UPDATE journal_meta SET last_checkpoint_seq = 0, last_checkpoint = NULL WHERE id = 1");
    }
    Cli.Result cut = Cli.run("journal", "verify", journal.toString());
    assertThat(cut.exit()).isEqualTo(1);
    assertThat(cut.err())
        .startsWith("entry " + (acknowledged - 2) + ": missing")
        .contains("central receipt");
    JsonNode bad =
        JSON.readTree(Cli.run("journal", "verify", journal.toString(), "--json").out())
            .get("firstBad");
    assertThat(bad.get("code").asText()).isEqualTo("truncated");

    Cli.Result forged =
        Cli.run(
            "journal",
            "verify",
            journal.toString(),
            "--central-cert",
            new LoopbackCentralCert(dir).write().toString());
    assertThat(forged.exit()).isEqualTo(1);
    assertThat(forged.err()).contains("signature");
  }

  /** Another central's certificate. */
  private record LoopbackCentralCert(Path dir) {
    Path write() throws Exception {
      return dev.pindesk.testing.TestCentralKeys.create()
          .writeCertificate(dir.resolve("other.crt"));
    }
  }
}
