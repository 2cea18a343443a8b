package dev.pindesk.crypto.gm;

import java.util.Objects;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** An SM2 key pair. {@code toString()} never shows the private key. */
public record Sm2KeyPair(ECPublicKeyParameters publicKey, ECPrivateKeyParameters privateKey) {
  public Sm2KeyPair {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(privateKey, "privateKey");
  }

  @Override
  public String toString() {
    return "Sm2KeyPair[private key hidden]";
  }
}
