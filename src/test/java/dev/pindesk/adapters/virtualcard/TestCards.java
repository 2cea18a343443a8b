package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.CardMac;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.codec.Bcd;
import dev.pindesk.domain.codec.Hex;
import dev.pindesk.ports.KeyPurpose;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Virtual cards for tests that do not depend on the domain encoders or the crypto package: raw
 * element values encoded here, and stand-in keys.
 */
final class TestCards {
  static final String SELECT_SSSE = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF";
  static final String SELECT_EF05 = "00A4020002EF05";
  static final String SELECT_EF06 = "00A4020002EF06";
  static final Charset GB18030 = Charset.forName("GB18030");

  /** Stand-in for the card keys: deterministic functions of purpose, challenge and input. */
  static final CardKeys FAKE_KEYS =
      new CardKeys() {
        @Override
        public byte[] cryptogram(byte[] challenge) {
          return Arrays.copyOf(sha256("EXTERNAL", challenge, new byte[0]), 16);
        }

        @Override
        public byte[] mac(KeyPurpose purpose, byte[] challenge, byte[] input) {
          return Arrays.copyOf(sha256(purpose.name(), challenge, input), 4);
        }

        @Override
        public byte[] decipher(KeyPurpose purpose, byte[] field) {
          byte[] out = field.clone();
          for (int i = 0; i < out.length; i++) {
            out[i] ^= 0x5A;
          }
          return out;
        }
      };

  private static byte[] sha256(String label, byte[] challenge, byte[] input) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(label.getBytes(StandardCharsets.US_ASCII));
      md.update(challenge);
      md.update(input);
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestCards() {}

  static VirtualCardSpec gen3() {
    return VirtualCardSpecs.loadResource("training-gen3-sm4.json");
  }

  static VirtualCardSpec gen2() {
    return VirtualCardSpecs.loadResource("training-gen2-tdes.json");
  }

  static VirtualSscCard card(VirtualCardSpec spec) {
    return VirtualSscCard.builder(spec)
        .files(rawFiles(spec))
        .random(new Random(7))
        .keys(FAKE_KEYS)
        .build();
  }

  /**
   * EF05 / EF06 values encoded by the test itself (binary identification code, ASCII, BCD, GB18030
   * padded with 00); optional elements the profile leaves out are not stored.
   */
  static CardFiles rawFiles(VirtualCardSpec spec) {
    CardInfoSpec c = spec.card();
    Map<Integer, byte[]> ef05 = new HashMap<>();
    ef05.put(0x01, Hex.parse(c.cardIdCode()));
    if (c.cardType() != null) {
      ef05.put(0x02, ascii(c.cardType()));
    }
    ef05.put(0x03, ascii(c.specVersion()));
    if (c.issuerOrg() != null) {
      ef05.put(0x04, ascii(c.issuerOrg()));
    }
    ef05.put(0x05, bcdDate(c.issueDate()));
    ef05.put(0x06, bcdDate(c.expiryDate()));
    ef05.put(0x07, ascii(c.cardNumber()));
    HolderSpec h = spec.holder();
    Map<Integer, byte[]> ef06 = new HashMap<>();
    ef06.put(0x08, ascii(h.ssn()));
    byte[] name = h.name().getBytes(GB18030);
    ef06.put(0x09, Arrays.copyOf(name, 30));
    if (name.length > 30) {
      ef06.put(0x4E, Arrays.copyOf(Arrays.copyOfRange(name, 30, name.length), 20));
    }
    ef06.put(0x0A, ascii(h.sex()));
    if (h.ethnicity() != null) {
      ef06.put(0x0B, new byte[] {(byte) Integer.parseInt(h.ethnicity(), 16)}); // BCD: "10" -> 0x10
    }
    if (h.birthplace() != null) {
      ef06.put(0x0C, Bcd.encode(h.birthplace()));
    }
    ef06.put(0x0D, bcdDate(h.birthDate()));
    return new CardFiles(ef05, ef06);
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] bcdDate(String iso) {
    return Bcd.encode(LocalDate.parse(iso).toString().replace("-", ""));
  }

  static byte[] send(VirtualSscCard card, String hex) {
    try {
      return card.process(Hex.parse(hex));
    } catch (VirtualCardFault e) {
      throw new AssertionError("unexpected fault", e);
    }
  }

  static byte[] send(VirtualSscCard card, byte[] apdu) {
    return send(card, Hex.of(apdu));
  }

  /** Status word as 4 hex digits. */
  static String sw(byte[] response) {
    return Hex.of(response, response.length - 2, response.length);
  }

  static byte[] data(byte[] response) {
    return Arrays.copyOf(response, response.length - 2);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** True once the crypto work package has replaced the stubs of CardMac / TrainingKeys. */
  static boolean trainingCryptoAvailable() {
    try {
      byte[] key =
          TrainingKeys.cardKey(KeyPurpose.RESET_PIN, 1, CipherAlgorithm.SM4, "0".repeat(16));
      CardMac.compute(CipherAlgorithm.SM4, key, new byte[8], new byte[5]);
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }

  /** True once the domain work package has replaced the stubs of CardInfo / CardHolder. */
  static boolean domainEncodersAvailable() {
    try {
      gen3().card().toCardInfo().encode();
      gen3().holder().toCardHolder().encode();
      return true;
    } catch (UnsupportedOperationException e) {
      return false;
    }
  }
}
