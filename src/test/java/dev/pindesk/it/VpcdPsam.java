package dev.pindesk.it;

import static org.junit.jupiter.api.Assertions.fail;

import dev.pindesk.adapters.virtualcard.VirtualPsam;
import dev.pindesk.adapters.virtualcard.VpcdClient;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.io.IOException;
import java.time.Duration;

/** A virtual PSAM in the second vpcd reader of the real pcscd, for the duration of a test. */
public final class VpcdPsam implements AutoCloseable {
  /** The reader pcscd names the second vpcd slot (port 35964). */
  public static final String READER = "Virtual PCD 00 01";

  static final int PORT = 35964;
  private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(15);

  private final CardTerminals terminals;
  private VpcdClient client;

  private VpcdPsam(CardTerminals terminals, VpcdClient client) {
    this.terminals = terminals;
    this.client = client;
  }

  /** Inserts {@code psam} and waits until pcscd reports it present. */
  public static VpcdPsam insert(CardTerminals terminals, VirtualPsam psam)
      throws IOException, InterruptedException {
    VpcdClient client = new VpcdClient(psam, VpcdClient.DEFAULT_HOST, PORT, PRESENCE_TIMEOUT);
    client.start();
    VpcdPsam inserted = new VpcdPsam(terminals, client);
    inserted.await(true);
    return inserted;
  }

  /** Takes the PSAM out and waits until pcscd reports the reader empty. */
  @Override
  public void close() throws InterruptedException {
    if (client != null) {
      client.close();
      client = null;
      await(false);
    }
  }

  private void await(boolean present) throws InterruptedException {
    long deadline = System.nanoTime() + PRESENCE_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        for (ReaderState r : terminals.readers()) {
          if (r.name().equals(READER) && r.cardPresent() == present) {
            return;
          }
        }
      } catch (CardException e) {
        // pcscd may be busy; keep waiting
      }
      Thread.sleep(100);
    }
    fail("reader " + READER + " did not become " + (present ? "present" : "empty"));
  }
}
