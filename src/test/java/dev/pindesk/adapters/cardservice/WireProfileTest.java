package dev.pindesk.adapters.cardservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pindesk.domain.CipherAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireProfileTest {
  @TempDir Path dir;

  @Test
  void theBuiltInProfileUsesThePublicFieldNamesAndListsItsAssumptions() {
    WireProfile p = WireProfile.builtIn();

    assertThat(p.id()).isEqualTo(WireProfile.DEFAULT_ID);
    assertThat(p.field("region")).contains("aab301");
    assertThat(p.field("ssn")).contains("aac002");
    assertThat(p.field("cardNumber")).contains("aaz500");
    assertThat(p.field("cardIdCode")).contains("aaz501");
    assertThat(p.field("name")).contains("aac003");
    assertThat(p.field("cardAtr")).contains("aaz507");
    assertThat(p.field("terminalCode")).contains("zdbm");
    assertThat(p.serviceFlags())
        .containsEntry("externalAuthentication", "244")
        .containsEntry("secureMessaging", "245")
        .containsEntry("internalAuthentication", "246");
    assertThat(p.businessTypes()).containsEntry("reset", "02");
    assertThat(p.algorithmCode(CipherAlgorithm.SM4)).isEqualTo("03");
    assertThat(p.algorithm("01")).contains(CipherAlgorithm.TDES);
    assertThat(p.assumptions()).isNotEmpty();
  }

  @Test
  void resolvesTheBuiltInIdOrAnAdministratorsFile() throws IOException {
    Path file = dir.resolve("mine.json");
    String json =
        new String(
                WireProfile.class
                    .getResourceAsStream("/dev/pindesk/cardservice/public-fields.json")
                    .readAllBytes(),
                StandardCharsets.UTF_8)
            .replace("\"/cardManage\"", "\"/hsm\"")
            .replace("\"id\": \"public-fields\"", "\"id\": \"mine\"");
    Files.writeString(file, json);

    assertThat(WireProfile.resolve("public-fields").path()).isEqualTo("/cardManage");
    assertThat(WireProfile.resolve(file.toString()).path()).isEqualTo("/hsm");
  }

  @Test
  void refusesAProfileWithoutARequiredFieldNamingIt() {
    String json =
        "{\"id\":\"x\",\"description\":\"\",\"path\":\"/p\",\"fields\":{\"serviceFlag\":\"f\"},"
            + "\"businessTypes\":{},\"serviceFlags\":{},\"algorithms\":{},\"answer\":null,"
            + "\"credentials\":null,\"macLength\":4,\"assumptions\":[]}";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> WireProfile.parse(json.getBytes(StandardCharsets.UTF_8), "mine.json"))
        .withMessageContaining("mine.json")
        .withMessageContaining("needs a name");
  }

  @Test
  void refusesAnUnknownFieldOrKey() {
    String json = "{\"id\":\"x\",\"colour\":\"red\"}";

    assertThatIllegalArgumentException()
        .isThrownBy(() -> WireProfile.parse(json.getBytes(StandardCharsets.UTF_8), "mine.json"))
        .withMessageContaining("not a card-management wire profile");
  }
}
