package dev.pindesk.it;

import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.adapters.virtualcard.VpcdClient;
import dev.pindesk.ports.CardTerminals;
import java.io.IOException;
import java.time.Duration;

/** A virtual card in the vpcd reader of the real pcscd, for the duration of a test. */
public final class VpcdCard implements AutoCloseable {
  private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(15);

  private final CardTerminals terminals;
  private final VirtualSscCard card;
  private VpcdClient client;

  private VpcdCard(CardTerminals terminals, VirtualSscCard card) {
    this.terminals = terminals;
    this.card = card;
  }

  /** Inserts a card made from {@code spec} and waits until pcscd reports it present. */
  public static VpcdCard insert(CardTerminals terminals, VirtualCardSpec spec)
      throws IOException, InterruptedException {
    return insert(terminals, VirtualSscCard.fromSpec(spec));
  }

  /** Inserts {@code card} and waits until pcscd reports it present. */
  public static VpcdCard insert(CardTerminals terminals, VirtualSscCard card)
      throws IOException, InterruptedException {
    VpcdCard c = new VpcdCard(terminals, card);
    c.reinsert();
    return c;
  }

  public VirtualSscCard card() {
    return card;
  }

  /** (Re)connects the same card, e.g. after pcscd restarted. */
  void reinsert() throws IOException, InterruptedException {
    if (client != null) {
      client.close();
    }
    client =
        new VpcdClient(card, VpcdClient.DEFAULT_HOST, RealPcsc.VPCD_PORT, Duration.ofSeconds(15));
    client.start();
    RealPcsc.awaitCard(terminals, true, PRESENCE_TIMEOUT);
  }

  @Override
  public void close() throws InterruptedException {
    if (client != null) {
      client.close();
      client = null;
      RealPcsc.awaitCard(terminals, false, PRESENCE_TIMEOUT);
    }
  }
}
