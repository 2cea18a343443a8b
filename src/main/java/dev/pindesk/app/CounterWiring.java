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
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.PinPolicyFileException;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.signin.TrainingOperators;
import dev.pindesk.service.sync.WakingJournalStore;
import dev.pindesk.ui.CounterContext;
import dev.pindesk.ui.common.CounterRefusedException;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.pinpad.ScreenPinPad;
import dev.pindesk.ui.wizard.WizardServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the counter for training mode (and, with {@link #assemble}, the parts both modes share;
 * the production counter is {@link ProductionWiring}): training keys and journal, the training
 * operator directory with its demo operator, the security module of the settings (training keys by
 * default, or a PSAM), the on-screen customer PIN pad. Everything lives under {@code
 * ~/.pindesk/training} (or {@code pindesk.home}), apart from any production data.
 */
final class CounterWiring {
  private static final Logger LOG = LoggerFactory.getLogger(CounterWiring.class);

  private CounterWiring() {}

  /**
   * @param terminals the citizen's readers (the security module's reader hidden)
   * @param sam the security module the config chose (training keys unless a PSAM is configured)
   * @param config the training counter's configuration (its home, keys and workstation id)
   */
  static CounterContext training(
      CardTerminals terminals,
      CardProfiles profiles,
      TaskRunner runner,
      SamSetup sam,
      CounterConfig config)
      throws IOException {
    Files.createDirectories(config.home());
    Clock clock = Clock.systemDefaultZone();
    KeyFiles.ensureTrainingKeys(config.keys());
    SqliteJournalStore journal =
        openJournal(config.journalFile(), config.workstation(), config.keys(), true);
    SqliteOperatorDirectory operators =
        SqliteOperatorDirectory.open(config.home().resolve("operators.db"));
    TrainingOperators.ensureDemo(operators, clock);
    return assemble(new Parts(terminals, profiles, runner, sam, config, journal, operators, clock));
  }

  /**
   * What a counter is built from, opened by its mode's wiring.
   *
   * @param config the counter's configuration: home, keys, workstation, mode (training cases only
   *     on virtual training cards), PIN pad, idle lock, receipt font, agents, PIN policy, sync
   */
  record Parts(
      CardTerminals terminals,
      CardProfiles profiles,
      TaskRunner runner,
      SamSetup sam,
      CounterConfig config,
      SqliteJournalStore journal,
      SqliteOperatorDirectory operators,
      Clock clock) {}

  /**
   * Opens (or creates) the journal, marked training or not in its header, journals the start, and
   * journals the stop when the JVM exits.
   */
  static SqliteJournalStore openJournal(
      Path journalFile, String workstation, Path keys, boolean training) throws IOException {
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
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> closeJournal(journal), "journal-close"));
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

  /** The counter of either mode from its opened parts. */
  static CounterContext assemble(Parts p) {
    SqliteJournalStore journal = p.journal();
    CounterConfig config = p.config();
    // The PIN policy file first: a file that stops the start does so before anything runs in the
    // background (the other settings were validated with the config).
    PinPolicyProfile pinPolicy = pinPolicy(config);
    // Journal sync (issue 6): ships the journal when a central is configured; appends wake it.
    SyncWiring sync = SyncWiring.start(config.journalFile(), config.keys(), config.central());
    Runtime.getRuntime().addShutdownHook(new Thread(sync::close, "journal-sync-close"));
    JournalStore audited = new WakingJournalStore(journal, sync::wake);
    SecurityModule module = p.sam().module();
    LOG.info("security module: {}", module.description());
    Clock clock = p.clock();
    ResetCaseService cases =
        new ResetCaseService(
            new ResetCaseDevices(p.terminals(), module, new CaseAuditRecorder(audited)),
            p.profiles(),
            new ResetCaseConfig(config.agents(), !config.production(), pinPolicy),
            new CaseIds(casePrefix(config.workstation()), clock, new SecureRandom()),
            clock);
    return new CounterContext(
        new WizardServices(
            cases,
            p.terminals(),
            new ScreenPinPad(Duration.ofSeconds(60), config.pinPadScrambled()),
            p.runner(),
            clock,
            // pindesk.receipt.font / PINDESK_RECEIPT_FONT names a TrueType CJK font to use first;
            // else a system one, else the font shipped inside PinDesk (ADR 0017).
            new PdfReceiptRenderer(
                config.home().resolve("receipts"), CjkFont.lookup(config.receiptFont())),
            config.workstation()),
        new SignInService(p.operators(), clock),
        new IdleLock(clock, config.idleTimeout()),
        operator -> {
          try {
            audited.append(
                AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, operator.id()));
          } catch (JournalException e) {
            LOG.error("sign-in not journaled: {}", e.getMessage());
          }
        },
        module.isTraining() ? "status.sm.training" : "status.sm.ready",
        config.journalFile().getFileName().toString(),
        sync.feed(),
        p.sam().feed());
  }

  /** Case numbers start with the workstation id, reduced to what a case number may hold. */
  private static String casePrefix(String workstation) {
    String alnum = workstation.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    return alnum.isEmpty() ? "WS" : alnum.substring(0, Math.min(12, alnum.length()));
  }

  private static void closeJournal(SqliteJournalStore journal) {
    try {
      journal.append(AuditEvent.session(AuditStep.APP_STOPPED, AuditOutcome.OK, "system"));
      journal.close();
    } catch (JournalException e) {
      LOG.error("journal not closed cleanly: {}", e.getMessage());
    }
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
