package dev.pindesk.adapters.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.sync.Receipt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Receipts: JSON form and ECDSA P-256 signature by the central's certificate key. */
class ReceiptCodecTest {
  static KeyPair central;
  static KeyPair other;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    central = g.generateKeyPair();
    other = g.generateKeyPair();
  }

  private static Receipt unsigned(long ackSeq) {
    byte[] journal = new byte[16];
    Arrays.fill(journal, (byte) 0x3C);
    byte[] head = new byte[32];
    Arrays.fill(head, (byte) 0xA5);
    return new Receipt(
        journal, "WS-01", ackSeq, head, Instant.parse("2026-11-23T08:00:00.123Z"), new byte[0]);
  }

  @Test
  void aSignedReceiptVerifiesAfterAJsonRoundTrip() {
    Receipt signed = ReceiptCodec.sign(unsigned(1234), central.getPrivate());
    String json = ReceiptCodec.toJson(signed);
    assertThat(json)
        .contains("\"workstation\":\"WS-01\"")
        .contains("\"ackSeq\":1234")
        .contains("\"at\":\"2026-11-23T08:00:00.123Z\"");
    Receipt back = ReceiptCodec.fromJson(json);
    assertThat(back.ackSeq()).isEqualTo(1234);
    assertThat(back.journalId()).isEqualTo(signed.journalId());
    assertThat(back.head()).isEqualTo(signed.head());
    assertThat(ReceiptCodec.verify(back, central.getPublic())).isTrue();
  }

  @Test
  void aChangedFieldOrAnotherKeyDoesNotVerify() {
    Receipt signed = ReceiptCodec.sign(unsigned(10), central.getPrivate());
    Receipt moved =
        new Receipt(
            signed.journalId(),
            signed.workstationId(),
            11,
            signed.head(),
            signed.at(),
            signed.signature());
    assertThat(ReceiptCodec.verify(moved, central.getPublic())).isFalse();
    assertThat(ReceiptCodec.verify(signed, other.getPublic())).isFalse();
  }

  @Test
  void theSignedBytesFollowTheDocumentedLayout() {
    byte[] b = unsigned(7).signedBytes();
    assertThat(new String(b, 0, 7, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("PDRCPT1");
    assertThat(b).hasSize(7 + 16 + 8 + 32 + 8 + 1 + 5);
    assertThat(b[7 + 16 + 7]).isEqualTo((byte) 7);
  }

  @Test
  void jsonThatIsNoReceiptIsAnIllegalArgument() {
    assertThatThrownBy(() -> ReceiptCodec.fromJson("nope"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReceiptCodec.fromJson("{\"journal\":\"00\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    String shortHead =
        ReceiptCodec.toJson(ReceiptCodec.sign(unsigned(1), central.getPrivate()))
            .replaceAll("\"head\":\"[0-9A-F]+\"", "\"head\":\"00\"");
    assertThatThrownBy(() -> ReceiptCodec.fromJson(shortHead))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
