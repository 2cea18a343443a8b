package dev.pindesk.cli.journal;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.domain.Secrets;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keys init [--dir DIR] [--passphrase-file F] [--training]}: a workstation key pair and a
 * supervisor key pair (PKCS#12 under a passphrase read from a file or the console, never argv).
 * Without {@code --dir}: where the production counter reads its keys ({@link
 * CliServices#productionKeys}), or with {@code --training} where training tools read theirs.
 */
@Command(name = "init", description = "Create workstation and supervisor key pairs in a directory.")
public final class KeysInitCommand implements Callable<Integer> {
  private final Messages messages;

  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Key directory; default: the production counter's (pindesk.keys, else keys in"
              + " pindesk.home, ~/.pindesk/keys), with --training the training keys'.")
  Path dir;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase, first line.")
  Path passphraseFile;

  @Option(names = "--training", description = "Labelled training keys with a public passphrase.")
  boolean training;

  private final CliServices services;

  public KeysInitCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  private Path directory() {
    if (dir != null) {
      return dir;
    }
    return training ? services.trainingKeys() : services.productionKeys();
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    char[] passphrase = null;
    Path keyDir = directory();
    try {
      if (training) {
        services.keys().ensureTraining(keyDir);
      } else {
        passphrase =
            passphraseFile != null
                ? Passphrases.fromFile(passphraseFile)
                : Passphrases.prompt(messages.get("cli.keys.passphrase"), true);
        if (passphrase.length < 8) {
          err.println(messages.get("cli.journal.error", messages.get("cli.passphrase.short")));
          return 2;
        }
        services.keys().init(keyDir, passphrase);
      }
      out.println(messages.get("cli.keys.created", keyDir.toString()));
      return 0;
    } catch (FileAlreadyExistsException e) {
      err.println(messages.get("cli.keys.exists", e.getFile()));
      return 1;
    } catch (IOException e) {
      err.println(messages.get("cli.journal.error", Passphrases.describe(e, messages)));
      return 1;
    } finally {
      Secrets.wipe(passphrase);
    }
  }
}
