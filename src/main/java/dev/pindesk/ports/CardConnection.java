package dev.pindesk.ports;

import dev.pindesk.domain.error.CardException;

/**
 * A connection to one card. Raw APDU exchange only: the card layer ({@code dev.pindesk.card})
 * handles {@code 61xx}/{@code 6Cxx} and status words itself, so the behaviour is the same for every
 * implementation.
 */
public interface CardConnection extends AutoCloseable {

  String readerName();

  /** Answer to reset of the card as connected. */
  byte[] atr();

  /**
   * Sends one command APDU and returns the response APDU (data + SW1 SW2) exactly as the card
   * answered it.
   *
   * @throws CardException {@code CARD_REMOVED} when the card left the reader, {@code CARD_MUTE}
   *     when it did not answer, {@code PCSC_UNAVAILABLE} when the service went away
   */
  byte[] transmit(byte[] command) throws CardException;

  /** Starts an exclusive transaction; keep it short (one logical card operation). */
  void beginExclusive() throws CardException;

  /** Ends the exclusive transaction; never throws. */
  void endExclusive();

  /** Disconnects (leaving the card powered); never throws. */
  @Override
  void close();
}
