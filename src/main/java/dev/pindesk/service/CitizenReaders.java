package dev.pindesk.service;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.CardTerminals;
import dev.pindesk.ports.ReaderState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The readers a citizen's card may be in: all of the workstation's but the security module's. The
 * clerk's side (reader choice, reader watcher, card reads and writes) sees the workstation through
 * this, so a PSAM is never read, bound or written as if it were a social security card.
 */
public final class CitizenReaders implements CardTerminals {
  private final CardTerminals all;
  private final Predicate<String> securityModuleReader;

  /**
   * @param securityModuleReader true for the reader names the security module uses
   */
  public CitizenReaders(CardTerminals all, Predicate<String> securityModuleReader) {
    this.all = Objects.requireNonNull(all);
    this.securityModuleReader = Objects.requireNonNull(securityModuleReader);
  }

  @Override
  public List<ReaderState> readers() throws CardException {
    return visible(all.readers());
  }

  @Override
  public List<ReaderState> awaitChange(Duration timeout) throws CardException {
    return visible(all.awaitChange(timeout));
  }

  @Override
  public CardConnection connect(String reader) throws CardException {
    if (securityModuleReader.test(reader)) {
      throw new CardException(
          CardErrorCode.READER_NOT_FOUND, reader + " is the security module's reader");
    }
    return all.connect(reader);
  }

  private List<ReaderState> visible(List<ReaderState> readers) {
    return readers.stream().filter(r -> !securityModuleReader.test(r.name())).toList();
  }
}
