package dev.pindesk.ports;

import java.util.Objects;

/**
 * What a security module needs to answer a card's external authentication — the card-management
 * service's call with serviceFlag 244: the key and its diversification data, and the card's
 * authentication random (its GET CHALLENGE answer).
 *
 * @param key the card's external-authentication key
 * @param authRandom the card's challenge
 */
public record ExternalAuthRequest(CardKeyAddress key, byte[] authRandom) {

  public ExternalAuthRequest {
    Objects.requireNonNull(key, "key");
    authRandom = Objects.requireNonNull(authRandom, "authRandom").clone();
  }

  @Override
  public byte[] authRandom() {
    return authRandom.clone();
  }

  @Override
  public String toString() {
    return "ExternalAuthRequest[" + key + ", random of " + authRandom.length + " bytes]";
  }
}
