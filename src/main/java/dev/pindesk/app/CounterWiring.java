package dev.pindesk.app;

import dev.pindesk.adapters.journal.KeyFiles;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.operators.SqliteOperatorDirectory;
import dev.pindesk.adapters.receipt.CjkFont;
import dev.pindesk.adapters.receipt.PdfReceiptRenderer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.audit.AuditEvent;
import dev.pindesk.domain.audit.AuditOutcome;
import dev.pindesk.domain.audit.AuditStep;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.audit.JournalInUseException;
import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.JournalStore;
import dev.pindesk.ports.SecurityModule;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.pin.PinPolicyFileException;
import dev.pindesk.service.pin.PinPolicyFiles;
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
import java.util.Optional;
import java.util.function.Function;
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
   * @param sam the security module the settings chose (training keys unless a PSAM is configured)
   */
  static CounterContext training(
      CardTerminals terminals, CardProfiles profiles, TaskRunner runner, SamSetup sam)
      throws IOException {
    Path home =
        Settings.get("home")
            .map(Path::of)
            .orElse(Path.of(System.getProperty("user.home"), ".pindesk"))
            .resolve("training");
    Files.createDirectories(home);
    Clock clock = Clock.systemDefaultZone();
    String workstation = Settings.get("workstation").orElse("TRAINING-01");
    Path keys = KeyFiles.ensureTrainingKeys(CliWiring.trainingKeys(Settings::get));
    Path journalFile = home.resolve("journal.db");
    SqliteJournalStore journal = openJournal(journalFile, workstation, keys, true);
    SqliteOperatorDirectory operators = SqliteOperatorDirectory.open(home.resolve("operators.db"));
    TrainingOperators.ensureDemo(operators, clock);
    return assemble(
        new Parts(
            terminals,
            profiles,
            runner,
            sam,
            home,
            workstation,
            keys,
            journalFile,
            journal,
            operators,
            true,
            clock,
            Settings::get));
  }

  /**
   * What a counter is built from, opened by its mode's wiring.
   *
   * @param training whether cases are training cases (virtual training cards only)
   * @param settings the counter settings ({@code pinpad.scrambled}, {@code idle.minutes}, {@code
   *     receipt.font}, {@code agent.regions}) by name without the {@code pindesk.} prefix
   */
  record Parts(
      CardTerminals terminals,
      CardProfiles profiles,
      TaskRunner runner,
      SamSetup sam,
      Path home,
      String workstation,
      Path keys,
      Path journalFile,
      SqliteJournalStore journal,
      SqliteOperatorDirectory operators,
      boolean training,
      Clock clock,
      Function<String, Optional<String>> settings) {}

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
    // Settings first: a value that stops the start does so before anything runs in the background.
    Function<String, Optional<String>> settings = p.settings();
    AgentPolicy agents = agentPolicy(settings);
    PinPolicyProfile pinPolicy = pinPolicy(settings);
    Duration idle =
        settings
            .apply("idle.minutes")
            .map(CounterWiring::idleMinutes)
            .orElse(IdleLock.DEFAULT_TIMEOUT);
    // Journal sync (issue 6): ships the journal when a central is configured; appends wake it.
    SyncWiring sync = SyncWiring.start(p.journalFile(), p.keys(), p.settings());
    Runtime.getRuntime().addShutdownHook(new Thread(sync::close, "journal-sync-close"));
    JournalStore audited = new WakingJournalStore(journal, sync::wake);
    SecurityModule module = p.sam().module();
    LOG.info("security module: {}", module.description());
    Clock clock = p.clock();
    ResetCaseService cases =
        new ResetCaseService(
            new ResetCaseDevices(p.terminals(), module, new CaseAuditRecorder(audited)),
            p.profiles(),
            new ResetCaseConfig(agents, p.training(), pinPolicy),
            new CaseIds(casePrefix(p.workstation()), clock, new SecureRandom()),
            clock);
    boolean scrambled = settings.apply("pinpad.scrambled").map(Boolean::parseBoolean).orElse(false);
    return new CounterContext(
        new WizardServices(
            cases,
            p.terminals(),
            new ScreenPinPad(Duration.ofSeconds(60), scrambled),
            p.runner(),
            clock,
            // pindesk.receipt.font / PINDESK_RECEIPT_FONT names a TrueType CJK font to use first;
            // else a system one, else the font shipped inside PinDesk (ADR 0017).
            new PdfReceiptRenderer(
                p.home().resolve("receipts"),
                CjkFont.lookup(settings.apply("receipt.font").map(Path::of))),
            p.workstation()),
        new SignInService(p.operators(), clock),
        new IdleLock(clock, idle),
        operator -> {
          try {
            audited.append(
                AuditEvent.session(AuditStep.CLERK_SIGNED_IN, AuditOutcome.OK, operator.id()));
          } catch (JournalException e) {
            LOG.error("sign-in not journaled: {}", e.getMessage());
          }
        },
        module.isTraining() ? "status.sm.training" : "status.sm.ready",
        p.journalFile().getFileName().toString(),
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
   * Region policy for agents: {@code pindesk.agent.regions} / {@code PINDESK_AGENT_REGIONS} ({@code
   * all}, {@code none} or region code prefixes such as {@code 11,3101}); everywhere when unset. A
   * value that is not a policy stops the start with its reason rather than silently allowing
   * agents.
   */
  static AgentPolicy agentPolicy() {
    return agentPolicy(Settings::get);
  }

  private static AgentPolicy agentPolicy(Function<String, Optional<String>> settings) {
    Optional<String> value = settings.apply("agent.regions");
    try {
      return value.map(AgentPolicy::parse).orElse(AgentPolicy.everywhere());
    } catch (IllegalArgumentException e) {
      throw new CounterRefusedException("counter.refused.agent_regions", value.get());
    }
  }

  /**
   * {@code pindesk.pin.policy}: an administrator's PIN policy file (regional initial PINs, try
   * limits, extra weak PINs), else the built-in policy. A file that cannot be used stops the start:
   * the counter must not quietly accept a region's initial PIN.
   */
  static PinPolicyProfile pinPolicy(Function<String, Optional<String>> settings) {
    try {
      return PinPolicyFiles.fileOrBuiltIn(settings.apply("pin.policy").map(Path::of));
    } catch (PinPolicyFileException e) {
      LOG.error("PIN policy file {} cannot be used: {}", e.file(), e.problemKey());
      Messages messages = Settings.messages();
      throw new CounterRefusedException(
          e.messageKey(), e.file().toString(), messages.get(e.problemKey(), e.problemArgs()));
    }
  }

  /** {@code pindesk.idle.minutes}: whole minutes, 1 to 1440; anything else stops the start. */
  private static Duration idleMinutes(String value) {
    try {
      long minutes = Long.parseLong(value.strip());
      if (minutes >= 1 && minutes <= 1440) {
        return Duration.ofMinutes(minutes);
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new CounterRefusedException("counter.refused.idle_minutes", value);
  }
}
