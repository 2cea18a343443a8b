package dev.pindesk.adapters.central;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.adapters.sync.SyncProtocol.Refusal;

/**
 * A request the central refuses: the documented code (docs/sync-protocol.md), an English one-line
 * detail, and for {@code gap} where to resume, for {@code chain}/{@code fork} the entry and the
 * journal-format problem kind. {@code status} is the code's HTTP status except for an oversized
 * body (413, code {@code malformed}).
 */
public final class Refused extends Exception {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long NONE = -1;

  private final transient Refusal code;
  private final int status;
  private final long expectedFrom;
  private final long seq;
  private final String problem;

  private Refused(Refusal code, int status, String detail, long expectedFrom, long seq, String p) {
    super(oneLine(detail), null, false, false);
    this.code = code;
    this.status = status;
    this.expectedFrom = expectedFrom;
    this.seq = seq;
    this.problem = p;
  }

  static Refused of(Refusal code, String detail) {
    return new Refused(code, code.status(), detail, NONE, NONE, null);
  }

  /** {@code fork} at entry {@code seq}. */
  static Refused fork(long seq, String detail) {
    return new Refused(Refusal.FORK, Refusal.FORK.status(), detail, NONE, seq, null);
  }

  /** {@code gap}: the batch starts after {@code headSeq + 1}. */
  static Refused gap(long expectedFrom, long batchFrom) {
    return new Refused(
        Refusal.GAP,
        Refusal.GAP.status(),
        "the batch starts at " + batchFrom + "; the central holds up to " + (expectedFrom - 1),
        expectedFrom,
        NONE,
        null);
  }

  /** {@code chain}: entry {@code seq} breaks rule {@code problem} of the journal format. */
  static Refused chain(long seq, String problem, String detail) {
    return new Refused(Refusal.CHAIN, Refusal.CHAIN.status(), detail, NONE, seq, problem);
  }

  /** 413 with code {@code malformed}: the body is larger than a batch may be. */
  static Refused tooLarge(long limit) {
    return new Refused(
        Refusal.MALFORMED, 413, "the body is larger than " + limit + " bytes", NONE, NONE, null);
  }

  public Refusal code() {
    return code;
  }

  public int status() {
    return status;
  }

  public String detail() {
    return getMessage();
  }

  /** The entry the refusal names, or -1. */
  public long seq() {
    return seq;
  }

  /** For {@code gap}: the seq to resend from, or -1. */
  public long expectedFrom() {
    return expectedFrom;
  }

  /** The documented JSON body: {@code {"error","detail"[,"expectedFrom"][,"seq","problem"]}}. */
  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("error", code.wireName());
    o.put("detail", getMessage());
    if (expectedFrom != NONE) {
      o.put("expectedFrom", expectedFrom);
    }
    if (seq != NONE) {
      o.put("seq", seq);
    }
    if (problem != null) {
      o.put("problem", problem);
    }
    return o.toString();
  }

  private static String oneLine(String s) {
    String line = s.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
