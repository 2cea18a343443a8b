package dev.pindesk.domain.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentPolicyTest {
  @Test
  void allAndNoneMeanEverywhereAndNowhere() {
    assertThat(AgentPolicy.parse("all").allows("110101")).isTrue();
    assertThat(AgentPolicy.parse("*").allows("440300")).isTrue();
    assertThat(AgentPolicy.parse(" none ").allows("110101")).isFalse();
  }

  @Test
  void prefixesAllowAProvinceOrADistrict() {
    AgentPolicy p = AgentPolicy.parse("11, 310101");
    assertThat(p.allows("110105")).isTrue();
    assertThat(p.allows("310101")).isTrue();
    assertThat(p.allows("310104")).isFalse();
    assertThat(p.allows("440300")).isFalse();
  }

  @Test
  void aSettingThatIsNotAPolicyIsRefusedWithItsReason() {
    assertThatThrownBy(() -> AgentPolicy.parse("11,beijing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'beijing' is not a region code prefix");
    assertThatThrownBy(() -> AgentPolicy.parse("")).isInstanceOf(IllegalArgumentException.class);
  }
}
