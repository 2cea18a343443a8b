package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.codec.Hex;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GbNameTest {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final String UYGHUR_NAME = "阿卜杜热合曼·买买提艾力·吐尔逊";

  private static byte[] padded(String hex, int length, int pad) {
    byte[] content = Hex.parse(hex);
    byte[] out = Arrays.copyOf(content, length);
    Arrays.fill(out, content.length, length, (byte) pad);
    return out;
  }

  @Test
  void shortNameFillsTagNineAndNeedsNoExtension() {
    GbName.Encoded encoded = GbName.encode("王小明");

    assertThat(encoded.name()).hasSize(30).startsWith(Hex.parse("CDF5D0A1C3F70000"));
    assertThat(encoded.hasExtension()).isFalse();
    assertThat(encoded.extension()).isEmpty();
  }

  @Test
  void rareCharactersSurviveTheRoundTrip() {
    for (String name : new String[] {"王䶮", "𠀾", "李𠀾明", "王䶮𠀾"}) {
      GbName.Encoded encoded = GbName.encode(name);

      assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
    }
  }

  @Test
  void extensionBCharacterTakesFourBytes() {
    assertThat(GbName.byteLength("𠀾")).isEqualTo(4);
    assertThat(GbName.encode("王𠀾").name()).startsWith(Hex.parse("CDF595328838"));
  }

  @Test
  void longEthnicMinorityNameOverflowsIntoTheExtension() {
    assertThat(GbName.byteLength(UYGHUR_NAME)).isEqualTo(32);

    GbName.Encoded encoded = GbName.encode(UYGHUR_NAME);

    assertThat(encoded.name()).hasSize(30);
    assertThat(new String(encoded.name(), GB18030)).isEqualTo("阿卜杜热合曼·买买提艾力·吐尔");
    assertThat(encoded.extension()).hasSize(20).startsWith(Hex.parse("D1B700"));
    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(UYGHUR_NAME);
  }

  @Test
  void neverSplitsAFourByteCharacterAcrossTheTags() {
    String name = "𠀾".repeat(8); // 32 bytes: 7 characters (28 bytes) fit tag 09

    GbName.Encoded encoded = GbName.encode(name);

    assertThat(encoded.name()).endsWith(0, 0);
    assertThat(new String(encoded.name(), 0, 28, GB18030)).isEqualTo("𠀾".repeat(7));
    assertThat(new String(encoded.extension(), 0, 4, GB18030)).isEqualTo("𠀾");
    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
  }

  @Test
  void neverSplitsATwoByteCharacterAcrossTheTags() {
    String name = "A" + "王".repeat(15); // 31 bytes: byte 30 would be half a character

    GbName.Encoded encoded = GbName.encode(name);

    assertThat(new String(encoded.name(), 0, 29, GB18030)).isEqualTo("A" + "王".repeat(14));
    assertThat(encoded.name()[29]).isZero();
    assertThat(encoded.extension()).startsWith(Hex.parse("CDF500"));
  }

  @Test
  void nameOfExactlyThirtyBytesNeedsNoExtension() {
    GbName.Encoded encoded = GbName.encode("王".repeat(15));

    assertThat(encoded.hasExtension()).isFalse();
    assertThat(GbName.decode(encoded.name(), new byte[0])).isEqualTo("王".repeat(15));
  }

  @Test
  void nameOfFiftyBytesFillsBothTags() {
    String name = "王".repeat(25);

    GbName.Encoded encoded = GbName.encode(name);

    assertThat(encoded.name()).doesNotContain(0);
    assertThat(encoded.extension()).doesNotContain(0);
    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
  }

  @Test
  void rejectsNamesBeyondFiftyBytes() {
    assertThatThrownBy(() -> GbName.encode("王".repeat(25) + "A"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME")
        .hasMessageContaining("51 bytes");
  }

  @Test
  void rejectsNamesThatFitFiftyBytesOnlyBySplittingACharacter() {
    String name = "A" + "王".repeat(24) + "B"; // 50 bytes, but tag 09 can take only 29

    assertThatThrownBy(() -> GbName.encode(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void keepsASpaceThatFallsOnTheTagBoundary() {
    String name = "ABDUREHIMAN MAMATJAN ABDUKERI MAMAT"; // the 30th byte is a space

    GbName.Encoded encoded = GbName.encode(name);

    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
  }

  @Test
  void refusesANameWhoseBoundarySpaceWouldBeLost() {
    String name = "A".repeat(29) + " " + "B".repeat(20); // the space cannot move to tag 4E

    assertThatThrownBy(() -> GbName.encode(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void stripsSpaceOrZeroPaddingAlike() {
    byte[] zeroPadded = padded("CDF5D0A1C3F7", 30, 0x00);
    byte[] spacePadded = padded("CDF5D0A1C3F7", 30, 0x20);
    byte[] mixed = padded("CDF5D0A1C3F72000", 30, 0x20);

    assertThat(GbName.decode(zeroPadded, new byte[0])).isEqualTo("王小明");
    assertThat(GbName.decode(spacePadded, padded("", 20, 0x20))).isEqualTo("王小明");
    assertThat(GbName.decode(mixed, padded("", 20, 0x00))).isEqualTo("王小明");
  }

  @Test
  void acceptsUnpaddedAndOverlongValues() {
    assertThat(GbName.decode(Hex.parse("CDF5D0A1C3F7"), new byte[0])).isEqualTo("王小明");
    assertThat(GbName.decode(padded("CDF5", 40, 0x00), new byte[0])).isEqualTo("王");
  }

  @Test
  void keepsInteriorSpacesAndCharactersExactly() {
    byte[] value = padded("4A4F484E20534D495448", 30, 0x20);

    assertThat(GbName.decode(value, new byte[0])).isEqualTo("JOHN SMITH");
  }

  @Test
  void rejectsBytesThatAreNotGb18030() {
    assertThatThrownBy(() -> GbName.decode(padded("CDF5FF", 30, 0x00), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME (EF06 tag 09)");
    assertThatThrownBy(() -> GbName.decode(padded("CDF5", 30, 0x00), Hex.parse("CD")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME_EXTENSION (EF06 tag 4E)");
  }

  @Test
  void rejectsControlCharactersInsideTheName() {
    assertThatThrownBy(() -> GbName.decode(Hex.parse("CDF500CDF5"), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void rejectsANameThatIsOnlyPadding() {
    assertThatThrownBy(() -> GbName.decode(padded("", 30, 0x20), new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NAME");
  }

  @Test
  void rejectsNamesThatCannotBeStoredFaithfully() {
    assertThatThrownBy(() -> GbName.encode("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GbName.encode("王 ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GbName.encode("王\u0000")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GbName.encode("王\uD840")).isInstanceOf(IllegalArgumentException.class);
  }
}
