package dev.pindesk.cli;

import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CentralLink;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.OperatorDirectory;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.ports.SyncOutbox;
import dev.pindesk.service.audit.TrainingCardDesk;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
   * The PSAM vendor profile named by an id or a JSON file.
   *
   * @throws IOException or {@link IllegalArgumentException} when it cannot be read or is invalid
   */
  SamProbe samProfile(String idOrFile) throws IOException;

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
