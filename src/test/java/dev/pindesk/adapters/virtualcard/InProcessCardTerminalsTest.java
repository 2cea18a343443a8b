package dev.pindesk.adapters.virtualcard;

import static dev.pindesk.adapters.virtualcard.InProcessCardTerminals.DEFAULT_READER;
import static dev.pindesk.adapters.virtualcard.TestCards.SELECT_SSSE;
import static dev.pindesk.adapters.virtualcard.TestCards.card;
import static dev.pindesk.adapters.virtualcard.TestCards.gen3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InProcessCardTerminalsTest {
  private static final byte[] RETRY_CHECK = Hex.parse("00200000");

  private final InProcessCardTerminals terminals = new InProcessCardTerminals();
  private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  @Test
  void listsReadersWithCardPresence() throws Exception {
    terminals.addReader("Second");
    terminals.insert("Second", card(gen3()));

    assertThat(terminals.readers())
        .containsExactly(new ReaderState(DEFAULT_READER, false), new ReaderState("Second", true));
  }

  @Test
  void transmitReachesTheCardAndConnectionShowsItsAtr() throws Exception {
    VirtualSscCard card = card(gen3());
    terminals.insert(DEFAULT_READER, card);

    try (CardConnection c = terminals.connect(DEFAULT_READER)) {
      assertThat(c.readerName()).isEqualTo(DEFAULT_READER);
      assertThat(c.atr()).isEqualTo(card.atr());
      assertThat(TestCards.sw(c.transmit(Hex.parse(SELECT_SSSE)))).isEqualTo("9000");
    }
  }

  @Test
  void connectToEmptyReaderIsNoCard() {
    assertCardError(() -> terminals.connect(DEFAULT_READER), CardErrorCode.NO_CARD);
  }

  @Test
  void connectToUnknownReaderIsReaderNotFound() {
    assertCardError(() -> terminals.connect("Elsewhere"), CardErrorCode.READER_NOT_FOUND);
  }

  @Test
  void awaitChangeReturnsWhenACardIsInserted() throws Exception {
    terminals.readers();
    background.schedule(
        () -> terminals.insert(DEFAULT_READER, card(gen3())), 50, TimeUnit.MILLISECONDS);

    long start = System.nanoTime();
    List<ReaderState> states = terminals.awaitChange(Duration.ofSeconds(5));

    assertThat(states).containsExactly(new ReaderState(DEFAULT_READER, true));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void awaitChangeTimesOutWithUnchangedReaders() throws Exception {
    terminals.readers();

    long start = System.nanoTime();
    List<ReaderState> states = terminals.awaitChange(Duration.ofMillis(100));

    assertThat(states).containsExactly(new ReaderState(DEFAULT_READER, false));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(90));
  }

  @Test
  void awaitChangeReportsACardSwappedBetweenPolls() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3()));
    terminals.readers();
    terminals.remove(DEFAULT_READER);
    terminals.insert(DEFAULT_READER, card(gen3()));

    long start = System.nanoTime();
    terminals.awaitChange(Duration.ofSeconds(5));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void removedCardMakesOldConnectionFailEvenAfterReinsertion() throws Exception {
    VirtualSscCard card = card(gen3());
    terminals.insert(DEFAULT_READER, card);
    CardConnection old = terminals.connect(DEFAULT_READER);

    terminals.remove(DEFAULT_READER);
    assertCardError(() -> old.transmit(RETRY_CHECK), CardErrorCode.CARD_REMOVED);
    terminals.insert(DEFAULT_READER, card);

    assertCardError(() -> old.transmit(RETRY_CHECK), CardErrorCode.CARD_REMOVED);
    try (CardConnection fresh = terminals.connect(DEFAULT_READER)) {
      assertThat(Hex.of(fresh.transmit(RETRY_CHECK))).isEqualTo("63C3");
    }
  }

  @Test
  void cardLeavingMidExchangeIsReportedAsRemoved() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3().withFaults(FaultSpec.removeAfter(2))));
    CardConnection c = terminals.connect(DEFAULT_READER);
    terminals.readers();

    c.transmit(Hex.parse(SELECT_SSSE));
    assertThat(Hex.of(c.transmit(RETRY_CHECK))).isEqualTo("63C3");

    assertCardError(() -> c.transmit(RETRY_CHECK), CardErrorCode.CARD_REMOVED);
    assertThat(terminals.awaitChange(Duration.ofSeconds(1)))
        .containsExactly(new ReaderState(DEFAULT_READER, false));
    assertCardError(() -> terminals.connect(DEFAULT_READER), CardErrorCode.NO_CARD);
  }

  @Test
  void cardThatLeftCanBeInsertedAgain() throws Exception {
    VirtualSscCard card = card(gen3().withFaults(FaultSpec.removeAfter(1)));
    terminals.insert(DEFAULT_READER, card);
    terminals.connect(DEFAULT_READER).transmit(RETRY_CHECK);
    assertThat(terminals.readers()).containsExactly(new ReaderState(DEFAULT_READER, false));

    terminals.insert(DEFAULT_READER, card);

    try (CardConnection c = terminals.connect(DEFAULT_READER)) {
      assertThat(Hex.of(c.transmit(RETRY_CHECK))).isEqualTo("63C3");
      assertThat(Hex.of(c.transmit(RETRY_CHECK))).isEqualTo("63C3");
    }
  }

  @Test
  void muteCardTimesOutAsCardMute() throws Exception {
    terminals.setMuteTimeout(Duration.ofMillis(100));
    terminals.insert(DEFAULT_READER, card(gen3().withFaults(FaultSpec.muteAfter(1))));
    CardConnection c = terminals.connect(DEFAULT_READER);
    c.transmit(RETRY_CHECK);

    long start = System.nanoTime();
    assertCardError(() -> c.transmit(RETRY_CHECK), CardErrorCode.CARD_MUTE);

    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(90));
    assertThat(terminals.readers()).containsExactly(new ReaderState(DEFAULT_READER, true));
  }

  @Test
  void removingAMuteCardEndsTheWaitWithCardRemoved() throws Exception {
    terminals.setMuteTimeout(Duration.ofSeconds(30));
    terminals.insert(DEFAULT_READER, card(gen3().withFaults(FaultSpec.muteAfter(1))));
    CardConnection c = terminals.connect(DEFAULT_READER);
    c.transmit(RETRY_CHECK);
    background.schedule(() -> terminals.remove(DEFAULT_READER), 50, TimeUnit.MILLISECONDS);

    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                c.transmit(RETRY_CHECK);
                return null;
              } catch (CardException e) {
                return e;
              }
            });

    assertThat(outcome.get(5, TimeUnit.SECONDS))
        .isInstanceOfSatisfying(
            CardException.class, e -> assertThat(e.code()).isEqualTo(CardErrorCode.CARD_REMOVED));
  }

  @Test
  void garbageIsPassedThroughForTheCardLayerToJudge() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3().withFaults(FaultSpec.garbageAfter(1))));
    CardConnection c = terminals.connect(DEFAULT_READER);
    c.transmit(RETRY_CHECK);

    assertThat(c.transmit(RETRY_CHECK)).hasSize(1);
  }

  @Test
  void serviceDownFailsEverythingUntilItIsBack() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3()));
    CardConnection old = terminals.connect(DEFAULT_READER);

    terminals.setServiceAvailable(false);
    assertCardError(terminals::readers, CardErrorCode.PCSC_UNAVAILABLE);
    assertCardError(
        () -> terminals.awaitChange(Duration.ofMillis(10)), CardErrorCode.PCSC_UNAVAILABLE);
    assertCardError(() -> terminals.connect(DEFAULT_READER), CardErrorCode.PCSC_UNAVAILABLE);
    assertCardError(() -> old.transmit(RETRY_CHECK), CardErrorCode.PCSC_UNAVAILABLE);

    terminals.setServiceAvailable(true);
    assertThat(terminals.readers()).containsExactly(new ReaderState(DEFAULT_READER, true));
    assertCardError(() -> old.transmit(RETRY_CHECK), CardErrorCode.PCSC_UNAVAILABLE);
    try (CardConnection fresh = terminals.connect(DEFAULT_READER)) {
      assertThat(Hex.of(fresh.transmit(RETRY_CHECK))).isEqualTo("63C3");
    }
  }

  @Test
  void unpluggedReaderDisappearsAndItsConnectionFails() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3()));
    CardConnection c = terminals.connect(DEFAULT_READER);

    terminals.removeReader(DEFAULT_READER);

    assertThat(terminals.readers()).isEmpty();
    assertCardError(() -> c.transmit(RETRY_CHECK), CardErrorCode.READER_NOT_FOUND);
    assertCardError(() -> terminals.connect(DEFAULT_READER), CardErrorCode.READER_NOT_FOUND);
  }

  @Test
  void exclusiveTransactionKeepsOtherConnectionsOut() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3()));
    CardConnection first = terminals.connect(DEFAULT_READER);
    CardConnection second = terminals.connect(DEFAULT_READER);

    first.beginExclusive();
    assertCardError(() -> second.transmit(RETRY_CHECK), CardErrorCode.READER_BUSY);
    assertCardError(second::beginExclusive, CardErrorCode.READER_BUSY);
    assertThat(Hex.of(first.transmit(RETRY_CHECK))).isEqualTo("63C3");
    first.endExclusive();

    assertThat(Hex.of(second.transmit(RETRY_CHECK))).isEqualTo("63C3");
  }

  @Test
  void closedConnectionReleasesExclusiveTransaction() throws Exception {
    terminals.insert(DEFAULT_READER, card(gen3()));
    CardConnection first = terminals.connect(DEFAULT_READER);
    CardConnection second = terminals.connect(DEFAULT_READER);
    first.beginExclusive();

    first.close();

    assertThat(Hex.of(second.transmit(RETRY_CHECK))).isEqualTo("63C3");
    assertThatThrownBy(() -> first.transmit(RETRY_CHECK)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void insertingPowersTheCardUp() throws Exception {
    VirtualSscCard card = card(gen3());
    TestCards.send(card, SELECT_SSSE);
    terminals.insert(DEFAULT_READER, card);

    try (CardConnection c = terminals.connect(DEFAULT_READER)) {
      assertThat(Hex.of(c.transmit(Hex.parse(TestCards.SELECT_EF05)))).isEqualTo("6A82");
    }
  }

  private static void assertCardError(ThrowingCallable call, CardErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(CardException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
