package dev.pindesk.testing;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.OperatorException;
import dev.pindesk.ports.OperatorDirectory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An operator directory in memory for service tests; counts password checks per id. */
public final class InMemoryOperatorDirectory implements OperatorDirectory {
  private final Map<String, Operator> operators = new TreeMap<>();
  private final Map<String, char[]> passwords = new TreeMap<>();
  private final List<String> checked = new ArrayList<>();

  @Override
  public Optional<Operator> find(String id) {
    return Optional.ofNullable(operators.get(id));
  }

  @Override
  public void add(Operator operator, char[] password) {
    if (operators.containsKey(operator.id())) {
      throw new OperatorException(OperatorException.Reason.ALREADY_EXISTS, operator.id());
    }
    operators.put(operator.id(), operator);
    passwords.put(operator.id(), password.clone());
  }

  @Override
  public boolean verifyPassword(String id, char[] password) {
    checked.add(id);
    char[] stored = passwords.get(id);
    return stored != null && Arrays.equals(stored, password);
  }

  @Override
  public void setPassword(String id, char[] password) {
    if (!operators.containsKey(id)) {
      throw new OperatorException(OperatorException.Reason.NOT_FOUND, id);
    }
    passwords.put(id, password.clone());
  }

  @Override
  public List<Operator> list() {
    return List.copyOf(operators.values());
  }

  @Override
  public void setActive(String id, boolean active) {
    Operator operator = operators.get(id);
    if (operator == null) {
      throw new OperatorException(OperatorException.Reason.NOT_FOUND, id);
    }
    operators.put(id, operator.withActive(active));
  }

  /** The ids whose password was checked, in order. */
  public List<String> passwordChecks() {
    return List.copyOf(checked);
  }
}
