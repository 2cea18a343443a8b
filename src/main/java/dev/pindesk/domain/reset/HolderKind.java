package dev.pindesk.domain.reset;

/** Who stands at the counter: the card holder, or an agent acting for the holder. */
public enum HolderKind {
  IN_PERSON,
  /** Both IDs are checked and recorded; the region's {@link AgentPolicy} must allow it. */
  AGENT
}
