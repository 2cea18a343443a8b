package dev.pindesk.adapters.central;

import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every refusal: one WARN line in the log, its reason counted ({@link CentralMetrics}), and
 * a row of {@code refusals} (time, workstation key, journal, code, seq, detail), so a gap, fork or
 * forged request is loud and stays on record even when the workstation gives up.
 */
final class RefusalLog {
  private static final Logger LOG = LoggerFactory.getLogger(RefusalLog.class);

  private final CentralStore store;
  private final Clock clock;
  private final CentralMetrics metrics;

  RefusalLog(CentralStore store, Clock clock, CentralMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Records {@code r} for key {@code keyId} (as sent, maybe unproven) and journal {@code
   * journalId}; either may be empty. A store failure is logged, never thrown: the refusal itself is
   * still answered.
   */
  void record(String keyId, String journalId, Refused r) {
    String key = printable(keyId);
    String journal = printable(journalId);
    metrics.refused(r.code());
    LOG.warn(
        "refused {} ({}) key={} journal={}{}: {}",
        r.code().wireName(),
        r.status(),
        key.isEmpty() ? "-" : key,
        journal.isEmpty() ? "-" : journal,
        r.seq() >= 0 ? " seq=" + r.seq() : "",
        r.detail());
    try {
      store.recordRefusal(
          new CentralStore.RefusalRow(
              clock.millis(), key, journal, r.code().wireName(), r.seq(), r.detail()));
    } catch (SQLException e) {
      LOG.warn("cannot record the refusal above: {}", e.getMessage());
    }
  }

  /** At most 64 characters of letters, digits, '.', '_' and '-': sent values are untrusted. */
  static String printable(String s) {
    if (s == null) {
      return "";
    }
    String kept = s.replaceAll("[^A-Za-z0-9._-]", "?");
    return kept.length() > 64 ? kept.substring(0, 64) : kept;
  }
}
