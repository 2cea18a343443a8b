package dev.pindesk.domain.operator;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person allowed to use the clerk wizard at this workstation. The id is what the operator types
 * to sign in and what the journal records as the clerk; it is deliberately plain ASCII so it reads
 * the same in every log, receipt and audit export.
 *
 * @param id 2..32 characters of {@code [a-z0-9._-]}
 * @param displayName shown in the UI and on receipts (any script, not blank)
 * @param role what the operator may do
 * @param active inactive operators cannot sign in; they are kept so old journal entries still name
 *     someone who existed
 * @param createdAt when the account was created
 */
public record Operator(
    String id, String displayName, Role role, boolean active, Instant createdAt) {

  private static final Pattern ID = Pattern.compile("[a-z0-9._-]{2,32}");

  /** What an operator may do. */
  public enum Role {
    /** Serves citizens at the counter. */
    CLERK,
    /** A clerk who may also open the audit view and manage operators. */
    SUPERVISOR
  }

  public Operator {
    requireValidId(id);
    Objects.requireNonNull(displayName, "displayName");
    if (displayName.isBlank()) {
      throw new IllegalArgumentException("operator displayName is blank");
    }
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether {@code id} is a well-formed operator id. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Returns {@code id} when well-formed.
   *
   * @throws IllegalArgumentException naming the id otherwise
   */
  public static String requireValidId(String id) {
    if (!isValidId(id)) {
      throw new IllegalArgumentException(
          "operator id must be 2..32 characters of [a-z0-9._-]: \"" + id + "\"");
    }
    return id;
  }

  /** This operator, active or not. */
  public Operator withActive(boolean newActive) {
    return new Operator(id, displayName, role, newActive, createdAt);
  }
}
