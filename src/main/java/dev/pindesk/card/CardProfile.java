package dev.pindesk.card;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.pindesk.domain.CipherAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * How to talk to one family of social security cards. Profiles are data (JSON resources under
 * {@code dev/pindesk/card/profiles/}, or files an administrator adds) because the sources disagree
 * on record addressing, retry checks, key indexes and privileged commands per region and spec
 * version.
 *
 * @param id stable name, shown in logs and the card details
 * @param description what cards it is for
 * @param match which cards it applies to
 * @param recordAddressing P2 of READ RECORD by tag
 * @param selectEfP1 P1 of SELECT EF (02 per spec, 00 on some drivers)
 * @param retryCheckAllowed whether {@code 00 20 00 00} may be sent to learn tries left (some cards
 *     count it as a try, so it is off unless a profile knows better)
 * @param algorithm the MAC algorithm when the card's FCI does not state it
 * @param keyIndex key index of the reset/unblock keys in the security module
 * @param reset privileged command for a forgotten PIN
 * @param unlock privileged command for a blocked PIN
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record CardProfile(
    String id,
    String description,
    Match match,
    RecordAddressing recordAddressing,
    int selectEfP1,
    boolean retryCheckAllowed,
    CipherAlgorithm algorithm,
    int keyIndex,
    PrivilegedCommand reset,
    PrivilegedCommand unlock) {

  public CardProfile {
    match = match == null ? Match.ANY : match;
    recordAddressing = recordAddressing == null ? RecordAddressing.TAG_P2_00 : recordAddressing;
    if (selectEfP1 != 0x00 && selectEfP1 != 0x02) {
      throw new IllegalArgumentException(id + ": selectEfP1 must be 0 or 2");
    }
  }

  /** READ RECORD addressing forms seen in the field. */
  public enum RecordAddressing {
    /** {@code 00 B2 <tag> 00}. */
    TAG_P2_00(0x00),
    /** {@code 00 B2 <tag> 04}. */
    TAG_P2_04(0x04);

    private final int p2;

    RecordAddressing(int p2) {
      this.p2 = p2;
    }

    public int p2() {
      return p2;
    }
  }

  /**
   * Which cards a profile applies to; empty lists match anything.
   *
   * @param trainingCard true: only virtual training cards; false: only real cards; null: both
   */
  public record Match(
      Boolean trainingCard,
      List<String> specVersions,
      List<CipherAlgorithm> algorithms,
      List<String> regionPrefixes) {
    static final Match ANY = new Match(null, List.of(), List.of(), List.of());

    public Match {
      specVersions = specVersions == null ? List.of() : List.copyOf(specVersions);
      algorithms = algorithms == null ? List.of() : List.copyOf(algorithms);
      regionPrefixes = regionPrefixes == null ? List.of() : List.copyOf(regionPrefixes);
    }
  }

  /**
   * A privileged PIN command: {@code strategy} names the {@link ResetStrategy}; the header is CLA
   * INS P1 P2 as hex.
   */
  public record PrivilegedCommand(String strategy, String header) {}

  /** The unlock command, when the profile has one. */
  public Optional<PrivilegedCommand> unlockCommand() {
    return Optional.ofNullable(unlock);
  }
}
