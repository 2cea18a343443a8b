package dev.pindesk.adapters.virtualcard;

/** Transmission protocol a virtual card announces in its ATR and simulates (ISO/IEC 7816-3). */
public enum CardProtocol {
  /** Character protocol: case-4 commands may lose their Le, data may need GET RESPONSE. */
  T0,
  /** Block protocol: data comes back with the status word directly. */
  T1
}
