package dev.pindesk.service.audit;

import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The audit view's charts: when cases are served, and why they fail. */
public final class AuditStats {
  private AuditStats() {}

  /** Cases opened per hour of the day (0–23) in {@code zone}. */
  public static long[] perHour(List<Case> cases, ZoneId zone) {
    long[] hours = new long[24];
    for (Case c : cases) {
      hours[c.opened().atZone(zone).getHour()]++;
    }
    return hours;
  }

  /**
   * Reasons of the cases that did not complete (cancel reasons, else the last error), most frequent
   * first; a case without one counts as {@code unknown}.
   */
  public static Map<String, Long> failureReasons(List<Case> cases) {
    Map<String, Long> counts =
        cases.stream()
            .filter(c -> c.outcome() != Outcome.COMPLETED)
            .collect(
                Collectors.groupingBy(
                    c -> c.reason().isEmpty() ? "unknown" : c.reason(), Collectors.counting()));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .collect(
            Collectors.toMap(
                Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
  }
}
