package dev.pindesk.service.reset;

import dev.pindesk.domain.error.CardException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one write of a case did on the card: the commands that succeeded (for an unlock: the
 * unblock, then the reset) and the failure, if any.
 *
 * @param done card commands of the write that succeeded
 * @param failure why the write stopped, if it did
 */
public record WriteReport(Set<PinWriter.Step> done, Optional<CardException> failure) {
  static final WriteReport NONE = new WriteReport(Set.of(), Optional.empty());

  public WriteReport {
    done = done.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(done));
  }

  /** The try counter was restored (unblock) during the write. */
  public boolean unblocked() {
    return done.contains(PinWriter.Step.UNBLOCKED);
  }

  /** The new PIN was written during the write. */
  public boolean pinSet() {
    return done.contains(PinWriter.Step.RESET) || done.contains(PinWriter.Step.CHANGED);
  }
}
