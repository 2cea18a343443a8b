package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CardMacTest {

  // ICAO Doc 9303 Part 11 (8th ed.), Appendix D.3 "Authentication and establishment of session
  // keys" (BAC worked example): M_IFD / M_IC = ISO/IEC 9797-1 MAC algorithm 3 with DES, zero IV,
  // padding method 2 -- exactly our TDES parameters. Both inputs are 32 bytes, so the expected
  // values also prove the whole extra padding block.
  private static final byte[] ICAO_K_MAC = Hex.parse("7962D9ECE03D1ACD4C76089DCE131543");
  private static final byte[] ICAO_E_IFD =
      Hex.parse("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
  private static final String ICAO_M_IFD = "5F1448EEA8AD90A7";
  private static final byte[] ICAO_E_IC =
      Hex.parse("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F");
  private static final String ICAO_M_IC = "2F2D235D074D7449";

  // GB/T 32907-2016 (SM4), Appendix A, example 1: key = plaintext, ciphertext below.
  private static final byte[] SM4_KEY = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
  private static final String SM4_CIPHERTEXT = "681EDF34D206965E86B3E94F536E4246";

  private static final byte[] ZERO_CHALLENGE = new byte[8];

  @Test
  void tdesMatchesIcaoRetailMacExampleOfTheTerminal() {
    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, ICAO_K_MAC, ZERO_CHALLENGE, ICAO_E_IFD);

    assertThat(Hex.of(mac)).isEqualTo(ICAO_M_IFD.substring(0, 8));
  }

  @Test
  void tdesMatchesIcaoRetailMacExampleOfTheChip() {
    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, ICAO_K_MAC, ZERO_CHALLENGE, ICAO_E_IC);

    assertThat(Hex.of(mac)).isEqualTo(ICAO_M_IC.substring(0, 8));
  }

  @Test
  void tdesChallengeIsTheInitialVectorOfTheChain() {
    // CBC with IV c over (D1 xor c) || D2 .. equals CBC with a zero IV over D1 || D2 ..,
    // so the published vector must come out again with a non-zero challenge.
    byte[] challenge = Hex.parse("4608F91988702212");
    byte[] data = ICAO_E_IFD.clone();
    for (int i = 0; i < 8; i++) {
      data[i] ^= challenge[i];
    }

    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, ICAO_K_MAC, challenge, data);

    assertThat(Hex.of(mac)).isEqualTo(ICAO_M_IFD.substring(0, 8));
  }

  @Test
  void sm4IsCbcMacOverTheGbtBlockCipher() {
    // Empty input pads to one block 80 00 .. 00; a full-block IV of P xor that block makes the
    // only cipher input P, whose SM4 encryption is published.
    byte[] iv = SM4_KEY.clone();
    iv[0] ^= (byte) 0x80;

    byte[] mac = CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, iv, new byte[0]);

    assertThat(Hex.of(mac)).isEqualTo(SM4_CIPHERTEXT.substring(0, 8));
  }

  @Test
  void sm4ZeroFillsAnEightByteChallengeToTheBlockSize() {
    byte[] challenge = Hex.parse("1122334455667788");
    byte[] data = Hex.parse("805E000003123456");

    byte[] fromChallenge = CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, challenge, data);
    byte[] fromFullIv =
        CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, Arrays.copyOf(challenge, 16), data);

    assertThat(fromChallenge).isEqualTo(fromFullIv);
    assertThat(fromChallenge)
        .isEqualTo(
            Arrays.copyOf(
                ReferenceMac.sm4CbcMac(
                    SM4_KEY,
                    Hex.parse("11223344556677880000000000000000"),
                    Hex.parse("805E000003123456 8000000000000000")),
                4));
  }

  @Test
  void addsAWholePaddingBlockToInputOfExactBlockLength() {
    byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
    byte[] challenge = Hex.parse("0102030405060708");
    byte[] oneBlock = Hex.parse("805E000003123456");

    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, key, challenge, oneBlock);

    byte[] withPaddingBlock = Hex.parse("805E000003123456 8000000000000000");
    assertThat(mac)
        .isEqualTo(Arrays.copyOf(ReferenceMac.retailMac(key, challenge, withPaddingBlock), 4))
        .isNotEqualTo(Arrays.copyOf(ReferenceMac.retailMac(key, challenge, oneBlock), 4));
  }

  @Test
  void padsPartialBlockWith80ThenZeros() {
    byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
    byte[] challenge = Hex.parse("0102030405060708");
    byte[] resetCommand = Hex.parse("805E0000 03 123456");

    byte[] mac = CardMac.compute(CipherAlgorithm.TDES, key, challenge, resetCommand);

    assertThat(mac)
        .isEqualTo(
            Arrays.copyOf(
                ReferenceMac.retailMac(
                    key, challenge, Hex.parse("805E000003123456 8000000000000000")),
                4));
    assertThat(CardMac.compute(CipherAlgorithm.TDES, key, challenge, Hex.parse("805E0000 02 1234")))
        .isEqualTo(
            Arrays.copyOf(
                ReferenceMac.retailMac(key, challenge, Hex.parse("805E000002123480")), 4));
  }

  @Test
  void returnsFourBytes() {
    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      assertThat(CardMac.compute(algorithm, SM4_KEY, ZERO_CHALLENGE, new byte[13])).hasSize(4);
    }
  }

  @Test
  void leavesCallerArraysUntouched() {
    byte[] key = SM4_KEY.clone();
    byte[] challenge = Hex.parse("1122334455667788");
    byte[] data = Hex.parse("805E000003123456");

    for (CipherAlgorithm algorithm :
        new CipherAlgorithm[] {CipherAlgorithm.TDES, CipherAlgorithm.SM4}) {
      CardMac.compute(algorithm, key, challenge, data);
    }

    assertThat(key).isEqualTo(SM4_KEY);
    assertThat(challenge).isEqualTo(Hex.parse("1122334455667788"));
    assertThat(data).isEqualTo(Hex.parse("805E000003123456"));
  }

  @Test
  void givesTheSameMacWhenCalledAgain() {
    byte[] first = CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, ZERO_CHALLENGE, new byte[20]);
    byte[] second = CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, ZERO_CHALLENGE, new byte[20]);

    assertThat(first).isEqualTo(second);
  }

  @Test
  void rejectsKeyThatIsNotSixteenBytes() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> CardMac.compute(CipherAlgorithm.TDES, new byte[24], ZERO_CHALLENGE, new byte[1]))
        .withMessageContaining("16 bytes, got 24");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> CardMac.compute(CipherAlgorithm.SM4, new byte[8], ZERO_CHALLENGE, new byte[1]));
  }

  @Test
  void rejectsInitialVectorOfOtherLengths() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CardMac.compute(CipherAlgorithm.TDES, SM4_KEY, new byte[16], new byte[1]))
        .withMessageContaining("got 16");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CardMac.compute(CipherAlgorithm.SM4, SM4_KEY, new byte[4], new byte[1]))
        .withMessageContaining("got 4");
  }
}
