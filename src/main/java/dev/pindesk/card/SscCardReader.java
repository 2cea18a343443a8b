package dev.pindesk.card;

import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import dev.pindesk.ports.CardConnection;
import dev.pindesk.ports.SecurityModule;
import java.util.Optional;

/**
 * A full read of a social security card in one short exclusive transaction, with the fewest APDUs
 * the card allows: SELECT, SELECT EF05, 7 reads, SELECT EF06, 6 reads (+1 for a name extension), +1
 * retry check where the profile allows it.
 *
 * <p>A card that protects its holder file ({@code 69 82} on EF06) is read again after the external
 * authentication its profile names ({@link CardProfile.HolderFileAccess#AUTHENTICATE_WHEN_REFUSED})
 * when a security module is configured; without one the read ends with {@code
 * NEEDS_SECURITY_MODULE}.
 */
public final class SscCardReader {
  private final CardProfiles profiles;
  private final Optional<SecurityModule> module;

  /** A reader without a security module: protected holder files cannot be read. */
  public SscCardReader(CardProfiles profiles) {
    this(profiles, Optional.empty());
  }

  public SscCardReader(CardProfiles profiles, Optional<SecurityModule> module) {
    this.profiles = profiles;
    this.module = module;
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
      CipherAlgorithm algorithm = fciAlgorithm.orElse(profile.algorithm());
      CardHolder holder = readHolder(app, profile, algorithm, info, atr);
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

  private CardHolder readHolder(
      SscApplication app, CardProfile profile, CipherAlgorithm algorithm, CardInfo info, byte[] atr)
      throws CardException {
    try {
      return app.readHolder(profile);
    } catch (CardException e) {
      if (e.code() != CardErrorCode.SECURITY_NOT_SATISFIED
          || profile.holderFileAccess() != CardProfile.HolderFileAccess.AUTHENTICATE_WHEN_REFUSED) {
        throw e;
      }
      if (module.isEmpty()) {
        throw new CardException(
            CardErrorCode.NEEDS_SECURITY_MODULE,
            "EF06 needs authentication (69 82) and no security module is configured");
      }
      ExternalAuthenticator.authenticate(app, profile, algorithm, info, atr, module.get());
      return app.readHolder(profile);
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
