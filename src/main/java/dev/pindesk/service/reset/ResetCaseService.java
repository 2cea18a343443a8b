package dev.pindesk.service.reset;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.SscCardReader;
import dev.pindesk.domain.Pin;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.CitizenNumbers;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinEntry;
import dev.pindesk.domain.pin.PinEntryResult;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.domain.reset.BindingResult;
import dev.pindesk.domain.reset.CancelReason;
import dev.pindesk.domain.reset.CaseError;
import dev.pindesk.domain.reset.CaseIds;
import dev.pindesk.domain.reset.CaseParties;
import dev.pindesk.domain.reset.CaseSnapshot;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.domain.reset.CaseStep;
import dev.pindesk.domain.reset.CaseTransition;
import dev.pindesk.domain.reset.IdentityBinding;
import dev.pindesk.domain.reset.Receipt;
import dev.pindesk.domain.reset.ResetCase;
import dev.pindesk.ports.CardConnection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Runs one reset case at a time through the card layer and the ports, without UI: {@link #open},
 * {@link #checkId}, {@link #readCard}, {@link #bind}, {@link #checkFirstPin} / {@link #capturePin},
 * {@link #write} (and {@link #resolveInDoubt}), {@link #close} or {@link #cancel}. Every transition
 * is recorded in the {@link dev.pindesk.ports.CaseJournal} before the method returns; refused
 * attempts are recorded too (same state, outcome {@code refused}, an error code).
 *
 * <p>The new PIN is held from capture until the write is settled: wiped after a confirmed or a
 * definitely failed write, kept through {@code IN_DOUBT} (the resolving VERIFY needs it) and wiped
 * on resolution, cancel or close. Not thread-safe: the wizard calls it from one worker thread.
 */
public final class ResetCaseService {
  private final ResetCaseDevices devices;
  private final ResetCaseConfig config;
  private final CaseIds ids;
  private final Clock clock;
  private final SscCardReader reader;
  private final CardSwapGuard swapGuard;
  private final PinWriter writer;
  private final InDoubtResolver resolver;
  private final PinPolicy policy;
  // A certified reader behind the national interface: the card goes through it, PINs are typed
  // on its keypad.
  private final Optional<DeviceWriter> device;
  private ResetCase current;
  private String readerName;
  private CardSnapshot snapshot;
  private final CasePins pins = new CasePins();
  // The citizen's numbers the clerk typed: only for the PIN policy, never journaled.
  private CitizenNumbers numbers = CitizenNumbers.NONE;
  private WriteReport lastWrite = WriteReport.NONE;

  public ResetCaseService(
      ResetCaseDevices devices,
      CardProfiles profiles,
      ResetCaseConfig config,
      CaseIds ids,
      Clock clock) {
    this.devices = devices;
    this.config = config;
    this.ids = ids;
    this.clock = clock;
    this.reader = new SscCardReader(profiles, Optional.of(devices.securityModule()));
    this.swapGuard = new CardSwapGuard(reader);
    this.writer = new PinWriter(devices.securityModule());
    this.resolver = new InDoubtResolver(writer);
    this.policy = new PinPolicy(config.pinPolicy());
    this.device =
        devices.nationalReader().map(r -> new DeviceWriter(r, devices.securityModule(), profiles));
  }

  /**
   * Whether the citizen types PINs on a device that keeps the digits (a certified reader behind the
   * national interface): the case then takes no PIN; {@link #pinEntryOnDevice} stands for the
   * capture and the write runs the entry.
   */
  public boolean onCertifiedReader() {
    return device.isPresent();
  }

  /**
   * Opens a new case.
   *
   * @throws IllegalStateException while another case is neither closed nor cancelled
   */
  public CaseSnapshot open(ServiceKind service, HolderKind holderKind, String clerk) {
    if (current != null && !current.state().isFinal()) {
      throw new IllegalStateException("case " + current.id() + " is still " + current.state());
    }
    readerName = null;
    snapshot = null;
    numbers = CitizenNumbers.NONE;
    current =
        ResetCase.open(ids.next(), service, holderKind, clerk, clock, devices.journal()::record);
    return current.snapshot();
  }

  /** The open (or last) case as the screens show it. */
  public Optional<CaseSnapshot> snapshot() {
    return Optional.ofNullable(current).map(ResetCase::snapshot);
  }

  /**
   * The citizen's receipt for the case at hand: names and numbers masked, "written" only when the
   * card confirmed the new PIN.
   *
   * @throws IllegalStateException before the card was read for the checked IDs
   */
  public Receipt receipt(
      LocalDateTime issuedAt, String workstation, String operator, boolean training) {
    ResetCase c = Optional.ofNullable(current).orElseThrow(() -> noCase("a receipt"));
    var holder = c.parties().orElseThrow(() -> noCase("a receipt without checked IDs")).holder();
    var card = c.card().orElseThrow(() -> noCase("a receipt without a card"));
    return Receipt.of(
        c.id(),
        c.service(),
        c.holderKind(),
        new Receipt.Holder(holder.id().value(), holder.name(), card.info().cardNumber()),
        issuedAt,
        workstation,
        operator,
        c.state() == CaseState.WRITTEN,
        training);
  }

  private static IllegalStateException noCase(String what) {
    return new IllegalStateException("no case for " + what);
  }

  /** The IDs (checked by the clerk: checksum, photo, validity on the document) are recorded. */
  public CaseTransition checkId(CaseParties parties) {
    return checkId(parties, CitizenNumbers.NONE);
  }

  /**
   * As {@link #checkId(CaseParties)}, with the citizen's phone and bank account numbers the clerk
   * typed: the PIN policy then refuses their digits. They are kept for this case only and never
   * journaled.
   */
  public CaseTransition checkId(CaseParties parties, CitizenNumbers citizenNumbers) {
    CaseTransition t = active().idChecked(parties);
    numbers = citizenNumbers;
    return t;
  }

  /**
   * Reads the card in {@code reader}; the case remembers the reader for the write.
   *
   * @throws CardException after recording the refused read; the case stays where it was
   */
  public CardSnapshot readCard(String reader) throws CardException {
    ResetCase c = active();
    c.requireAllowed(CaseStep.READ_CARD);
    CardSnapshot read;
    try {
      read = readFrom(reader);
    } catch (CardException e) {
      c.refused(CaseStep.READ_CARD, CaseError.card(e.code()));
      throw e;
    }
    c.cardRead(CardFactsOf.snapshot(read));
    readerName = reader;
    snapshot = read;
    return read;
  }

  private CardSnapshot readFrom(String reader) throws CardException {
    if (device.isPresent()) {
      return device.get().read(LocalDate.now(clock)).snapshot();
    }
    try (CardConnection connection = devices.terminals().connect(reader)) {
      return this.reader.read(connection, ApduTracer.NONE);
    }
  }

  /**
   * Binds the checked IDs to the card read. Refused (recorded, state unchanged) when an issue
   * blocks, or when a warning such as a differing name was not confirmed by the clerk.
   */
  public BindingResult bind(boolean clerkConfirmedWarnings) {
    ResetCase c = active();
    c.requireAllowed(CaseStep.BIND);
    BindingResult result =
        new IdentityBinding(config.agentPolicy())
            .check(
                c.service(),
                c.parties().orElseThrow(),
                c.card().orElseThrow(),
                LocalDate.now(clock),
                config.trainingMode());
    if (result.canBind(clerkConfirmedWarnings)) {
      c.bound();
    } else {
      c.refused(CaseStep.BIND, CaseError.binding(result.firstIssue().orElseThrow()));
    }
    return result;
  }

  /**
   * Judges the first entry of the new PIN before the second prompt (see {@link PinEntry}).
   *
   * @throws IllegalStateException for a change-initial case whose current PIN was not captured
   *     first ({@link #captureOldPin}); {@code first} is wiped
   */
  public PinEntryResult checkFirstPin(Pin first) {
    ResetCase c = requireCapturable(first);
    PinEntryResult result = entry(c).check(first);
    if (result instanceof PinEntryResult.Weak) {
      c.refused(CaseStep.CAPTURE_PIN, CaseError.Refusal.WEAK_PIN);
    }
    return result;
  }

  /**
   * Captures the new PIN from its two entries; takes ownership of both (see {@link
   * PinEntry#confirm}). A weak PIN or a mismatch is recorded as {@code weak_pin} / {@code
   * pin_mismatch} (never which rule: the journal says nothing about PINs).
   *
   * @throws IllegalStateException for a change-initial case whose current PIN was not captured
   *     first ({@link #captureOldPin}); both entries are wiped
   */
  public PinEntryResult capturePin(Pin first, Pin second) {
    ResetCase c = requireCapturable(first, second);
    PinEntryResult result = entry(c).confirm(first, second);
    if (result instanceof PinEntryResult.Accepted accepted) {
      Pin captured = accepted.pin();
      boolean kept = false;
      try {
        c.pinCaptured(); // journaled first: it may fail, and then the case never holds the PIN
        pins.keepNew(captured); // a previous capture is wiped; the old PIN of a change stays
        kept = true;
      } finally {
        if (!kept) {
          captured.close();
        }
      }
    } else if (result instanceof PinEntryResult.Mismatch) {
      c.refused(CaseStep.CAPTURE_PIN, CaseError.Refusal.PIN_MISMATCH);
    } else {
      c.refused(CaseStep.CAPTURE_PIN, CaseError.Refusal.WEAK_PIN);
    }
    return result;
  }

  /**
   * Re-reads the card (swap guard), then writes the captured PIN.
   *
   * @return the transition: {@code WRITTEN}; {@code IN_DOUBT} when the card went away or fell
   *     silent during the write; {@code IDENTITY_BOUND} when the card refused it (a new PIN must be
   *     captured); {@code ID_CHECKED} with {@code card_swapped}; or a refused {@code PIN_CAPTURED}
   *     when the re-read failed (nothing was written, the PIN is kept, write may be retried)
   */
  public CaseTransition write() {
    ResetCase c = active();
    c.requireAllowed(CaseStep.WRITE);
    if (device.isPresent()) {
      return writeOnDevice(c, device.get());
    }
    requireOldPinOfChange(c);
    try (CardConnection connection = devices.terminals().connect(readerName)) {
      CardSnapshot fresh;
      try {
        fresh = swapGuard.reread(connection, c.boundCard().orElseThrow());
      } catch (CardSwappedException e) {
        wipePin();
        return c.cardSwapped();
      }
      Set<PinWriter.Step> done = EnumSet.noneOf(PinWriter.Step.class);
      try {
        writer.write(c.service(), connection, fresh, pins.oldPin(), pins.newPin(), done::add);
      } catch (CardException e) {
        lastWrite = new WriteReport(done, Optional.of(e));
        if (isLostAnswer(e.code())) {
          return c.inDoubt(e.code());
        }
        wipePin();
        if (done.contains(PinWriter.Step.UNBLOCKED)) {
          // What happened must be on record: the counter is restored, the old PIN works again.
          c.refused(CaseStep.WRITE, CaseError.Refusal.UNBLOCKED_PIN_NOT_SET);
        }
        return c.notWritten(CaseStep.WRITE, CaseError.card(e.code()));
      }
      lastWrite = new WriteReport(done, Optional.empty());
      wipePin();
      return c.written(CaseStep.WRITE);
    } catch (CardException e) {
      return c.refused(
          CaseStep.WRITE, CaseError.card(e.code())); // connect or re-read: nothing sent
    }
  }

  /**
   * The write through the certified reader: the card re-read and checked as over PC/SC, then the
   * service's calls, the citizen typing on the keypad. A device that stops answering mid-call may
   * have written: the case is then in doubt, as for a card that went away.
   */
  private CaseTransition writeOnDevice(ResetCase c, DeviceWriter writer) {
    DeviceWriter.Read fresh;
    try {
      fresh = writer.reread(c.boundCard().orElseThrow(), LocalDate.now(clock));
    } catch (CardSwappedException e) {
      return c.cardSwapped();
    } catch (CardException e) {
      return c.refused(CaseStep.WRITE, CaseError.card(e.code())); // nothing sent
    }
    Set<PinWriter.Step> done = EnumSet.noneOf(PinWriter.Step.class);
    try {
      writer.write(c.service(), fresh, policy, pinContext(c), done::add);
    } catch (CardException e) {
      lastWrite = new WriteReport(done, Optional.of(e));
      if (isLostAnswer(e.code()) || e.code() == CardErrorCode.DEVICE_NOT_RESPONDING) {
        return c.inDoubt(e.code());
      }
      if (done.contains(PinWriter.Step.UNBLOCKED)) {
        c.refused(CaseStep.WRITE, CaseError.Refusal.UNBLOCKED_PIN_NOT_SET);
      }
      return c.notWritten(CaseStep.WRITE, CaseError.card(e.code()));
    }
    lastWrite = new WriteReport(done, Optional.empty());
    return c.written(CaseStep.WRITE);
  }

  /**
   * What the last {@link #write} did on the card: the commands that succeeded (for an unlock: the
   * unblock, then the reset) and the failure, if any — so the screens can say what happened and
   * show the tries of a refused key.
   */
  public WriteReport lastWrite() {
    return lastWrite;
  }

  /** {@link #resolveInDoubt(boolean)} without spending a last (or unknown) try. */
  public CaseTransition resolveInDoubt() {
    return resolveInDoubt(false);
  }

  /**
   * Settles an {@code IN_DOUBT} write by re-reading the (same) card and, where needed, a VERIFY
   * with the new PIN; never by writing again. See {@link InDoubtResolver} for the rules and for
   * when {@code mayUseLastTry} matters.
   */
  public CaseTransition resolveInDoubt(boolean mayUseLastTry) {
    ResetCase c = active();
    c.requireAllowed(CaseStep.RESOLVE_IN_DOUBT);
    if (device.isPresent()) {
      return resolveOnDevice(c, device.get(), mayUseLastTry);
    }
    try (CardConnection connection = devices.terminals().connect(readerName)) {
      CardSnapshot fresh = swapGuard.reread(connection, c.boundCard().orElseThrow());
      InDoubtResolver.Verdict verdict =
          resolver.resolve(connection, fresh, pins.newPin(), mayUseLastTry);
      if (verdict.written()) {
        wipePin();
        return c.written(CaseStep.RESOLVE_IN_DOUBT);
      } else if (verdict.notWritten()) {
        wipePin();
        return c.notWritten(CaseStep.RESOLVE_IN_DOUBT, verdict.error());
      }
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, verdict.error());
    } catch (CardSwappedException e) {
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, CaseError.Refusal.CARD_SWAPPED);
    } catch (CardException e) {
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, CaseError.card(e.code()));
    }
  }

  private CaseTransition resolveOnDevice(ResetCase c, DeviceWriter writer, boolean mayUseLastTry) {
    try {
      writer.reread(c.boundCard().orElseThrow(), LocalDate.now(clock));
      InDoubtResolver.Verdict verdict = writer.resolve(mayUseLastTry);
      if (verdict.written()) {
        return c.written(CaseStep.RESOLVE_IN_DOUBT);
      } else if (verdict.notWritten()) {
        return c.notWritten(CaseStep.RESOLVE_IN_DOUBT, verdict.error());
      }
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, verdict.error());
    } catch (CardSwappedException e) {
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, CaseError.Refusal.CARD_SWAPPED);
    } catch (CardException e) {
      return c.refused(CaseStep.RESOLVE_IN_DOUBT, CaseError.card(e.code()));
    }
  }

  /**
   * The citizen will type the new PIN (and, for a change, the current one) on the certified
   * reader's keypad during the write: the case moves to {@code PIN_CAPTURED} holding no PIN, and
   * the journal records {@code policy_not_applied: device_entry} — PinDesk never sees these digits,
   * so its PIN policy cannot judge them (the HSM path's Step2 excepted, where the adapter judges
   * the PIN the library hands back).
   *
   * @throws IllegalStateException on a counter whose PINs are typed on the customer PIN pad
   */
  public CaseTransition pinEntryOnDevice() {
    ResetCase c = active();
    c.requireAllowed(CaseStep.CAPTURE_PIN);
    if (device.isEmpty()) {
      throw new IllegalStateException("PINs are typed on the customer PIN pad at this counter");
    }
    return c.pinEntryOnDevice();
  }

  /**
   * Journals that the customer PIN pad gave up waiting for the citizen's entry ({@code
   * pin_pad_timeout}, a refused PIN capture); the case stays where it was and the entry may start
   * again.
   */
  public CaseTransition pinPadTimedOut() {
    ResetCase c = active();
    c.requireAllowed(CaseStep.CAPTURE_PIN);
    return c.refused(CaseStep.CAPTURE_PIN, CaseError.Refusal.PIN_PAD_TIMEOUT);
  }

  /**
   * Journals that the receipt of the written case could not be printed ({@code printer_error}, a
   * refused receipt step); the case stays {@code WRITTEN}, the receipt may be printed again.
   */
  public CaseTransition receiptNotPrinted() {
    ResetCase c = active();
    c.requireAllowed(CaseStep.PRINT_RECEIPT);
    return c.refused(CaseStep.PRINT_RECEIPT, CaseError.Refusal.PRINTER_ERROR);
  }

  /** Journals that the receipt of the written case was sent to a printer. */
  public CaseTransition receiptPrinted() {
    return active().receiptPrinted();
  }

  /** Closes a written case. */
  public CaseTransition close() {
    CaseTransition t = active().close();
    forget();
    return t;
  }

  /** Cancels the case (see {@link CaseState#isCancellable()}); the captured PIN is wiped. */
  public CaseTransition cancel(CancelReason reason) {
    CaseTransition t = active().cancel(reason);
    forget();
    return t;
  }

  /** A card that went away or fell silent may have executed the command before. */
  private static boolean isLostAnswer(CardErrorCode code) {
    return code == CardErrorCode.CARD_REMOVED || code == CardErrorCode.CARD_MUTE;
  }

  private ResetCase active() {
    if (current == null || current.state().isFinal()) {
      throw new IllegalStateException("no open case");
    }
    return current;
  }

  /** The case, ready for a new PIN; {@code entries} are wiped when it is not. */
  private ResetCase requireCapturable(Pin... entries) {
    try {
      ResetCase c = active();
      c.requireAllowed(CaseStep.CAPTURE_PIN);
      if (device.isPresent()) {
        throw new IllegalStateException("PINs are typed on the certified reader's keypad");
      }
      requireOldPinOfChange(c);
      return c;
    } catch (IllegalStateException e) {
      for (Pin p : entries) {
        p.close();
      }
      throw e;
    }
  }

  /** A change needs the card's current PIN: there is no default to fall back on. */
  private void requireOldPinOfChange(ResetCase c) {
    if (c.service() == ServiceKind.CHANGE_INITIAL && pins.oldPin().isEmpty()) {
      throw new IllegalStateException(
          "change initial PIN: capture the card's current PIN (captureOldPin) first");
    }
  }

  private PinEntry entry(ResetCase c) {
    return new PinEntry(policy, pinContext(c));
  }

  /** What the PIN policy compares a new PIN with: the people's and the card's numbers. */
  private PinContext pinContext(ResetCase c) {
    return numbers.addTo(PinContextOf.caseAndCard(c.parties().orElseThrow(), snapshot));
  }

  /**
   * CHANGE_INITIAL: the card's current PIN as the citizen typed it on the PIN pad; takes ownership
   * (wiped with the new PIN). Required before the new PIN of a change is checked or captured: there
   * is no default (such as the issuing PIN 123456) to fall back on. Asking again replaces it.
   */
  public void captureOldPin(Pin old) {
    ResetCase c = active();
    if (c.service() != ServiceKind.CHANGE_INITIAL || !c.allows(CaseStep.CAPTURE_PIN)) {
      old.close();
      throw new IllegalStateException("the old PIN belongs to a bound change-initial case");
    }
    pins.keepOld(old);
  }

  private void wipePin() {
    pins.wipe();
  }

  private void forget() {
    wipePin();
    snapshot = null;
    readerName = null;
    numbers = CitizenNumbers.NONE;
  }
}
