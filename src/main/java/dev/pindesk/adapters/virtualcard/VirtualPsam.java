package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.KeyDiversification;
import dev.pindesk.crypto.TrainingKeys;
import dev.pindesk.domain.CipherAlgorithm;
import dev.pindesk.domain.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A training PSAM answering the commands of the generic PBOC-style vendor profile ({@code
 * pboc-psam-generic}): SELECT of application 1001, INIT FOR DESCRYPT ({@code 80 1A}, key usage /
 * version, one level of diversification data) and DESCRYPT/MAC ({@code 80 FA}; P1 00 enciphers
 * 16-byte fields, otherwise P1 bits: 04 initial value in front, 02 more blocks follow, 01 MAC). Its
 * keys are the public training master keys, so a PIN write authorised by it is accepted by virtual
 * training cards — the same MAC the training security module computes. T=0: answers with data go
 * through {@code 61 xx} / GET RESPONSE.
 *
 * <p>Faults: {@linkplain Builder#locked locked} (SELECT answers {@code 6A 81}), {@linkplain
 * Builder#wrongApplication wrong application} ({@code 6A 82}), {@linkplain Builder#removeAfterApdus
 * removal} after a number of commands. Thread-safe.
 */
public final class VirtualPsam implements VirtualCard {
  /** File id of the PSAM application in the generic profile. */
  public static final byte[] APPLICATION_FID = {0x10, 0x01};

  private static final int OK = 0x9000;
  private static final int WRONG_LENGTH = 0x6700;
  private static final int LOCKED = 0x6A81;
  private static final int AUTH_BLOCKED = 0x6983;
  private static final int CONDITIONS = 0x6985;
  private static final int WRONG_DATA = 0x6A80;
  private static final int NOT_FOUND = 0x6A82;
  private static final int WRONG_P1P2 = 0x6A86;
  private static final int KEY_NOT_FOUND = 0x6A88;
  private static final int INS_NOT_SUPPORTED = 0x6D00;
  private static final int CLA_NOT_SUPPORTED = 0x6E00;

  private static final byte[] ATR = trainingAtr();
  private static final byte[] FCI = fci();

  private final List<VirtualPsamKey> keys;
  private final boolean wrongApplication;
  private final long removeAfterApdus;
  private boolean locked;
  private boolean selected;
  private PsamMacChain chain; // after INIT FOR DESCRYPT, until the MAC is answered
  private byte[] pending; // T=0 data + SW waiting for GET RESPONSE
  private long apduCount;
  private long macs;
  private boolean left;
  private boolean removalFired;

  private VirtualPsam(Builder b) {
    this.keys = List.copyOf(b.keys);
    this.locked = b.locked;
    this.wrongApplication = b.wrongApplication;
    this.removeAfterApdus = b.removeAfterApdus;
  }

