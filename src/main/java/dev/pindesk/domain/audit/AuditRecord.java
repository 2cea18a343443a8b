package dev.pindesk.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * An event as sealed in the journal: its sequence number, UTC time (millisecond precision) and the
 * workstation that recorded it.
 */
public record AuditRecord(long seq, Instant time, String workstationId, AuditEvent event) {
  public AuditRecord {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1");
    }
    time = time.truncatedTo(ChronoUnit.MILLIS);
    Objects.requireNonNull(workstationId, "workstationId");
    Objects.requireNonNull(event, "event");
  }
}
