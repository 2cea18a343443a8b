package dev.pindesk.service.reset;

import dev.pindesk.domain.reset.AgentPolicy;
import java.util.Objects;

/**
 * Settings of the counter that shape a case.
 *
 * @param agentPolicy where agents may act for holders
 * @param trainingMode true when the workstation serves virtual training cards only
 */
public record ResetCaseConfig(AgentPolicy agentPolicy, boolean trainingMode) {
  public ResetCaseConfig {
    Objects.requireNonNull(agentPolicy, "agentPolicy");
  }
}
