package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Readers that live in this process and hold {@link VirtualSscCard}s (and {@link VirtualPsam}s):
 * for unit tests and the UI's mocked terminal. A test plays the clerk's hands ({@link #insert},
 * {@link #remove}), the USB cable ({@link #addReader}, {@link #removeReader}) and the PC/SC service
 * ({@link #setServiceAvailable}); the card's own faults (removal, silence) show up as a real reader
 * would report them.
 *
 * <p>{@link #awaitChange} reports every change since the readers were last reported to a caller
 * (also a card swapped between two polls), so a single poller never misses one.
 */
public final class InProcessCardTerminals implements CardTerminals {
  public static final String DEFAULT_READER = "PinDesk Virtual Reader 0";
  public static final Duration DEFAULT_MUTE_TIMEOUT = Duration.ofSeconds(2);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private boolean serviceAvailable = true;
  private long serviceEpoch;
  private long generation;
  private long reportedGeneration;
  private long insertions;
  private Duration muteTimeout = DEFAULT_MUTE_TIMEOUT;

  /** One empty reader named {@link #DEFAULT_READER}. */
  public InProcessCardTerminals() {
    this(DEFAULT_READER);
  }

  /** Empty readers with these names (none is allowed: "no reader connected"). */
  public InProcessCardTerminals(String... readers) {
    for (String r : readers) {
      slots.put(Objects.requireNonNull(r), new Slot(r));
    }
  }

  /** A reader in which a card may sit. Guarded by the terminals' lock. */
  static final class Slot {
    final String name;
    VirtualCard card;
    long insertion;
    InProcessCardConnection exclusiveOwner;

    Slot(String name) {
      this.name = name;
    }
  }

  /** How long a transmit to a card that stopped answering waits before {@code CARD_MUTE}. */
  public void setMuteTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("mute timeout must not be negative");
    }
    lock.lock();
    try {
      muteTimeout = timeout;
    } finally {
      lock.unlock();
    }
  }

  /** Plugs in a reader. */
  public void addReader(String name) {
    mutate(
        () -> {
          if (slots.containsKey(name)) {
            throw new IllegalStateException("reader already present: " + name);
          }
          slots.put(name, new Slot(name));
        });
  }

  /** Unplugs a reader (with its card, if any). */
  public void removeReader(String name) {
    mutate(() -> slotOrThrow(name, slots.remove(name)));
  }

  /** Puts {@code card} into {@code reader}; the card is powered up (warm reset). */
  public void insert(String reader, VirtualCard card) {
    Objects.requireNonNull(card);
    mutate(
        () -> {
          Slot slot = slotOrThrow(reader, slots.get(reader));
          if (slot.card != null) {
            throw new IllegalStateException("reader already holds a card: " + reader);
          }
          card.reset();
          slot.card = card;
          slot.insertion = ++insertions;
        });
  }

  /** Takes the card out of {@code reader} (nothing happens when it is empty). */
  public void remove(String reader) {
    mutate(() -> clear(slotOrThrow(reader, slots.get(reader))));
  }

  /** Simulates the PC/SC service stopping ({@code false}) and starting again ({@code true}). */
  public void setServiceAvailable(boolean available) {
    mutate(
        () -> {
          if (serviceAvailable && !available) {
            serviceEpoch++; // connections of the old service are gone for good
          }
          serviceAvailable = available;
        });
  }

  @Override
  public List<ReaderState> readers() throws CardException {
    lock.lock();
    try {
      requireService();
      reportedGeneration = generation;
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<ReaderState> awaitChange(Duration timeout) throws CardException {
    lock.lock();
    try {
      requireService();
      long remaining = Math.max(0, timeout.toNanos());
      while (generation == reportedGeneration && remaining > 0) {
        remaining = changed.awaitNanos(remaining);
      }
      requireService();
      reportedGeneration = generation;
      return snapshot();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return snapshot();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CardConnection connect(String reader) throws CardException {
    lock.lock();
    try {
      requireService();
      Slot slot = slots.get(reader);
      if (slot == null) {
        throw new CardException(CardErrorCode.READER_NOT_FOUND, "no reader named " + reader);
      }
      if (slot.card == null) {
        throw new CardException(CardErrorCode.NO_CARD, "no card in " + reader);
      }
      return new InProcessCardConnection(this, slot, slot.card, slot.insertion, serviceEpoch);
    } finally {
      lock.unlock();
    }
  }

  // --- used by InProcessCardConnection ------------------------------------------------------

  ReentrantLock lock() {
    return lock;
  }

  /** Throws unless {@code connection} still reaches its card; call with the lock held. */
  void checkReachable(InProcessCardConnection connection) throws CardException {
    requireService();
    if (connection.serviceEpoch() != serviceEpoch) {
      throw new CardException(CardErrorCode.PCSC_UNAVAILABLE, "PC/SC service was restarted");
    }
    Slot slot = connection.slot();
    if (slots.get(slot.name) != slot) {
      throw new CardException(CardErrorCode.READER_NOT_FOUND, "reader unplugged: " + slot.name);
    }
    if (slot.card == null || slot.insertion != connection.insertion()) {
      throw new CardException(CardErrorCode.CARD_REMOVED, "card removed from " + slot.name);
    }
  }

  /** The card left the reader by itself (fault); call with the lock held. */
  void cardLeft(InProcessCardConnection connection) {
    Slot slot = connection.slot();
    if (slot.card != null && slot.insertion == connection.insertion()) {
      clear(slot);
      signalChange();
    }
  }

  /**
   * Waits out the mute timeout, returning early when the card or reader goes away meanwhile; call
   * with the lock held. Always throws.
   */
  void awaitMute(InProcessCardConnection connection) throws CardException {
    long remaining = muteTimeout.toNanos();
    try {
      while (remaining > 0) {
        checkReachable(connection);
        remaining = changed.awaitNanos(remaining);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    checkReachable(connection);
    throw new CardException(
        CardErrorCode.CARD_MUTE, "no answer within " + muteTimeout.toMillis() + " ms");
  }

  // --- internals ------------------------------------------------------------------------------

  private interface Mutation {
    void run();
  }

  private void mutate(Mutation m) {
    lock.lock();
    try {
      m.run();
      signalChange();
    } finally {
      lock.unlock();
    }
  }

  private void signalChange() {
    generation++;
    changed.signalAll();
  }

  private static void clear(Slot slot) {
    slot.card = null;
    slot.exclusiveOwner = null;
  }

  private static Slot slotOrThrow(String name, Slot slot) {
    if (slot == null) {
      throw new IllegalArgumentException("no reader named " + name);
    }
    return slot;
  }

  private void requireService() throws CardException {
    if (!serviceAvailable) {
      throw new CardException(CardErrorCode.PCSC_UNAVAILABLE, "PC/SC service not available");
    }
  }

  private List<ReaderState> snapshot() {
    List<ReaderState> out = new ArrayList<>();
    for (Slot s : slots.values()) {
      out.add(new ReaderState(s.name, s.card != null));
    }
    return List.copyOf(out);
  }
}
