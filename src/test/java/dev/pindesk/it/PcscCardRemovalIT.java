package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.service.CardReadService;
import dev.pindesk.testing.TrainingCards;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The card leaves the reader at every APDU of a full read (17 on the training card): each time the
 * read ends with a typed error, quickly, never with a hang or an untyped exception.
 */
class PcscCardRemovalIT {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private static final Duration LIMIT = Duration.ofSeconds(2);
  private static final Set<CardErrorCode> REMOVAL =
      Set.of(CardErrorCode.CARD_REMOVED, CardErrorCode.NO_CARD, CardErrorCode.CARD_MUTE);

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
  }

  @ParameterizedTest(name = "card removed after {0} APDUs")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
  void removalDuringAReadIsATypedErrorWithinTwoSeconds(int apdus) throws Exception {
    var spec =
        TrainingCards.variant(
            TrainingCards.GEN3_SM4, t -> t.putObject("faults").put("removeAfterApdus", apdus));
    CardReadService service = new CardReadService(TERMINALS, CardProfiles.builtIn());
    try (VpcdCard card = VpcdCard.insert(TERMINALS, spec)) {
      long start = System.nanoTime();
      try {
        service.read(Optional.of(RealPcsc.READER), ApduTracer.NONE);
        fail("read succeeded although the card left after " + apdus + " APDUs");
      } catch (CardException e) {
        assertThat(e.code()).isIn(REMOVAL);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT);
    }
  }
}
