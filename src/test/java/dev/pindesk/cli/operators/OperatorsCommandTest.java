package dev.pindesk.cli.operators;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.app.CliWiring;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.crypto.PasswordHasher;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorsCommandTest {
  static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Cost(64, 1, 1));
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-06T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Deque<String> typed = new ArrayDeque<>();
  private PasswordPrompt prompt = PasswordPrompt.none();

  private Path db() {
    return dir.resolve("operators.db");
  }

  /** The production home the settings name; not created beforehand. */
  private Path home() {
    return dir.resolve("home");
  }

  private Path passwordFile(String content) throws IOException {
    return Files.writeString(dir.resolve("pw.txt"), content, StandardCharsets.UTF_8);
  }

  private int runIn(String lang, String... args) {
    CliContext context =
        new CliContext(
            () -> {
              throw new AssertionError("operators commands need no PC/SC");
            },
            () -> {
              throw new AssertionError("operators commands need no card profiles");
            },
            Messages.forTag(lang),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return CommandTree.run(
        context,
        new CliWiring(
            name -> name.equals("home") ? Optional.of(home().toString()) : Optional.empty(),
            f -> SqliteOperatorDirectory.open(f, CHEAP)),
        new CommandTree.Inputs(() -> InputStream.nullInputStream(), prompt, CLOCK),
        args);
  }

  private int run(String... args) {
    return runIn("en", args);
  }

  /**
   * {@code operators add} into this test's directory, with the password in {@code passwordFile}.
   */
  private int add(String id, String name, Path passwordFile, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "operators",
                "add",
                "--db",
                db().toString(),
                "--id",
                id,
                "--name",
                name,
                "--password-file",
                passwordFile.toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private boolean verify(String id, String password) {
    try (SqliteOperatorDirectory d = SqliteOperatorDirectory.open(db(), CHEAP)) {
      return d.verifyPassword(id, password.toCharArray());
    }
  }

  @Test
  void addsAnOperatorWithThePasswordOnTheFirstLineOfAFile() throws IOException {
    Path pw = passwordFile("Counter#2024\nsecond line ignored\n");

    int code = add("wang.fang", "王芳", pw, "--role", "supervisor");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("Operator wang.fang added (supervisor) to " + db() + ".");
    assertThat(verify("wang.fang", "Counter#2024")).isTrue();
  }

  @Test
  void withoutDbTheCommandsUseTheProductionCountersDirectoryAndMakeItsHome() throws IOException {
    Path pw = passwordFile("Counter#2024");

    assertThat(run("operators", "list")).isEqualTo(1);
    assertThat(err.toString()).contains(home().resolve("operators.db").toString());
    assertThat(home()).doesNotExist();

    int code =
        run("operators", "add", "--id", "zhao", "--name", "赵敏", "--password-file", pw.toString());

    assertThat(code).as(err.toString()).isZero();
    try (SqliteOperatorDirectory d =
        SqliteOperatorDirectory.open(home().resolve("operators.db"), CHEAP)) {
      assertThat(d.verifyPassword("zhao", "Counter#2024".toCharArray())).isTrue();
    }
    out.getBuffer().setLength(0);
    assertThat(run("operators", "list")).isZero();
    assertThat(out.toString()).contains("zhao\t赵敏");
  }

  @Test
  void listsOperatorsAsTextAndAsJson() throws Exception {
    Path pw = passwordFile("Counter#2024");
    add("li", "李雷", pw);
    add("han", "韩梅梅", pw);
    run("operators", "disable", "--db", db().toString(), "--id", "han");
    out.getBuffer().setLength(0);

    assertThat(run("operators", "list", "--db", db().toString())).isZero();
    assertThat(out.toString())
        .contains("han\t韩梅梅\tclerk\tdisabled\t2024-05-06T08:00:00Z")
        .contains("li\t李雷\tclerk\tactive");
    out.getBuffer().setLength(0);

    assertThat(run("operators", "list", "--db", db().toString(), "--json")).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(out.toString());
    assertThat(json).hasSize(2);
    assertThat(json.get(0).get("id").asText()).isEqualTo("han");
    assertThat(json.get(0).get("displayName").asText()).isEqualTo("韩梅梅");
    assertThat(json.get(0).get("role").asText()).isEqualTo("clerk");
    assertThat(json.get(0).get("active").asBoolean()).isFalse();
    assertThat(json.get(0).get("createdAt").asText()).isEqualTo("2024-05-06T08:00:00Z");
  }

  @Test
  void refusesPasswordsShorterThanEightCharacters() throws IOException {
    Path pw = passwordFile("short77\n");

    int code = add("li", "李雷", pw);

    assertThat(code).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo("Error: The password must have at least 8 characters.")
        .doesNotContain("short77");
  }

  @Test
  void refusesToAddAnExistingIdWithOneTranslatedLine() throws IOException {
    Path pw = passwordFile("Counter#2024");
    String[] add = {
      "operators",
      "add",
      "--db",
      db().toString(),
      "--id",
      "li",
      "--name",
      "李雷",
      "--password-file",
      pw.toString()
    };
    run(add);

    assertThat(runIn("zh-CN", add)).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("错误：操作员 li 已存在。");
  }

  @Test
  void rejectsMalformedIdsAndMissingOptionsAsUsageErrors() throws IOException {
    Path pw = passwordFile("Counter#2024");

    assertThat(add("Wang Fang", "王芳", pw)).isEqualTo(2);
    assertThat(err.toString()).contains("Invalid operator id \"Wang Fang\"");
    assertThat(run("operators", "add", "--db", db().toString(), "--id", "li")).isEqualTo(2);
    assertThat(add("li", "x", pw, "--role", "boss")).isEqualTo(2);
    assertThat(run("operators")).isEqualTo(2);
    assertThat(Files.exists(db())).isFalse();
  }

  @Test
  void asksTwiceOnTheConsoleWhenThereIsNoPasswordFile() {
    typed.add("Counter#2024");
    typed.add("Counter#2024");
    prompt = p -> Optional.ofNullable(typed.poll()).map(String::toCharArray);

    assertThat(run("operators", "add", "--db", db().toString(), "--id", "li", "--name", "李雷"))
        .isZero();
    assertThat(verify("li", "Counter#2024")).isTrue();
  }

  @Test
  void refusesTwoDifferentTypedPasswords() {
    typed.add("Counter#2024");
    typed.add("Counter#2025");
    prompt = p -> Optional.ofNullable(typed.poll()).map(String::toCharArray);

    assertThat(run("operators", "add", "--db", db().toString(), "--id", "li", "--name", "李雷"))
        .isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("Error: The two passwords differ.");
  }

  @Test
  void saysToUseAPasswordFileWhenThereIsNoConsole() {
    assertThat(run("operators", "add", "--db", db().toString(), "--id", "li", "--name", "李雷"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("use --password-file");
  }

  @Test
  void reportsAnUnreadablePasswordFile() {
    assertThat(
            run(
                "operators",
                "add",
                "--db",
                db().toString(),
                "--id",
                "li",
                "--name",
                "李雷",
                "--password-file",
                dir.resolve("nope.txt").toString()))
        .isEqualTo(1);
    assertThat(err.toString()).contains("The password file").contains("nope.txt");
  }

  @Test
  void disablingAnUnknownOperatorOrListingAMissingDatabaseFails() throws IOException {
    assertThat(run("operators", "list", "--db", db().toString())).isEqualTo(1);
    assertThat(err.toString()).contains("There is no operator database at");
    assertThat(Files.exists(db())).as("not created by list").isFalse();
    run(
        "operators",
        "add",
        "--db",
        db().toString(),
        "--id",
        "li",
        "--name",
        "李雷",
        "--password-file",
        passwordFile("Counter#2024").toString());
    err.getBuffer().setLength(0);

    assertThat(run("operators", "disable", "--db", db().toString(), "--id", "nobody")).isEqualTo(1);
    assertThat(err.toString().strip()).isEqualTo("Error: There is no operator nobody.");
  }
}
