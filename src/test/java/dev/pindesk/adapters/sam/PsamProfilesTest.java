package dev.pindesk.adapters.sam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.KeyPurpose;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsamProfilesTest {

  static String genericJson() throws IOException {
    try (InputStream in =
        PsamProfiles.class.getResourceAsStream(
            "/dev/pindesk/sam/profiles/pboc-psam-generic.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static PsamProfile parse(String json) {
    return PsamProfiles.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
  }

  @Test
  void shipsTheGenericPbocProfileWithItsAssumptionsSpelledOut() {
    PsamProfile p = PsamProfiles.builtIn(PsamProfiles.DEFAULT_ID).orElseThrow();
    assertThat(p.select().by()).isEqualTo(PsamProfile.SelectBy.FID);
    assertThat(p.initForDescrypt()).isEqualTo("801A");
    assertThat(p.mac().header()).isEqualTo("80FA");
    assertThat(p.macLength()).isEqualTo(4);
    assertThat(p.assumptions()).isNotEmpty();
    for (KeyPurpose purpose : KeyPurpose.values()) {
      for (CipherAlgorithm algorithm :
          new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
        assertThat(p.key(purpose, algorithm)).as(purpose + " " + algorithm).isPresent();
      }
    }
  }

  @Test
  void mapsTheStatusWordsOfSscCardSection4ToDistinctMeanings() {
    PsamProfile p = PsamProfiles.builtIn(PsamProfiles.DEFAULT_ID).orElseThrow();
    assertThat(p.meaningOf(0x6A82)).contains(PsamStatus.WRONG_APPLICATION);
    assertThat(p.meaningOf(0x6983)).contains(PsamStatus.LOCKED);
    assertThat(p.meaningOf(0x9303)).contains(PsamStatus.LOCKED);
    assertThat(p.meaningOf(0x6982)).contains(PsamStatus.REFUSED);
    assertThat(p.meaningOf(0x6985)).contains(PsamStatus.REFUSED);
    assertThat(p.meaningOf(0x6A88)).contains(PsamStatus.KEY_NOT_FOUND);
    assertThat(p.meaningOf(0x6F00)).isEmpty();
  }

  @Test
  void keyVersionIsTheCardProfilesKeyIndexOrAFixedByte() {
    PsamProfile.KeySlot fromCard =
        new PsamProfile.KeySlot(
            KeyPurpose.RESET_PIN,
            CipherAlgorithm.TDES,
            "28",
            "keyIndex",
            DiversificationLayout.CODE_XOR_FOLD_8);
    PsamProfile.KeySlot fixed =
        new PsamProfile.KeySlot(
            KeyPurpose.RESET_PIN,
            CipherAlgorithm.TDES,
            "28",
            "0A",
            DiversificationLayout.CODE_XOR_FOLD_8);
    assertThat(fromCard.p2For(3)).isEqualTo(3);
    assertThat(fixed.p2For(3)).isEqualTo(0x0A);
  }

  @Test
  void rejectsAProfileNamingEveryBadFieldAndTheSource() throws IOException {
    String bad =
        genericJson()
            .replace("\"macLength\": 4", "\"macLength\": 8")
            .replace("\"p1Single\": \"05\"", "\"p1Single\": \"5\"")
            .replace("\"value\": \"1001\"", "\"value\": \"10\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(bad))
        .withMessageContaining("pboc-psam-generic")
        .withMessageContaining("test.json")
        .withMessageContaining("macLength must be 4")
        .withMessageContaining("mac.p1Single must be one hex byte")
        .withMessageContaining("select FID must be 2 bytes");
  }

  @Test
  void rejectsAProfileWithoutKeysOrWithAMaxDataBeyondAShortApdu() throws IOException {
    String json = genericJson().replace("\"maxData\": 128", "\"maxData\": 300");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(json))
        .withMessageContaining("maxData must be 16..255");
    String noKeys = "{\"id\":\"x\",\"description\":\"d\",\"keys\":[]}";
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(noKeys))
        .withMessageContaining("at least one key slot")
        .withMessageContaining("select needs")
        .withMessageContaining("mac is missing");
  }

  @Test
  void rejectsUnknownFieldsSoATypoIsNotSilentlyIgnored() throws IOException {
    String typo = genericJson().replace("\"maxData\"", "\"maxDta\"");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> parse(typo))
        .withMessageContaining("not valid JSON for a profile")
        .withMessageContaining("maxDta");
  }

  @Test
  void resolvesABuiltInIdOrAnAdministratorsFile(@TempDir Path dir) throws IOException {
    assertThat(PsamProfiles.resolve("pboc-psam-generic").id()).isEqualTo("pboc-psam-generic");
    Path file = dir.resolve("vendor-x.json");
    Files.writeString(file, genericJson().replace("pboc-psam-generic", "vendor-x"));
    assertThat(PsamProfiles.resolve(file.toString()).id()).isEqualTo("vendor-x");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PsamProfiles.resolve("no-such-vendor"))
        .withMessageContaining("unknown PSAM profile 'no-such-vendor'")
        .withMessageContaining("pboc-psam-generic");
  }

  @Test
  void diversificationLayoutsFoldOrKeepTheBinaryCode() {
    String code = "0A0B0C0D0E0F10110102030405060708";
    byte[] folded = DiversificationLayout.CODE_XOR_FOLD_8.data(code);
    assertThat(folded).hasSize(8);
    assertThat(folded[0]).isEqualTo((byte) (0x0A ^ 0x01));
    assertThat(DiversificationLayout.CODE_16.data(code)).isEqualTo(Hex.parse(code));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DiversificationLayout.CODE_16.data("SHORT"))
        .withMessageContaining("32 hex digits (16 bytes), got 5 characters");
  }
}
