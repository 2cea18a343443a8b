package dev.pindesk.cli.common;

import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CentralLink;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.OperatorDirectory;
import dev.pindesk.ports.PinPolicyFileException;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.ports.SyncOutbox;
import dev.pindesk.service.audit.TrainingCardDesk;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * What the CLI commands obtain from the composition root: the machine's settings and default
 * places, and the stores, keys and links that adapters implement. Commands see ports, domain types
 * and the small records below, never an adapter class, so the command line can be read and tested
 * without the storage, HTTP or PC/SC code behind it. Implemented by {@code app.CliWiring}.
 */
public interface CliServices {

  /** The machine setting {@code pindesk.NAME} (system property, then the settings file). */
  Optional<String> setting(String name);

  /**
   * The new-PIN policy in {@code file}, or the built-in one when empty.
   *
   * @throws PinPolicyFileException naming the file and what is wrong with it
   */
  PinPolicyProfile pinPolicy(Optional<Path> file) throws PinPolicyFileException;

  /** Where the production counter reads its keys: {@code pindesk.keys}, else in the home. */
  Path productionKeys();

  /** Where training tools read the training keys: {@code pindesk.training.keys}, else default. */
  Path trainingKeys();

  /** The production operator database: {@code operators.db} in the production home. */
  Path operatorsDatabase();

  /** Opens, creating when absent, the operator directory in {@code file}. */
  OperatorAccounts operators(Path file);

  /** The workstation and supervisor key files. */
  KeyDirectory keys();

  /**
   * Verifies the journal in {@code file}: with {@code expectedKey} it must be signed by that
   * workstation key, with {@code centralCert} the stored receipt's signature is checked too.
   */
  JournalReport verifyJournal(
      Path file,
      Optional<ECPublicKeyParameters> expectedKey,
      Optional<X509Certificate> centralCert);

  /**
   * Verifies the journal in {@code file} and hands every event entry, decrypted with {@code
   * supervisorKey} where it can be, to {@code sink}, in order.
   */
  JournalReport exportJournal(
      Path file, ECPrivateKeyParameters supervisorKey, Consumer<ExportedEvent> sink);

  /** The central receiver's database, certificate and server, for the {@code central} commands. */
  CentralServices central();

  /** The reference card-management service, for the {@code card-service} commands. */
  CardServiceServices cardService();

  /** The central's pinned certificate ({@code central.crt}) in {@code file}. */
  X509Certificate centralCertificate(Path file) throws IOException;

  /** A journal opened for shipping to the central, with the key that signed it. */
  OutgoingJournal openOutbox(Path journal) throws JournalException;

  /** The link to the central at {@code central}, trusting only {@code pinned}, signing as keys. */
  CentralLink centralLink(URI central, X509Certificate pinned, Sm2KeyPair keys);

  /** A central receipt in its stable JSON form (as the central sends it). */
  String receiptJson(Receipt receipt);

  /**
   * A fresh training journal in {@code file} under the keys in {@code keyDir}, stamped by {@code
   * clock} and written without fsync per entry (demos, tests, benchmarks: not the counter).
   */
  JournalStore createTrainingJournal(Path file, String workstation, Path keyDir, Clock clock)
      throws IOException, JournalException;

  /** In-process virtual training cards, one per served case. */
  TrainingCardDesk trainingCardDesk();

  /** The training security module (training keys only). */
  SecurityModule trainingSecurityModule();

  /**
   * The virtual training card described by the JSON {@code profile} file, or else by the shipped
   * profile {@code builtin} (e.g. {@code training-gen3-sm4}).
   *
   * @throws IOException or a {@link RuntimeException} when the profile cannot be read or is invalid
   */
  VirtualCardSource virtualCard(Optional<Path> profile, String builtin) throws IOException;

  /**
   * The PSAM vendor profile named by an id or a JSON file.
   *
   * @throws IOException or {@link IllegalArgumentException} when it cannot be read or is invalid
   */
  SamProbe samProfile(String idOrFile) throws IOException;

  /**
   * A reader driven through {@code library}, its vendor's implementation of the national SSC
   * read/write interface, in a device host process of its own (ADR 0028); with {@code returnCodes},
   * the vendor's return-code table; with {@code hostJava}, the Java runtime that runs the device
   * host (a 32-bit one for a 32-bit DLL), else this one. The caller closes it.
   *
   * @throws CardException {@code DEVICE_UNAVAILABLE} when the return-code table cannot be used
   */
  NationalReader nationalReader(Path library, Optional<Path> returnCodes, Optional<Path> hostJava)
      throws CardException;

  /** A virtual training card, one PIN state for its whole life, ready to present to vpcd. */
  interface VirtualCardSource {
    String label();

    /** Inserts the card in the vpcd reader at {@code host:port} (the reader's TCP port). */
    VpcdSession insert(String host, int port, Duration connectTimeout) throws IOException;
  }

  /** A card inserted through vpcd; closing removes it. */
  interface VpcdSession extends AutoCloseable {
    /** Blocks until vpcd disconnects (pcscd stopped or restarted). */
    void awaitRemoval() throws InterruptedException;

    @Override
    void close();
  }

  /** An operator directory the command closes when done. */
  interface OperatorAccounts extends OperatorDirectory, AutoCloseable {
    @Override
    void close();
  }

  /** The key files of a key directory. */
  interface KeyDirectory {
    /** Creates a workstation and a supervisor key pair in {@code dir} under {@code passphrase}. */
    void init(Path dir, char[] passphrase) throws IOException;

    /** Creates labelled training keys in {@code dir} unless they are there already. */
    void ensureTraining(Path dir) throws IOException;

    /** The public key in {@code file} ({@code workstation.pub}, {@code supervisor.pub}). */
    ECPublicKeyParameters publicKey(Path file) throws IOException;

    /** The workstation key pair in {@code dir}. */
    Sm2KeyPair workstation(Path dir) throws IOException;

    /**
     * The supervisor's private key in the PKCS#12 file {@code p12}.
     *
     * @throws SupervisorKeyRefused when the passphrase or the file is wrong
     */
    ECPrivateKeyParameters supervisor(Path p12, char[] passphrase) throws IOException;

    /** Whether {@code dir} holds labelled training keys. */
    boolean isTraining(Path dir);

    /** The training keys' public passphrase file, beside the supervisor key store {@code p12}. */
    Path trainingPassphrase(Path p12);

    /** {@code workstation.pub} in {@code dir}. */
    Path workstationPublicKey(Path dir);

    /** {@code workstation.key} in {@code dir}. */
    Path workstationPrivateKey(Path dir);
  }

  /** A journal's outbox and the encoded workstation key named in its header. */
  record OutgoingJournal(SyncOutbox outbox, byte[] workstationKey) {}

  /** A PSAM vendor profile, ready to select the PSAM application. */
  interface SamProbe {
    /** Selects the PSAM in {@code reader} and reports what it answered: no key, no MAC. */
    SamInfo probe(CardTerminals terminals, String reader) throws CardException;
  }

  /** What {@code sam info} shows. */
  record SamInfo(
      String profileId,
      String profileDescription,
      String reader,
      String atr,
      String selectAnswer,
      List<String> assumptions) {}
}
