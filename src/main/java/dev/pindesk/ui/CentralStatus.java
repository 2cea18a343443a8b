package dev.pindesk.ui;

import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.StatusBar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The status bar's central segment for a {@link SyncStatus}: online/offline, how many entries wait
 * and for how long, when the central last confirmed; a filled alert with an explanation when the
 * backlog is older than its limit, and the reason when syncing stopped.
 */
public final class CentralStatus {
  private static final DateTimeFormatter TODAY = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter EARLIER = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private CentralStatus() {}

  /** The segment for {@code s}, with times shown in {@code zone}. */
  public static StatusBar.Segment segment(Messages m, SyncStatus s, ZoneId zone) {
    if (s.link() == SyncStatus.Link.STARTING) {
      return new StatusBar.Segment(m.get("status.sync.connecting"), StatusBar.Health.NONE);
    }
    List<String> parts = new ArrayList<>();
    parts.add(
        switch (s.link()) {
          case ONLINE -> m.get("status.sync.online");
          case OFFLINE -> m.get("status.sync.offline");
            // Stopped needs a person: say who on the bar itself (short, it shares a line with
            // the reader's and the journal's); the reason and the next step are in the tooltip.
          default ->
              neverStarted(s)
                  ? m.get("status.sync.stopped_settings")
                  : s.problem().map(p -> stoppedText(m, p)).orElse(m.get("status.sync.stopped"));
        });
    boolean stoppedWithReason = s.link() == SyncStatus.Link.STOPPED && s.problem().isPresent();
    if (neverStarted(s)) {
      // Sync that never started (its settings are unusable) knows nothing of the journal.
    } else if (stoppedWithReason) {
      // The reason takes the room: the count stays, the age and the receipt go to the tooltip.
      parts.add(
          s.pending() == 0
              ? m.get("status.sync.all_sent")
              : m.get("status.sync.pending_count", String.valueOf(s.pending())));
    } else {
      if (s.pending() == 0) {
        parts.add(m.get("status.sync.all_sent"));
      } else {
        String age = s.oldestPendingAge().map(a -> age(m, a)).orElse("—");
        parts.add(m.get("status.sync.pending", String.valueOf(s.pending()), age));
      }
      parts.add(receipt(m, s, zone));
    }
    String text = String.join(" · ", parts);

    List<String> tips = new ArrayList<>();
    if (s.backlogAlert()) {
      tips.add(m.get("status.sync.backlog", age(m, s.backlogLimit())));
    }
    if (s.problem().isPresent()) {
      String code = s.problem().get();
      tips.add(problem(m, s) + " (" + code + ") — " + m.get("sync.problem." + code + ".next"));
    }
    if (stoppedWithReason && !neverStarted(s)) {
      String age = s.oldestPendingAge().map(a -> age(m, a)).orElse("—");
      tips.add(
          (s.pending() == 0
                  ? m.get("status.sync.all_sent")
                  : m.get("status.sync.pending", String.valueOf(s.pending()), age))
              + " · "
              + receipt(m, s, zone));
    }
    StatusBar.Health health =
        s.backlogAlert()
            ? StatusBar.Health.ALERT
            : switch (s.link()) {
              case ONLINE ->
                  s.problem().isPresent() ? StatusBar.Health.WARNING : StatusBar.Health.OK;
              case OFFLINE -> StatusBar.Health.WARNING;
              default -> StatusBar.Health.ERROR;
            };
    return new StatusBar.Segment(text, health, String.join("\n", tips));
  }

  /** The segment when no central is configured. */
  public static StatusBar.Segment notConfigured(Messages m) {
    return new StatusBar.Segment(m.get("status.not_configured"), StatusBar.Health.NONE);
  }

  /**
   * Problems someone at the workstation can fix have their own short text; the rest (a fork, a
   * broken chain, a receipt that does not match…) need support.
   */
  private static final Set<String> FIXABLE_HERE =
      Set.of("clock_skew", "not_enrolled", "unexpected_response");

  private static String stoppedText(Messages m, String problem) {
    return FIXABLE_HERE.contains(problem)
        ? m.get("status.sync.stopped." + problem)
        : m.get("status.sync.stopped_support");
  }

  private static String receipt(Messages m, SyncStatus s, ZoneId zone) {
    return s.lastReceipt()
        .map(t -> m.get("status.sync.receipt", time(t, s.asOf(), zone)))
        .orElse(m.get("status.sync.no_receipt"));
  }

  /** Problem codes {@code config_*}: the settings kept sync from starting. */
  private static boolean neverStarted(SyncStatus s) {
    return s.link() == SyncStatus.Link.STOPPED
        && s.problem().map(p -> p.startsWith("config_")).orElse(false);
  }

  private static String problem(Messages m, SyncStatus s) {
    return s.problem().map(p -> m.get("sync.problem." + p)).orElse("");
  }

  /** A short age: under a minute, minutes, hours, days. */
  static String age(Messages m, Duration d) {
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      return m.get("status.sync.age.now");
    }
    if (d.compareTo(Duration.ofHours(1)) < 0) {
      return m.get("status.sync.age.minutes", String.valueOf(d.toMinutes()));
    }
    if (d.compareTo(Duration.ofDays(2)) < 0) {
      return m.get("status.sync.age.hours", String.valueOf(d.toHours()));
    }
    return m.get("status.sync.age.days", String.valueOf(d.toDays()));
  }

  /** {@code HH:mm} on the same day as {@code now}, else {@code MM-dd HH:mm}. */
  private static String time(Instant t, Instant now, ZoneId zone) {
    ZonedDateTime at = t.atZone(zone);
    boolean today = at.toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (today ? TODAY : EARLIER).format(at);
  }
}
