package dev.pindesk.ports;

import java.nio.file.Path;
import java.util.List;

/**
 * A printable report of rows, such as the audit window's cases: the caller renders every text in
 * the reader's language; the report lays it out on pages.
 */
public interface TableReport {

  /** What goes on the pages: a title, lines under it, column headings and the rows. */
  record Content(
      String title,
      List<String> subtitle,
      List<String> headings,
      List<Float> widths,
      List<List<String>> rows,
      boolean training,
      String pageLabel) {
    public Content {
      subtitle = List.copyOf(subtitle);
      headings = List.copyOf(headings);
      widths = List.copyOf(widths);
      rows = List.copyOf(rows);
      if (widths.size() != headings.size()) {
        throw new IllegalArgumentException("a width for every column");
      }
    }
  }

  /**
   * Writes {@code content} to {@code file} (replaced whole, never left half-written).
   *
   * @throws Failed with a message key when it cannot (no font, the file cannot be written)
   */
  void write(Path file, Content content) throws Failed;

  /** The report was not written: a message key saying why and what to do. */
  final class Failed extends Exception {
    private static final long serialVersionUID = 1L;
    private final String messageKey;

    public Failed(String messageKey, Throwable cause) {
      super(messageKey, cause);
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }
}
