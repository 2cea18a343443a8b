package dev.pindesk.it;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.domain.error.CardException;

/**
 * Child process of {@link PcscRestartIT}: starts while pcscd is down, prints "unavailable", then
 * polls until readers appear and prints them. Exit 1 if they never do within 20 s.
 */
public final class WaitForReadersMain {
  private WaitForReadersMain() {}

  public static void main(String[] args) throws InterruptedException {
    PcscTerminals terminals = new PcscTerminals();
    boolean reported = false;
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        System.out.println("readers " + terminals.readers());
        System.exit(0);
      } catch (CardException e) {
        if (!reported) {
          System.out.println("unavailable");
          System.out.flush();
          reported = true;
        }
      }
      Thread.sleep(200);
    }
    System.exit(1);
  }
}
