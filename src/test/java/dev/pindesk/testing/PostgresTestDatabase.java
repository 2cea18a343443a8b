package dev.pindesk.testing;

import dev.pindesk.adapters.central.CentralDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database per test class on the server of {@code PINDESK_PG_URL} (default
 * {@code jdbc:postgresql://localhost:5432/postgres?user=postgres}; password in the URL or {@code
 * PGPASSWORD}). Without a reachable server the class is skipped with the reason, unless {@code
 * PINDESK_REQUIRE_PG=1} (CI), where it fails.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/postgres?user=postgres";

  private final String adminUrl;
  private final String name;
  private final String url;

  private PostgresTestDatabase(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
    this.url = withDatabase(adminUrl, name);
  }

  /** Creates {@code pindesk_<label>_<random>}; skips (or fails in CI) when there is no server. */
  public static PostgresTestDatabase create(String label) {
    String admin = System.getenv().getOrDefault("PINDESK_PG_URL", DEFAULT_URL);
    String name = "pindesk_" + label + "_" + Long.toHexString(new SecureRandom().nextLong() >>> 1);
    try (Connection c = DriverManager.getConnection(admin, credentials(admin));
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      String reason =
          "PostgreSQL not available at "
              + CentralDatabase.redacted(admin)
              + " ("
              + e.getMessage()
              + "); set PINDESK_PG_URL to run the PostgreSQL suite";
      if ("1".equals(System.getenv("PINDESK_REQUIRE_PG"))) {
        Assertions.fail(reason + " — required because PINDESK_REQUIRE_PG=1");
      }
      Assumptions.abort(reason);
    }
    return new PostgresTestDatabase(admin, name);
  }

  /** The JDBC URL of the fresh database (same server, user and password). */
  public String url() {
    return url;
  }

  public static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?');
    String rest = query < 0 ? "" : url.substring(query);
    return url.substring(0, slash + 1) + database + rest;
  }

  private static Properties credentials(String url) {
    Properties p = new Properties();
    String password = System.getenv("PGPASSWORD");
    String user = System.getenv("PGUSER");
    if (password != null && !url.contains("password=")) {
      p.setProperty("password", password);
    }
    if (user != null && !url.contains("user=")) {
      p.setProperty("user", user);
    }
    return p;
  }

  /**
   * Ends every server connection to this database, as a PostgreSQL restart (or a firewall dropping
   * idle connections) does to a client's pool; returns how many were ended.
   */
  public int dropConnections() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, credentials(adminUrl));
        Statement s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                    + name
                    + "'")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl, credentials(adminUrl));
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
