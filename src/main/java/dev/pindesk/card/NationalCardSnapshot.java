package dev.pindesk.card;

import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.id.CitizenId;
import dev.pindesk.domain.id.IdCheck;
import dev.pindesk.domain.id.Sex;
import dev.pindesk.ports.NationalCardData;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A card read through the national interface ({@code iReadCardBas}) in the shape the case and the
 * screens use for a PC/SC read. The interface gives less: no card type, issuer, ethnicity or
 * birthplace (absent, as on cards without them), no PIN try counter ({@link PinState#UNKNOWN}: the
 * write tells), and no sex or birth date — these two are taken from the SSN, which on every card
 * that can be bound is the holder's 18-character citizen ID number (GB 11643 encodes both). The
 * card reset information stands in for the ATR: it holds the historical bytes, where a training
 * card carries its marker.
 */
public final class NationalCardSnapshot {
  private NationalCardSnapshot() {}

  /**
   * @throws CardException {@code ELEMENT_MALFORMED} when the SSN is not a citizen ID number (its
   *     birth date and sex are then unknown; such a card could not be bound to a checked ID anyway)
   */
  public static CardSnapshot of(NationalCardData card, CardProfiles profiles, LocalDate today)
      throws CardException {
    IdCheck check = CitizenId.check(card.ssn().trim(), today);
    Optional<CitizenId> ssn = check.id();
    if (ssn.isEmpty()) {
      throw new CardException(
          CardErrorCode.ELEMENT_MALFORMED,
          "the SSN the reader library gave is not a citizen ID number");
    }
    byte[] resetInfo = card.resetInfo();
    boolean training = TrainingKeys.isTrainingCard(resetInfo);
    String region = card.cardIdCode().substring(0, 6);
    CardProfile profile =
        profiles
            .select(training, card.specVersion(), null, region)
            .orElseThrow(
                () ->
                    new CardException(
                        CardErrorCode.UNSUPPORTED_CARD, "no card profile for this card"));
    CardInfo info =
        new CardInfo(
            card.cardIdCode(),
            Optional.empty(),
            card.specVersion(),
            Optional.empty(),
            card.issueDate(),
            card.expiryDate(),
            card.cardNumber());
    CardHolder holder =
        new CardHolder(
            card.ssn(),
            card.name(),
            ssn.get().sex() == Sex.MALE ? "1" : "2",
            Optional.empty(),
            Optional.empty(),
            ssn.get().birthDate());
    return new CardSnapshot(
        info, holder, PinState.UNKNOWN, profile, profile.algorithm(), training, resetInfo, 0);
  }
}
