package dev.pindesk.domain.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TlvPropertiesTest {

  @Property
  void parsingUndoesEncoding(
      @ForAll @IntRange(min = 0, max = 255) int tag, @ForAll @Size(max = 600) byte[] value) {
    Tlv tlv = new Tlv(tag, value);

    Tlv parsed = Tlv.parse(tlv.encode());

    assertThat(parsed).isEqualTo(tlv);
    assertThat(parsed.value()).isEqualTo(value);
  }

  @Property
  void usesTheShortestLengthForm(
      @ForAll @IntRange(min = 0, max = 255) int tag, @ForAll @Size(max = 600) byte[] value) {
    int header = new Tlv(tag, value).encode().length - value.length;

    assertThat(header).isEqualTo(value.length < 0x80 ? 2 : value.length <= 0xFF ? 3 : 4);
  }

  @Property(tries = 3000)
  void parsingArbitraryBytesThrowsOnlyIllegalArgument(@ForAll @Size(max = 300) byte[] data) {
    try {
      Tlv tlv = Tlv.parse(data);
      assertThat(tlv.encode().length).isLessThanOrEqualTo(data.length);
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageContaining("TLV");
    }
  }

  @Property
  void parsingRejectsTruncatedOrExtendedEncodings(
      @ForAll @IntRange(min = 0, max = 255) int tag,
      @ForAll @Size(max = 300) byte[] value,
      @ForAll boolean truncate) {
    byte[] encoded = new Tlv(tag, value).encode();
    byte[] damaged =
        truncate
            ? java.util.Arrays.copyOf(encoded, encoded.length - 1)
            : java.util.Arrays.copyOf(encoded, encoded.length + 1);

    assertThatThrownBy(() -> Tlv.parse(damaged)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roundTripsTheLargestTwoByteLength() {
    Tlv tlv = new Tlv(0x70, new byte[0xFFFF]);

    assertThat(Tlv.parse(tlv.encode())).isEqualTo(tlv);
  }

  @Test
  void refusesToEncodeValuesBeyondTheTwoByteLength() {
    Tlv tlv = new Tlv(0x70, new byte[0x10000]);

    assertThatThrownBy(tlv::encode).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsTagsOutsideOneByte() {
    assertThatThrownBy(() -> new Tlv(0x100, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Tlv(-1, new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }
}
