package dev.pindesk.domain.card;

import java.util.Optional;

/**
 * SSC generation, from the specification version in EF05 (tag 03). Behaviour that differs by
 * generation (e.g. mutual authentication before EF06 on 3rd-generation cards) is chosen by profile.
 */
public enum CardGeneration {
  GEN_1("1.00"),
  GEN_2("2.00"),
  GEN_3("3.00");

  private final String specVersion;

  CardGeneration(String specVersion) {
    this.specVersion = specVersion;
  }

  /** The specification version as the card stores it, e.g. {@code "3.00"}. */
  public String specVersion() {
    return specVersion;
  }

  /** The generation for a stored version string; empty for versions PinDesk does not know. */
  public static Optional<CardGeneration> fromSpecVersion(String specVersion) {
    for (CardGeneration g : values()) {
      if (g.specVersion.equals(specVersion)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
