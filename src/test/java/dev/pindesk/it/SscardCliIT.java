package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.testing.SscardStandin;
import dev.pindesk.testing.TrainingCards;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code card read --device sscard} through the packaged jar, the device host and the stand-in. */
class SscardCliIT {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private static final JsonMapper JSON = new JsonMapper();
  private static Path library;

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
    library = SscardStandin.library();
  }

  @Test
  void cardReadThroughTheLibraryPrintsThePcscFieldsTheInterfaceGives() throws Exception {
    var spec = TrainingCards.spec(TrainingCards.GEN3_SM4);
    try (VpcdCard card = VpcdCard.insert(TERMINALS, spec)) {
      CliIT.Result r =
          CliIT.pindesk(
              "card",
              "read",
              "--device",
              "sscard",
              "--sscard-library",
              library.toString(),
              "--json");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode json = JSON.readTree(r.out());
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      assertThat(fields)
          .containsExactly(
              "cardIdCode", "specVersion", "issueDate", "expiryDate", "cardNumber", "ssn", "name");
      assertThat(json.get("cardIdCode").asText()).isEqualTo(spec.card().cardIdCode());
      assertThat(json.get("name").asText()).isEqualTo(spec.holder().name());
      assertThat(json.get("issueDate").asText()).isEqualTo("2021-06-18");
    }
  }

  @Test
  void aMissingLibraryIsOneTranslatedLineAndExitCode3(@TempDir Path dir) throws Exception {
    CliIT.Result r =
        CliIT.pindesk(
            "card",
            "read",
            "--device",
            "sscard",
            "--sscard-library",
            dir.resolve("libnone.so").toString());
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("interface library").doesNotContain("Exception");
  }
}
