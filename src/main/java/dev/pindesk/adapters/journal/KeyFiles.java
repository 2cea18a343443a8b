package dev.pindesk.adapters.journal;

import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The key directory of a workstation: {@code workstation.pub} / {@code workstation.key} (signs
 * checkpoints; PKCS#8 PEM, owner-only, protected by the operating system account) and {@code
 * supervisor.pub} / {@code supervisor.p12} (reads journals; PKCS#12 under a passphrase that the
 * workstation never stores — except for training keys, whose passphrase is public and labelled).
 */
public final class KeyFiles {
  public static final String WORKSTATION_PUB = "workstation.pub";
  public static final String WORKSTATION_KEY = "workstation.key";
  public static final String SUPERVISOR_PUB = "supervisor.pub";
  public static final String SUPERVISOR_P12 = "supervisor.p12";

  /** Present only in training key directories: says so in words. */
  public static final String TRAINING_LABEL = "TRAINING-KEYS.txt";

  /** Training key directories only: the public training passphrase of {@code supervisor.p12}. */
  public static final String TRAINING_PASSPHRASE_FILE = "supervisor.passphrase";

  private static final String TRAINING_PASSPHRASE = "pindesk-training";

  private KeyFiles() {}

  /**
   * Creates a workstation and a supervisor key pair in {@code dir} (created if needed).
   *
   * @throws FileAlreadyExistsException when any key file exists already (keys are never replaced)
   */
  public static void init(Path dir, char[] passphrase, boolean training) throws IOException {
    Files.createDirectories(dir);
    for (String name : List.of(WORKSTATION_PUB, WORKSTATION_KEY, SUPERVISOR_PUB, SUPERVISOR_P12)) {
      if (Files.exists(dir.resolve(name))) {
        throw new FileAlreadyExistsException(dir.resolve(name).toString());
      }
    }
    Sm2KeyPair workstation = Sm2.generate();
    Sm2KeyPair supervisor = Sm2.generate();
    String label =
        training ? "PinDesk TRAINING supervisor (not for real cases)" : "PinDesk supervisor";
    writePrivate(dir.resolve(WORKSTATION_KEY), Pem.privateKey(workstation.privateKey()));
    Files.writeString(dir.resolve(WORKSTATION_PUB), Pem.publicKey(workstation.publicKey()));
    Path p12 = dir.resolve(SUPERVISOR_P12);
    SupervisorKeyStore.write(p12, supervisor, passphrase, label);
    ownerOnly(p12);
    Files.writeString(dir.resolve(SUPERVISOR_PUB), Pem.publicKey(supervisor.publicKey()));
    if (training) {
      Files.writeString(
          dir.resolve(TRAINING_LABEL),
          "TRAINING KEYS — public passphrase, for training journals only. Never use them for"
              + " real cases.\n");
    }
  }

  /** Creates training keys in {@code dir} unless it holds keys already; returns {@code dir}. */
  public static Path ensureTrainingKeys(Path dir) throws IOException {
    if (!Files.exists(dir.resolve(WORKSTATION_KEY))) {
      char[] passphrase = TRAINING_PASSPHRASE.toCharArray();
      init(dir, passphrase, true);
      writePrivate(dir.resolve(TRAINING_PASSPHRASE_FILE), TRAINING_PASSPHRASE + "\n");
    }
    return dir;
  }

  /** True when {@code dir} holds training keys. */
  public static boolean isTraining(Path dir) {
    return Files.exists(dir.resolve(TRAINING_LABEL));
  }

  /** The workstation's key pair; its two files must match. */
  public static Sm2KeyPair workstation(Path dir) throws IOException {
    ECPrivateKeyParameters privateKey = Pem.readPrivateKey(dir.resolve(WORKSTATION_KEY));
    ECPublicKeyParameters publicKey = Pem.readPublicKey(dir.resolve(WORKSTATION_PUB));
    ECPublicKeyParameters derived =
        new ECPublicKeyParameters(
            Sm2.DOMAIN.getG().multiply(privateKey.getD()).normalize(), Sm2.DOMAIN);
    if (!Sm2.samePoint(derived, publicKey)) {
      throw new IOException(dir + ": workstation.key and workstation.pub do not match");
    }
    return new Sm2KeyPair(publicKey, privateKey);
  }

  /** An SM2 public key from a PEM file ({@code supervisor.pub}, {@code workstation.pub}). */
  public static ECPublicKeyParameters publicKey(Path file) throws IOException {
    return Pem.readPublicKey(file);
  }

  /** The supervisor's private key; the caller wipes {@code passphrase}. */
  public static ECPrivateKeyParameters supervisor(Path p12, char[] passphrase) throws IOException {
    return SupervisorKeyStore.read(p12, passphrase);
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    ownerOnly(file);
    Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void ownerOnly(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(PosixFilePermissions.fromString("rw-------"));
    }
  }
}
