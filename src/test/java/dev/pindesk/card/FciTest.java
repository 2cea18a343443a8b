package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FciTest {

  @Test
  void readsTheAlgorithmFromTheProprietaryTemplate() {
    byte[] fci = Hex.parse("6F16 840F 7378312E73682EC9E7BBE1B1A3D5CF A503 860103");
    assertThat(Fci.algorithm(fci)).contains(CipherAlgorithm.SM4);
    assertThat(Fci.algorithm(Hex.parse("6F05 A503 860101"))).contains(CipherAlgorithm.TDES);
  }

  @Test
  void anFciWithoutAlgorithmLeavesItToTheProfile() {
    assertThat(Fci.algorithm(Hex.parse("6F03 840101"))).isEmpty();
    assertThat(Fci.algorithm(new byte[0])).isEmpty();
    assertThat(Fci.algorithm(Hex.parse("6F7F"))).isEmpty();
  }

  @Property
  void neverFailsOnGarbage(@ForAll byte[] garbage) {
    assertThat(Fci.algorithm(garbage)).isNotNull();
  }
}
