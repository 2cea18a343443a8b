package dev.pindesk.cli;

import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.app.CliWiring;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.cli.operators.PasswordPrompt;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Runs the real picocli command line in-process, in English, capturing stdout and stderr. */
public final class Cli {
  public record Result(int exit, String out, String err) {}

  private Cli() {}

  public static Result run(String... args) {
    return runIn(Messages.of(Locale.ENGLISH), args);
  }

  /** In the language of {@code messages} (e.g. {@code Messages.forTag("zh-CN")}). */
  public static Result runIn(Messages messages, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        CommandTree.run(
            context(messages, out, err), CliWiring.production(), inputs(new byte[0]), args);
    return new Result(exit, out.toString(), err.toString());
  }

  /**
   * {@code pin-policy ...} reading {@code stdin} (UTF-8), with {@code settings} as the machine's
   * settings.
   */
  public static Result runWithInput(
      Messages messages,
      java.util.function.Function<String, java.util.Optional<String>> settings,
      String stdin,
      String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    byte[] input = stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    int exit =
        CommandTree.run(
            context(messages, out, err),
            new CliWiring(settings, SqliteOperatorDirectory::open),
            inputs(input),
            args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** {@code keys init --dir dir --passphrase-file passphraseFile}, which must succeed. */
  public static Path keysInit(Path dir, Path passphraseFile) {
    Result r =
        run(
            "keys",
            "init",
            "--dir",
            dir.toString(),
            "--passphrase-file",
            passphraseFile.toString());
    if (r.exit() != 0) {
      throw new AssertionError("keys init failed: " + r.err());
    }
    return dir;
  }

  /** {@code training generate-journal}: {@code cases} served cases written with {@code keys}. */
  public static Path generatedJournal(Path out, Path keys, int cases) {
    return generatedJournal(out, keys, cases, Optional.empty());
  }

  /** As {@link #generatedJournal(Path, Path, int)}, the cases drawn from {@code seed}. */
  public static Path generatedJournal(Path out, Path keys, int cases, Optional<String> seed) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "training",
                "generate-journal",
                "--cases",
                String.valueOf(cases),
                "--out",
                out.toString(),
                "--keys",
                keys.toString()));
    seed.ifPresent(s -> args.addAll(List.of("--seed", s)));
    Result r = run(args.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new AssertionError("generate-journal failed: " + r.err());
    }
    return out;
  }

  /**
   * {@code journal export --format json} of {@code journal} with the training supervisor key in
   * {@code keys} (and its passphrase file there), which must succeed; {@code more} options added.
   */
  public static String exportedJson(Path journal, Path keys, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "journal",
                "export",
                journal.toString(),
                "--key",
                keys.resolve("supervisor.p12").toString(),
                "--passphrase-file",
                keys.resolve("supervisor.passphrase").toString(),
                "--format",
                "json"));
    args.addAll(List.of(more));
    Result r = run(args.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new AssertionError("journal export failed: " + r.err());
    }
    return r.out();
  }

  /** {@code stdin} as standard input, no console for passwords, the system clock. */
  public static CommandTree.Inputs inputs(byte[] stdin) {
    return new CommandTree.Inputs(
        () -> new java.io.ByteArrayInputStream(stdin),
        PasswordPrompt.none(),
        java.time.Clock.systemUTC());
  }

  /** A context writing to {@code out} and {@code err} whose card readers must never be opened. */
  public static CliContext context(Messages messages, StringWriter out, StringWriter err) {
    return new CliContext(
        () -> {
          throw new IllegalStateException("these commands never touch card readers");
        },
        CardProfiles::builtIn,
        messages,
        new PrintWriter(out, true),
        new PrintWriter(err, true));
  }
}
