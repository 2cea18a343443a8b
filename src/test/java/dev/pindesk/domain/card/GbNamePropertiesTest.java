package dev.pindesk.domain.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class GbNamePropertiesTest {
  private static final Charset GB18030 = Charset.forName("GB18030");

  /** Names mixing 1-, 2- and 4-byte GB18030 characters, spaces and the middle dot. */
  @Provide
  Arbitrary<String> names() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(5, Arbitraries.integers().between(0x4E00, 0x9FA5)),
            Tuple.of(2, Arbitraries.integers().between(0x3400, 0x4DB5)),
            Tuple.of(2, Arbitraries.integers().between(0x20000, 0x2A6D6)),
            Tuple.of(2, Arbitraries.integers().between('A', 'Z')),
            Tuple.of(1, Arbitraries.of((int) ' ', 0xB7)));
    return codePoints
        .list()
        .ofMinSize(1)
        .ofMaxSize(30)
        .map(
            list -> {
              StringBuilder sb = new StringBuilder();
              list.forEach(sb::appendCodePoint);
              return sb.toString();
            })
        .filter(s -> !s.startsWith(" ") && !s.endsWith(" "));
  }

  @Property(tries = 2000)
  void encodedNamesDecodeExactlyOrAreRefused(@ForAll("names") String name) {
    GbName.Encoded encoded;
    try {
      encoded = GbName.encode(name);
    } catch (IllegalArgumentException refused) {
      assertThat(GbName.byteLength(name)).isGreaterThan(SscElement.NAME.length());
      return;
    }
    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
  }

  @Property(tries = 2000)
  void namesUpToFortySevenBytesAlwaysFit(@ForAll("names") String name) {
    Assume.that(GbName.byteLength(name) <= 47 && !name.contains(" "));

    GbName.Encoded encoded = GbName.encode(name);

    assertThat(GbName.decode(encoded.name(), encoded.extension())).isEqualTo(name);
  }

  @Property(tries = 2000)
  void eachTagHoldsWholeCharactersOnly(@ForAll("names") String name) {
    Assume.that(GbName.byteLength(name) <= 47 && !name.contains(" "));

    GbName.Encoded encoded = GbName.encode(name);

    String first = strictDecode(encoded.name());
    String rest = strictDecode(encoded.extension());
    assertThat(first + rest).isEqualTo(name);
    assertThat(encoded.name()).hasSize(30);
    assertThat(encoded.extension()).hasSize(encoded.hasExtension() ? 20 : 0);
  }

  @Property(tries = 500)
  void namesBeyondFiftyBytesAreRefused(@ForAll("names") String a, @ForAll("names") String b) {
    String name = a + b + a;
    Assume.that(GbName.byteLength(name) > 50);

    assertThatThrownBy(() -> GbName.encode(name)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void decodingArbitraryBytesThrowsOnlyIllegalArgument(
      @ForAll byte[] name, @ForAll byte[] extension) {
    try {
      assertThat(GbName.decode(name, extension)).isNotEmpty();
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageContaining("NAME");
    }
  }

  private static String strictDecode(byte[] padded) {
    int end = padded.length;
    while (end > 0 && padded[end - 1] == 0) {
      end--;
    }
    try {
      return GB18030
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Arrays.copyOf(padded, end)))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("a tag holds part of a character", e);
    }
  }
}
