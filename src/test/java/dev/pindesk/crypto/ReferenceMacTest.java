package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The test-side reference implementations are themselves checked against published vectors. */
class ReferenceMacTest {

  // ISO/IEC 9797-1:2011, Annex B.4 (MAC algorithm 3, padding method 1, zero IV):
  // K = 0123456789ABCDEF, K' = FEDCBA9876543210.
  private static final byte[] ISO_KEY = Hex.parse("0123456789ABCDEF FEDCBA9876543210");
  private static final byte[] ZERO_IV = new byte[8];

  @Test
  void retailMacReferenceMatchesIso9797AnnexBForAlignedData() {
    byte[] data = "Now is the time for all ".getBytes(StandardCharsets.US_ASCII);

    byte[] mac = ReferenceMac.retailMac(ISO_KEY, ZERO_IV, ReferenceMac.padMethod1(data, 8));

    // ISO/IEC 9797-1:2011 B.4, "Now is the time for all ", padding method 1
    assertThat(Hex.of(mac)).isEqualTo("A1C72E74EA3FA9B6");
  }

  @Test
  void retailMacReferenceMatchesIso9797AnnexBForUnalignedData() {
    byte[] data = "Now is the time for it".getBytes(StandardCharsets.US_ASCII);

    byte[] mac = ReferenceMac.retailMac(ISO_KEY, ZERO_IV, ReferenceMac.padMethod1(data, 8));

    // ISO/IEC 9797-1:2011 B.4, "Now is the time for it", padding method 1
    assertThat(Hex.of(mac)).isEqualTo("2E2B1428CC78254F");
  }

  @Test
  void sm4BlockReferenceMatchesGbt32907Example() {
    // GB/T 32907-2016 (SM4), Appendix A, example 1: key = plaintext = 0123...3210
    byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");

    byte[] ciphertext = ReferenceMac.sm4Block(key, key.clone());

    assertThat(Hex.of(ciphertext)).isEqualTo("681EDF34D206965E86B3E94F536E4246");
  }

  @Test
  void tdesEcbReferenceIsEncryptDecryptEncryptWithTwoKeys() {
    // With K1 = K2, two-key 3DES degenerates to single DES: FIPS 81 / NBS DES example
    // (key 0123456789ABCDEF, "Now is t" -> 3FA40E8A984D4815).
    byte[] key = Hex.parse("0123456789ABCDEF 0123456789ABCDEF");

    byte[] ciphertext = ReferenceMac.tdesEcb(key, "Now is t".getBytes(StandardCharsets.US_ASCII));

    assertThat(Hex.of(ciphertext)).isEqualTo("3FA40E8A984D4815");
  }

  @Test
  void padMethod2AlwaysAddsAtLeastOneByte() {
    assertThat(Hex.of(ReferenceMac.padMethod2(new byte[0], 8))).isEqualTo("8000000000000000");
    assertThat(Hex.of(ReferenceMac.padMethod2(new byte[8], 8)))
        .isEqualTo("0000000000000000" + "8000000000000000");
    assertThat(Hex.of(ReferenceMac.padMethod2(new byte[7], 8))).isEqualTo("0000000000000080");
  }
}
