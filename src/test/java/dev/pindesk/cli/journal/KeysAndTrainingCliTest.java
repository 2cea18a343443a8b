package dev.pindesk.cli.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.app.CliWiring;
import dev.pindesk.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys init} and {@code training generate-journal} through the real command line. */
class KeysAndTrainingCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void keysInitWritesBothPairsWithOwnerOnlyPrivateKeys() throws Exception {
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "a long enough passphrase\n");
    Path keys = dir.resolve("keys");
    Cli.Result r =
        Cli.run("keys", "init", "--dir", keys.toString(), "--passphrase-file", pass.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(keys.resolve("workstation.pub")).exists();
    assertThat(keys.resolve("supervisor.pub")).exists();
    for (String secret : new String[] {"workstation.key", "supervisor.p12"}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(secret))))
          .as(secret)
          .isEqualTo("rw-------");
    }
    assertThat(Files.readString(keys.resolve("workstation.pub"))).contains("PUBLIC KEY");

    Cli.Result again =
        Cli.run("keys", "init", "--dir", keys.toString(), "--passphrase-file", pass.toString());
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("will not be replaced");
  }

  @Test
  void keysInitNeverTakesThePassphraseAsAnArgument() {
    Path keys = dir.resolve("keys");
    for (String option : new String[] {"--passphrase", "--password", "-p"}) {
      Cli.Result r = Cli.run("keys", "init", "--dir", keys.toString(), option, "secret-pass-1");
      assertThat(r.exit()).as(option).isEqualTo(2);
      assertThat(keys.resolve("supervisor.p12")).doesNotExist();
    }
    Cli.Result noConsole = Cli.run("keys", "init", "--dir", keys.toString());
    assertThat(noConsole.exit()).isNotZero();
    assertThat(noConsole.err()).contains("--passphrase-file");
    assertThat(keys.resolve("supervisor.p12")).doesNotExist();
  }

  @Test
  void keysInitRefusesAShortPassphrase() throws Exception {
    Path pass = dir.resolve("short.txt");
    Files.writeString(pass, "short\n");
    Cli.Result r =
        Cli.run(
            "keys", "init", "--dir", dir.resolve("k").toString(), "--passphrase-file", "" + pass);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("8 characters").contains("no key was made");
  }

  @Test
  void keysInitWithoutDirWritesWhereTheProductionCounterReadsItsKeys() throws Exception {
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "correct horse battery\n");
    java.util.function.Function<String, java.util.Optional<String>> settings =
        name ->
            name.equals("home")
                ? java.util.Optional.of(dir.resolve("home").toString())
                : java.util.Optional.empty();
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine keys =
        new picocli.CommandLine(
            new KeysInitCommand(
                dev.pindesk.i18n.Messages.of(java.util.Locale.ENGLISH),
                new CliWiring(settings, SqliteOperatorDirectory::open)));
    keys.setOut(new java.io.PrintWriter(out, true));

    assertThat(keys.execute("--passphrase-file", pass.toString())).isZero();

    Path expected = new CliWiring(settings, SqliteOperatorDirectory::open).productionKeys();
    assertThat(expected).isEqualTo(dir.resolve("home").resolve("keys"));
    assertThat(expected.resolve("supervisor.p12")).exists();
    assertThat(expected.resolve("workstation.key")).exists();
    assertThat(out.toString()).contains(expected.toString());
  }

  @Test
  void generateJournalWithTheSameSeedGivesTheSameDecryptedEvents() throws Exception {
    Path keys = dir.resolve("training-keys");
    JsonNode a = generateAndExport(keys, "a.db", "42");
    JsonNode b = generateAndExport(keys, "b.db", "42");
    JsonNode c = generateAndExport(keys, "c.db", "43");
    assertThat(a.size()).isGreaterThan(20);
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
  }

  @Test
  void generateJournalRefusesToOverwriteAFile() throws Exception {
    Path existing = Files.writeString(dir.resolve("x.db"), "keep me");
    Cli.Result r =
        Cli.run(
            "training",
            "generate-journal",
            "--cases",
            "1",
            "--out",
            existing.toString(),
            "--keys",
            dir.resolve("k").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(Files.readString(existing)).isEqualTo("keep me");
  }

  private JsonNode generateAndExport(Path keys, String name, String seed) throws Exception {
    Path journal = dir.resolve(name);
    Cli.generatedJournal(journal, keys, 15, Optional.of(seed));
    String export = Cli.exportedJson(journal, keys, "--reveal-identity");
    return JSON.readTree(export).get("events");
  }
}
