package dev.pindesk.domain.reset;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.id.IdDocument;
import java.util.Objects;
import java.util.Optional;

/** The people of a case: the holder, and the agent when one acts for the holder. */
public final class CaseParties {
  private final IdDocument holder;
  private final IdDocument agent; // null when the holder is present in person

  private CaseParties(IdDocument holder, IdDocument agent) {
    this.holder = Objects.requireNonNull(holder, "holder");
    this.agent = agent;
  }

  public static CaseParties inPerson(IdDocument holder) {
    return new CaseParties(holder, null);
  }

  /**
   * @throws IllegalArgumentException when the agent's ID number is the holder's
   */
  public static CaseParties byAgent(IdDocument holder, IdDocument agent) {
    Objects.requireNonNull(agent, "agent");
    if (agent.id().equals(holder.id())) {
      throw new IllegalArgumentException("the agent's ID number is the holder's");
    }
    return new CaseParties(holder, agent);
  }

  public IdDocument holder() {
    return holder;
  }

  public Optional<IdDocument> agent() {
    return Optional.ofNullable(agent);
  }

  public HolderKind kind() {
    return agent == null ? HolderKind.IN_PERSON : HolderKind.AGENT;
  }

  @Override
  public String toString() {
    return "CaseParties[holder=" + holder + (agent == null ? "" : ", agent=" + agent) + "]";
  }
}
