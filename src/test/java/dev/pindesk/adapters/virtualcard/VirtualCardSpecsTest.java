package dev.pindesk.adapters.virtualcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.CipherAlgorithm;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualCardSpecsTest {
  private static final String MINIMAL =
      """
      {
        "label": "minimal",
        "protocol": "T1",
        "algorithm": "TDES",
        "card": {"cardIdCode": "110100D1560000050349B1A7C2E5F018", "cardType": "1", "specVersion": "2.00",
                 "issuerOrg": "110100000001", "issueDate": "2020-01-02", "expiryDate": "2030-01-02",
                 "cardNumber": "A00000001"},
        "holder": {"ssn": "110101198604120243", "name": "李秀英", "sex": "2", "ethnicity": "01",
                   "birthplace": "110101", "birthDate": "1986-04-12"},
        "pin": {"initial": "123456"}
      }
      """;

  @Test
  void gen3SampleIsSm4T1WithInitialPin() {
    VirtualCardSpec spec = VirtualCardSpecs.loadResource("training-gen3-sm4.json");

    assertThat(spec.protocol()).isEqualTo(CardProtocol.T1);
    assertThat(spec.algorithm()).isEqualTo(CipherAlgorithm.SM4);
    assertThat(spec.card().specVersion()).isEqualTo("3.00");
    assertThat(spec.pin().initial()).containsExactly("123456".toCharArray());
    assertThat(spec.pin().state()).isEqualTo(PinState.ACTIVE);
  }

  @Test
  void gen2SampleIsTdesT0WithCase4GetResponse() {
    VirtualCardSpec spec = VirtualCardSpecs.loadResource("training-gen2-tdes.json");

    assertThat(spec.protocol()).isEqualTo(CardProtocol.T0);
    assertThat(spec.algorithm()).isEqualTo(CipherAlgorithm.TDES);
    assertThat(spec.card().specVersion()).isEqualTo("2.00");
    assertThat(spec.getResponse()).isEqualTo(GetResponseMode.CASE4);
  }

  @Test
  void longNameSampleNeedsNameExtensionAndFourByteCharacter() {
    VirtualCardSpec spec = VirtualCardSpecs.loadResource("training-long-name.json");
    byte[] name = spec.holder().name().getBytes(Charset.forName("GB18030"));

    assertThat(name.length).isGreaterThan(30).isLessThanOrEqualTo(50);
    assertThat(spec.holder().name().codePoints().anyMatch(Character::isSupplementaryCodePoint))
        .isTrue();
    assertThat(spec.protocol()).isEqualTo(CardProtocol.T0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"training-gen3-sm4.json", "training-gen2-tdes.json", "training-long-name.json"})
  void samplesHaveValidIdNumbersConsistentWithHolderAndFutureExpiry(String profile) {
    VirtualCardSpec spec = VirtualCardSpecs.loadResource(profile);
    String ssn = spec.holder().ssn();

    assertThat(ssn.charAt(17)).isEqualTo(gb11643CheckChar(ssn.substring(0, 17)));
    assertThat(ssn.substring(6, 14)).isEqualTo(spec.holder().birthDate().replace("-", ""));
    assertThat((ssn.charAt(16) - '0') % 2 == 1 ? "1" : "2").isEqualTo(spec.holder().sex());
    assertThat(LocalDate.parse(spec.card().expiryDate())).isAfter(LocalDate.of(2027, 1, 1));
    assertThat(spec.card().cardIdCode()).hasSize(32);
    assertThat(spec.card().issuerOrg()).hasSize(12);
    assertThat(spec.card().cardNumber()).hasSize(9);
  }

  @Test
  void defaultsApplyToOmittedFields() {
    VirtualCardSpec spec = VirtualCardSpecs.parse(MINIMAL);

    assertThat(spec.keyIndex()).isEqualTo(1);
    assertThat(spec.fciStatesAlgorithm()).isTrue();
    assertThat(spec.ef06NeedsAuthentication()).isFalse();
    assertThat(spec.retryCheckCountsAsTry()).isFalse();
    assertThat(spec.getResponse()).isEqualTo(GetResponseMode.NEVER);
    assertThat(spec.elementLengths()).isEmpty();
    assertThat(spec.faults()).isEqualTo(FaultSpec.NONE);
    assertThat(spec.pin().maxTries()).isEqualTo(3);
    assertThat(spec.pin().triesLeft()).isEqualTo(3);
  }

  @Test
  void readsQuirksAndFaults() {
    String json =
        MINIMAL
            .replace(
                "\"pin\": {\"initial\": \"123456\"}",
                "\"pin\": {\"initial\": \"654321\", \"maxTries\": 6, \"triesLeft\": 2}")
            .replace(
                "\"label\": \"minimal\",",
                """
            "label": "quirky",
            "elementLengths": {"09": 20, "4e": 10},
            "faults": {"removeAfterApdus": 7},
            "keyIndex": 2,
            "retryCheckCountsAsTry": true,
            "ef06NeedsAuthentication": true,
            """);

    VirtualCardSpec spec = VirtualCardSpecs.parse(json);

    assertThat(spec.elementLengths()).isEqualTo(Map.of(0x09, 20, 0x4E, 10));
    assertThat(spec.faults()).isEqualTo(FaultSpec.removeAfter(7));
    assertThat(spec.keyIndex()).isEqualTo(2);
    assertThat(spec.retryCheckCountsAsTry()).isTrue();
    assertThat(spec.ef06NeedsAuthentication()).isTrue();
    assertThat(spec.pin().maxTries()).isEqualTo(6);
    assertThat(spec.pin().triesLeft()).isEqualTo(2);
  }

  @Test
  void loadsProfileFromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("card.json");
    Files.writeString(file, MINIMAL);

    assertThat(VirtualCardSpecs.load(file).label()).isEqualTo("minimal");
  }

  @Test
  void rejectsUnknownProperties() {
    assertThatThrownBy(
            () -> VirtualCardSpecs.parse(MINIMAL.replace("\"label\"", "\"colour\": 1, \"label\"")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("colour");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"maxTries\": 4", "\"maxTries\": 3, \"triesLeft\": 4"})
  void rejectsImpossibleTryCounts(String tries) {
    String json = MINIMAL.replace("\"initial\": \"123456\"", "\"initial\": \"123456\", " + tries);

    assertThatThrownBy(() -> VirtualCardSpecs.parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pin.");
  }

  @Test
  void rejectsPinThatIsNotSixDigits() {
    assertThatThrownBy(() -> VirtualCardSpecs.parse(MINIMAL.replace("123456", "12345")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 digits")
        .hasMessageNotContaining("12345");
  }

  @Test
  void rejectsMalformedDate() {
    assertThatThrownBy(() -> VirtualCardSpecs.parse(MINIMAL.replace("2030-01-02", "2030-13-02")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiryDate");
  }

  @Test
  void unknownResourceIsReported() {
    assertThatThrownBy(() -> VirtualCardSpecs.loadResource("nope.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope.json");
  }

  @Test
  void pinSpecNeverShowsDigits() {
    PinSpec pin = PinSpec.active("987654".toCharArray(), 3);

    assertThat(pin.toString()).doesNotContain("987654");
  }

  private static char gb11643CheckChar(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return "10X98765432".charAt(sum % 11);
  }
}
