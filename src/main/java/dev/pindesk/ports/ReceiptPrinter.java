package dev.pindesk.ports;

import dev.pindesk.domain.reset.Receipt;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Produces the citizen's printed receipt at the end of a case: first a PDF file (kept, so a receipt
 * can be printed again or handed over digitally), then optionally a print job for it. Both may
 * block (font loading, the print dialog): call them off the UI thread.
 */
public interface ReceiptPrinter {

  /**
   * Writes the receipt as a PDF.
   *
   * @param locale language of the field labels; the title is always bilingual
   * @return the written file
   * @throws ReceiptException {@code receipt.no_font} (argument: the font file) when the configured
   *     font cannot be used, {@code receipt.not_saved} when the file cannot be written
   */
  Path render(Receipt receipt, Locale locale);

  /**
   * Sends a PDF written by {@link #render} to a printer the clerk picks in the print dialog. A
   * dialog the clerk cancels prints nothing and is not an error.
   *
   * @return whether a print job was sent
   * @throws ReceiptException {@code receipt.no_printer} when no printer is installed, {@code
   *     receipt.not_printed} when the job fails
   */
  boolean print(Path pdf);

  /** A receipt that could not be made or printed; carries the clerk's translated message key. */
  final class ReceiptException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String messageKey;
    private final transient Object[] args;

    public ReceiptException(String messageKey, String detail, Throwable cause) {
      this(messageKey, detail, cause, new Object[0]);
    }

    /**
     * @param args arguments of the translated message, e.g. the font file of {@code
     *     receipt.no_font}; never personal data
     */
    public ReceiptException(String messageKey, String detail, Throwable cause, Object... args) {
      super(detail, cause);
      this.messageKey = messageKey;
      this.args = args.clone();
    }

    public ReceiptException(String messageKey, String detail) {
      this(messageKey, detail, null, new Object[0]);
    }

    /** Translated clerk message key, e.g. {@code receipt.no_printer}. */
    public String messageKey() {
      return messageKey;
    }

    /** Arguments of the translated message. */
    public Object[] args() {
      return args == null ? new Object[0] : args.clone();
    }
  }
}
