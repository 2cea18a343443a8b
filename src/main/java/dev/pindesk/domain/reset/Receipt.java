package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.Mask;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * What the citizen takes home after a case: enough to prove the service was done and to quote the
 * case number, never the PIN and never the full ID number, name or card number. Built only through
 * {@link #of}, which masks the personal data, so a receipt cannot carry it in the clear.
 *
 * @param caseId case number
 * @param service the service performed
 * @param holderKind holder in person or an agent
 * @param maskedIdNumber holder's ID number, masked ({@link Mask#idNumber})
 * @param maskedName holder's name, masked ({@link Mask#name})
 * @param maskedCardNumber card number with all but the last 4 characters hidden
 * @param issuedAt local date and time of the receipt
 * @param workstation counter workstation id
 * @param operatorId clerk id
 * @param written whether the new PIN was written to the card
 * @param training whether the counter runs in training mode (the receipt is marked)
 */
public record Receipt(
    String caseId,
    ServiceKind service,
    HolderKind holderKind,
    String maskedIdNumber,
    String maskedName,
    String maskedCardNumber,
    LocalDateTime issuedAt,
    String workstation,
    String operatorId,
    boolean written,
    boolean training) {

  public Receipt {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(holderKind, "holderKind");
    Objects.requireNonNull(maskedIdNumber, "maskedIdNumber");
    Objects.requireNonNull(maskedName, "maskedName");
    Objects.requireNonNull(maskedCardNumber, "maskedCardNumber");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(workstation, "workstation");
    Objects.requireNonNull(operatorId, "operatorId");
  }

  /** Clear-text personal data the receipt is made of; it is masked here and not kept. */
  public record Holder(String idNumber, String name, String cardNumber) {
    public Holder {
      Objects.requireNonNull(idNumber, "idNumber");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(cardNumber, "cardNumber");
    }

    @Override
    public String toString() {
      return "Holder[" + Mask.idNumber(idNumber) + ", " + Mask.name(name) + "]";
    }
  }

  /** A receipt for {@code holder}, with the ID number, name and card number masked. */
  public static Receipt of(
      String caseId,
      ServiceKind service,
      HolderKind holderKind,
      Holder holder,
      LocalDateTime issuedAt,
      String workstation,
      String operatorId,
      boolean written,
      boolean training) {
    return new Receipt(
        caseId,
        service,
        holderKind,
        Mask.idNumber(holder.idNumber()),
        Mask.name(holder.name()),
        maskCardNumber(holder.cardNumber()),
        issuedAt,
        workstation,
        operatorId,
        written,
        training);
  }

  /** Keeps the last 4 characters (fewer than 5 characters are hidden completely). */
  static String maskCardNumber(String number) {
    int n = number.length();
    if (n <= 4) {
      return "*".repeat(n);
    }
    return "*".repeat(n - 4) + number.substring(n - 4);
  }
}
