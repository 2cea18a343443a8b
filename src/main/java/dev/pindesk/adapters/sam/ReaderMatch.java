package dev.pindesk.adapters.sam;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ReaderState;
import java.util.List;

/**
 * Which reader holds the PSAM: the configured name exactly, else the one reader whose name contains
 * it (reader names carry serial numbers and slot suffixes that change between machines).
 *
 * @param configured the {@code pindesk.sam.reader} setting
 */
public record ReaderMatch(String configured) {

  public ReaderMatch {
    if (configured == null || configured.isBlank()) {
      throw new IllegalArgumentException("PSAM reader name is empty");
    }
  }

  /** True when {@code reader} is (or may be) the PSAM's reader: never the citizen's reader. */
  public boolean matches(String reader) {
    return reader.equals(configured) || reader.contains(configured);
  }

  /**
   * The PSAM's reader among {@code readers}, with a card in it.
   *
   * @throws CardException {@code SECURITY_MODULE_UNAVAILABLE} when no reader matches, several do,
   *     or the reader is empty
   */
  String choose(List<ReaderState> readers) throws CardException {
    ReaderState chosen =
        readers.stream().filter(r -> r.name().equals(configured)).findFirst().orElse(null);
    if (chosen == null) {
      List<ReaderState> candidates = readers.stream().filter(r -> matches(r.name())).toList();
      if (candidates.isEmpty()) {
        throw unavailable(
            "no PSAM reader matching '"
                + configured
                + "' (readers: "
                + readers.stream().map(ReaderState::name).toList()
                + ")");
      }
      if (candidates.size() > 1) {
        throw unavailable(
            "PSAM reader '"
                + configured
                + "' is ambiguous: "
                + candidates.stream().map(ReaderState::name).toList());
      }
      chosen = candidates.get(0);
    }
    if (!chosen.cardPresent()) {
      throw unavailable("no PSAM in reader '" + chosen.name() + "'");
    }
    return chosen.name();
  }

  private static CardException unavailable(String detail) {
    return new CardException(CardErrorCode.SECURITY_MODULE_UNAVAILABLE, detail);
  }
}
