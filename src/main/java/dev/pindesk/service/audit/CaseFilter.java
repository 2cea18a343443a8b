package dev.pindesk.service.audit;

import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The audit view's filters: days opened (inclusive, in the supervisor's time zone), clerk, how the
 * case ended, and a text found in the case number, the clerk or the masked holder.
 */
public record CaseFilter(
    Optional<LocalDate> from,
    Optional<LocalDate> to,
    Optional<String> clerk,
    Optional<Outcome> outcome,
    String text,
    ZoneId zone)
    implements Predicate<Case> {

  public static CaseFilter all(ZoneId zone) {
    return new CaseFilter(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "", zone);
  }

  @Override
  public boolean test(Case c) {
    LocalDate day = c.opened().atZone(zone).toLocalDate();
    if (from.isPresent() && day.isBefore(from.get())) {
      return false;
    }
    if (to.isPresent() && day.isAfter(to.get())) {
      return false;
    }
    if (clerk.isPresent() && !clerk.get().equals(c.clerk())) {
      return false;
    }
    if (outcome.isPresent() && outcome.get() != c.outcome()) {
      return false;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.isEmpty()
        || c.id().toLowerCase(Locale.ROOT).contains(t)
        || c.clerk().toLowerCase(Locale.ROOT).contains(t)
        || c.holderIdMasked().toLowerCase(Locale.ROOT).contains(t)
        || c.holderNameMasked().contains(text.strip());
  }
}
