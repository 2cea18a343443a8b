package dev.pindesk.ui.common;

import java.util.List;
import java.util.Objects;

/**
 * The counter refuses to start for a reason the clerk's supervisor can fix (no keys, no operators,
 * a missing setting). The sign-in screen shows the translated {@link #messageKey()} — which names
 * the command or setting to use — instead of a technical message.
 */
public final class CounterRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient List<Object> args;

  /**
   * @param messageKey the translated reason, saying what to do next
   * @param args its arguments (paths, setting values; never a secret)
   */
  public CounterRefusedException(String messageKey, Object... args) {
    super(messageKey + " " + List.of(args));
    this.messageKey = Objects.requireNonNull(messageKey, "messageKey");
    this.args = List.of(args);
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] args() {
    return args.toArray();
  }
}
