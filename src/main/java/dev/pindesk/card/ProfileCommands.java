package dev.pindesk.card;

import dev.pindesk.crypto.CardCipher;
import dev.pindesk.crypto.CardMac;
import dev.pindesk.domain.card.SsseAid;
import dev.pindesk.domain.codec.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every command a card profile makes PinDesk send, as the bytes an administrator compares with the
 * card vendor's manual: for {@code pindesk card profile show} and the diagnostics window.
 */
public final class ProfileCommands {
  private ProfileCommands() {}

  /**
   * One command.
   *
   * @param name stable name, also the message key suffix ({@code profile.command.<name>})
   * @param apdu the bytes in hex; placeholders in angle brackets
   * @param strategy the {@link ResetStrategy} of a privileged command, else empty
   * @param keyIndex the key number of a privileged command, else -1
   * @param afterExternalAuthentication whether the card is authenticated first
   */
  public record Command(
      String name,
      String apdu,
      String strategy,
      int keyIndex,
      boolean afterExternalAuthentication) {
    Command(String name, String apdu) {
      this(name, apdu, "", -1, false);
    }

    /** Whether this is a privileged command under secure messaging. */
    public boolean privileged() {
      return !strategy.isEmpty();
    }
  }

  /** The commands of {@code profile}, in the order a read and a privileged write send them. */
  public static List<Command> of(CardProfile profile) {
    List<Command> out = new ArrayList<>();
    out.add(new Command("select_application", "00 A4 04 00 0F " + spaced(SsseAid.bytes()) + " 00"));
    out.add(
        new Command(
            "select_file",
            String.format(Locale.ROOT, "00 A4 %02X 00 02 EF 05 | EF 06", profile.selectEfP1())));
    out.add(
        new Command(
            "read_record",
            String.format(Locale.ROOT, "00 B2 <tag> %02X <Le>", profile.recordAddressing().p2())));
    if (profile.retryCheckAllowed()) {
      out.add(new Command("retry_check", "00 20 00 00"));
    }
    out.add(new Command("verify", "00 20 00 00 03 <PIN BCD>"));
    out.add(new Command("change_pin", "80 5E 01 00 07 <old PIN BCD> FF <new PIN BCD>"));
    CardProfile.ExternalAuthentication auth = profile.externalAuthentication();
    if (auth != null) {
      out.add(
          new Command(
              "get_challenge",
              String.format(Locale.ROOT, "00 84 00 00 %02X", auth.challengeLength())));
      out.add(
          new Command(
              "external_authenticate",
              String.format(
                  Locale.ROOT,
                  "%s %02X %02X <cryptogram %d>",
                  spaced(Hex.parse(auth.header())),
                  auth.keyIndex(),
                  CardCipher.FIELD_LENGTH,
                  CardCipher.FIELD_LENGTH)));
    }
    if (profile.reset() != null) {
      out.add(privileged("reset", profile.reset(), true));
    }
    if (profile.unblock() != null) {
      out.add(privileged("unblock", profile.unblock(), false));
    }
    return List.copyOf(out);
  }

  private static Command privileged(
      String name, CardProfile.PrivilegedCommand c, boolean withPinBlock) {
    boolean pinBlock = withPinBlock && "SM_PIN_BLOCK".equals(c.strategy());
    int lc = (pinBlock ? CardCipher.FIELD_LENGTH : 0) + CardMac.MAC_LENGTH;
    String data =
        (pinBlock ? "<enciphered PIN block " + CardCipher.FIELD_LENGTH + "> " : "")
            + "<MAC "
            + CardMac.MAC_LENGTH
            + ">";
    String apdu = String.format(Locale.ROOT, "%s %02X %s", spaced(Hex.parse(c.header())), lc, data);
    return new Command(name, apdu, c.strategy(), c.keyIndex(), c.externalAuthentication());
  }

  private static String spaced(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", b));
    }
    return sb.toString();
  }
}
