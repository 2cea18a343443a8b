package dev.pindesk.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.card.ApduTracer;
import dev.pindesk.card.CardProfiles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.cli.CardReadCommand;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.service.CardReadService;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The conformance corpus ({@link CardImages}) read through a terminal: each image must give exactly
 * its expected {@code card read --json} object, or fail with its expected typed error naming the
 * element. Subclasses put the card in a reader: in process, or in vpcd behind the real pcscd.
 */
public abstract class CardImageScenarios {
  static final java.util.List<String> IMAGES = CardImages.ALL;

  /** The reader under test. */
  protected abstract CardReader reader();

  @AfterEach
  void takeCardOut() throws Exception {
    reader().withdraw();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("IMAGES")
  void readsEveryImageAsTheFieldShowsIt(String name) throws Exception {
    CardImages image = CardImages.load(name);
    String reader = reader().present(image.card());
    CardReadService service = new CardReadService(reader().terminals(), CardProfiles.builtIn());
    Optional<String> error = image.expectedError();
    if (error.isPresent()) {
      assertThatThrownBy(() -> service.read(Optional.of(reader), ApduTracer.NONE))
          .as(image.description())
          .isInstanceOfSatisfying(
              CardException.class,
              e -> {
                assertThat(e.code().wireName()).isEqualTo(error.get());
                assertThat(e.element().map(el -> String.format("%02X", el.tag())))
                    .contains(image.expected().get("element").asText());
              });
      return;
    }
    CardSnapshot card = service.read(Optional.of(reader), ApduTracer.NONE);
    assertThat(CardReadCommand.toJson(card))
        .as(image.description())
        .isEqualTo(image.expectedObject());
  }
}
