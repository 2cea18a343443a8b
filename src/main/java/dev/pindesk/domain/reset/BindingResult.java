package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.ServiceKind;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link IdentityBinding}: every issue found, blocking ones first.
 *
 * @param issues issues in {@link BindingIssue} declaration order
 */
public record BindingResult(List<BindingIssue> issues) {
  public BindingResult {
    issues = List.copyOf(issues);
  }

  public List<BindingIssue> blocking() {
    return issues.stream().filter(BindingIssue::isBlocking).toList();
  }

  public List<BindingIssue> warnings() {
    return issues.stream().filter(i -> !i.isBlocking()).toList();
  }

  /** Bindable when nothing blocks and every warning was confirmed by the clerk. */
  public boolean canBind(boolean clerkConfirmedWarnings) {
    return blocking().isEmpty() && (warnings().isEmpty() || clerkConfirmedWarnings);
  }

  /** The first issue, to show and to journal. */
  public Optional<BindingIssue> firstIssue() {
    return issues.stream().findFirst();
  }

  /** The service the clerk should offer instead, when an issue suggests one. */
  public Optional<ServiceKind> suggestedService() {
    return issues.stream().flatMap(i -> i.suggestedService().stream()).findFirst();
  }
}
