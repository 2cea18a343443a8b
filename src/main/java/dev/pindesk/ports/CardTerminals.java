package dev.pindesk.ports;

import dev.pindesk.domain.error.CardException;
import java.time.Duration;
import java.util.List;

/**
 * The readers of this workstation. Implemented over PC/SC (real readers and the vpcd virtual
 * reader) and in-process (virtual card for tests and the UI's mocked terminal).
 *
 * <p>Implementations recover by themselves when the PC/SC service restarts or a reader is
 * replugged: a call failing with {@code PCSC_UNAVAILABLE} may succeed later in the same process.
 */
public interface CardTerminals {

  /**
   * Current readers and card presence.
   *
   * @throws CardException {@code PCSC_UNAVAILABLE} when the PC/SC service cannot be reached
   */
  List<ReaderState> readers() throws CardException;

  /**
   * Waits until the reader list or a card presence changes, or {@code timeout} passes, and returns
   * the readers then. Never waits much longer than {@code timeout}.
   */
  List<ReaderState> awaitChange(Duration timeout) throws CardException;

  /**
   * Connects to the card in {@code reader} (T=0 or T=1, whatever the card offers).
   *
   * @throws CardException {@code READER_NOT_FOUND}, {@code NO_CARD}, {@code READER_BUSY}, {@code
   *     PCSC_UNAVAILABLE}, {@code CARD_MUTE}
   */
  CardConnection connect(String reader) throws CardException;
}
