package dev.pindesk.adapters.journal;

import java.nio.ByteBuffer;

/**
 * Body of a SEGMENT entry: the supervisor key id (32 bytes, SM3 of the supervisor's public point)
 * and the segment's 16-byte SM4 data key encrypted to it with SM2 ({@code C1 ‖ C3 ‖ C2}, 113
 * bytes). Only the supervisor's private key recovers the data key.
 */
record SegmentBody(byte[] supervisorKeyId, byte[] wrappedKey) {
  static final int WRAPPED_LENGTH = 65 + 32 + 16;
  static final int LENGTH = 32 + WRAPPED_LENGTH;

  byte[] encode() {
    return ByteBuffer.allocate(LENGTH).put(supervisorKeyId).put(wrappedKey).array();
  }

  static SegmentBody decode(byte[] body) {
    if (body.length != LENGTH) {
      throw new IllegalArgumentException("segment body is " + body.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(body);
    byte[] id = new byte[32];
    byte[] wrapped = new byte[WRAPPED_LENGTH];
    b.get(id).get(wrapped);
    return new SegmentBody(id, wrapped);
  }
}
