package dev.pindesk.adapters.sam;

import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.Secrets;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.MacRequest;
import dev.pindesk.ports.SecurityModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security module of training mode: computes MACs with the public {@link TrainingKeys}, and
 * only for virtual training cards (ATR carrying {@link TrainingKeys#ATR_MARKER}). Against any other
 * card it refuses, so training mode can never write a PIN onto a citizen's card.
 */
public final class TrainingSecurityModule implements SecurityModule {
  private static final Logger LOG = LoggerFactory.getLogger(TrainingSecurityModule.class);

  @Override
  public String description() {
    return "Training security module (public training keys, not for real cards)";
  }

  @Override
  public boolean isTraining() {
    return true;
  }

  @Override
  public byte[] mac(MacRequest request) throws CardException {
    checkComplete(request);
    if (!TrainingKeys.isTrainingCard(request.cardAtr())) {
      throw refused("training keys are only used with virtual training cards; this ATR is not one");
    }
    byte[] cardKey = null;
    try {
      cardKey =
          TrainingKeys.cardKey(
              request.purpose(), request.keyIndex(), request.algorithm(), request.cardIdCode());
      byte[] mac =
          CardMac.compute(request.algorithm(), cardKey, request.challenge(), request.macInput());
      // Never the data (it may hold a PIN block) nor any key.
      LOG.debug(
          "training MAC computed: purpose={}, keyIndex={}, algorithm={}",
          request.purpose(),
          request.keyIndex(),
          request.algorithm());
      return mac;
    } catch (IllegalArgumentException e) {
      // Our crypto code names lengths and positions only, never content.
      throw refused("invalid MAC request: " + e.getMessage());
    } finally {
      Secrets.wipe(cardKey);
    }
  }

  private static void checkComplete(MacRequest request) throws CardException {
    if (request == null
        || request.purpose() == null
        || request.algorithm() == null
        || request.cardIdCode() == null
        || request.cardAtr() == null
        || request.challenge() == null
        || request.macInput() == null) {
      throw refused("incomplete MAC request");
    }
  }

  private static CardException refused(String detail) {
    return new CardException(CardErrorCode.SECURITY_MODULE_REFUSED, detail);
  }
}
