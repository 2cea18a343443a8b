package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
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
 * {@code keys init --dir DIR [--passphrase-file F] [--training]}: a workstation key pair and a
 * supervisor key pair (PKCS#12 under a passphrase read from a file or the console, never argv).
 */
@Command(name = "init", description = "Create workstation and supervisor key pairs in a directory.")
final class KeysInitCommand implements Callable<Integer> {
  private final Messages messages;

  @Spec CommandSpec spec;

  @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Key directory.")
  Path dir;

  @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Passphrase, first line.")
  Path passphraseFile;

  @Option(names = "--training", description = "Labelled training keys with a public passphrase.")
  boolean training;

  KeysInitCommand(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    char[] passphrase = null;
    try {
      if (training) {
        KeyFiles.ensureTrainingKeys(dir);
      } else {
        passphrase =
            passphraseFile != null
                ? Passphrases.fromFile(passphraseFile)
                : Passphrases.prompt(messages.get("cli.keys.passphrase"), true);
        if (passphrase.length < 8) {
          err.println(
              messages.get("cli.journal.error", "the passphrase needs 8 characters or more"));
          return 2;
        }
        KeyFiles.init(dir, passphrase, false);
      }
      out.println(messages.get("cli.keys.created", dir.toString()));
      return 0;
    } catch (FileAlreadyExistsException e) {
      err.println(messages.get("cli.keys.exists", e.getFile()));
      return 1;
    } catch (IOException e) {
      err.println(messages.get("cli.journal.error", e.getMessage()));
      return 1;
    } finally {
      Secrets.wipe(passphrase);
    }
  }
}
