package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;

/**
 * A connection to a card in an {@link InProcessCardTerminals} reader. It belongs to one insertion:
 * once that card is removed, it answers {@code CARD_REMOVED} even if a card is inserted again.
 */
final class InProcessCardConnection implements CardConnection {
  private final InProcessCardTerminals terminals;
  private final InProcessCardTerminals.Slot slot;
  private final VirtualCard card;
  private final long insertion;
  private final long serviceEpoch;
  private final byte[] atr;
  private boolean closed;

  InProcessCardConnection(
      InProcessCardTerminals terminals,
      InProcessCardTerminals.Slot slot,
      VirtualCard card,
      long insertion,
      long serviceEpoch) {
    this.terminals = terminals;
    this.slot = slot;
    this.card = card;
    this.insertion = insertion;
    this.serviceEpoch = serviceEpoch;
    this.atr = card.atr();
  }

  InProcessCardTerminals.Slot slot() {
    return slot;
  }

  long insertion() {
    return insertion;
  }

  long serviceEpoch() {
    return serviceEpoch;
  }

  @Override
  public String readerName() {
    return slot.name;
  }

  @Override
  public byte[] atr() {
    return atr.clone();
  }

  @Override
  public byte[] transmit(byte[] command) throws CardException {
    var lock = terminals.lock();
    lock.lock();
    try {
      checkUsable();
    } finally {
      lock.unlock();
    }
    try {
      // Outside the lock: the card serialises itself, and a slow card must not block the reader
      // list.
      byte[] response = card.process(command.clone());
      if (card.hasLeft()) {
        lock.lock();
        try {
          terminals.cardLeft(this);
        } finally {
          lock.unlock();
        }
      }
      return response;
    } catch (VirtualCardFault fault) {
      lock.lock();
      try {
        if (fault instanceof VirtualCardFault.Mute) {
          terminals.awaitMute(this); // throws CARD_MUTE, or CARD_REMOVED if it leaves meanwhile
        }
        terminals.cardLeft(this);
      } finally {
        lock.unlock();
      }
      throw new CardException(CardErrorCode.CARD_REMOVED, "card left " + slot.name, fault);
    }
  }

  @Override
  public void beginExclusive() throws CardException {
    var lock = terminals.lock();
    lock.lock();
    try {
      checkUsable();
      slot.exclusiveOwner = this;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void endExclusive() {
    var lock = terminals.lock();
    lock.lock();
    try {
      if (slot.exclusiveOwner == this) {
        slot.exclusiveOwner = null;
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    endExclusive();
    var lock = terminals.lock();
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
  }

  /** Call with the lock held. */
  private void checkUsable() throws CardException {
    if (closed) {
      throw new IllegalStateException("connection closed");
    }
    terminals.checkReachable(this);
    if (slot.exclusiveOwner != null && slot.exclusiveOwner != this) {
      throw new CardException(CardErrorCode.READER_BUSY, slot.name + " is held exclusively");
    }
  }

  @Override
  public String toString() {
    return "InProcessCardConnection[" + slot.name + "]";
  }
}
