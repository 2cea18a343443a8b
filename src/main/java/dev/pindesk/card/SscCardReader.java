package dev.pindesk.card;

import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import java.util.Optional;

/**
 * A full read of a social security card in one short exclusive transaction, with the fewest APDUs
 * the card allows: SELECT, SELECT EF05, 7 reads, SELECT EF06, 6 reads (+1 for a name extension), +1
 * retry check where the profile allows it.
 */
public final class SscCardReader {
  private final CardProfiles profiles;

  public SscCardReader(CardProfiles profiles) {
    this.profiles = profiles;
  }

  /** Reads the card on {@code connection}; the connection stays open. */
  public CardSnapshot read(CardConnection connection, ApduTracer tracer) throws CardException {
    ApduChannel channel = new ApduChannel(connection, tracer);
    SscApplication app = new SscApplication(channel);
    byte[] atr = connection.atr();
    boolean training = TrainingKeys.isTrainingCard(atr);
    connection.beginExclusive();
    try {
      Optional<CipherAlgorithm> fciAlgorithm = app.select();
      CardProfile readProfile = profile(training, null, fciAlgorithm.orElse(null), null);
      CardInfo info = app.readCardInfo(readProfile);
      CardProfile profile =
          profile(training, info.specVersion(), fciAlgorithm.orElse(null), info.regionCode());
      CardHolder holder = app.readHolder(profile);
      PinState pinState = app.pinState(profile);
      return new CardSnapshot(
          info,
          holder,
          pinState,
          profile,
          fciAlgorithm.orElse(profile.algorithm()),
          training,
          atr,
          channel.exchanges());
    } finally {
      connection.endExclusive();
    }
  }

  private CardProfile profile(
      boolean training, String specVersion, CipherAlgorithm algorithm, String region)
      throws CardException {
    return profiles
        .select(training, specVersion, algorithm, region)
        .orElseThrow(
            () ->
                new CardException(
                    CardErrorCode.UNSUPPORTED_CARD,
                    "no card profile for spec " + specVersion + ", " + algorithm));
  }
}
