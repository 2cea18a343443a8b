package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.adapters.pinpolicy.PinPolicyFiles;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.JournalInUseException;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CitizenPinEntry;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.PinPolicyFileException;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.counter.CounterEvent;
import dev.pindesk.service.counter.CounterInfo;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.service.counter.LocalCounterSession;
import dev.pindesk.service.counter.SessionExecutors;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.sync.WakingJournalStore;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.pinpad.ScreenPinPad;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opened counter of either mode ({@link TrainingCounter}, {@link ProductionCounter}): it owns
 * the journal, the operator directory, the sync, the security module's status probe, the customer's
 * PIN pad and the threads of the {@link CounterSession} it hands the window — one per kind of work,
 * so a card or PIN pad that hangs never stalls sign-in, receipts, the sync or the window (ADR
 * 0027).
 *
 * <p>{@link #close} shuts them down in order, once, whoever asks first (the window closing, or the
 * JVM's shutdown on a signal): the citizen's PIN entry is cancelled; no new work is taken and the
 * case step under way may finish and be journaled; the sync stops; the journal records that the
 * counter stopped and is closed; the operator directory last.
 */
final class CounterRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CounterRuntime.class);

  /** How long a case step under way (a card command and its journal entry) may take to finish. */
  static final Duration STEP_GRACE = Duration.ofSeconds(10);

  /**
   * What a counter is built from, opened by its mode's root.
   *
   * @param config the counter's configuration: home, keys, workstation, mode (training cases only
   *     on virtual training cards), PIN pad, idle lock, receipt font, agents, PIN policy, sync
   */
  record Parts(
      CardTerminals terminals,
      CardProfiles profiles,
      SamSetup sam,
      CounterConfig config,
      SqliteJournalStore journal,
      SqliteOperatorDirectory operators,
      Clock clock) {}

  private final SqliteJournalStore journal;
  private final SqliteOperatorDirectory operators;
  private final SyncWiring sync;
  private final SecurityModuleFeed securityModuleFeed;
  private final ScreenPinPad pinPad;
  private final Optional<NationalReader> certifiedReader;
  private final ExecutorService cases = single("pindesk-case");
  private final ExecutorService clerk = single("pindesk-clerk");
  private final ExecutorService receipts = single("pindesk-receipts");
  private final CounterSession session;
  private final AtomicBoolean closed = new AtomicBoolean();

  private CounterRuntime(
      Parts p, PinPolicyProfile pinPolicy, Optional<NationalReader> certifiedReader) {
    CounterConfig config = p.config();
    this.journal = p.journal();
    this.operators = p.operators();
    this.certifiedReader = certifiedReader;
    // Journal sync (issue 6): ships the journal when a central is configured; appends wake it.
    this.sync = SyncWiring.start(config.journalFile(), config.keys(), config.central());
    try {
      this.securityModuleFeed = p.sam().feed();
      this.pinPad = new ScreenPinPad(Duration.ofSeconds(60), config.pinPadScrambled());
      JournalStore audited = new WakingJournalStore(journal, sync::wake);
      SecurityModule module = p.sam().module();
      LOG.info("security module: {}", module.description());
      Clock clock = p.clock();
      ResetCaseService caseService =
          new ResetCaseService(
              new ResetCaseDevices(
                  p.terminals(), module, new CaseAuditRecorder(audited), certifiedReader),
              p.profiles(),
              new ResetCaseConfig(config.agents(), !config.production(), pinPolicy),
              new CaseIds(casePrefix(config.workstation()), clock, new SecureRandom()),
              clock);
      this.session =
          new LocalCounterSession(
              new LocalCounterSession.Parts(
                  new CounterInfo(
                      config.production(),
                      config.workstation(),
                      config.journalFile().getFileName().toString(),
                      module.isTraining() ? "status.sm.training" : "status.sm.ready",
                      sync.feed().configured()),
                  caseService,
                  p.terminals(),
                  certifiedReader
                      .<CitizenPinEntry>map(CitizenPinEntry.InDevice::new)
                      .orElseGet(() -> new CitizenPinEntry.OnPad(pinPad)),
                  // pindesk.receipt.font names a TrueType CJK font to use first; else a system one,
                  // else the font shipped inside PinDesk (ADR 0017).
                  new PdfReceiptRenderer(
                      config.home().resolve("receipts"), CjkFont.lookup(config.receiptFont())),
                  new SignInService(operators, clock),
                  new IdleLock(clock, config.idleTimeout()),
                  audited,
                  sync.feed(),
                  securityModuleFeed,
                  clock),
              new SessionExecutors(cases, clerk, receipts));
    } catch (RuntimeException | Error e) {
      // nothing else was started: the sync stops, the threads (never used) go
      sync.close();
      cases.shutdownNow();
      clerk.shutdownNow();
      receipts.shutdownNow();
      throw e;
    }
    if (certifiedReader.isPresent()) {
      // The citizen's screen shows what the reader's keypad waits for (it takes no digits here).
      session.subscribe(
          e -> {
            if (e instanceof CounterEvent.KeypadWaiting waiting) {
              pinPad.showDeviceKeypad(waiting.prompt());
            }
          });
    }
    pinPad.warmUpSoon();
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "counter-close"));
  }

  /**
   * The counter of either mode from its opened parts. The PIN policy file is read first: a file
   * that stops the start does so before anything runs in the background (the other settings were
   * validated with the config). On a refusal the opened parts are closed.
   */
  static CounterRuntime assemble(Parts p) {
    Optional<NationalReader> reader = Optional.empty();
    try {
      PinPolicyProfile policy = pinPolicy(p.config());
      reader = certifiedReader(p.config());
      return new CounterRuntime(p, policy, reader);
    } catch (RuntimeException | Error e) {
      reader.ifPresent(NationalReader::close);
      closeJournal(p.journal(), false);
      closeOperators(p.operators());
      throw e;
    }
  }

  /**
   * The certified reader {@code pindesk.device=sscard} names, its device host started and its
   * library asked once, so that a library that is missing, will not load or does not answer stops
   * the start with a clear refusal instead of failing the first case. Any answer of the library (no
   * card in the reader, say) shows it works.
   */
  private static Optional<NationalReader> certifiedReader(CounterConfig config) {
    CardDevice device = config.device();
    Optional<NationalReader> reader;
    try {
      reader = NationalReaders.open(device);
    } catch (CardException e) {
      // the only failure before the host starts: the vendor's return-code table
      LOG.error("the certified reader's return-code table cannot be used: {}", e.getMessage());
      throw config.refusal("sscard.codes", "config.fix.sscard.codes");
    }
    if (reader.isEmpty()) {
      return reader;
    }
    try {
      reader.get().readCard();
    } catch (CardException e) {
      if (e.code() == CardErrorCode.DEVICE_UNAVAILABLE
          || e.code() == CardErrorCode.DEVICE_NOT_RESPONDING) {
        LOG.error("the certified reader's library cannot be used: {}", e.getMessage());
        reader.get().close();
        throw new CounterRefusedException(
            "counter.refused.sscard", device.sscardLibrary().map(Path::toString).orElse(""));
      }
    }
    LOG.info("certified reader through {}", device.sscardLibrary().orElseThrow());
    return reader;
  }

  /** What the window talks to. */
  CounterSession session() {
    return session;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Each step in its own guard: a step that fails (a window toolkit already gone, a sync thread
    // that will not stop) must not keep the journal from recording the stop and closing.
    quietly("PIN entry", pinPad::cancel);
    clerk.shutdownNow();
    receipts.shutdownNow();
    cases.shutdown(); // a card command under way is not interrupted: it finishes and is journaled
    try {
      if (!cases.awaitTermination(STEP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn(
            "a case step did not finish within {} s; the journal closes anyway",
            STEP_GRACE.toSeconds());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (securityModuleFeed instanceof AutoCloseable probe) {
      quietly("security module probe", probe::close);
    }
    quietly("journal sync", sync::close);
    certifiedReader.ifPresent(r -> quietly("certified reader", r::close));
    closeJournal(journal, true);
    closeOperators(operators);
  }

  /** A step of {@link #close} that may fail without stopping the steps after it. */
  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(String what, Step step) {
    try {
      step.run();
    } catch (Exception | Error e) {
      LOG.warn("{} not stopped cleanly: {}", what, e.toString());
    }
  }

  /**
   * Opens (or creates) the journal, marked training or not in its header, and journals the start.
   */
  static SqliteJournalStore openJournal(
      Path journalFile, String workstation, Path keys, boolean training)
      throws java.io.IOException {
    try {
      SqliteJournalStore journal =
          SqliteJournalStore.open(
              journalFile,
              StoreOptions.of(
                  workstation,
                  KeyFiles.workstation(keys),
                  KeyFiles.publicKey(keys.resolve(KeyFiles.SUPERVISOR_PUB)),
                  training));
      journal.append(AuditEvent.session(AuditStep.APP_STARTED, AuditOutcome.OK, "system"));
      return journal;
    } catch (JournalInUseException e) {
      throw new CounterRefusedException("counter.refused.journal_in_use", journalFile.toString());
    } catch (JournalException e) {
      // The reason (corrupt, another workstation's, unreadable) is technical: the log keeps it,
      // the clerk gets the file and what to run.
      LOG.error(
          "{} {} cannot be opened", training ? "training journal" : "journal", journalFile, e);
      throw new CounterRefusedException("counter.refused.journal", journalFile.toString());
    }
  }

  /** Case numbers start with the workstation id, reduced to what a case number may hold. */
  private static String casePrefix(String workstation) {
    String alnum = workstation.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return alnum.isEmpty() ? "WS" : alnum.substring(0, Math.min(12, alnum.length()));
  }

  private static void closeJournal(SqliteJournalStore journal, boolean stopped) {
    try {
      if (stopped) {
        journal.append(AuditEvent.session(AuditStep.APP_STOPPED, AuditOutcome.OK, "system"));
      }
      journal.close();
    } catch (JournalException e) {
      LOG.error("journal not closed cleanly: {}", e.getMessage());
    }
  }

  private static void closeOperators(SqliteOperatorDirectory operators) {
    try {
      operators.close();
    } catch (RuntimeException e) {
      LOG.warn("operator directory not closed cleanly: {}", e.getMessage());
    }
  }

  private static ExecutorService single(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * {@code pindesk.pin.policy}: an administrator's PIN policy file (regional initial PINs, try
   * limits, extra weak PINs), else the built-in policy. A file that cannot be used stops the start,
   * refused as the setting that names it: the counter must not quietly accept a region's initial
   * PIN.
   */
  static PinPolicyProfile pinPolicy(CounterConfig config) {
    try {
      return PinPolicyFiles.fileOrBuiltIn(config.pinPolicyFile());
    } catch (PinPolicyFileException e) {
      LOG.error("PIN policy file {} cannot be used: {}", e.file(), e.problemKey());
      throw config.refusal(
          "pin.policy",
          e.messageKey(),
          e.file().toString(),
          new ConfigRefusedException.Text(e.problemKey(), e.problemArgs()));
    }
  }
}
