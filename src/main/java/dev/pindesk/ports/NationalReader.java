package dev.pindesk.ports;

import dev.pindesk.domain.error.CardException;
import dev.pindesk.domain.pin.PinContext;
import dev.pindesk.domain.pin.PinPolicy;

/**
 * A certified SSC reader driven through its vendor's implementation of the national common
 * read/write interface (社会保障卡读写卡通用接口, {@code SSCard.dll} / a {@code .so}) instead of PC/SC. The
 * citizen types every PIN on the reader's own keypad: no method takes one, and none returns one.
 *
 * <p>Failures are {@link CardException}s with codes the clerk's messages explain; a library that
 * hangs or crashes is reported as {@code DEVICE_NOT_RESPONDING} after PinDesk restarted it.
 */
public interface NationalReader extends AutoCloseable {

  /** {@code iReadCardBas}: the card's basic data. */
  NationalCardData readCard() throws CardException;

  /**
   * {@code iVerifyPIN}: the citizen types the PIN on the keypad.
   *
   * @throws CardException {@code PIN_WRONG} with the tries left when the library reports them
   */
  void verifyPin() throws CardException;

  /** {@code iChangePIN}: old PIN, then the new one twice, on the keypad. */
  void changePin() throws CardException;

  /**
   * Writes a new PIN without the old one (reset). Tries the reader's PSAM ({@code iReloadPIN})
   * first; when the library answers a code meaning "no PSAM / use the encryption machine" it runs
   * the HSM path ({@code iReloadPIN_HSM_Step1..3}) with {@code module}: the module computes the
   * external authentication and the secure messaging, the new PIN typed on the keypad is checked
   * against {@code policy} before it goes to the module.
   *
   * @param card the card read for this case (its identification code and number must match)
   */
  void reloadPin(NationalCardData card, SecurityModule module, PinPolicy policy, PinContext context)
      throws CardException;

  /**
   * Restores the PIN's try counter without changing the PIN (unblock): the reader's PSAM ({@code
   * iUnblockPIN}) first, the HSM path ({@code iUnblockPIN_HSM_Step1..3}) with {@code module} when
   * the library says to. No keypad entry. A citizen who has also forgotten the PIN needs a reload
   * after it.
   */
  void unblockPin(NationalCardData card, SecurityModule module) throws CardException;

  /** Stops the device host process. */
  @Override
  void close();
}
