package dev.pindesk.ports;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A PIN policy file that cannot be used. Carries message keys, not text: the caller translates
 * {@link #messageKey()} with {@link #args()}, whose last argument is the translated {@link
 * #problemKey()} with {@link #problemArgs()}. Never holds a PIN (the file holds none).
 */
public final class PinPolicyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The file does not exist. */
  public static final String MISSING = "pin.policy.file.missing";

  /** The file exists but cannot be read. */
  public static final String UNREADABLE = "pin.policy.file.unreadable";

  /** The file is read but its content is wrong: {@link #problemKey()} says how. */
  public static final String INVALID = "pin.policy.file.invalid";

  private final String messageKey;
  private final transient Path file;
  private final String problemKey;
  private final transient List<Object> problemArgs;

  public PinPolicyFileException(
      String messageKey, Path file, String problemKey, Object... problemArgs) {
    super(messageKey + " " + file + " " + problemKey + " " + List.of(problemArgs));
    this.messageKey = Objects.requireNonNull(messageKey);
    this.file = file;
    this.problemKey = problemKey;
    this.problemArgs = List.of(problemArgs);
  }

  /** {@link #MISSING}, {@link #UNREADABLE} or {@link #INVALID}: {0} the file, {1} the problem. */
  public String messageKey() {
    return messageKey;
  }

  public Path file() {
    return file;
  }

  /** The message key of what is wrong inside the file ({@code pin.policy.problem.*}). */
  public String problemKey() {
    return problemKey;
  }

  public Object[] problemArgs() {
    return problemArgs.toArray();
  }
}
