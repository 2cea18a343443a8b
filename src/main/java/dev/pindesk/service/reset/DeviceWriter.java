package dev.pindesk.service.reset;

import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.card.NationalCardSnapshot;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;
import dev.pindesk.domain.reset.BoundCard;
import dev.pindesk.domain.reset.CaseError;
import dev.pindesk.ports.NationalCardData;
import dev.pindesk.ports.NationalReader;
import dev.pindesk.ports.SecurityModule;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The case's card operations through a certified reader's national-interface library, the citizen
 * typing every PIN on the reader's keypad: what {@link PinWriter}, {@link CardSwapGuard} and {@link
 * InDoubtResolver} do over PC/SC, with the same steps and the same rules. Each service maps to the
 * interface's calls as the PC/SC path maps to APDUs: a reset is a reload ({@code iReloadPIN}), an
 * unlock an unblock then a reload (an unblock keeps the old PIN), a change of the initial PIN a
 * change ({@code iChangePIN}: current PIN, then the new one twice, on the keypad).
 */
final class DeviceWriter {
  private final NationalReader reader;
  private final SecurityModule module;
  private final CardProfiles profiles;

  DeviceWriter(NationalReader reader, SecurityModule module, CardProfiles profiles) {
    this.reader = reader;
    this.module = module;
    this.profiles = profiles;
  }

  /** Reads the card in the reader. */
  Read read(LocalDate today) throws CardException {
    NationalCardData data = reader.readCard();
    return new Read(data, NationalCardSnapshot.of(data, profiles, today));
  }

  /** One read: the interface's data (what the privileged calls name) and the case's snapshot. */
  record Read(NationalCardData data, CardSnapshot snapshot) {}

  /**
   * Reads the card again and requires the bound one (see {@link CardSwapGuard}).
   *
   * @throws CardSwappedException when another card is in the reader
   */
  Read reread(BoundCard bound, LocalDate today) throws CardException, CardSwappedException {
    Read fresh = read(today);
    if (!CardSwapGuard.isSameCard(bound, fresh.snapshot())) {
      throw new CardSwappedException();
    }
    return fresh;
  }

  /**
   * Runs the service on the card; the citizen types on the keypad. {@code done} hears each step
   * that went through, as {@link PinWriter}'s does.
   *
   * @param policy judges a new PIN the HSM path hands back (Step2); nothing else can
   */
  void write(
      ServiceKind service,
      Read card,
      PinPolicy policy,
      PinContext context,
      Consumer<PinWriter.Step> done)
      throws CardException {
    switch (service) {
      case RESET -> {
        reader.reloadPin(card.data(), module, policy, context);
        done.accept(PinWriter.Step.RESET);
      }
      case UNLOCK -> {
        reader.unblockPin(card.data(), module);
        done.accept(PinWriter.Step.UNBLOCKED);
        reader.reloadPin(card.data(), module, policy, context);
        done.accept(PinWriter.Step.RESET);
      }
      case CHANGE_INITIAL -> {
        reader.changePin();
        done.accept(PinWriter.Step.CHANGED);
      }
    }
  }

  /**
   * Settles an in-doubt write as {@link InDoubtResolver} does, the citizen typing the new PIN on
   * the keypad for the check. The interface gives no try counter, so the check may always spend the
   * last try: it runs only when the clerk allows that.
   */
  InDoubtResolver.Verdict resolve(boolean mayUseLastTry) throws CardException {
    if (!mayUseLastTry) {
      return new InDoubtResolver.Verdict(
          InDoubtResolver.Kind.UNDECIDED, CaseError.Refusal.VERIFY_RISKS_LAST_TRY);
    }
    try {
      reader.verifyPin();
      return new InDoubtResolver.Verdict(InDoubtResolver.Kind.WRITTEN, null);
    } catch (CardException e) {
      if (e.code() == CardErrorCode.PIN_WRONG || e.code() == CardErrorCode.PIN_BLOCKED) {
        return new InDoubtResolver.Verdict(
            InDoubtResolver.Kind.NOT_WRITTEN, CaseError.card(e.code()));
      }
      throw e;
    }
  }
}
