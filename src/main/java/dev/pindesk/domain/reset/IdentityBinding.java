package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.domain.id.IdDocument;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether the checked ID(s) and the card read belong together and whether the chosen
 * service can serve this card. Pure: the caller passes today's date and the mode.
 */
public final class IdentityBinding {
  private final AgentPolicy agentPolicy;

  public IdentityBinding(AgentPolicy agentPolicy) {
    this.agentPolicy = agentPolicy;
  }

  /** Every issue of binding {@code parties} to {@code card} for {@code service}. */
  public BindingResult check(
      ServiceKind service,
      CaseParties parties,
      CardFacts card,
      LocalDate today,
      boolean trainingMode) {
    Set<BindingIssue> issues = EnumSet.noneOf(BindingIssue.class);
    IdDocument holder = parties.holder();
    if (!holder.id().value().equals(card.holder().ssn().trim().toUpperCase(Locale.ROOT))) {
      issues.add(BindingIssue.SSN_MISMATCH);
    }
    if (holder.isExpired(today)) {
      issues.add(BindingIssue.ID_EXPIRED);
    }
    parties
        .agent()
        .ifPresent(
            agent -> {
              if (agent.isExpired(today)) {
                issues.add(BindingIssue.AGENT_ID_EXPIRED);
              }
              if (!agentPolicy.allows(card.info().regionCode())) {
                issues.add(BindingIssue.AGENT_NOT_ALLOWED);
              }
            });
    if (card.info().isExpired(today)) {
      issues.add(BindingIssue.CARD_EXPIRED);
    }
    pinIssue(service, card.pinStatus(), issues);
    if (card.trainingCard() && !trainingMode) {
      issues.add(BindingIssue.TRAINING_CARD_IN_PRODUCTION);
    } else if (!card.trainingCard() && trainingMode) {
      issues.add(BindingIssue.REAL_CARD_IN_TRAINING);
    }
    if (trainingMode && service != ServiceKind.CHANGE_INITIAL && !card.algorithm().inSoftware()) {
      // The training module computes in software; production modules say so at the write.
      issues.add(BindingIssue.ALGORITHM_UNSUPPORTED);
    }
    if (!sameName(holder.name(), card.holder().name())) {
      issues.add(BindingIssue.NAME_DIFFERS);
    }
    return new BindingResult(List.copyOf(issues));
  }

  private static void pinIssue(ServiceKind service, CardPinStatus pin, Set<BindingIssue> issues) {
    switch (pin.kind()) {
      case APPLICATION_LOCKED:
        issues.add(BindingIssue.APP_LOCKED);
        break;
      case BLOCKED:
        if (service != ServiceKind.UNLOCK) {
          issues.add(BindingIssue.PIN_BLOCKED_NEEDS_UNLOCK);
        }
        break;
      case TRIES_LEFT:
        if (service == ServiceKind.UNLOCK) {
          issues.add(BindingIssue.NOT_BLOCKED_FOR_UNLOCK);
        }
        break;
      default:
        break; // unknown: the write itself will tell
    }
  }

  /**
   * Names compare after Unicode compatibility normalisation and without spaces (the card pads,
   * clerks type spaces between characters); characters themselves are never "fixed".
   */
  private static boolean sameName(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000·•]", "");
  }
}
