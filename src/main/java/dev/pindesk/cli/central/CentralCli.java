package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** What the {@code central} commands share: their inputs read with a translated reason. */
final class CentralCli {
  private CentralCli() {}

  /**
   * A central command cannot do its work; the message is one translated line for the operator, the
   * exit code {@link #USAGE} for arguments that can never work, else {@link #FAILED}.
   */
  static final class Unusable extends Exception {
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Unusable(String message) {
      this(message, FAILED);
    }

    private Unusable(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }

    /** Arguments that can never work (exit code 2). */
    static Unusable usage(String message) {
      return new Unusable(message, USAGE);
    }

    int exitCode() {
      return exitCode;
    }
  }

  /** The workstation public key in {@code file} ({@code workstation.pub}). */
  static ECPublicKeyParameters workstationKey(
      Path file, Messages messages, CliServices.KeyDirectory keys) throws Unusable {
    try {
      return keys.publicKey(file);
    } catch (NoSuchFileException e) {
      throw new Unusable(messages.get("cli.central.noKeyFile", file));
    } catch (IOException | IllegalArgumentException e) {
      throw new Unusable(messages.get("cli.central.badKeyFile", file));
    }
  }
}
