package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.card.SscFile;
import dev.pindesk.domain.card.SsseAid;
import dev.pindesk.domain.codec.Tlv;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * SELECT and READ RECORD of the virtual card: the SSSE application and its files EF05 / EF06. Not
 * thread-safe; the card serialises access.
 */
final class FileCommands {
  static final byte[] SSSE_AID = SsseAid.bytes();

  private static final int ALG_TDES = 0x01;
  private static final int ALG_SSF33 = 0x02;
  private static final int ALG_SM4 = 0x03;

  private final VirtualCardSpec spec;
  private final CardFiles files;
  private final BooleanSupplier authenticated;
  private boolean applicationSelected;
  private Optional<SscFile> currentFile = Optional.empty();

  /**
   * @param authenticated whether an external authentication opened the protected files (EF06 of an
   *     {@code ef06NeedsAuthentication} card)
   */
  FileCommands(VirtualCardSpec spec, CardFiles files, BooleanSupplier authenticated) {
    this.spec = spec;
    this.files = files;
    this.authenticated = authenticated;
  }

  boolean applicationSelected() {
    return applicationSelected;
  }

  /** Power-on state: nothing selected. */
  void reset() {
    applicationSelected = false;
    currentFile = Optional.empty();
  }

  Answer select(CommandApdu apdu) {
    if (apdu.p1() == 0x04 && apdu.p2() == 0x00) {
      return selectByName(apdu);
    }
    if ((apdu.p1() == 0x02 || apdu.p1() == 0x00) && apdu.p2() == 0x00) {
      return selectFile(apdu);
    }
    return Answer.status(Answer.WRONG_P1P2);
  }

  private Answer selectByName(CommandApdu apdu) {
    if (!apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (!Arrays.equals(apdu.data(), SSSE_AID)) {
      return Answer.status(Answer.FILE_NOT_FOUND);
    }
    applicationSelected = true;
    currentFile = Optional.empty();
    return new Answer(fci(), Answer.OK, true);
  }

  /**
   * {@code 6F [84 <AID>] [A5 [9F0C 03 [86 01 <alg>]]]}: the algorithm nested as cards in the field
   * state it.
   */
  private byte[] fci() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new Tlv(0x84, SSSE_AID).encode());
    if (spec.fciStatesAlgorithm()) {
      int alg =
          switch (spec.algorithm()) {
            case TDES -> ALG_TDES;
            case SSF33 -> ALG_SSF33;
            case SM4 -> ALG_SM4;
          };
      byte[] algorithm = new Tlv(0x86, new byte[] {(byte) alg}).encode();
      ByteArrayOutputStream proprietary = new ByteArrayOutputStream();
      proprietary.writeBytes(new byte[] {(byte) 0x9F, 0x0C, (byte) algorithm.length});
      proprietary.writeBytes(algorithm);
      body.writeBytes(new Tlv(0xA5, proprietary.toByteArray()).encode());
    }
    return new Tlv(0x6F, body.toByteArray()).encode();
  }

  private Answer selectFile(CommandApdu apdu) {
    if (apdu.data().length != 2) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    int fid = (apdu.data()[0] & 0xFF) << 8 | (apdu.data()[1] & 0xFF);
    Optional<SscFile> file =
        Arrays.stream(SscFile.values()).filter(f -> f.fileId() == fid).findFirst();
    // Files live inside the SSSE application: unreachable until it is selected.
    if (!applicationSelected || file.isEmpty()) {
      return Answer.status(Answer.FILE_NOT_FOUND);
    }
    currentFile = file;
    return Answer.status(Answer.OK);
  }

  Answer readRecord(CommandApdu apdu) {
    if (apdu.p2() != 0x00 && apdu.p2() != 0x04) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (currentFile.isEmpty()) {
      return Answer.status(Answer.NO_CURRENT_EF);
    }
    SscFile file = currentFile.get();
    if (file == SscFile.EF06 && spec.ef06NeedsAuthentication() && !authenticated.getAsBoolean()) {
      return Answer.status(Answer.SECURITY_NOT_SATISFIED);
    }
    Optional<byte[]> value = files.value(file, apdu.p1());
    if (value.isEmpty()) {
      return Answer.status(Answer.RECORD_NOT_FOUND);
    }
    byte[] tlv = new Tlv(apdu.p1(), value.get()).encode();
    if (apdu.le() == 0 || apdu.le() == tlv.length) {
      return Answer.ok(tlv);
    }
    return Answer.exactLength(tlv.length);
  }
}
