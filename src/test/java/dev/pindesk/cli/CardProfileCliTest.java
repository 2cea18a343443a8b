package dev.pindesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pindesk.i18n.Messages;
import org.junit.jupiter.api.Test;

class CardProfileCliTest {

  @Test
  void showsEveryProfileWithItsCommandBytesAndAssumptionsWithoutAnId() {
    Cli.Result r = Cli.run("card", "profile", "show");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains(
            "Card profile: ssc3-sm4", "Card profile: training-tdes", "Card profile: ssc-generic")
        .contains("External authenticate: 00 82 00 01 10 <cryptogram 16>")
        .contains("Reset PIN: 84 24 00 01 14 <enciphered PIN block 16> <MAC 4>")
        .contains("strategy SM_PIN_BLOCK, key 01, after external authentication")
        .contains("Unblock PIN (tries only): 84 24 00 00 04 <MAC 4>")
        .contains("Unlock service: unblock (restores the tries only), then reset.")
        .contains("Assumptions (no public source")
        .doesNotContain("national specification defaults");
  }

  @Test
  void showsOneProfileAsJsonWithItsAssumptions() throws Exception {
    Cli.Result r = Cli.run("card", "profile", "show", "ssc3-sm4", "--json");
    assertThat(r.exit()).isZero();
    JsonNode profiles = new JsonMapper().readTree(r.out());
    assertThat(profiles).hasSize(1);
    JsonNode p = profiles.get(0);
    assertThat(p.get("id").asText()).isEqualTo("ssc3-sm4");
    assertThat(p.get("match").get("trainingCard").asBoolean()).isFalse();
    assertThat(p.get("resetRestoresTries").asBoolean()).isFalse();
    assertThat(p.get("holderFileAccess").asText()).isEqualTo("AUTHENTICATE_WHEN_REFUSED");
    assertThat(p.get("assumptions")).isNotEmpty();
    assertThat(p.get("assumptions").toString()).contains("84 24 00 01", "keyIndex 01");
    JsonNode reset = null;
    for (JsonNode c : p.get("commands")) {
      if (c.get("name").asText().equals("reset")) {
        reset = c;
      }
    }
    assertThat(reset).isNotNull();
    assertThat(reset.get("strategy").asText()).isEqualTo("SM_PIN_BLOCK");
    assertThat(reset.get("afterExternalAuthentication").asBoolean()).isTrue();
  }

  @Test
  void anUnknownIdNamesTheKnownOnes() {
    Cli.Result r = Cli.run("card", "profile", "show", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("No card profile with id nope").contains("ssc3-sm4");
  }

  @Test
  void speaksChineseByDefault() {
    Cli.Result r = Cli.runIn(Messages.forTag("zh-CN"), "card", "profile", "show", "training-sm4");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("卡片配置：training-sm4", "外部认证", "假设");
  }
}
