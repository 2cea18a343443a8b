package dev.pindesk.adapters.sam;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.ExternalAuthRequest;
import dev.pindesk.ports.SecureMessage;
import dev.pindesk.ports.SecureMessagingRequest;
import dev.pindesk.ports.SecurityModule;

/**
 * The security module of a counter whose certified reader holds the PSAM ({@code
 * pindesk.sam=reader} with {@code pindesk.device=sscard}): the vendor library uses it inside the
 * reader, and PinDesk has none of its own. When the library says its PSAM cannot do a card (its key
 * or algorithm is not in it) the HSM path would need the card-management service; this module
 * refuses that with {@code security_module_unavailable}, whose message says to configure the
 * service.
 */
public final class ReaderPsamOnly implements SecurityModule {

  @Override
  public String description() {
    return "the certified reader's own PSAM (no security module in PinDesk)";
  }

  @Override
  public boolean isTraining() {
    return false;
  }

  @Override
  public byte[] externalAuthentication(ExternalAuthRequest request) throws CardException {
    throw unavailable();
  }

  @Override
  public SecureMessage secureMessaging(SecureMessagingRequest request) throws CardException {
    throw unavailable();
  }

  private static CardException unavailable() {
    return new CardException(
        CardErrorCode.SECURITY_MODULE_UNAVAILABLE,
        "the reader's PSAM cannot serve this card and no card-management service is configured");
  }
}
