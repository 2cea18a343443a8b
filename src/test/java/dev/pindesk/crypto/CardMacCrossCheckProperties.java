package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.CipherAlgorithm;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * {@link CardMac} agrees with independent implementations ({@link ReferenceMac}: SunJCE DES for the
 * retail MAC, BouncyCastle's raw SM4 block function chained by hand) on random inputs.
 */
class CardMacCrossCheckProperties {

  @Property(tries = 200)
  void tdesAgreesWithSunJceRetailMac(
      @ForAll @Size(16) byte[] key,
      @ForAll @Size(8) byte[] challenge,
      @ForAll @Size(max = 80) byte[] data) {
    byte[] expected = ReferenceMac.retailMac(key, challenge, ReferenceMac.padMethod2(data, 8));

    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, key, challenge, data);

    assertThat(mac).isEqualTo(Arrays.copyOf(expected, 4));
  }

  @Property(tries = 200)
  void sm4AgreesWithHandChainedSm4Blocks(
      @ForAll @Size(16) byte[] key,
      @ForAll @Size(8) byte[] challenge,
      @ForAll @Size(max = 80) byte[] data) {
    byte[] expected =
        ReferenceMac.sm4CbcMac(
            key, Arrays.copyOf(challenge, 16), ReferenceMac.padMethod2(data, 16));

    byte[] mac = CardMac.compute(CipherAlgorithm.SM4, key, challenge, data);

    assertThat(mac).isEqualTo(Arrays.copyOf(expected, 4));
  }
}
