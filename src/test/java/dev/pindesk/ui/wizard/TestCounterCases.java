package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.adapters.journal.ExportedEntry;
import dev.pindesk.adapters.journal.JournalExporter;
import dev.pindesk.adapters.journal.JournalVerifier;
import dev.pindesk.adapters.journal.SqliteJournalStore;
import dev.pindesk.adapters.journal.StoreOptions;
import dev.pindesk.adapters.sam.TrainingSecurityModule;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.reset.AgentPolicy;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.CitizenPinEntry;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ports.ReceiptPrinter;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.audit.CaseAuditRecorder;
import dev.pindesk.service.counter.CounterInfo;
import dev.pindesk.service.counter.LocalCounterSession;
import dev.pindesk.service.counter.SessionExecutors;
import dev.pindesk.service.reset.ResetCaseConfig;
import dev.pindesk.service.reset.ResetCaseDevices;
import dev.pindesk.service.reset.ResetCaseService;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.sync.SyncStatusFeed;
import dev.pindesk.testing.InMemoryOperatorDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * The case service both wizard fixtures (view model and window) drive: a real journal in {@code
 * dir}, the training security module, and a journal that can be broken on demand.
 */
final class TestCounterCases {
  final SqliteJournalStore journal;
  final ResetCaseService cases;
  private final Optional<NationalReader> certifiedReader;
  private final Path file;
  private final Sm2KeyPair workstation;
  private final Sm2KeyPair supervisor;

  TestCounterCases(
      Path dir,
      Sm2KeyPair workstation,
      Sm2KeyPair supervisor,
      CardTerminals terminals,
      BooleanSupplier journalBroken,
      Clock clock)
      throws Exception {
    this(dir, workstation, supervisor, terminals, Optional.empty(), journalBroken, clock);
  }

  /**
   * As the PC/SC counter's, or with {@code certifiedReader} the counter of a certified reader: the
   * card read and written through it, every PIN typed on its keypad.
   */
  TestCounterCases(
      Path dir,
      Sm2KeyPair workstation,
      Sm2KeyPair supervisor,
      CardTerminals terminals,
      Optional<NationalReader> certifiedReader,
      BooleanSupplier journalBroken,
      Clock clock)
      throws Exception {
    this.certifiedReader = certifiedReader;
    this.file = dir.resolve("journal.db");
    this.workstation = workstation;
    this.supervisor = supervisor;
    journal =
        SqliteJournalStore.open(
            file, StoreOptions.of("WS-UI", workstation, supervisor.publicKey(), true));
    CaseAuditRecorder recorder = new CaseAuditRecorder(journal);
    CaseJournal failable =
        t -> {
          if (journalBroken.getAsBoolean()) {
            throw new CaseJournal.NotRecordedException("test: disk full", null);
          }
          recorder.record(t);
        };
    cases =
        new ResetCaseService(
            new ResetCaseDevices(
                terminals, new TrainingSecurityModule(), failable, certifiedReader),
            CardProfiles.builtIn(),
            new ResetCaseConfig(AgentPolicy.everywhere(), true),
            new CaseIds("WSUI", clock, new Random(1)),
            clock);
  }

  /**
   * The counter session over these cases, as a training counter's runtime builds it: {@code
   * terminals}, the citizen's {@code pad} (the certified reader's keypad when the cases go through
   * one), {@code receipts}, the work on {@code executors}.
   */
  LocalCounterSession session(
      CardTerminals terminals,
      PinPad pad,
      ReceiptPrinter receipts,
      SessionExecutors executors,
      Clock clock) {
    return new LocalCounterSession(
        new LocalCounterSession.Parts(
            new CounterInfo(false, "WS-UI", "journal.db", "status.sm.training", false),
            cases,
            terminals,
            certifiedReader
                .<CitizenPinEntry>map(CitizenPinEntry.InDevice::new)
                .orElseGet(() -> new CitizenPinEntry.OnPad(pad)),
            receipts,
            new SignInService(new InMemoryOperatorDirectory(), clock),
            new IdleLock(clock),
            journal,
            SyncStatusFeed.NOT_CONFIGURED,
            SecurityModuleFeed.fixed(SecurityModuleStatus.ok("status.sm.training", "")),
            clock),
        executors);
  }

  /** The journal's events so far, decrypted with the supervisor key (the journal stays open). */
  List<ExportedEntry> events() throws Exception {
    List<ExportedEntry> events = new ArrayList<>();
    JournalExporter.export(file, supervisor.privateKey(), events::add);
    return events;
  }

  /**
   * The journal's one PIN capture is marked {@code policy_not_applied: device_entry}: the PIN was
   * typed on a certified reader's keypad.
   */
  void assertCaptureJournaledAsDeviceEntry() throws Exception {
    assertThat(events())
        .filteredOn(e -> "pin_captured".equals(e.members().get("step")))
        .singleElement()
        .satisfies(
            e -> assertThat(e.members()).containsEntry("policy_not_applied", "device_entry"));
  }

  /**
   * Closes the journal and checks it: the chain verifies, it holds exactly {@code expectedSteps},
   * and no PIN of {@code pins} is in the file as stored (ASCII) nor in what was encrypted (ASCII,
   * BCD, or a member equal to it). The BCD form is not looked for in the stored file: three bytes
   * that random SM4-GCM ciphertext contains now and then. A weak PIN typed on purpose may be part
   * of an ID number, which events do hold, so only a member that is the PIN itself counts.
   */
  void closeAndCheckJournal(List<String> expectedSteps, List<String> pins) throws Exception {
    journal.close();
    assertThat(JournalVerifier.verify(file, Optional.of(workstation.publicKey())).valid()).isTrue();
    List<ExportedEntry> events = new ArrayList<>();
    JournalExporter.export(file, supervisor.privateKey(), events::add);
    assertThat(events)
        .extracting(e -> e.members().get("step"))
        .containsExactlyElementsOf(expectedSteps);
    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    String decrypted = events.toString();
    for (String pin : pins) {
      assertThat(bytes).doesNotContain(pin);
      assertThat(decrypted).doesNotContain(new String(Hex.parse(pin), StandardCharsets.ISO_8859_1));
      assertThat(events)
          .flatExtracting(e -> e.members().values())
          .extracting(String::valueOf)
          .doesNotContain(pin);
    }
  }
}
