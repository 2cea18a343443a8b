package dev.pindesk.crypto.gm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

/**
 * SM2 signatures on the recommended curve sm2p256v1 with the default user ID, against the published
 * example of GM/T 0003.5-2012 Annex A (the same example is in GB/T 32918.5-2017; GB/T 32918.2-2016
 * Annex A itself uses a test curve, not sm2p256v1). Message "message digest", ID
 * "1234567812345678", fixed k. The values are quoted by several independent implementations' test
 * suites (e.g. OpenSSL's sm2_internal_test.c).
 */
class Sm2KnownAnswerTest {
  private static final byte[] MESSAGE = "message digest".getBytes(StandardCharsets.US_ASCII);
  private static final String D =
      "3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8";
  private static final String PUBLIC_POINT =
      "04"
          + "09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020"
          + "CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13";
  private static final String K =
      "59276E27D506861A16680F3AD9C02DCCEF3CC1FA3CDBE4CE6D54B80DEAC1BC21";
  private static final String R =
      "F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3";
  private static final String S =
      "B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA";

  /** Hands out the example's k where the signer asks for random bytes. */
  private static final class FixedK extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] k;

    FixedK(byte[] k) {
      this.k = k.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      System.arraycopy(k, 0, bytes, 0, bytes.length);
    }
  }

  private static ECPrivateKeyParameters privateKey() {
    return new ECPrivateKeyParameters(new BigInteger(D, 16), Sm2.DOMAIN);
  }

  @Test
  void publicKeyOfTheExamplePrivateKeyIsThePublishedPoint() {
    byte[] point = Sm2.DOMAIN.getG().multiply(privateKey().getD()).normalize().getEncoded(false);
    assertThat(Hex.of(point)).isEqualToIgnoringCase(PUBLIC_POINT);
  }

  @Test
  void signingWithTheExampleKGivesThePublishedSignature() throws Exception {
    SM2Signer signer = new SM2Signer(PlainDSAEncoding.INSTANCE);
    signer.init(true, new ParametersWithRandom(privateKey(), new FixedK(Hex.parse(K))));
    signer.update(MESSAGE, 0, MESSAGE.length);
    assertThat(Hex.of(signer.generateSignature())).isEqualToIgnoringCase(R + S);
  }

  @Test
  void thePublishedSignatureVerifiesAndAChangedOneDoesNot() {
    var publicKey = Sm2.decodePoint(Hex.parse(PUBLIC_POINT));
    byte[] rs = Hex.parse(R + S);
    assertThat(Sm2.verify(publicKey, MESSAGE, rs)).isTrue();
    rs[63] ^= 1;
    assertThat(Sm2.verify(publicKey, MESSAGE, rs)).isFalse();
    assertThat(
            Sm2.verify(
                publicKey, "message digesT".getBytes(StandardCharsets.US_ASCII), Hex.parse(R + S)))
        .isFalse();
  }
}