  /** A working training PSAM with the generic profile's keys. */
  public static VirtualPsam training() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles a virtual PSAM; by default working, with {@link VirtualPsamKey#genericTraining()}.
   */
  public static final class Builder {
    private List<VirtualPsamKey> keys = VirtualPsamKey.genericTraining();
    private boolean locked;
    private boolean wrongApplication;
    private long removeAfterApdus;

    private Builder() {}

    /** The keys loaded (a PSAM without some key answers {@code 6A 88} for it). */
    public Builder keys(List<VirtualPsamKey> value) {
      this.keys = Objects.requireNonNull(value);
      return this;
    }

    /** A locked PSAM: its application answers SELECT with {@code 6A 81}. */
    public Builder locked(boolean value) {
      this.locked = value;
      return this;
    }

    /** Another card: SELECT of the PSAM application answers {@code 6A 82}. */
    public Builder wrongApplication(boolean value) {
      this.wrongApplication = value;
      return this;
    }

    /** Leaves the reader right after answering this many commands (0: never). */
    public Builder removeAfterApdus(long value) {
      this.removeAfterApdus = value;
      return this;
    }

    public VirtualPsam build() {
      return new VirtualPsam(this);
    }
  }

  @Override
  public byte[] atr() {
    return ATR.clone();
  }

  /** Locks the PSAM now, as too many failed authentications would. */
  public synchronized void lock() {
    locked = true;
  }

  /** MACs answered so far. */
  public synchronized long macsComputed() {
    return macs;
  }

  @Override
  public synchronized long apduCount() {
    return apduCount;
  }

  @Override
  public synchronized boolean hasLeft() {
    return left;
  }

  @Override
  public synchronized void reset() {
    left = false;
    selected = false;
    dropChain();
    pending = null;
  }

  @Override
  public synchronized byte[] process(byte[] command) throws VirtualCardFault.Removed {
    if (left) {
      throw new VirtualCardFault.Removed();
    }
    apduCount++;
    byte[] response = answer(command);
    if (removeAfterApdus > 0 && !removalFired && apduCount >= removeAfterApdus) {
      left = true;
      removalFired = true;
    }
    return response;
  }

  private byte[] answer(byte[] raw) {
    Optional<CommandApdu> parsed = CommandApdu.parse(raw);
    if (parsed.isEmpty()) {
      pending = null;
      return Answer.status(WRONG_LENGTH).toBytes();
    }
    CommandApdu apdu = parsed.get();
    if (apdu.cla() != 0x00 && apdu.cla() != 0x80) {
      return Answer.status(CLA_NOT_SUPPORTED).toBytes();
    }
    if (apdu.ins() == 0xC0) { // GET RESPONSE: 00 C0 as PinDesk sends it; 80 C0 accepted too
      return getResponse(apdu);
    }
    pending = null;
    Answer a =
        switch (apdu.cla() << 8 | apdu.ins()) {
          case 0x00A4 -> select(apdu);
          case 0x801A -> initForDescrypt(apdu);
          case 0x80FA -> mac(apdu);
          default -> Answer.status(INS_NOT_SUPPORTED);
        };
    if (a.data().length == 0) {
      return a.toBytes();
    }
    pending = a.toBytes();
    return Answer.status(0x6100 | a.data().length).toBytes();
  }

  private Answer select(CommandApdu apdu) {
    dropChain();
    selected = false;
    if (apdu.p1() == 0x00 && Arrays.equals(apdu.data(), new byte[] {0x3F, 0x00})) {
      return Answer.status(OK); // the MF
    }
    if (apdu.p1() != 0x00 || !Arrays.equals(apdu.data(), APPLICATION_FID) || wrongApplication) {
      return Answer.status(NOT_FOUND);
    }
    if (locked) {
      return Answer.status(LOCKED);
    }
    selected = true;
    return new Answer(FCI, OK, true);
  }

  private Answer initForDescrypt(CommandApdu apdu) {
    dropChain();
    if (locked) {
      return Answer.status(AUTH_BLOCKED);
    }
    if (!selected) {
      return Answer.status(CONDITIONS);
    }
    VirtualPsamKey key =
        keys.stream()
            .filter(k -> k.usage() == apdu.p1() && k.version() == apdu.p2())
            .findFirst()
            .orElse(null);
    if (key == null) {
      return Answer.status(KEY_NOT_FOUND);
    }
    CipherAlgorithm algorithm = key.algorithm();
    int expected = algorithm == CipherAlgorithm.TDES ? 8 : 16;
    if (apdu.data().length != expected) {
      return Answer.status(WRONG_LENGTH);
    }
    byte[] master = TrainingKeys.masterKey(key.purpose(), key.keyIndex(), algorithm);
    try {
      chain =
          new PsamMacChain(algorithm, KeyDiversification.fromData(algorithm, master, apdu.data()));
    } finally {
      Secrets.wipe(master);
    }
    return Answer.status(OK);
  }

  private Answer mac(CommandApdu apdu) {
    byte[] data = apdu.data();
    try {
      if (locked) {
        dropChain();
        return Answer.status(AUTH_BLOCKED);
      }
      if (chain == null) {
        return Answer.status(CONDITIONS);
      }
      int p1 = apdu.p1();
      if (p1 == 0x00 && apdu.p2() == 0) {
        return encipher(data);
      }
      if ((p1 & 0x01) == 0 || (p1 & ~0x07) != 0 || apdu.p2() != 0) {
        dropChain();
        return Answer.status(WRONG_P1P2);
      }
      int block = chain.blockSize();
      if (data.length == 0 || data.length % block != 0) {
        dropChain();
        return Answer.status(WRONG_LENGTH);
      }
      boolean withIv = (p1 & 0x04) != 0;
      if (withIv) {
        byte[] iv = Arrays.copyOf(data, block);
        byte[] rest = Arrays.copyOfRange(data, block, data.length);
        chain.start(iv);
        chain.append(rest);
        Secrets.wipe(iv, rest);
      } else {
        if (!chain.started()) {
          chain.start(new byte[block]);
        }
        chain.append(data);
      }
      if ((p1 & 0x02) != 0) {
        return Answer.status(OK);
      }
      Optional<byte[]> mac = chain.finish();
      dropChain();
      if (mac.isEmpty()) {
        return Answer.status(WRONG_DATA);
      }
      macs++;
      return new Answer(mac.get(), OK, true);
    } finally {
      Secrets.wipe(data); // may hold a PIN block
    }
  }

  /** DESCRYPT with P1 00: ECB encipherment of whole 16-byte fields; the key stays initialised. */
  private Answer encipher(byte[] data) {
    if (data.length == 0 || data.length % 16 != 0) {
      dropChain();
      return Answer.status(WRONG_LENGTH);
    }
    return new Answer(chain.encipher(data), OK, true);
  }

  private byte[] getResponse(CommandApdu apdu) {
    if (pending == null) {
      return Answer.status(CONDITIONS).toBytes();
    }
    int available = pending.length - 2;
    if (apdu.le() != 0 && apdu.le() != available) {
      return Answer.status(0x6C00 | available).toBytes();
    }
    byte[] out = pending;
    pending = null;
    return out;
  }

  private void dropChain() {
    if (chain != null) {
      chain.wipe();
      chain = null;
    }
  }

  /** {@code 3B 0B "PDTRAINPSAM"}: T=0, historical bytes marking a training PSAM. */
  private static byte[] trainingAtr() {
    byte[] hist = "PDTRAINPSAM".getBytes(StandardCharsets.US_ASCII);
    byte[] atr = new byte[2 + hist.length];
    atr[0] = 0x3B;
    atr[1] = (byte) hist.length;
    System.arraycopy(hist, 0, atr, 2, hist.length);
    return atr;
  }

  /** FCI of the application: {@code 6F 0A 84 08 "PDPSAM01"}. */
  private static byte[] fci() {
    byte[] name = "PDPSAM01".getBytes(StandardCharsets.US_ASCII);
    byte[] fci = new byte[4 + name.length];
    fci[0] = 0x6F;
    fci[1] = (byte) (2 + name.length);
    fci[2] = (byte) 0x84;
    fci[3] = (byte) name.length;
    System.arraycopy(name, 0, fci, 4, name.length);
    return fci;
  }
}
