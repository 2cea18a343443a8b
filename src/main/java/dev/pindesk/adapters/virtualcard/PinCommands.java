package dev.pindesk.adapters.virtualcard;

import dev.pindesk.domain.Secrets;
import dev.pindesk.ports.MacRequest.MacPurpose;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;

/**
 * GET CHALLENGE, VERIFY, CHANGE PIN, RESET PIN and UNBLOCK of the virtual card. Parameter and
 * length errors are answered first, then the locked application ({@code 93 03}), then the PIN
 * state. Not thread-safe; the card serialises access.
 */
final class PinCommands {
  private static final int CHALLENGE_LENGTH = 8;
  private static final int MAC_LENGTH = 4;
  private static final int SEPARATOR = 0xFF;

  private final CardPin pin;
  private final boolean retryCheckCountsAsTry;
  private final Random random;
  private final PrivilegedMac mac;
  private byte[] challenge; // null when none is pending; valid for one privileged command

  PinCommands(CardPin pin, boolean retryCheckCountsAsTry, Random random, PrivilegedMac mac) {
    this.pin = pin;
    this.retryCheckCountsAsTry = retryCheckCountsAsTry;
    this.random = random;
    this.mac = mac;
  }

  CardPin pin() {
    return pin;
  }

  /** Power-on / application selection: a pending challenge is forgotten. */
  void forgetChallenge() {
    challenge = null;
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

  /** INS 5E: P1 01 change (old FF new), P1 00 reset with MAC. */
  Answer changeOrReset(CommandApdu apdu) {
    if (apdu.p2() != 0 || (apdu.p1() != 0x00 && apdu.p1() != 0x01)) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (!apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    return apdu.p1() == 0x01 ? change(apdu.data()) : privileged(apdu, MacPurpose.RESET_PIN);
  }

  Answer unblock(CommandApdu apdu) {
    if (apdu.p1() != 0 || apdu.p2() != 0) {
      return Answer.status(Answer.WRONG_P1P2);
    }
    if (!apdu.hasData()) {
      return Answer.status(Answer.WRONG_LENGTH);
    }
    if (pin.state() == PinState.LOCKED) {
      return Answer.status(Answer.APP_LOCKED);
    }
    return privileged(apdu, MacPurpose.UNBLOCK_PIN);
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

  private Answer privileged(CommandApdu apdu, MacPurpose purpose) {
    byte[] iv = challenge;
    challenge = null; // consumed whatever the outcome
    if (iv == null) {
      return Answer.status(Answer.CONDITIONS_NOT_SATISFIED);
    }
    if (purpose == MacPurpose.RESET_PIN && pin.state() == PinState.PIN_BLOCKED) {
      return Answer.status(Answer.PIN_BLOCKED); // unblocking is a different service
    }
    byte[] data = apdu.data();
    int pinLength = data.length - MAC_LENGTH;
    byte[] newBlock = Arrays.copyOfRange(data, 0, Math.max(0, pinLength));
    byte[] macInput = null;
    byte[] expected = null;
    try {
      if (!CardPin.isValidBlock(newBlock)) {
        return Answer.status(Answer.WRONG_DATA);
      }
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      input.writeBytes(apdu.header());
      input.writeBytes(newBlock);
      macInput = input.toByteArray();
      expected = mac.expected(purpose, iv, macInput);
      byte[] received = Arrays.copyOfRange(data, pinLength, data.length);
      if (!MessageDigest.isEqual(expected, received)) {
        return Answer.status(Answer.MAC_WRONG);
      }
      pin.replace(newBlock, purpose == MacPurpose.UNBLOCK_PIN);
      return Answer.status(Answer.OK);
    } finally {
      Secrets.wipe(newBlock, macInput, expected, iv);
    }
  }
}
