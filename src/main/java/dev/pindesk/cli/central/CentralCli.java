package dev.pindesk.cli.central;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** What the {@code central} commands share: their inputs read with a translated reason. */
final class CentralCli {
  private CentralCli() {}

  /** An input cannot be used; the message is one translated line for the operator. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  /** The workstation public key in {@code file} ({@code workstation.pub}). */
  static ECPublicKeyParameters workstationKey(Path file, Messages messages) throws Unusable {
    try {
      return KeyFiles.publicKey(file);
    } catch (NoSuchFileException e) {
      throw new Unusable(messages.get("cli.central.noKeyFile", file));
    } catch (IOException | IllegalArgumentException e) {
      throw new Unusable(messages.get("cli.central.badKeyFile", file));
    }
  }
}
