package dev.pindesk.domain.codec;

import java.util.List;

/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF rows, and cells that start with {@code = +
 * - @} prefixed with {@code '} so a spreadsheet never runs them as formulas (CSV injection).
 */
public final class Csv {
  private Csv() {}

  public static String cell(String s) {
    String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  /** The cells quoted, joined by commas, ending with CRLF. */
  public static String row(List<String> cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(cell(cells.get(i)));
    }
    return b.append("\r\n").toString();
  }
}
