package dev.pindesk.ports;

import java.util.Objects;

/**
 * Where the citizen types PINs at this counter, and so what PinDesk can do with them (ADR 0034).
 *
 * <ul>
 *   <li>{@link OnPad}: the digits reach PinDesk through a {@link PinPad} (the on-screen customer
 *       pad). PinDesk asks for each entry, counts the digits for the clerk's progress dots, judges
 *       the new PIN by the PIN policy before the confirmation is asked for, and writes it.
 *   <li>{@link InDevice}: the citizen types on the keypad of the device that writes the card (a
 *       certified reader driven through the national read/write interface). The device prompts,
 *       takes the digits and uses them itself; PinDesk learns when an entry starts and how the
 *       device's operation ended, never a digit, and cannot apply the PIN policy — except where the
 *       device hands the new PIN back for the security module (the HSM path's Step2), where the
 *       adapter judges it before it goes on.
 * </ul>
 *
 * An encrypting PIN pad whose PIN block a security module translates would be a third kind (the
 * digits reach PinDesk only enciphered); it is not built.
 */
public sealed interface CitizenPinEntry {

  /** Whether PinDesk sees every new PIN's digits, and so can always apply the PIN policy. */
  boolean seesDigits();

  /** For status displays and logs. */
  String description();

  /** The digits reach PinDesk through {@code pad}. */
  record OnPad(PinPad pad) implements CitizenPinEntry {
    public OnPad {
      Objects.requireNonNull(pad, "pad");
    }

    @Override
    public boolean seesDigits() {
      return true;
    }

    @Override
    public String description() {
      return pad.description();
    }
  }

  /**
   * The citizen types on {@code reader}'s own keypad during the card operation that needs the PIN
   * (change, reload, and the check of an in-doubt write).
   */
  record InDevice(NationalReader reader) implements CitizenPinEntry {
    public InDevice {
      Objects.requireNonNull(reader, "reader");
    }

    @Override
    public boolean seesDigits() {
      return false;
    }

    @Override
    public String description() {
      return "keypad of the certified reader (national interface)";
    }
  }
}
