package dev.pindesk.cli.operators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.app.CliWiring;
import dev.pindesk.cli.CliContext;
import dev.pindesk.cli.CommandTree;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.signin.SignInService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No operator password reaches the log, the console output or an exception message. */
class OperatorPasswordHygieneTest {
  private static final String ADDED = "Zq7-added-password";
  private static final String WRONG = "Xk9-wrong-password";
  private static final String TYPED_AS_ID = "yv3-typed-as-id";
  private static final String CHANGED = "Wm5-changed-password";
  private static final String TOO_SHORT = "Pq4-ab";

  @TempDir Path dir;

  @Test
  void noPasswordIsLoggedPrintedOrPutInAnException() throws Exception {
    Path db = dir.resolve("operators.db");
    StringWriter console = new StringWriter();
    PrintWriter writer = new PrintWriter(console, true);
    CliContext context = new CliContext(null, null, Messages.forTag("en"), writer, writer);
    Path pw = Files.writeString(dir.resolve("pw"), ADDED + "\n", StandardCharsets.UTF_8);
    Path shortPw = Files.writeString(dir.resolve("short"), TOO_SHORT, StandardCharsets.UTF_8);
    for (Path file : List.of(pw, pw, shortPw)) {
      CommandTree.run(
          context,
          new CliWiring(
              name -> java.util.Optional.empty(),
              f -> SqliteOperatorDirectory.open(f, OperatorsCommandTest.CHEAP)),
          new CommandTree.Inputs(
              java.io.InputStream::nullInputStream, PasswordPrompt.none(), Clock.systemUTC()),
          new String[] {
            "operators",
            "add",
            "--db",
            db.toString(),
            "--id",
            "zhang",
            "--name",
            "张伟",
            "--password-file",
            file.toString()
          });
    }

    Throwable duplicate;
    try (SqliteOperatorDirectory directory =
        SqliteOperatorDirectory.open(db, OperatorsCommandTest.CHEAP)) {
      SignInService service = new SignInService(directory, Clock.systemUTC());
      for (int i = 0; i < 6; i++) {
        service.signIn("zhang", WRONG.toCharArray());
        service.signIn(TYPED_AS_ID, ADDED.toCharArray());
      }
      directory.setPassword("zhang", CHANGED.toCharArray());
      duplicate =
          catchThrowable(
              () ->
                  directory.add(
                      new Operator("zhang", "张伟", Operator.Role.CLERK, true, Instant.now()),
                      CHANGED.toCharArray()));
    }

    assertThat(duplicate).isNotNull();
    String log =
        Files.readString(
            Path.of(System.getProperty("pindesk.log.dir", "target/test-logs"), "pindesk-test.log"),
            StandardCharsets.UTF_8);
    assertThat(log).contains("operator zhang added").contains("sign-in of zhang refused");
    for (String secret : List.of(ADDED, WRONG, TYPED_AS_ID, CHANGED, TOO_SHORT)) {
      assertThat(log).doesNotContain(secret);
      assertThat(console.toString()).doesNotContain(secret);
      assertThat(duplicate.toString()).doesNotContain(secret);
    }
  }
}
