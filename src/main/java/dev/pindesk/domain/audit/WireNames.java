package dev.pindesk.domain.audit;

import java.util.Locale;

/** Parsing of lower-case wire names back into enum constants. */
final class WireNames {
  private WireNames() {}

  static <E extends Enum<E>> E parse(Class<E> type, String wire) {
    for (E e : type.getEnumConstants()) {
      if (e.name().toLowerCase(Locale.ROOT).equals(wire)) {
        return e;
      }
    }
    throw new IllegalArgumentException(type.getSimpleName() + ": unknown wire name " + wire);
  }
}
