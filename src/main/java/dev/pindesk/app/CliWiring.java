package dev.pindesk.app;

import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.JournalOutbox;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.KeyStoreRefusedException;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.journal.VerifyReport;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.adapters.pinpolicy.PinPolicyFiles;
import dev.pindesk.adapters.sam.PsamInfo;
import dev.pindesk.adapters.sam.PsamProfile;
import dev.pindesk.adapters.sam.PsamProfiles;
import dev.pindesk.adapters.sam.PsamSecurityModule;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.adapters.sync.HttpCentralLink;
import dev.pindesk.adapters.sync.ReceiptCodec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.adapters.virtualcard.VpcdClient;
import dev.pindesk.cli.common.CardServiceServices;
import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.ExportedEvent;
import dev.pindesk.cli.common.JournalReport;
import dev.pindesk.cli.common.SupervisorKeyRefused;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.ports.CentralLink;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.PinPolicyFileException;
import dev.pindesk.ports.SecurityModule;
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
import java.util.function.Function;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The CLI's services (ADR 0025): the adapters the commands use, built here so that {@code cli}
 * knows ports and domain types only. Settings come from a function, so tests can name their own
 * places; the operator directory from an opener, so tests can use a cheap password hasher.
 */
public final class CliWiring implements CliServices {
  private final Function<String, Optional<String>> settings;
  private final Function<Path, SqliteOperatorDirectory> operatorOpener;

  /** The machine's settings and the production operator directory. */
  public static CliWiring production() {
    return new CliWiring(Settings::get, SqliteOperatorDirectory::open);
  }

  /** {@code settings} as the machine's, and operator directories opened with {@code opener}. */
  public CliWiring(
      Function<String, Optional<String>> settings,
      Function<Path, SqliteOperatorDirectory> operatorOpener) {
    this.settings = settings;
    this.operatorOpener = operatorOpener;
  }

  @Override
  public Optional<String> setting(String name) {
    return settings.apply(name);
  }

  @Override
  public PinPolicyProfile pinPolicy(Optional<Path> file) throws PinPolicyFileException {
    return PinPolicyFiles.fileOrBuiltIn(file);
  }

  @Override
  public Path productionKeys() {
    return ProductionCounter.keys(settings);
  }

  @Override
  public Path trainingKeys() {
    return trainingKeys(settings);
  }

  /** {@code pindesk.training.keys}, else {@code ~/.pindesk/training-keys}. */
  static Path trainingKeys(Function<String, Optional<String>> settings) {
    return settings
        .apply("training.keys")
        .map(Path::of)
        .orElse(CounterSettings.defaultTrainingKeys(Path.of(System.getProperty("user.home"))));
  }

  @Override
  public Path operatorsDatabase() {
    return ProductionCounter.operators(settings);
  }

  @Override
  public OperatorAccounts operators(Path file) {
    return new Accounts(operatorOpener.apply(file));
  }

  @Override
  public KeyDirectory keys() {
    return new Keys();
  }

  @Override
  public JournalReport verifyJournal(
      Path file,
      Optional<ECPublicKeyParameters> expectedKey,
      Optional<X509Certificate> centralCert) {
    return report(JournalVerifier.verify(file, expectedKey, centralCert));
  }

  @Override
  public JournalReport exportJournal(
      Path file, ECPrivateKeyParameters supervisorKey, Consumer<ExportedEvent> sink) {
    return report(
        JournalExporter.export(
            file,
            supervisorKey,
            e -> sink.accept(new ExportedEvent(e.seq(), e.members(), e.verified(), e.error()))));
  }

  /** The journal adapter's report, as the CLI reads it. */
  static JournalReport report(VerifyReport r) {
    return new JournalReport(
        r.valid(),
        r.entries(),
        r.checkpoints(),
        r.events(),
        r.uncovered(),
        r.head(),
        r.info().map(i -> new JournalReport.Info(i.journalId(), i.workstationId(), i.training())),
        r.anchor().map(a -> new JournalReport.Anchor(a.ackSeq(), a.at(), a.signatureChecked())),
        r.firstBad().map(p -> new JournalReport.Problem(p.seq(), p.kind().wireName(), p.detail())));
  }

  @Override
  public CentralServices central() {
    return new CentralWiring();
  }

  @Override
  public CardServiceServices cardService() {
    return new CardServiceWiring();
  }

  @Override
  public X509Certificate centralCertificate(Path file) throws IOException {
    return HttpCentralLink.readCertificate(file);
  }

  @Override
  public OutgoingJournal openOutbox(Path journal) throws JournalException {
    JournalOutbox outbox = JournalOutbox.open(journal);
    return new OutgoingJournal(outbox, outbox.workstationKey());
  }

  @Override
  public CentralLink centralLink(URI central, X509Certificate pinned, Sm2KeyPair keys) {
    return new HttpCentralLink(central, pinned, keys);
  }

