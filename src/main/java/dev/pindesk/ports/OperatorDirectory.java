package dev.pindesk.ports;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.OperatorException;
import java.util.List;
import java.util.Optional;

/**
 * The operator accounts of this workstation, kept locally with their password hashes. The training
 * directory is a different store from the production one, so training accounts (the {@code demo}
 * operator) never exist in production.
 *
 * <p>Passwords are {@code char[]}: the directory reads them and never keeps, logs or wipes the
 * caller's array; the caller wipes it. Failures are {@link OperatorException}s naming the id, never
 * a password.
 */
public interface OperatorDirectory {

  /** The operator with this id, active or not; empty for an unknown or malformed id. */
  Optional<Operator> find(String id);

  /**
   * Adds {@code operator} with {@code password}.
   *
   * @throws OperatorException {@code ALREADY_EXISTS} when the id is taken
   */
  void add(Operator operator, char[] password);

  /**
   * Whether {@code password} is this operator's password, whether or not the account is active.
   * Implementations do the same hashing work for unknown or malformed ids (and answer false), so
   * the time taken does not reveal which ids exist.
   */
  boolean verifyPassword(String id, char[] password);

  /**
   * Replaces the password of an operator.
   *
   * @throws OperatorException {@code NOT_FOUND} for an unknown id
   */
  void setPassword(String id, char[] password);

  /** All operators, active or not, ordered by id. */
  List<Operator> list();

  /**
   * Enables or disables sign-in for an operator (accounts are never deleted: journal entries keep
   * naming them).
   *
   * @throws OperatorException {@code NOT_FOUND} for an unknown id
   */
  void setActive(String id, boolean active);
}
