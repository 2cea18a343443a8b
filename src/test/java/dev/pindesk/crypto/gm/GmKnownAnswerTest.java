package dev.pindesk.crypto.gm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.crypto.Sm3;
import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.AEADBadTagException;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** The GM primitives as the journal uses them, against published vectors. */
class GmKnownAnswerTest {
  @Test
  void sm3OfAbcIsTheGbT32905Example() {
    assertThat(Hex.of(Sm3.digest("abc".getBytes(StandardCharsets.US_ASCII))))
        .isEqualToIgnoringCase("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  @Test
  void sm4BlockIsTheGbT32907Example() {
    byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
    SM4Engine sm4 = new SM4Engine();
    sm4.init(true, new KeyParameter(key));
    byte[] out = new byte[16];
    sm4.processBlock(key, 0, out, 0);
    assertThat(Hex.of(out)).isEqualToIgnoringCase("681EDF34D206965E86B3E94F536E4246");
  }

  @Test
  void sm4GcmMatchesTheRfc8998Vector() throws Exception {
    byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
    byte[] iv = Hex.parse("00001234567800000000ABCD");
    byte[] aad = Hex.parse("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
    byte[] plain =
        Hex.parse(
            "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
    String expected =
        "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
            + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC";
    byte[] sealed = Sm4Gcm.seal(key, iv, aad, plain);
    assertThat(Hex.of(sealed)).isEqualToIgnoringCase(expected);
    assertThat(Sm4Gcm.open(key, iv, aad, sealed)).isEqualTo(plain);
    sealed[3] ^= 1;
    assertThatThrownBy(() -> Sm4Gcm.open(key, iv, aad, sealed))
        .isInstanceOf(AEADBadTagException.class);
  }

  @Test
  void sm2SignaturesVerifyWithTheIndependentJcaSm3WithSm2() throws Exception {
    Sm2KeyPair pair = Sm2.generate();
    byte[] message = "PDJCKPT1 checkpoint".getBytes(StandardCharsets.US_ASCII);
    byte[] rs = Sm2.sign(pair.privateKey(), message);
    assertThat(rs).hasSize(64);
    assertThat(Sm2.verify(pair.publicKey(), message, rs)).isTrue();
    byte[] der =
        new DERSequence(
                new org.bouncycastle.asn1.ASN1Encodable[] {
                  new ASN1Integer(new java.math.BigInteger(1, java.util.Arrays.copyOf(rs, 32))),
                  new ASN1Integer(
                      new java.math.BigInteger(1, java.util.Arrays.copyOfRange(rs, 32, 64)))
                })
            .getEncoded();
    BouncyCastleProvider bc = new BouncyCastleProvider();
    Signature jca = Signature.getInstance("SM3withSM2", bc);
    jca.initVerify(
        KeyFactory.getInstance("EC", bc)
            .generatePublic(
                new X509EncodedKeySpec(
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.publicKey())
                        .getEncoded())));
    jca.update(message);
    assertThat(jca.verify(der)).isTrue();
    rs[10] ^= 1;
    assertThat(Sm2.verify(pair.publicKey(), message, rs)).isFalse();
  }

  @Test
  void sm2WrapsADataKeyOnlyTheSupervisorCanUnwrap() {
    Sm2KeyPair supervisor = Sm2.generate();
    Sm2KeyPair other = Sm2.generate();
    byte[] key = Hex.parse("00112233445566778899AABBCCDDEEFF");
    byte[] wrapped = Sm2.encrypt(supervisor.publicKey(), key);
    assertThat(wrapped).hasSize(65 + 32 + 16);
    assertThat(Sm2.decrypt(supervisor.privateKey(), wrapped)).isEqualTo(key);
    assertThatThrownBy(() -> Sm2.decrypt(other.privateKey(), wrapped))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void chainLinkIsTheDocumentedTestVector() {
    byte[] h0 = new byte[32];
    byte[] header = new byte[30];
    header[0] = 1;
    header[1] = 2;
    byte[] body = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] manual =
        Sm3.digest(
            java.nio.ByteBuffer.allocate(32 + 8 + 30 + 3)
                .put(h0)
                .putLong(1)
                .put(header)
                .put(body)
                .array());
    assertThat(Sm3Chain.link(h0, 1, header, body)).isEqualTo(manual);
    assertThat(Hex.of(manual))
        .isEqualTo("37F3D8327BCB68AC213209C2826F0E4EE6E2A8ED278150EC6D79BF557EB71A07");
  }
}
