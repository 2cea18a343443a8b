package dev.pindesk.domain.card;

import dev.pindesk.domain.codec.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Builds raw tag/value maps the way cards answer, for decoder tests. */
final class CardValues {
  private final Map<Integer, byte[]> values = new HashMap<>();

  static CardValues of(Map<Integer, byte[]> encoded) {
    CardValues v = new CardValues();
    v.values.putAll(encoded);
    return v;
  }

  CardValues ascii(SscElement e, String text, int length, int pad) {
    byte[] content = text.getBytes(StandardCharsets.US_ASCII);
    byte[] out = Arrays.copyOf(content, Math.max(length, content.length));
    Arrays.fill(out, content.length, out.length, (byte) pad);
    values.put(e.tag(), out);
    return this;
  }

  CardValues hex(SscElement e, String hex) {
    values.put(e.tag(), Hex.parse(hex));
    return this;
  }

  CardValues without(SscElement e) {
    values.remove(e.tag());
    return this;
  }

  Map<Integer, byte[]> map() {
    return Map.copyOf(values);
  }
}
