package dev.pindesk.adapters.virtualcard;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.KeyPurpose;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;

/**
 * GET CHALLENGE, EXTERNAL AUTHENTICATE, VERIFY, CHANGE PIN, and the secure-messaging PIN commands
 * ({@code 84 24 00 00} unblock, {@code 84 24 00 01} reset) of the virtual card. Parameter and
 * length errors are answered first, then the locked application ({@code 93 03}), then the PIN
 * state. Not thread-safe; the card serialises access.
 *
 * <p>A challenge serves exactly one authentication or secure-messaging command. A successful
 * external authentication lasts until the application is selected again or the card is reset; the
 * reset needs it ({@code 69 82} without), and it opens EF06 on cards that protect it. The unblock
 * restores the try counter only: the PIN stays as it was.
 */
final class PinCommands {
  private static final int CHALLENGE_LENGTH = 8;
  private static final int MAC_LENGTH = 4;
  private static final int SEPARATOR = 0xFF;
  private static final int P2_UNBLOCK = 0x00;
  private static final int P2_RESET = 0x01;

  private final CardPin pin;
  private final boolean retryCheckCountsAsTry;
  private final boolean resetRestoresTries;
  private final int keyIndex;
  private final int maxKeyTries;
  private final Random random;
  private final CardKeys keys;
  private byte[] challenge; // null when none is pending; valid for one command
  private boolean authenticated;
  private int keyTriesLeft;

  PinCommands(CardPin pin, VirtualCardSpec spec, Random random, CardKeys keys) {
    this.pin = pin;
    this.retryCheckCountsAsTry = spec.retryCheckCountsAsTry();
    this.resetRestoresTries = spec.resetRestoresTries();
    this.keyIndex = spec.keyIndex();
    this.maxKeyTries = spec.keyTries();
    this.keyTriesLeft = spec.keyTries();
    this.random = random;
    this.keys = keys;
  }

  CardPin pin() {
    return pin;
  }

  /** Whether an external authentication has succeeded since the application was selected. */
  boolean authenticated() {
    return authenticated;
  }

  int keyTriesLeft() {
    return keyTriesLeft;
  }

  /** Power-on / application selection: a pending challenge and the authentication are lost. */
  void forgetSession() {
    challenge = null;
    authenticated = false;
  }

  Answer getChallenge(CommandApdu apdu) {
    if (apdu.p1() != 0 || apdu.p2() != 0) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (apdu.hasData() || apdu.le() != CHALLENGE_LENGTH) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    challenge = new byte[CHALLENGE_LENGTH];
    random.nextBytes(challenge);
    return Answer.ok(challenge.clone());
  }

  Answer verify(CommandApdu apdu) {
    if (apdu.p1() != 0 || apdu.p2() != 0) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    if (!apdu.hasData()) {
      return retryCheck();
    }
    if (pin.state() == PinState.PIN_BLOCKED) {
      return Answer.status(Answer.PIN_BLOCKED);
    }
    if (!CardPin.isValidBlock(apdu.data())) {
      return Answer.status(Answer.WRONG_DATA);
    }
    return pin.check(apdu.data());
  }

  private Answer retryCheck() {
    if (pin.state() == PinState.PIN_BLOCKED) {
      return Answer.status(Answer.PIN_BLOCKED);
    }
    return retryCheckCountsAsTry ? pin.countWrongTry() : Answer.triesLeft(pin.triesLeft());
  }

  /**
   * EXTERNAL AUTHENTICATE {@code 00 82 00 <key> 10 <cryptogram>}: the cryptogram over the pending
   * challenge with the card's external-authentication key. A wrong one costs a try of the key
   * ({@code 63 Cx}); none left blocks it ({@code 69 83}).
   */
  Answer externalAuthenticate(CommandApdu apdu) {
    byte[] iv = challenge;
    challenge = null; // consumed whatever the outcome
    byte[] expected = null;
    try {
      if (apdu.p1() != 0) {
        return Answer.status(Answer.WRONG_P1P2);
      }
      if (apdu.data().length != CardCipher.FIELD_LENGTH) {
        return Answer.status(Answer.WRONG_LENGTH);
      }
      if (pin.state() == PinState.LOCKED) {
        return Answer.status(Answer.APP_LOCKED);
      }
      if (apdu.p2() != keyIndex) {
        return Answer.status(Answer.KEY_NOT_FOUND);
      }
      if (keyTriesLeft == 0) {
        return Answer.status(Answer.PIN_BLOCKED); // 69 83: authentication method blocked
      }
      if (iv == null) {
        return Answer.status(Answer.CONDITIONS_NOT_SATISFIED);
      }
      expected = keys.cryptogram(iv);
      if (!MessageDigest.isEqual(expected, apdu.data())) {
        authenticated = false;
        keyTriesLeft--;
        return keyTriesLeft == 0
            ? Answer.status(Answer.PIN_BLOCKED)
            : Answer.triesLeft(keyTriesLeft);
      }
      keyTriesLeft = maxKeyTries;
      authenticated = true;
      return Answer.status(Answer.OK);
    } finally {
      Secrets.wipe(iv, expected);
    }
  }

