package dev.pindesk.adapters.virtualcard;

/**
 * What a command handler answers, before the T=0 transport decides whether the data goes through
 * {@code 61 xx} / GET RESPONSE.
 *
 * @param data response data (may be empty)
 * @param sw status word
 * @param case4 whether the command sent data and expects data (only these go through GET RESPONSE
 *     in {@link GetResponseMode#CASE4})
 */
record Answer(byte[] data, int sw, boolean case4) {
  static final int OK = 0x9000;
  static final int WRONG_LENGTH = 0x6700;
  static final int SECURITY_NOT_SATISFIED = 0x6982;
  static final int PIN_BLOCKED = 0x6983;
  static final int CONDITIONS_NOT_SATISFIED = 0x6985;
  static final int NO_CURRENT_EF = 0x6986;
  static final int MAC_WRONG = 0x6988;
  static final int WRONG_DATA = 0x6A80;
  static final int FILE_NOT_FOUND = 0x6A82;
  static final int RECORD_NOT_FOUND = 0x6A83;
  static final int WRONG_P1P2 = 0x6A86;
  static final int KEY_NOT_FOUND = 0x6A88;
  static final int INS_NOT_SUPPORTED = 0x6D00;
  static final int CLA_NOT_SUPPORTED = 0x6E00;
  static final int APP_LOCKED = 0x9303;

  static Answer status(int sw) {
    return new Answer(new byte[0], sw, false);
  }

  static Answer ok(byte[] data) {
    return new Answer(data, OK, false);
  }

  /** {@code 63 Cx}: wrong PIN / retry counter with {@code tries} left. */
  static Answer triesLeft(int tries) {
    return status(0x63C0 | tries);
  }

  /** {@code 6C xx}: wrong Le, resend with Le = {@code exact}. */
  static Answer exactLength(int exact) {
    return status(0x6C00 | (exact & 0xFF));
  }

  byte[] toBytes() {
    byte[] out = new byte[data.length + 2];
    System.arraycopy(data, 0, out, 0, data.length);
    out[data.length] = (byte) (sw >> 8);
    out[data.length + 1] = (byte) sw;
    return out;
  }
}
