package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.card.SscElement;
import dev.pindesk.domain.card.SscFile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored element values of EF05 and EF06 as a virtual card answers them, keyed by tag. Tests
 * may build them from raw bytes; profiles build them with the domain encoders.
 */
public final class CardFiles {
  private final Map<SscFile, Map<Integer, byte[]>> files = new EnumMap<>(SscFile.class);

  /**
   * @param ef05 values of EF05 by tag
   * @param ef06 values of EF06 by tag (the name extension 4E is optional)
   * @throws IllegalArgumentException when a tag does not belong to its file
   */
  public CardFiles(Map<Integer, byte[]> ef05, Map<Integer, byte[]> ef06) {
    files.put(SscFile.EF05, copy(SscFile.EF05, ef05));
    files.put(SscFile.EF06, copy(SscFile.EF06, ef06));
  }

  /** Element values as {@link CardInfo#encode()} and {@link CardHolder#encode()} give them. */
  public static CardFiles encode(CardInfo info, CardHolder holder) {
    return new CardFiles(info.encode(), holder.encode());
  }

  /** A copy of the value stored under {@code tag} in {@code file}. */
  public Optional<byte[]> value(SscFile file, int tag) {
    byte[] v = files.get(file).get(tag);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  /**
   * These files with the value of each listed tag truncated or padded with 00 to the given length
   * (cards whose records differ from the nominal length).
   *
   * @throws IllegalArgumentException when a tag is stored in neither file
   */
  public CardFiles withElementLengths(Map<Integer, Integer> lengths) {
    Map<Integer, byte[]> ef05 = new HashMap<>(files.get(SscFile.EF05));
    Map<Integer, byte[]> ef06 = new HashMap<>(files.get(SscFile.EF06));
    lengths.forEach(
        (tag, length) -> {
          Map<Integer, byte[]> target = ef05.containsKey(tag) ? ef05 : ef06;
          byte[] value = target.get(tag);
          if (value == null) {
            throw new IllegalArgumentException(
                String.format("elementLengths: tag %02X is not stored on the card", tag));
          }
          target.put(tag, Arrays.copyOf(value, length));
        });
    return new CardFiles(ef05, ef06);
  }

  private static Map<Integer, byte[]> copy(SscFile file, Map<Integer, byte[]> values) {
    Map<Integer, byte[]> out = new HashMap<>();
    values.forEach(
        (tag, value) -> {
          if (SscElement.byTag(file, tag).isEmpty()) {
            throw new IllegalArgumentException(
                String.format("tag %02X does not belong to %s", tag, file));
          }
          if (value.length > 0x7F) {
            throw new IllegalArgumentException(
                String.format("value of tag %02X is longer than 127 bytes", tag));
          }
          out.put(tag, value.clone());
        });
    return out;
  }
}