  /** CHANGE PIN {@code 80 5E 01 00 <old> FF <new>}. */
  Answer change(CommandApdu apdu) {
    if (apdu.p1() != 0x01 || apdu.p2() != 0) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (!apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    return change(apdu.data());
  }

  /** {@code 84 24 00 00 04 <MAC>} unblock, {@code 84 24 00 01 14 <PIN block> <MAC>} reset. */
  Answer secureMessaging(CommandApdu apdu) {
    if (apdu.cla() != 0x84
        || apdu.p1() != 0
        || (apdu.p2() != P2_UNBLOCK && apdu.p2() != P2_RESET)) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (!apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    return apdu.p2() == P2_UNBLOCK ? unblock(apdu) : reset(apdu);
  }

  private Answer change(byte[] data) {
    int n = CardPin.BLOCK_LENGTH;
    byte[] oldBlock = Arrays.copyOfRange(data, 0, Math.min(n, data.length));
    byte[] newBlock = Arrays.copyOfRange(data, Math.min(n + 1, data.length), data.length);
    try {
      if (data.length != 2 * n + 1
          || (data[n] & 0xFF) != SEPARATOR
          || !CardPin.isValidBlock(oldBlock)
          || !CardPin.isValidBlock(newBlock)) {
        return Answer.status(Answer.WRONG_DATA);
      }
      if (pin.state() == PinState.PIN_BLOCKED) {
        return Answer.status(Answer.PIN_BLOCKED);
      }
      Answer answer = pin.check(oldBlock);
      if (answer.sw() == Answer.OK) {
        pin.replace(newBlock, false);
      }
      return answer;
    } finally {
      Secrets.wipe(oldBlock, newBlock);
    }
  }

  /** Unblock: MAC only; restores the try counter, the PIN stays. */
  private Answer unblock(CommandApdu apdu) {
    byte[] iv = challenge;
    challenge = null;
    byte[] expected = null;
    try {
      if (apdu.data().length != MAC_LENGTH) {
        return Answer.status(Answer.WRONG_DATA);
      }
      if (iv == null) {
        return Answer.status(Answer.CONDITIONS_NOT_SATISFIED);
      }
      expected = keys.mac(KeyPurpose.UNBLOCK_PIN, iv, apdu.header());
      if (!MessageDigest.isEqual(expected, apdu.data())) {
        return Answer.status(Answer.MAC_WRONG);
      }
      pin.restoreTries();
      return Answer.status(Answer.OK);
    } finally {
      Secrets.wipe(iv, expected);
    }
  }

  /** Reset: after external authentication, a new PIN enciphered and MACed. */
  private Answer reset(CommandApdu apdu) {
    byte[] iv = challenge;
    challenge = null;
    byte[] data = apdu.data();
    byte[] block = null;
    byte[] macInput = null;
    byte[] expected = null;
    byte[] plain = null;
    Optional<byte[]> newPin = Optional.empty();
    try {
      if (data.length != CardCipher.FIELD_LENGTH + MAC_LENGTH) {
        return Answer.status(Answer.WRONG_DATA);
      }
      if (!authenticated) {
        return Answer.status(Answer.SECURITY_NOT_SATISFIED);
      }
      if (iv == null) {
        return Answer.status(Answer.CONDITIONS_NOT_SATISFIED);
      }
      if (pin.state() == PinState.PIN_BLOCKED && !resetRestoresTries) {
        return Answer.status(Answer.PIN_BLOCKED); // the unblock comes first on this card
      }
      block = Arrays.copyOf(data, CardCipher.FIELD_LENGTH);
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      input.writeBytes(apdu.header());
      input.writeBytes(block);
      macInput = input.toByteArray();
      expected = keys.mac(KeyPurpose.RESET_PIN, iv, macInput);
      byte[] received = Arrays.copyOfRange(data, CardCipher.FIELD_LENGTH, data.length);
      if (!MessageDigest.isEqual(expected, received)) {
        return Answer.status(Answer.MAC_WRONG);
      }
      plain = keys.decipher(KeyPurpose.RESET_PIN, block);
      newPin = CardCipher.parsePinField(plain);
      if (newPin.isEmpty() || !CardPin.isValidBlock(newPin.get())) {
        return Answer.status(Answer.WRONG_DATA);
      }
      pin.replace(newPin.get(), true);
      return Answer.status(Answer.OK);
    } finally {
      Secrets.wipe(iv, data, block, macInput, expected, plain);
      newPin.ifPresent(Secrets::wipe);
    }
  }
}
