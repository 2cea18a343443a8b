package dev.pindesk.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sm3Test {

  @Test
  void hashesAbcAsPublished() {
    byte[] digest = Sm3.digest("abc".getBytes(StandardCharsets.US_ASCII));

    // GB/T 32905-2016 (SM3), Appendix A.1, example 1: "abc"
    assertThat(Hex.of(digest))
        .isEqualTo("66C7F0F462EEEDD9D1F2D46BDC10E4E24167C4875CF2F7A2297DA02B8F4BA8E0");
  }

  @Test
  void hashesSixtyFourByteMessageAsPublished() {
    byte[] digest = Sm3.digest("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII));

    // GB/T 32905-2016 (SM3), Appendix A.2, example 2: "abcd" repeated 16 times (512 bits)
    assertThat(Hex.of(digest))
        .isEqualTo("DEBE9FF92275B8A138604889C18E5A4D6FDB70E5387E5765293DCBA39C0C5732");
  }

  @Test
  void returnsThirtyTwoBytes() {
    assertThat(Sm3.digest(new byte[0])).hasSize(Sm3.DIGEST_LENGTH).hasSize(32);
  }
}
