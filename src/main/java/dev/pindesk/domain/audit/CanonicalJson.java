package dev.pindesk.domain.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of a sealed event (docs/journal-format.md, "Canonical JSON"): one flat object,
 * members sorted by name (UTF-16 code units), no whitespace, absent values omitted, integers in
 * plain decimal, strings in UTF-8 with only {@code "}, {@code \} and U+0000..U+001F escaped ({@code
 * \"}, {@code \\}, backslash-u-00xx lower-case hex). The same event always gives the same bytes.
 */
public final class CanonicalJson {
  /** Version of the event schema, member {@code v}. */
  public static final int SCHEMA_VERSION = 1;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private CanonicalJson() {}

  /** The canonical JSON text of {@code record}. */
  public static String of(AuditRecord record) {
    AuditEvent e = record.event();
    Map<String, Object> m = new TreeMap<>();
    m.put("v", (long) SCHEMA_VERSION);
    m.put("seq", record.seq());
    m.put("time", time(record.time()));
    m.put("workstation", record.workstationId());
    m.put("clerk", e.clerkId());
    m.put("step", e.step().wireName());
    m.put("outcome", e.outcome().wireName());
    e.caseId().ifPresent(v -> m.put("case", v));
    e.service().ifPresent(v -> m.put("service", v.wireName()));
    e.holder().ifPresent(v -> m.put("holder", v.wireName()));
    e.errorCode().ifPresent(v -> m.put("error", v.wireName()));
    e.policyNotApplied().ifPresent(v -> m.put("policy_not_applied", v));
    e.cardHolder().ifPresent(p -> putPerson(m, "holder", p));
    e.agent().ifPresent(p -> putPerson(m, "agent", p));
    return write(m);
  }

  /** UTC time as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}. */
  public static String time(Instant time) {
    return TIME.format(time);
  }

  private static void putPerson(Map<String, Object> m, String prefix, Person p) {
    m.put(prefix + "Id", p.idNumber());
    m.put(prefix + "IdMasked", p.maskedIdNumber());
    m.put(prefix + "Name", p.name());
    m.put(prefix + "NameMasked", p.maskedName());
  }

  private static String write(Map<String, Object> sorted) {
    StringBuilder sb = new StringBuilder(384).append('{');
    boolean first = true;
    for (Map.Entry<String, Object> entry : sorted.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, entry.getKey());
      sb.append(':');
      Object value = entry.getValue();
      if (value instanceof Long l) {
        sb.append(l.longValue());
      } else {
        string(sb, (String) value);
      }
    }
    return sb.append('}').toString();
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
