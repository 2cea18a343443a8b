package dev.pindesk.service.reset;

import dev.pindesk.domain.pin.PinPolicyProfile;
import dev.pindesk.domain.reset.AgentPolicy;
import java.util.Objects;

/**
 * Settings of the counter that shape a case.
 *
 * @param agentPolicy where agents may act for holders
 * @param trainingMode true when the workstation serves virtual training cards only
 * @param pinPolicy the regional data of the new-PIN policy (initial PINs, extra weak PINs)
 */
public record ResetCaseConfig(
    AgentPolicy agentPolicy, boolean trainingMode, PinPolicyProfile pinPolicy) {
  public ResetCaseConfig {
    Objects.requireNonNull(agentPolicy, "agentPolicy");
    Objects.requireNonNull(pinPolicy, "pinPolicy");
  }

  /** With the standard PIN policy (initial PIN 123456, no regional differences). */
  public ResetCaseConfig(AgentPolicy agentPolicy, boolean trainingMode) {
    this(agentPolicy, trainingMode, PinPolicyProfile.standard());
  }
}
