package dev.pindesk.adapters.virtualcard;

/**
 * A virtual card did not answer a command because of an injected fault. Transports map it to what a
 * real reader would report: the card left the reader, or it stays silent.
 */
public abstract sealed class VirtualCardFault extends Exception
    permits VirtualCardFault.Removed, VirtualCardFault.Mute {
  private static final long serialVersionUID = 1L;

  private VirtualCardFault(String message) {
    super(message);
  }

  /** The card has left the reader; a transport closes the connection / reports removal. */
  public static final class Removed extends VirtualCardFault {
    private static final long serialVersionUID = 1L;

    public Removed() {
      super("virtual card has left the reader");
    }
  }

  /** The card does not answer; a transport lets the command time out. */
  public static final class Mute extends VirtualCardFault {
    private static final long serialVersionUID = 1L;

    public Mute() {
      super("virtual card does not answer");
    }
  }
}
