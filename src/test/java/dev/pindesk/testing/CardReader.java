package dev.pindesk.testing;

import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.ports.CardTerminals;

/**
 * A reader the card scenarios put virtual cards into: the in-process virtual reader, or the vpcd
 * reader behind the real pcscd. One card at a time.
 */
public interface CardReader {
  /** The terminals under test. */
  CardTerminals terminals();

  /** Puts {@code card} into the reader and returns the reader's name once the card is present. */
  String present(VirtualSscCard card) throws Exception;

  /** Takes the card out again, if there is one. */
  void withdraw() throws Exception;
}
