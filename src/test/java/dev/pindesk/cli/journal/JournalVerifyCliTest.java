package dev.pindesk.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.cli.Cli;
import dev.pindesk.i18n.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal verify} through the real command line: exit codes, stderr lines, JSON schema. */
class JournalVerifyCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path journal;

  @BeforeAll
  static void generate() {
    journal = dir.resolve("journal.db");
    Cli.Result r =
        Cli.run(
            "training",
            "generate-journal",
            "--cases",
            "30",
            "--out",
            journal.toString(),
            "--keys",
            dir.resolve("keys").toString());
    assertThat(r.exit()).as(r.err()).isZero();
  }

  private static Path tamperedCopy(String name, long seq) throws Exception {
    Path copy = dir.resolve(name);
    Files.copy(journal, copy);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
        PreparedStatement ps =
            c.prepareStatement("UPDATE entries SET body = body || x'00' WHERE seq = ?")) {
      ps.setLong(1, seq);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    return copy;
  }

  private static void assertOneCleanLine(String err) {
    assertThat(err.strip()).doesNotContain("\n").doesNotContain("Exception").isNotEmpty();
  }

  @Test
  void exitsZeroForAnIntactJournal() {
    Cli.Result r = Cli.run("journal", "verify", journal.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Journal valid:").contains("Chain head:");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void exitsOneNamingTheFirstChangedEntry() throws Exception {
    Path copy = tamperedCopy("tampered.db", 7);
    Cli.Result r = Cli.run("journal", "verify", copy.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("entry 7: ");
    assertOneCleanLine(r.err());
  }

  @Test
  void inChineseTheLineSaysWhatTheProblemMeansAndWhatToDo() throws Exception {
    Path copy = tamperedCopy("tampered-zh.db", 7);
    Messages chinese = Messages.forTag("zh-CN");
    Cli.Result r = Cli.runIn(chinese, "journal", "verify", copy.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("第 7 条：").contains("联系技术支持");
    assertOneCleanLine(r.err());

    Path text = dir.resolve("notes-zh.txt");
    Files.writeString(text, "not a database\n".repeat(100));
    r = Cli.runIn(chinese, "journal", "verify", text.toString());
    assertThat(r.err()).startsWith(text + "：").contains("不是 PinDesk 审计日志");
    assertOneCleanLine(r.err());
  }

  @Test
  void exitsOneWithOneLineForAFileThatIsNoJournal() throws Exception {
    Path text = dir.resolve("notes.txt");
    Files.writeString(text, "not a database at all, just some words\n".repeat(100));
    Cli.Result r = Cli.run("journal", "verify", text.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not a PinDesk journal");
    assertOneCleanLine(r.err());

    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other);
        Statement s = c.createStatement()) {
      s.executeUpdate("CREATE TABLE t (x)");
    }
    r = Cli.run("journal", "verify", other.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("not a PinDesk journal");
    assertOneCleanLine(r.err());
  }

  @Test
  void exitsOneWithOneLineForATruncatedFile() throws Exception {
    byte[] all = Files.readAllBytes(journal);
    Path cut = dir.resolve("cut.db");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    Cli.Result r = Cli.run("journal", "verify", cut.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("damaged or truncated");
    assertOneCleanLine(r.err());
  }

  @Test
  void exitsOneForAMissingFile() {
    Cli.Result r = Cli.run("journal", "verify", dir.resolve("absent.db").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("no such readable file");
    assertOneCleanLine(r.err());
  }

  @Test
  void jsonHasTheDocumentedSchemaWhenValid() throws Exception {
    Cli.Result r = Cli.run("journal", "verify", "--json", journal.toString());
    assertThat(r.exit()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("valid").isBoolean()).isTrue();
    assertThat(json.get("valid").asBoolean()).isTrue();
    assertThat(json.get("entries").isIntegralNumber()).isTrue();
    assertThat(json.get("entries").asLong()).isGreaterThan(30);
    assertThat(json.get("checkpoints").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(json.has("firstBad")).isTrue();
    assertThat(json.get("firstBad").isNull()).isTrue();
  }

  @Test
  void jsonNamesTheFirstBadEntryWhenTampered() throws Exception {
    Path copy = tamperedCopy("tampered-json.db", 9);
    Cli.Result r = Cli.run("journal", "verify", "--json", copy.toString());
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.get("valid").asBoolean()).isFalse();
    assertThat(json.get("entries").asLong()).isEqualTo(8);
    JsonNode bad = json.get("firstBad");
    assertThat(bad.get("seq").asLong()).isEqualTo(9);
    assertThat(bad.get("reason").asText()).isNotBlank();
    assertThat(r.err()).startsWith("entry 9: ");
  }
}
