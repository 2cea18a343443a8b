package dev.pindesk.adapters.sam;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.KeyPurpose;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Load-time validation of a {@link PsamProfile}: everything a PSAM session later parses is checked
 * here, so a mistyped vendor profile stops the start with a message naming the field, not a PIN
 * write half-way.
 */
final class PsamProfileCheck {
  private static final Pattern HEX_BYTE = Pattern.compile("[0-9A-Fa-f]{2}");
  private static final Pattern HEX_HEADER = Pattern.compile("[0-9A-Fa-f]{4}");
  private static final Pattern HEX = Pattern.compile("([0-9A-Fa-f]{2})+");
  private static final Pattern STATUS_WORD = Pattern.compile("[0-9A-F]{4}");

  /** Largest data field of a short APDU. */
  static final int MAX_SHORT_DATA = 255;

  private PsamProfileCheck() {}

  static void validate(PsamProfile p, String source) {
    Problems problems = new Problems(p.id() == null ? "?" : p.id(), source);
    problems.require(p.id() != null && !p.id().isBlank(), "id is missing");
    problems.require(p.description() != null, "description is missing");
    checkSelection(p, problems);
    problems.require(
        p.initForDescrypt() != null && HEX_HEADER.matcher(p.initForDescrypt()).matches(),
        "initForDescrypt must be CLA INS as 4 hex digits (e.g. 801A)");
    checkKeys(p, problems);
    checkMac(p, problems);
    problems.require(
        p.macLength() == 4,
        "macLength must be 4 (the card checks a 4-byte MAC), got " + p.macLength());
    problems.require(
        p.maxData() >= 16 && p.maxData() <= MAX_SHORT_DATA,
        "maxData must be 16..255 (one SM4 block at least, a short APDU at most), got "
            + p.maxData());
    for (Map.Entry<String, PsamStatus> e : p.statusWords().entrySet()) {
      problems.require(
          STATUS_WORD.matcher(e.getKey()).matches() && !e.getKey().equals("9000"),
          "statusWords key '" + e.getKey() + "' must be 4 upper-case hex digits, not 9000");
      problems.require(e.getValue() != null, "statusWords " + e.getKey() + " has no meaning");
    }
    problems.throwIfAny();
  }

  private static void checkSelection(PsamProfile p, Problems problems) {
    PsamProfile.Selection s = p.select();
    if (s == null || s.by() == null || s.value() == null) {
      problems.add("select needs 'by' (AID or FID) and 'value'");
      return;
    }
    boolean hex = HEX.matcher(s.value()).matches();
    int length = s.value().length() / 2;
    if (s.by() == PsamProfile.SelectBy.FID) {
      problems.require(hex && length == 2, "select FID must be 2 bytes of hex, got " + s.value());
    } else {
      problems.require(
          hex && length >= 5 && length <= 16,
          "select AID must be 5..16 bytes of hex, got " + s.value());
    }
  }

  private static void checkKeys(PsamProfile p, Problems problems) {
    problems.require(!p.keys().isEmpty(), "keys: at least one key slot is needed");
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < p.keys().size(); i++) {
      PsamProfile.KeySlot k = p.keys().get(i);
      String at = "keys[" + i + "]";
      if (k == null || k.purpose() == null || k.algorithm() == null) {
        problems.add(
            at
                + " needs purpose ("
                + list(KeyPurpose.values())
                + ") and algorithm ("
                + list(CipherAlgorithm.values())
                + ")");
        continue;
      }
      problems.require(
          seen.add(k.purpose() + "/" + k.algorithm()),
          at + " repeats " + k.purpose() + " " + k.algorithm());
      problems.require(
          k.p1() != null && HEX_BYTE.matcher(k.p1()).matches(),
          at + ".p1 (key usage) must be one hex byte");
      problems.require(
          k.p2() != null
              && (PsamProfile.KeySlot.KEY_INDEX.equals(k.p2())
                  || HEX_BYTE.matcher(k.p2()).matches()),
          at + ".p2 (key version) must be one hex byte or \"keyIndex\"");
      problems.require(
          k.diversification() != null,
          at + ".diversification must be one of " + list(DiversificationLayout.values()));
    }
  }

  private static void checkMac(PsamProfile p, Problems problems) {
    PsamProfile.MacCommand m = p.mac();
    if (m == null) {
      problems.add("mac is missing");
      return;
    }
    problems.require(
        m.header() != null && HEX_HEADER.matcher(m.header()).matches(),
        "mac.header must be CLA INS as 4 hex digits (e.g. 80FA)");
    String[][] bytes = {
      {"p2", m.p2()},
      {"p1Single", m.p1Single()},
      {"p1First", m.p1First()},
      {"p1Next", m.p1Next()},
      {"p1Last", m.p1Last()}
    };
    for (String[] b : bytes) {
      problems.require(
          b[1] != null && HEX_BYTE.matcher(b[1]).matches(),
          "mac." + b[0] + " must be one hex byte");
    }
    problems.require(
        m.p1Encipher() == null || HEX_BYTE.matcher(m.p1Encipher()).matches(),
        "mac.p1Encipher must be one hex byte or absent");
  }

  private static String list(Object[] values) {
    StringBuilder sb = new StringBuilder();
    for (Object v : values) {
      sb.append(sb.length() == 0 ? "" : ", ").append(v);
    }
    return sb.toString();
  }

  /** Collects every problem so the administrator fixes the file in one go. */
  private static final class Problems {
    private final String id;
    private final String source;
    private final StringBuilder text = new StringBuilder();

    Problems(String id, String source) {
      this.id = id;
      this.source = source;
    }

    void require(boolean ok, String problem) {
      if (!ok) {
        add(problem);
      }
    }

    void add(String problem) {
      text.append(text.length() == 0 ? "" : "; ").append(problem);
    }

    void throwIfAny() {
      if (text.length() > 0) {
        throw new IllegalArgumentException(
            "PSAM profile '" + id + "' (" + source + ") is invalid: " + text);
      }
    }
  }
}
