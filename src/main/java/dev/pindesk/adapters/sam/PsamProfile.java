package dev.pindesk.adapters.sam;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.ports.KeyPurpose;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to drive one vendor's PSAM: its command set as data (JSON under {@code
 * dev/pindesk/sam/profiles/} or an administrator's file), because PSAM vendors differ in
 * application identifiers, key usages and versions, the P1 of the MAC command and status words —
 * and the card documentation (docs/card-commands.md) asks for these to be checked against the
 * vendor's manual, not compiled in.
 *
 * <p>Bytes are hex strings as a manual prints them ({@code "801A"}, {@code "27"}). {@link
 * PsamProfiles} validates a profile when it is loaded; the accessors below may then parse without
 * further checks.
 *
 * @param id stable name, shown in the status bar, logs and {@code sam info}
 * @param description which PSAMs it is for
 * @param assumptions what in this profile is not yet confirmed by a vendor manual (shown by {@code
 *     sam info}); empty when every value was checked
 * @param select how the PSAM application is selected
 * @param initForDescrypt CLA INS of INIT FOR DESCRYPT (PBOC {@code 801A})
 * @param keys key slots: which P1 (key usage) and P2 (key version) serve a purpose and algorithm
 * @param mac the DESCRYPT/MAC command
 * @param maxData most data bytes one command may carry (the MAC input is chunked to fit)
 * @param macLength bytes of MAC the card expects (4); a longer answer is cut to this
 * @param statusWords status word (4 hex digits) → what it means for the clerk
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PsamProfile(
    String id,
    String description,
    List<String> assumptions,
    Selection select,
    String initForDescrypt,
    List<KeySlot> keys,
    MacCommand mac,
    int maxData,
    int macLength,
    Map<String, PsamStatus> statusWords) {

  public PsamProfile {
    assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
    keys = keys == null ? List.of() : List.copyOf(keys);
    statusWords = statusWords == null ? Map.of() : Map.copyOf(statusWords);
  }

  /**
   * How the PSAM application is chosen: by AID ({@code 00 A4 04 00}) or file id ({@code 00 A4 00
   * 00}).
   */
  public enum SelectBy {
    AID,
    FID
  }

  /**
   * @param by AID or FID
   * @param value the AID (5..16 bytes) or file id (2 bytes) as hex
   */
  public record Selection(SelectBy by, String value) {}

  /**
   * One key of the PSAM.
   *
   * @param purpose reset or unblock key family
   * @param algorithm the card's MAC algorithm this key serves
   * @param p1 key usage byte of INIT FOR DESCRYPT (hex)
   * @param p2 key version / index byte (hex), or {@code "keyIndex"}: the card profile's key index
   * @param diversification how the card identification code becomes the diversification data
   */
  public record KeySlot(
      KeyPurpose purpose,
      CipherAlgorithm algorithm,
      String p1,
      String p2,
      DiversificationLayout diversification) {

    /** Marker for {@link #p2}: use the key index of the card profile. */
    public static final String KEY_INDEX = "keyIndex";

    /** P2 for a card whose profile names {@code keyIndex}. */
    public int p2For(int keyIndex) {
      return KEY_INDEX.equals(p2) ? keyIndex : Integer.parseInt(p2, 16);
    }

    public int p1Byte() {
      return Integer.parseInt(p1, 16);
    }
  }

  /**
   * The MAC command ({@code 80 FA} in PBOC style), sent once per chunk of the MAC input.
   *
   * @param header CLA INS as hex
   * @param p2 P2 as hex (usually 00)
   * @param p1Single P1 when the whole input fits one command
   * @param p1First P1 of the first of several commands
   * @param p1Next P1 of a middle command
   * @param p1Last P1 of the last of several commands
   * @param ivInFirstBlock true: the initial vector (the card's challenge, zero-filled to the cipher
   *     block) precedes the data in the first command; false: the host XORs it into the first data
   *     block (the same MAC for CBC-based MACs)
   * @param p1Encipher P1 of the same command enciphering 16 bytes (ECB) instead of MACing them, as
   *     external authentication and the PIN block need; {@code null} when the PSAM cannot encipher
   */
  public record MacCommand(
      String header,
      String p2,
      String p1Single,
      String p1First,
      String p1Next,
      String p1Last,
      boolean ivInFirstBlock,
      String p1Encipher) {

    /** Whether this PSAM can encipher (external authentication, PIN block). */
    public boolean canEncipher() {
      return p1Encipher != null;
    }
  }

  /** The key slot for a purpose and algorithm, if the PSAM has one. */
  public Optional<KeySlot> key(KeyPurpose purpose, CipherAlgorithm algorithm) {
    return keys.stream()
        .filter(k -> k.purpose() == purpose && k.algorithm() == algorithm)
        .findFirst();
  }

  /** What {@code sw} means according to this profile, if it lists it. */
  public Optional<PsamStatus> meaningOf(int sw) {
    return Optional.ofNullable(statusWords.get(String.format("%04X", sw)));
  }
}
