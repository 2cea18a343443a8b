package dev.pindesk.adapters.operators;

import dev.pindesk.crypto.PasswordHasher;
import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.operator.OperatorException;
import dev.pindesk.domain.operator.OperatorException.Reason;
import dev.pindesk.ports.OperatorDirectory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator accounts in a local SQLite file (WAL, {@code synchronous=FULL}), passwords as Argon2id
 * PHC strings. One connection, serialised by this object; the schema version is kept in {@code
 * PRAGMA user_version}. Hashes made with older parameters are replaced on the next successful
 * password check.
 */
public final class SqliteOperatorDirectory implements OperatorDirectory, AutoCloseable {
  static final int SCHEMA_VERSION = 1;
  private static final Logger LOG = LoggerFactory.getLogger(SqliteOperatorDirectory.class);
  private static final String COLUMNS = "id, display_name, role, active, created_at";

  private final Path file;
  private final Connection connection;
  private final PasswordHasher hasher;
  // Checked against for unknown ids so they cost as much as known ones.
  private final String dummyPhc;

  private SqliteOperatorDirectory(Path file, Connection connection, PasswordHasher hasher) {
    this.file = file;
    this.connection = connection;
    this.hasher = hasher;
    this.dummyPhc = hasher.hash("pindesk-no-such-operator".toCharArray());
  }

  /** Opens (creating if needed) the directory in {@code file} with the default Argon2id cost. */
  public static SqliteOperatorDirectory open(Path file) {
    return open(file, new PasswordHasher());
  }

  /** Opens (creating if needed) the directory in {@code file}, hashing with {@code hasher}. */
  public static SqliteOperatorDirectory open(Path file, PasswordHasher hasher) {
    Connection connection = null;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = connection.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
      }
      OperatorSchema.migrate(connection, file);
      return new SqliteOperatorDirectory(file, connection, hasher);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      if (e instanceof OperatorException oe) {
        throw oe;
      }
      throw storeFailed(file, e);
    }
  }

  @Override
  public synchronized Optional<Operator> find(String id) {
    if (!Operator.isValidId(id)) {
      return Optional.empty();
    }
    try (PreparedStatement s =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM operators WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(operator(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
  }

  @Override
  public synchronized void add(Operator operator, char[] password) {
    String phc = hasher.hash(password);
    try (PreparedStatement s =
        connection.prepareStatement(
            "INSERT INTO operators ("
                + COLUMNS
                + ", password_phc) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING")) {
      s.setString(1, operator.id());
      s.setString(2, operator.displayName());
      s.setString(3, operator.role().name());
      s.setInt(4, operator.active() ? 1 : 0);
      s.setString(5, operator.createdAt().toString());
      s.setString(6, phc);
      if (s.executeUpdate() == 0) {
        throw new OperatorException(Reason.ALREADY_EXISTS, operator.id());
      }
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
    LOG.info("operator {} added ({})", operator.id(), operator.role());
  }

  @Override
  public synchronized boolean verifyPassword(String id, char[] password) {
    Optional<String> stored = storedPhc(id);
    if (stored.isEmpty()) {
      hasher.verify(password, dummyPhc);
      return false;
    }
    boolean matches = hasher.verify(password, stored.get());
    if (matches && hasher.needsRehash(stored.get())) {
      updatePhc(id, hasher.hash(password));
      LOG.info("operator {}: password hash upgraded to current parameters", id);
    }
    return matches;
  }

  @Override
  public synchronized void setPassword(String id, char[] password) {
    if (storedPhc(id).isEmpty()) {
      throw new OperatorException(Reason.NOT_FOUND, id);
    }
    updatePhc(id, hasher.hash(password));
    LOG.info("operator {}: password changed", id);
  }

  @Override
  public synchronized List<Operator> list() {
    List<Operator> operators = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SELECT " + COLUMNS + " FROM operators ORDER BY id")) {
      while (r.next()) {
        operators.add(operator(r));
      }
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
    return List.copyOf(operators);
  }

  @Override
  public synchronized void setActive(String id, boolean active) {
    try (PreparedStatement s =
        connection.prepareStatement("UPDATE operators SET active = ? WHERE id = ?")) {
      s.setInt(1, active ? 1 : 0);
      s.setString(2, id);
      if (s.executeUpdate() == 0) {
        throw new OperatorException(Reason.NOT_FOUND, id);
      }
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
    LOG.info("operator {} {}", id, active ? "enabled" : "disabled");
  }

  @Override
  public synchronized void close() {
    closeQuietly(connection);
  }

  private Optional<String> storedPhc(String id) {
    if (!Operator.isValidId(id)) {
      return Optional.empty();
    }
    try (PreparedStatement s =
        connection.prepareStatement("SELECT password_phc FROM operators WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
  }

  private void updatePhc(String id, String phc) {
    try (PreparedStatement s =
        connection.prepareStatement("UPDATE operators SET password_phc = ? WHERE id = ?")) {
      s.setString(1, phc);
      s.setString(2, id);
      s.executeUpdate();
    } catch (SQLException e) {
      throw storeFailed(file, e);
    }
  }

  private static Operator operator(ResultSet r) throws SQLException {
    return new Operator(
        r.getString(1),
        r.getString(2),
        Operator.Role.valueOf(r.getString(3)),
        r.getInt(4) != 0,
        Instant.parse(r.getString(5)));
  }

  private static OperatorException storeFailed(Path file, Exception cause) {
    LOG.warn("operator store {} failed: {}", file, cause.toString());
    return new OperatorException(Reason.STORE_FAILED, file.toString(), cause);
  }

  private static void closeQuietly(Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing operator store: {}", e.toString());
    }
  }
}