  @Override
  public String receiptJson(Receipt receipt) {
    return ReceiptCodec.toJson(receipt);
  }

  @Override
  public JournalStore createTrainingJournal(Path file, String workstation, Path keyDir, Clock clock)
      throws IOException, JournalException {
    StoreOptions options =
        StoreOptions.of(
                workstation,
                KeyFiles.workstation(keyDir),
                KeyFiles.publicKey(keyDir.resolve(KeyFiles.SUPERVISOR_PUB)),
                true)
            .withClock(clock)
            .withoutDurability();
    return SqliteJournalStore.open(file, options);
  }

  @Override
  public TrainingCardDesk trainingCardDesk() {
    return new VirtualTrainingDesk();
  }

  @Override
  public NationalReader nationalReader(
      Path library, Optional<Path> returnCodes, Optional<Path> hostJava) throws CardException {
    return NationalReaders.open(library, returnCodes, hostJava);
  }

  @Override
  public SecurityModule trainingSecurityModule() {
    return new TrainingSecurityModule();
  }

  @Override
  public VirtualCardSource virtualCard(Optional<Path> profile, String builtin) throws IOException {
    VirtualCardSpec spec =
        profile.isPresent()
            ? VirtualCardSpecs.load(profile.get())
            : VirtualCardSpecs.loadResource(builtin + ".json");
    return new VirtualCardSource() {
      // Built at the first insertion (as before the facade): one card, one PIN state, for life.
      private VirtualSscCard card;

      @Override
      public String label() {
        return spec.label();
      }

      @Override
      public VpcdSession insert(String host, int port, Duration connectTimeout) throws IOException {
        if (card == null) {
          card = VirtualSscCard.fromSpec(spec);
        }
        VpcdClient client = new VpcdClient(card, host, port, connectTimeout);
        try {
          client.start();
        } catch (IOException | RuntimeException e) {
          client.close();
          throw e;
        }
        return new VpcdSession() {
          @Override
          public void awaitRemoval() throws InterruptedException {
            client.awaitRemoval();
          }

          @Override
          public void close() {
            client.close();
          }
        };
      }
    };
  }

  @Override
  public SamProbe samProfile(String idOrFile) throws IOException {
    PsamProfile vendor = PsamProfiles.resolve(idOrFile);
    return (terminals, reader) -> {
      PsamInfo info = new PsamSecurityModule(terminals, reader, vendor).probe();
      return new SamInfo(
          info.profileId(),
          info.profileDescription(),
          info.reader(),
          info.atr(),
          info.selectAnswer(),
          info.assumptions());
    };
  }

  /** The SQLite directory behind the port, closed by the command. */
  private record Accounts(SqliteOperatorDirectory directory) implements OperatorAccounts {
    @Override
    public Optional<Operator> find(String id) {
      return directory.find(id);
    }

    @Override
    public void add(Operator operator, char[] password) {
      directory.add(operator, password);
    }

    @Override
    public boolean verifyPassword(String id, char[] password) {
      return directory.verifyPassword(id, password);
    }

    @Override
    public void setPassword(String id, char[] password) {
      directory.setPassword(id, password);
    }

    @Override
    public List<Operator> list() {
      return directory.list();
    }

    @Override
    public void setActive(String id, boolean active) {
      directory.setActive(id, active);
    }

    @Override
    public void close() {
      directory.close();
    }
  }

  /** The key files of {@link KeyFiles}. */
  private static final class Keys implements KeyDirectory {
    @Override
    public void init(Path dir, char[] passphrase) throws IOException {
      KeyFiles.init(dir, passphrase, false);
    }

    @Override
    public void ensureTraining(Path dir) throws IOException {
      KeyFiles.ensureTrainingKeys(dir);
    }

    @Override
    public ECPublicKeyParameters publicKey(Path file) throws IOException {
      return KeyFiles.publicKey(file);
    }

    @Override
    public Sm2KeyPair workstation(Path dir) throws IOException {
      return KeyFiles.workstation(dir);
    }

    @Override
    public ECPrivateKeyParameters supervisor(Path p12, char[] passphrase) throws IOException {
      try {
        return KeyFiles.supervisor(p12, passphrase);
      } catch (KeyStoreRefusedException e) {
        throw new SupervisorKeyRefused(
            SupervisorKeyRefused.Reason.valueOf(e.reason().name()), e.file(), e.getMessage(), e);
      }
    }

    @Override
    public boolean isTraining(Path dir) {
      return KeyFiles.isTraining(dir);
    }

    @Override
    public Path trainingPassphrase(Path p12) {
      return p12.resolveSibling(KeyFiles.TRAINING_PASSPHRASE_FILE);
    }

    @Override
    public Path workstationPublicKey(Path dir) {
      return dir.resolve(KeyFiles.WORKSTATION_PUB);
    }

    @Override
    public Path workstationPrivateKey(Path dir) {
      return dir.resolve(KeyFiles.WORKSTATION_KEY);
    }
  }
}
