package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable picture of a {@link ResetCase} for the screens: where it is and which steps it
 * allows, so the wizard renders what the case says instead of re-deriving the rules. Holds no
 * document, card data or PIN.
 *
 * @param allowed the steps the case allows now ({@link ResetCase#allows})
 * @param lastError why the last recorded step was refused, not written, left in doubt or cancelled
 */
public record CaseSnapshot(
    String id,
    ServiceKind service,
    HolderKind holderKind,
    CaseState state,
    Set<CaseStep> allowed,
    Optional<CaseError> lastError) {

  public CaseSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(holderKind, "holderKind");
    Objects.requireNonNull(state, "state");
    allowed = Set.copyOf(allowed);
    Objects.requireNonNull(lastError, "lastError");
  }

  public boolean allows(CaseStep step) {
    return allowed.contains(step);
  }

  /** Whether the case can still be cancelled (not once the new PIN is on the card). */
  public boolean cancellable() {
    return allows(CaseStep.CANCEL);
  }
}
