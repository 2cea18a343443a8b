package dev.pindesk.card;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.pindesk.domain.CipherAlgorithm;
import java.util.List;

/**
 * How to talk to one family of social security cards. Profiles are data (JSON resources under
 * {@code dev/pindesk/card/profiles/}, or files an administrator adds) because the sources disagree
 * on record addressing, retry checks, key numbers and privileged commands per region and spec
 * version, and the privileged bytes are not public at all: every value a profile uses without a
 * public source is named in its {@code assumptions}, shown by {@code pindesk card profile show}, in
 * the diagnostics window, and logged when a production counter starts.
 *
 * @param id stable name, shown in logs and the card details
 * @param description what cards it is for
 * @param match which cards it applies to
 * @param recordAddressing P2 of READ RECORD by tag
 * @param selectEfP1 P1 of SELECT EF (02 per spec, 00 on some drivers)
 * @param retryCheckAllowed whether {@code 00 20 00 00} may be sent to learn tries left (some cards
 *     count it as a try, so it is off unless a profile knows better)
 * @param algorithm the block cipher when the card's FCI does not state it
 * @param externalAuthentication how the terminal authenticates to the card ({@code 00 82})
 * @param reset privileged command for a forgotten PIN (a new PIN under secure messaging)
 * @param unblock privileged command restoring the PIN's try counter (the PIN stays)
 * @param resetRestoresTries whether the card's reset also restores a blocked PIN's try counter
 *     (then the unlock service is the reset alone; otherwise unblock, then reset)
 * @param holderFileAccess what the card needs before EF06 can be read
 * @param assumptions every byte or behaviour this profile uses without a public source, each naming
 *     the field and why it is assumed
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
    ExternalAuthentication externalAuthentication,
    PrivilegedCommand reset,
    PrivilegedCommand unblock,
    boolean resetRestoresTries,
    HolderFileAccess holderFileAccess,
    List<String> assumptions) {

  public CardProfile {
    match = match == null ? Match.ANY : match;
    recordAddressing = recordAddressing == null ? RecordAddressing.TAG_P2_00 : recordAddressing;
    holderFileAccess = holderFileAccess == null ? HolderFileAccess.OPEN : holderFileAccess;
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    if (selectEfP1 != 0x00 && selectEfP1 != 0x02) {
      throw new IllegalArgumentException(id + ": selectEfP1 must be 0 or 2");
    }
    if (holderFileAccess == HolderFileAccess.AUTHENTICATE_WHEN_REFUSED
        && externalAuthentication == null) {
      throw new IllegalArgumentException(
          id + ": holderFileAccess AUTHENTICATE_WHEN_REFUSED needs externalAuthentication");
    }
    for (PrivilegedCommand c : new PrivilegedCommand[] {reset, unblock}) {
      if (c != null && c.externalAuthentication() && externalAuthentication == null) {
        throw new IllegalArgumentException(
            id + ": a command with externalAuthentication needs the externalAuthentication block");
      }
    }
  }

  /** What a card may need before its holder file (EF06) answers READ RECORD. */
  public enum HolderFileAccess {
    /** EF06 is readable after SELECT; {@code 69 82} is an error. */
    OPEN,
    /**
     * A card answering {@code 69 82} on EF06 (generation 3.0 cards in some regions) is read again
     * after an external authentication with the profile's key, when a security module is
     * configured; without one the read is refused ({@code NEEDS_SECURITY_MODULE}).
     */
    AUTHENTICATE_WHEN_REFUSED
  }

  /**
   * EXTERNAL AUTHENTICATE: GET CHALLENGE ({@code 00 84 00 00 <challengeLength>}), the cryptogram
   * from the security module, then {@code <header> <keyIndex> 10 <cryptogram>}.
   *
   * @param header CLA INS P1 as hex ({@code 008200})
   * @param keyIndex the card's external-authentication key number (P2) and the key address sent to
   *     the security module
   * @param challengeLength Le of GET CHALLENGE
   */
  public record ExternalAuthentication(String header, int keyIndex, int challengeLength) {
    public ExternalAuthentication {
      if (header == null || header.length() != 6) {
        throw new IllegalArgumentException("externalAuthentication.header must be CLA INS P1");
      }
      if (keyIndex < 0 || keyIndex > 0xFF) {
        throw new IllegalArgumentException("externalAuthentication.keyIndex must be 0 to 255");
      }
      if (challengeLength < 4 || challengeLength > 15) {
        throw new IllegalArgumentException("externalAuthentication.challengeLength must be 4..15");
      }
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
   * A privileged PIN command under secure messaging: {@code strategy} names the {@link
   * ResetStrategy}; the header is CLA INS P1 P2 as hex; {@code keyIndex} is the key address of its
   * secure-messaging key; {@code externalAuthentication} says whether the card must be
   * authenticated first.
   */
  public record PrivilegedCommand(
      String strategy, String header, int keyIndex, boolean externalAuthentication) {
    public PrivilegedCommand {
      if (header == null || header.length() != 8) {
        throw new IllegalArgumentException("privileged command header must be CLA INS P1 P2");
      }
      if (keyIndex < 0 || keyIndex > 0xFF) {
        throw new IllegalArgumentException("privileged command keyIndex must be 0 to 255");
      }
      if (!ResetStrategies.names().contains(strategy)) {
        throw new IllegalArgumentException(
            "unknown strategy " + strategy + ", known: " + ResetStrategies.names());
      }
    }
  }
}
