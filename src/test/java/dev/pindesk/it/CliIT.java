package dev.pindesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.adapters.pcsc.PcscTerminals;
import dev.pindesk.testing.TrainingCards;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI contract, through {@code java -jar target/pindesk.jar}, against the real pcscd. */
class CliIT {
  private static final PcscTerminals TERMINALS = new PcscTerminals();
  private static final JsonMapper JSON = new JsonMapper();

  record Result(int exit, String out, String err) {}

  @BeforeAll
  static void realStack() {
    RealPcsc.assumeAvailable(TERMINALS);
  }

  static Result pindesk(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("pindesk.jar", "target/pindesk.jar"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("PINDESK_LANG", "en");
    pb.environment().put("PINDESK_LOG_DIR", "target/it-logs");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    byte[] err = p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
  }

  @Test
  void cardReadJsonPrintsTheHolderWithStableFieldNames() throws Exception {
    var spec = TrainingCards.spec(TrainingCards.LONG_NAME);
    try (VpcdCard card = VpcdCard.insert(TERMINALS, spec)) {
      Result r = pindesk("card", "read", "--reader", RealPcsc.READER, "--json", "--trace");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode json = JSON.readTree(r.out());
      List<String> fields = new ArrayList<>();
      for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
        fields.add(it.next());
      }
      assertThat(fields)
          .containsExactly(
              "cardIdCode",
              "cardType",
              "specVersion",
              "issuerOrg",
              "issueDate",
              "expiryDate",
              "cardNumber",
              "ssn",
              "name",
              "sex",
              "ethnicity",
              "birthplace",
              "birthDate",
              "pinTriesLeft");
      assertThat(json.get("name").asText()).isEqualTo(spec.holder().name());
      assertThat(json.get("ssn").asText()).isEqualTo(spec.holder().ssn());
      assertThat(json.get("expiryDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
      assertThat(json.get("specVersion").asText()).isEqualTo("3.00");
      assertThat(r.err()).contains("> 00 A4 04 00").contains("APDUs: 18");
    }
  }

  @Test
  void readersJsonListsTheVirtualReaders() throws Exception {
    Result r = pindesk("readers", "--json");
    assertThat(r.exit()).isZero();
    JsonNode json = JSON.readTree(r.out());
    assertThat(json.isArray()).isTrue();
    assertThat(json.findValuesAsText("name")).contains(RealPcsc.READER);
    assertThat(json.get(0).has("cardPresent")).isTrue();
  }

  @Test
  void noCardIsExitCode4WithOneClearLine() throws Exception {
    Result r = pindesk("card", "read", "--reader", RealPcsc.READER);
    assertThat(r.exit()).isEqualTo(4);
    assertThat(r.err().strip())
        .isEqualTo(
            "Error: There is no card in the reader. Insert the social security card and try again.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void unknownReaderIsExitCode3AndUsageErrorsExit2() throws Exception {
    Result r = pindesk("card", "read", "--reader", "No Such Reader");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err().lines().count()).isEqualTo(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(pindesk("card", "read", "--bogus").exit()).isEqualTo(2);
  }

  @Test
  void debugAddsTheStackTrace() throws Exception {
    Result r = pindesk("card", "read", "--reader", "No Such Reader", "--debug");
    assertThat(r.exit()).isEqualTo(3);
    assertThat(r.err()).contains("CardException").contains("\tat ");
  }

  @Test
  void aCardErrorIsExitCode5WithTheClerkMessage() throws Exception {
    // A holder file behind authentication, and the CLI has no security module to open it.
    var spec =
        TrainingCards.variant(TrainingCards.GEN3_SM4, t -> t.put("ef06NeedsAuthentication", true));
    try (VpcdCard card = VpcdCard.insert(TERMINALS, spec)) {
      Result r = pindesk("card", "read");
      assertThat(r.exit()).isEqualTo(5);
      assertThat(r.err()).startsWith("Error: This card needs the security module to be read.");
    }
  }
}
