package dev.pindesk.ui.wizard;

import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.CaseJournal;
import dev.pindesk.ports.ReceiptPrinter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message for the clerk: what happened (translated key + arguments) and, for failures, what to do
 * next. Never a stack trace.
 */
public record Notice(Kind kind, String key, Object[] args, Optional<String> nextKey) {
  private static final Logger LOG = LoggerFactory.getLogger(Notice.class);

  /** How the notice is shown. */
  public enum Kind {
    INFO,
    SUCCESS,
    WARNING,
    ERROR
  }

  public static Notice of(Kind kind, String key, Object... args) {
    return new Notice(kind, key, args, Optional.empty());
  }

  /** The clerk's message for any failure of a background step. */
  public static Notice failure(Throwable t) {
    Throwable cause =
        t instanceof java.util.concurrent.CompletionException && t.getCause() != null
            ? t.getCause()
            : t;
    if (cause instanceof CardException e) {
      return new Notice(
          Kind.ERROR,
          e.code().messageKey(),
          new Object[] {e.element().map(el -> (Object) el).orElse(e.triesLeft().orElse(0))},
          Optional.of(e.code().nextActionKey()));
    }
    if (cause instanceof ReceiptPrinter.ReceiptException e) {
      return new Notice(
          Kind.ERROR, e.messageKey(), e.args(), Optional.of(e.messageKey() + ".next"));
    }
    if (cause instanceof CaseJournal.NotRecordedException e) {
      return new Notice(
          Kind.ERROR, e.messageKey(), new Object[0], Optional.of(e.messageKey() + ".next"));
    }
    // Not the card's doing (it would be a CardException): say so, and keep the details for
    // support in the log, never on the screen.
    LOG.error("a wizard step failed unexpectedly", cause);
    return new Notice(
        Kind.ERROR, "error.unexpected", new Object[0], Optional.of("error.unexpected.next"));
  }

  /** The translated title; a data element among the arguments is shown by its name. */
  public String title(Messages m) {
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = args[i] instanceof SscElement e ? m.get(e.messageKey()) : args[i];
    }
    return m.get(key, shown);
  }

  public String next(Messages m) {
    return nextKey.map(m::get).orElse("");
  }
}
