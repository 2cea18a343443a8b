package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class KeyDiversificationTest {
  private static final byte[] MASTER_KEY = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
  private static final String CARD_ID = "440300D15600000501C2A3B4D5E6F708";

  private static final java.util.List<CipherAlgorithm> SOFTWARE =
      java.util.List.of(CipherAlgorithm.TDES, CipherAlgorithm.SM4);

  @Provide
  Arbitrary<String> cardIdCodes() {
    return Arbitraries.strings().withChars("0123456789ABCDEF").ofLength(32);
  }

  @Property(tries = 200)
  void tdesIsTripleDesOfFoldedIdAndItsComplement(
      @ForAll @Size(16) byte[] masterKey, @ForAll("cardIdCodes") String cardIdCode) {
    byte[] dd = Hex.parse(cardIdCode);
    byte[] d = new byte[8];
    byte[] notD = new byte[8];
    for (int i = 0; i < 8; i++) {
      d[i] = (byte) (dd[i] ^ dd[i + 8]);
      notD[i] = (byte) ~d[i];
    }
    byte[] expected = new byte[16];
    System.arraycopy(ReferenceMac.tdesEcb(masterKey, d), 0, expected, 0, 8);
    System.arraycopy(ReferenceMac.tdesEcb(masterKey, notD), 0, expected, 8, 8);

    byte[] cardKey = KeyDiversification.diversify(CipherAlgorithm.TDES, masterKey, cardIdCode);

    assertThat(cardKey).isEqualTo(expected);
  }

  @Property(tries = 200)
  void sm4IsSm4OfTheAsciiId(
      @ForAll @Size(16) byte[] masterKey, @ForAll("cardIdCodes") String cardIdCode) {
    byte[] expected = ReferenceMac.sm4Block(masterKey, Hex.parse(cardIdCode));

    byte[] cardKey = KeyDiversification.diversify(CipherAlgorithm.SM4, masterKey, cardIdCode);

    assertThat(cardKey).isEqualTo(expected);
  }

  @Property(tries = 200)
  void differentCardIdCodesGiveDifferentKeys(
      @ForAll("cardIdCodes") String first, @ForAll("cardIdCodes") String second) {
    Assume.that(!first.equals(second));
    for (CipherAlgorithm algorithm : SOFTWARE) {
      // TDES keys depend on the XOR of the two halves only (see next test).
      Assume.that(algorithm != CipherAlgorithm.TDES || !folded(first).equals(folded(second)));

      assertThat(KeyDiversification.diversify(algorithm, MASTER_KEY, first))
          .isNotEqualTo(KeyDiversification.diversify(algorithm, MASTER_KEY, second));
    }
  }

  @Test
  void tdesKeyDependsOnlyOnTheXorOfBothHalves() {
    byte[] key =
        KeyDiversification.diversify(
            CipherAlgorithm.TDES, MASTER_KEY, "0A0B0C0D0E0F10110102030405060708");
    byte[] swapped =
        KeyDiversification.diversify(
            CipherAlgorithm.TDES, MASTER_KEY, "01020304050607080A0B0C0D0E0F1011");

    assertThat(key).isEqualTo(swapped);
    assertThat(
            KeyDiversification.diversify(
                CipherAlgorithm.SM4, MASTER_KEY, "0A0B0C0D0E0F10110102030405060708"))
        .isNotEqualTo(
            KeyDiversification.diversify(
                CipherAlgorithm.SM4, MASTER_KEY, "01020304050607080A0B0C0D0E0F1011"));
  }

  @Test
  void isDeterministic() {
    for (CipherAlgorithm algorithm : SOFTWARE) {
      assertThat(KeyDiversification.diversify(algorithm, MASTER_KEY, CARD_ID))
          .hasSize(16)
          .isEqualTo(KeyDiversification.diversify(algorithm, MASTER_KEY, CARD_ID));
    }
  }

  @Test
  void differentMasterKeysGiveDifferentCardKeys() {
    byte[] otherMaster = MASTER_KEY.clone();
    otherMaster[15] ^= 0x02; // not 0x01: that is a DES parity bit, see next test
    for (CipherAlgorithm algorithm : SOFTWARE) {
      assertThat(KeyDiversification.diversify(algorithm, MASTER_KEY, CARD_ID))
          .isNotEqualTo(KeyDiversification.diversify(algorithm, otherMaster, CARD_ID));
    }
  }

  @Test
  void tdesIgnoresDesParityBitsOfTheMasterKey() {
    byte[] parityFlipped = MASTER_KEY.clone();
    for (int i = 0; i < parityFlipped.length; i++) {
      parityFlipped[i] ^= 0x01;
    }

    assertThat(KeyDiversification.diversify(CipherAlgorithm.TDES, parityFlipped, CARD_ID))
        .isEqualTo(KeyDiversification.diversify(CipherAlgorithm.TDES, MASTER_KEY, CARD_ID));
  }

  @Test
  void leavesTheMasterKeyUntouched() {
    byte[] masterKey = MASTER_KEY.clone();

    KeyDiversification.diversify(CipherAlgorithm.TDES, masterKey, CARD_ID);
    KeyDiversification.diversify(CipherAlgorithm.SM4, masterKey, CARD_ID);

    assertThat(masterKey).isEqualTo(MASTER_KEY);
  }

  @Test
  void rejectsCardIdCodeOfOtherLength() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> KeyDiversification.diversify(CipherAlgorithm.SM4, MASTER_KEY, "440300D15600000"))
        .withMessageContaining("32 hex digits (16 bytes), got 15 characters");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                KeyDiversification.diversify(
                    CipherAlgorithm.TDES, MASTER_KEY, "440300D15600000501"))
        .withMessageContaining("got 18");
  }

  @Test
  void aCodeOf32HexDigitsIsDiversifiedFromItsSixteenBinaryBytes() {
    String hex = "330100D156000005011BA293AA4B9E55";
    byte[] binary = Hex.parse(hex);
    assertThat(KeyDiversification.diversificationData(hex)).isEqualTo(binary);
    assertThat(KeyDiversification.diversificationData(hex.toLowerCase())).isEqualTo(binary);
    assertThat(KeyDiversification.diversify(CipherAlgorithm.SM4, MASTER_KEY, hex))
        .isEqualTo(KeyDiversification.fromData(CipherAlgorithm.SM4, MASTER_KEY, binary));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                KeyDiversification.diversify(
                    CipherAlgorithm.SM4, MASTER_KEY, "330100D156000005011BA293AA4B9EZZ"))
        .withMessageContaining("hex");
  }

  @Test
  void rejectsNonAsciiCardIdCode() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                KeyDiversification.diversify(
                    CipherAlgorithm.TDES, MASTER_KEY, "440300D15600000501C2A3B4D5E6F70é"))
        .withMessageContaining("32 hex digits");
  }

  @Test
  void refusesSsf33WhichSoftwareCannotCompute() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyDiversification.diversify(CipherAlgorithm.SSF33, MASTER_KEY, CARD_ID))
        .withMessageContaining("SSF33");
  }

  @Test
  void rejectsMasterKeyThatIsNotSixteenBytes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> KeyDiversification.diversify(CipherAlgorithm.TDES, new byte[24], CARD_ID))
        .withMessageContaining("16 bytes, got 24");
  }

  private static String folded(String cardIdCode) {
    byte[] dd = Hex.parse(cardIdCode);
    byte[] d = new byte[8];
    for (int i = 0; i < 8; i++) {
      d[i] = (byte) (dd[i] ^ dd[i + 8]);
    }
    return Arrays.toString(d);
  }
}
