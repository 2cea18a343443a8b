package dev.pindesk.domain.card;

/** Name (AID) of the social security application: ASCII "sx1.sh." + GBK "社会保障". */
public final class SsseAid {
  private static final byte[] AID = {
    0x73,
    0x78,
    0x31,
    0x2E,
    0x73,
    0x68,
    0x2E,
    (byte) 0xC9,
    (byte) 0xE7,
    (byte) 0xBB,
    (byte) 0xE1,
    (byte) 0xB1,
    (byte) 0xA3,
    (byte) 0xD5,
    (byte) 0xCF
  };

  private SsseAid() {}

  /** A fresh copy of the 15 AID bytes. */
  public static byte[] bytes() {
    return AID.clone();
  }
}
