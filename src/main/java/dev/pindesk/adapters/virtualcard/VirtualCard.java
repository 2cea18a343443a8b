package dev.pindesk.adapters.virtualcard;

/**
 * A simulated card as a reader sees it — bytes in, bytes out — so the same transports ({@link
 * InProcessCardTerminals}, {@link VpcdClient}) carry a {@link VirtualSscCard} or a {@link
 * VirtualPsam}.
 */
public interface VirtualCard {

  /** Answer to reset. */
  byte[] atr();

  /**
   * Processes one command APDU and returns the response APDU.
   *
   * @throws VirtualCardFault.Removed when the card has left the reader
   * @throws VirtualCardFault.Mute when the card does not answer
   */
  byte[] process(byte[] commandApdu) throws VirtualCardFault.Removed, VirtualCardFault.Mute;

  /** Power-on / warm reset: volatile state is lost; a card that had left is back. */
  void reset();

  /** True once the card has left the reader by an injected fault, right after its last answer. */
  boolean hasLeft();

  /** Command APDUs received so far. */
  long apduCount();
}
