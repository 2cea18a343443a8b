package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_EF05;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pindesk.domain.codec.Hex;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class VpcdClientTest {
  private FakeVpcd vpcd;
  private VpcdClient client;

  @AfterEach
  void tearDown() throws IOException {
    if (client != null) {
      client.close();
    }
    if (vpcd != null) {
      vpcd.close();
    }
  }

  @Test
  void answersAtrRequest() throws Exception {
    VirtualSscCard card = insert(card(gen3()));

    assertThat(vpcd.atr()).isEqualTo(card.atr());
    assertThat(client.isInserted()).isTrue();
  }

  @Test
  void powerAndResetControlsAreNotAnswered() throws Exception {
    VirtualSscCard card = insert(card(gen3()));

    vpcd.sendControl(0);
    vpcd.sendControl(1);
    vpcd.sendControl(2);

    assertThat(vpcd.atr()).isEqualTo(card.atr());
  }

  @Test
  void powerCycleForgetsTheSelection() throws Exception {
    insert(card(gen3()));
    vpcd.transmit(Hex.parse(SELECT_SSSE));

    vpcd.sendControl(0);
    vpcd.sendControl(1);

    assertThat(Hex.of(vpcd.transmit(Hex.parse(SELECT_EF05)))).isEqualTo("6A82");
  }

  @Test
  void answersCommandApdus() throws Exception {
    insert(card(gen3()));

    byte[] fci = vpcd.transmit(Hex.parse(SELECT_SSSE));
    byte[] ef05 = vpcd.transmit(Hex.parse(SELECT_EF05));

    assertThat(TestCards.sw(fci)).isEqualTo("9000");
    assertThat(Hex.of(ef05)).isEqualTo("9000");
  }

  @Test
  void closingTheClientRemovesTheCard() throws Exception {
    insert(card(gen3()));

    client.close();

    assertThat(vpcd.receive()).isEmpty();
    assertThat(client.isInserted()).isFalse();
    assertThat(client.awaitRemoval(Duration.ofSeconds(1))).isTrue();
  }

  @Test
  void vpcdClosingTheConnectionEndsTheInsertion() throws Exception {
    insert(card(gen3()));

    vpcd.dropCard();

    assertThat(client.awaitRemoval(Duration.ofSeconds(2))).isTrue();
    assertThat(client.isInserted()).isFalse();
  }

  @Test
  void removeFaultClosesConnectionAfterAnsweringN() throws Exception {
    insert(card(gen3().withFaults(FaultSpec.removeAfter(2))));

    assertThat(vpcd.transmit(Hex.parse(SELECT_SSSE))).isNotEmpty();
    assertThat(Hex.of(vpcd.transmit(Hex.parse("00200000")))).isEqualTo("63C3");

    assertThat(vpcd.receive()).isEmpty();
    assertThat(client.awaitRemoval(Duration.ofSeconds(2))).isTrue();
  }

  @Test
  void muteFaultStopsAnsweringButStaysInserted() throws Exception {
    VirtualSscCard card = insert(card(gen3().withFaults(FaultSpec.muteAfter(1))));
    vpcd.transmit(Hex.parse(SELECT_SSSE));

    vpcd.send(Hex.parse("00200000"));

    assertThat(vpcd.silentFor(300)).isTrue();
    assertThat(client.isInserted()).isTrue();
    assertThat(vpcd.atr()).isEqualTo(card.atr());
  }

  @Test
  void garbageFaultSendsAnOddPayload() throws Exception {
    insert(card(gen3().withFaults(FaultSpec.garbageAfter(1))));
    vpcd.transmit(Hex.parse(SELECT_SSSE));

    assertThat(vpcd.transmit(Hex.parse("00200000"))).hasSize(1);
  }

  @Test
  void startRetriesUntilVpcdListens() throws Exception {
    int port = freePort();
    client = new VpcdClient(card(gen3()), "127.0.0.1", port, Duration.ofSeconds(10));
    CompletableFuture<Void> started =
        CompletableFuture.runAsync(
            () -> {
              try {
                client.start();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    Thread.sleep(500);

    vpcd = new FakeVpcd(port);
    vpcd.acceptCard();

    started.get(5, TimeUnit.SECONDS);
    assertThat(client.isInserted()).isTrue();
  }

  @Test
  void startGivesUpWhenVpcdDoesNotListen() throws Exception {
    client = new VpcdClient(card(gen3()), "127.0.0.1", freePort(), Duration.ofMillis(300));

    assertThatThrownBy(client::start).isInstanceOf(IOException.class).hasMessageContaining("vpcd");
    assertThat(client.isInserted()).isFalse();
  }

  @Test
  void neverLogsApduData() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(VpcdClient.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    Level previous = logger.getLevel();
    logger.setLevel(Level.TRACE);
    logger.addAppender(appender);
    try {
      insert(card(gen3()));
      vpcd.transmit(Hex.parse("0020000003987654"));
      vpcd.transmit(Hex.parse("805E010007987654FF135792"));
      client.close();
      client.awaitRemoval(Duration.ofSeconds(1));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(previous);
    }

    assertThat(appender.list).isNotEmpty();
    assertThat(appender.list)
        .allSatisfy(
            e ->
                assertThat(e.getFormattedMessage())
                    .doesNotContain("987654")
                    .doesNotContain("98 76 54")
                    .doesNotContain("135792"));
  }

  private VirtualSscCard insert(VirtualSscCard card) throws IOException {
    vpcd = new FakeVpcd();
    client = new VpcdClient(card, "127.0.0.1", vpcd.port(), Duration.ofSeconds(5));
    client.start();
    vpcd.acceptCard();
    return card;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
