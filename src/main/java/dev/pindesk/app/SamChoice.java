package dev.pindesk.app;

import java.util.Optional;

/**
 * The security module ({@code pindesk.sam}).
 *
 * @param psamReader the PSAM's reader, exact or a unique part; present exactly for a PSAM
 * @param psamProfile the PSAM vendor profile: a built-in id or a JSON file
 * @param virtualTrainingPsam whether a virtual training PSAM goes into {@link
 *     CounterConfig#TRAINING_PSAM_READER} (training on the in-process reader with {@code
 *     pindesk.sam=psam})
 * @param cardService the card-management service: the only module with {@code
 *     pindesk.sam=card-service}, after the PSAM when {@code pindesk.cardservice.url} is set beside
 *     a PSAM (ADR 0029)
 * @param inCertifiedReader {@code pindesk.sam=reader}: the PSAM is inside the certified reader and
 *     used by its library; PinDesk has no security module of its own (ADR 0034)
 */
record SamChoice(
    Optional<String> psamReader,
    String psamProfile,
    boolean virtualTrainingPsam,
    Optional<CardServiceChoice> cardService,
    boolean inCertifiedReader) {
  /** Without a card-management service. */
  SamChoice(Optional<String> psamReader, String psamProfile, boolean virtualTrainingPsam) {
    this(psamReader, psamProfile, virtualTrainingPsam, Optional.empty());
  }

  SamChoice(
      Optional<String> psamReader,
      String psamProfile,
      boolean virtualTrainingPsam,
      Optional<CardServiceChoice> cardService) {
    this(psamReader, psamProfile, virtualTrainingPsam, cardService, false);
  }

  static SamChoice trainingKeys(String psamProfile) {
    return new SamChoice(Optional.empty(), psamProfile, false);
  }

  boolean psam() {
    return psamReader.isPresent();
  }
}
