package dev.pindesk.adapters.pcsc;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers over the platform's PC/SC service (pcscd on Linux) through the JDK's SunPCSC provider.
 *
 * <p>Copes with the service's moods without a restart of PinDesk: started before pcscd (the factory
 * is created lazily and retried), pcscd restarted (context re-established, see {@link
 * SunPcscContext}), reader unplugged and plugged back (looked up by name on every connect). T=0
 * transport handling is switched off in SunPCSC so the card layer sees {@code 61xx}/{@code 6Cxx}
 * itself.
 */
public final class PcscTerminals implements CardTerminals {
  private static final Logger LOG = LoggerFactory.getLogger(PcscTerminals.class);
  private static final long POLL_MILLIS = 200;
  private static final long RETRY_MILLIS = 500;

  private TerminalFactory factory;
  private boolean contextSuspect;
  private long lastAttempt;

  /** The machine's readers, pcsc-lite found by PinDesk (see {@link PcscLibrary}). */
  public PcscTerminals() {
    this(Optional.empty());
  }

  /**
   * @param library the pcsc-lite library to load ({@code pindesk.pcsc.library}), if the
   *     administrator named one
   */
  public PcscTerminals(Optional<String> library) {
    PcscLibrary.configure(library).ifPresent(lib -> LOG.debug("pcsc-lite library: {}", lib));
    // Must be set before SunPCSC's channel class loads; the card layer does this work itself.
    System.setProperty("sun.security.smartcardio.t0GetResponse", "false");
    System.setProperty("sun.security.smartcardio.t1GetResponse", "false");
  }

  @Override
  public synchronized List<ReaderState> readers() throws CardException {
    javax.smartcardio.CardTerminals terminals = terminals();
    try {
      List<ReaderState> states = new ArrayList<>();
      for (CardTerminal t : terminals.list()) {
        states.add(new ReaderState(t.getName(), t.isCardPresent()));
      }
      return List.copyOf(states);
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      throw failure(e, "list readers");
    }
  }

  @Override
  public List<ReaderState> awaitChange(Duration timeout) throws CardException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReaderState> before = readersOrEmpty();
    while (true) {
      long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
      if (left == 0) {
        return readers();
      }
      try {
        Thread.sleep(Math.min(POLL_MILLIS, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return readersOrEmpty();
      }
      List<ReaderState> now = readersOrEmpty();
      if (!now.equals(before)) {
        return now;
      }
    }
  }

  private List<ReaderState> readersOrEmpty() {
    try {
      return readers();
    } catch (CardException e) {
      return List.of();
    }
  }

  @Override
  public synchronized CardConnection connect(String reader) throws CardException {
    Objects.requireNonNull(reader);
    javax.smartcardio.CardTerminals terminals = terminals();
    CardTerminal terminal;
    try {
      terminal =
          terminals.list().stream()
              .filter(t -> t.getName().equals(reader))
              .findFirst()
              .orElseThrow(
                  () -> new CardException(CardErrorCode.READER_NOT_FOUND, "no reader " + reader));
      if (!terminal.isCardPresent()) {
        throw new CardException(CardErrorCode.NO_CARD, "no card in " + reader);
      }
      Card card = terminal.connect("*");
      return new PcscConnection(reader, card, this);
    } catch (javax.smartcardio.CardException | RuntimeException e) {
      throw failure(e, "connect " + reader);
    }
  }

  /** Called by connections when a card operation failed: the context may need renewing. */
  synchronized CardException failure(Exception e, String what) {
    CardErrorCode code = PcscErrors.classify(e);
    if (code == CardErrorCode.PCSC_UNAVAILABLE) {
      contextSuspect = true;
    }
    LOG.debug("PC/SC {} failed: {}", what, PcscErrors.messages(e));
    return new CardException(code, what + ": " + PcscErrors.messages(e), e);
  }

  private javax.smartcardio.CardTerminals terminals() throws CardException {
    if (factory == null || contextSuspect) {
      long now = System.nanoTime() / 1_000_000;
      if (now - lastAttempt < RETRY_MILLIS && lastAttempt != 0) {
        throw new CardException(CardErrorCode.PCSC_UNAVAILABLE, "PC/SC service not reachable");
      }
      lastAttempt = now;
      establish();
    }
    return factory.terminals();
  }

  private void establish() throws CardException {
    try {
      if (factory == null) {
        // getInstance (not getDefault): while pcscd is down it throws, and works once it is up.
        factory = TerminalFactory.getInstance("PC/SC", null);
      } else {
        SunPcscContext.reset();
      }
      contextSuspect = false;
      LOG.info("PC/SC context established");
    } catch (ReflectiveOperationException | RuntimeException e) {
      if (factory != null && !SunPcscContext.available()) {
        LOG.warn("cannot renew the PC/SC context (JDK internals not opened): {}", e.toString());
      }
      throw new CardException(
          CardErrorCode.PCSC_UNAVAILABLE, "PC/SC service not reachable: " + e, e);
    } catch (Exception e) {
      throw new CardException(
          CardErrorCode.PCSC_UNAVAILABLE, "PC/SC service not reachable: " + e, e);
    }
  }
}
