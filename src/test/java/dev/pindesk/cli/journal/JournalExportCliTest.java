package dev.pindesk.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.cli.Cli;
import dev.pindesk.cli.common.SupervisorKeyRefused;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code journal export} with real (non-training) keys and a passphrase file. */
class JournalExportCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static Path keys;
  static Path passphrase;
  static Path journal;

  @BeforeAll
  static void keysAndJournal() throws Exception {
    keys = dir.resolve("keys");
    passphrase = dir.resolve("pass.txt");
    Files.writeString(passphrase, "correct horse battery\n");
    Cli.keysInit(keys, passphrase);
    journal = Cli.generatedJournal(dir.resolve("journal.db"), keys, 12);
  }

  private static Cli.Result export(String format, Path pass) {
    return exportIn(dev.pindesk.i18n.Messages.of(java.util.Locale.ENGLISH), format, pass);
  }

  private static Cli.Result exportIn(
      dev.pindesk.i18n.Messages messages, String format, Path pass, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "journal",
                "export",
                journal.toString(),
                "--key",
                keys.resolve("supervisor.p12").toString(),
                "--passphrase-file",
                pass.toString(),
                "--format",
                format));
    args.addAll(List.of(extra));
    return Cli.runIn(messages, args.toArray(String[]::new));
  }

  @Test
  void exportsCsvWithAHeaderAndOneVerifiedRowPerEvent() {
    Cli.Result r = export("csv", passphrase);
    assertThat(r.exit()).as(r.err()).isZero();
    String[] lines = r.out().split("\r\n");
    assertThat(lines[0]).startsWith("seq,time,workstation,clerk,case,service,holder,step,outcome");
    assertThat(lines[0]).endsWith(",verified,decryptError").doesNotContain("holderName,");
    assertThat(lines.length).isGreaterThan(12);
    for (int i = 1; i < lines.length; i++) {
      assertThat(lines[i]).contains(",TRAINING-WS-01,").contains(",true,");
    }
    assertThat(r.err()).startsWith("Exported ").contains("the journal verifies");
  }

  @Test
  void exportsJsonWithTheVerificationAndTheEvents() throws Exception {
    Cli.Result r = export("json", passphrase);
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.at("/verification/valid").asBoolean()).isTrue();
    JsonNode events = json.get("events");
    assertThat(events.size()).isGreaterThan(12);
    assertThat(events.get(0).get("step").asText()).isEqualTo("app_started");
    for (JsonNode e : events) {
      assertThat(e.get("verified").asBoolean()).isTrue();
      assertThat(e.has("holderId")).isFalse();
    }
  }

  @Test
  void refusesAWrongPassphraseWithAClearMessageAndNoStackTrace() throws Exception {
    Path wrong = dir.resolve("wrong.txt");
    Files.writeString(wrong, "not the passphrase\n");
    Cli.Result r = export("csv", wrong);
    assertThat(r.exit()).isNotZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("wrong passphrase").doesNotContain("Exception");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("not the passphrase");
    assertThat(r.err().strip()).doesNotContain("\n");
  }

  @Test
  void aWrongPassphraseIsToldInChineseByDefaultWithWhatToDo() throws Exception {
    Path wrong = dir.resolve("wrong.txt");
    Files.writeString(wrong, "not the passphrase\n");
    Cli.Result r = exportIn(dev.pindesk.i18n.Messages.forTag("zh-CN"), "csv", wrong);
    assertThat(r.exit()).isNotZero();
    assertThat(r.err()).contains("口令错误").contains("supervisor.p12").doesNotContain("wrong");
    assertThat(r.err().strip()).doesNotContain("\n");
  }

  @Test
  void aMissingPassphraseFileOrAnUnknownFormatIsOneClearLine() {
    Cli.Result missing = export("csv", dir.resolve("no-such-pass.txt"));
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err())
        .contains("passphrase file not found")
        .contains("no-such-pass.txt")
        .contains("--passphrase-file");
    assertThat(missing.err().strip()).doesNotContain("\n");

    Cli.Result format = export("xml", passphrase);
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("--format must be csv or json");
  }

  @Test
  void anotherSupervisorsKeyIsNotAnExportThatVerifies() throws Exception {
    Path other = Cli.keysInit(dir.resolve("other-keys"), passphrase);

    Cli.Result r =
        Cli.runIn(
            dev.pindesk.i18n.Messages.forTag("zh-CN"),
            "journal",
            "export",
            journal.toString(),
            "--key",
            other.resolve("supervisor.p12").toString(),
            "--passphrase-file",
            passphrase.toString(),
            "--format",
            "csv");

    assertThat(r.exit()).isEqualTo(JournalExportCommand.UNDECRYPTED);
    assertThat(r.err()).contains("无法用此主管密钥解密").contains("--key").doesNotContain("校验通过");
    assertThat(r.err().strip()).doesNotContain("\n");
  }

  @Test
  void aCsvFileStartsWithAByteOrderMarkSoExcelReadsItAsUtf8() throws Exception {
    Path out = dir.resolve("export.csv");
    Cli.Result r =
        exportIn(
            dev.pindesk.i18n.Messages.of(java.util.Locale.ENGLISH),
            "csv",
            passphrase,
            "--out",
            out.toString());

    assertThat(r.exit()).as(r.err()).isZero();
    byte[] bytes = Files.readAllBytes(out);
    assertThat(java.util.Arrays.copyOf(bytes, 3))
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).substring(1))
        .startsWith("seq,time,");
  }

  /** The services map the key store's refusals one to one onto the CLI's (CliWiring). */
  @Test
  void everyRefusalOfTheSupervisorKeyStoreHasItsCliReason() {
    for (dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason r :
        dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason.values()) {
      assertThat(SupervisorKeyRefused.Reason.valueOf(r.name()).name()).isEqualTo(r.name());
    }
    assertThat(SupervisorKeyRefused.Reason.values())
        .hasSameSizeAs(dev.pindesk.adapters.journal.KeyStoreRefusedException.Reason.values());
  }
}
