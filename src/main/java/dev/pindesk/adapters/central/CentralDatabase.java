package dev.pindesk.adapters.central;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The central's database: an SQLite file (default; WAL, {@code synchronous=FULL} because a receipt
 * promises the entries are durable) or PostgreSQL by JDBC URL. The schema is migrated with Flyway
 * from {@code db/central/{vendor}} on open. Connections come from a HikariCP pool (validated before
 * use, so a PostgreSQL restart costs no request; renewed after a lifetime; a connection held too
 * long is logged as a leak: ADR 0030); {@link #transaction} runs work in one transaction and, on
 * SQLite, one writer at a time in this process (SQLite has one writer anyway; waiting here instead
 * of on {@code SQLITE_BUSY} keeps it fair).
 */
public final class CentralDatabase implements AutoCloseable {
  /** Which database engine; the migrations differ only in column types. */
  public enum Vendor {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
      this.folder = folder;
    }

    String migrations() {
      return "classpath:db/central/" + folder;
    }
  }

  static final int POOL_SIZE = 12;
  private static final Logger LOG = LoggerFactory.getLogger(CentralDatabase.class);

  private final Vendor vendor;
  private final String description;
  private final HikariDataSource pool;
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);

  private CentralDatabase(Vendor vendor, String description, HikariDataSource pool) {
    this.vendor = vendor;
    this.description = description;
    this.pool = pool;
  }

  /**
   * Opens (creating if needed) the SQLite database {@code file} and migrates it.
   *
   * @throws SQLException when the file cannot be opened or migrated
   */
  public static CentralDatabase sqlite(Path file) throws SQLException {
    Path absolute = file.toAbsolutePath();
    Path parent = absolute.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new SQLException("no such directory: " + parent);
    }
    HikariConfig config = poolConfig("central-sqlite");
    config.setDataSource(sqliteDataSource("jdbc:sqlite:" + absolute));
    return migrated(new CentralDatabase(Vendor.SQLITE, absolute.toString(), open(config)));
  }

  /**
   * A PostgreSQL user and password given beside the URL (the composition root reads them from
   * libpq's {@code PGUSER} / {@code PGPASSWORD}); the URL's own win.
   */
  public record Credentials(Optional<String> user, Optional<String> password) {
    public static final Credentials NONE = new Credentials(Optional.empty(), Optional.empty());

    @Override
    public String toString() {
      return "Credentials[user="
          + user.orElse("-")
          + ", password "
          + (password.isPresent() ? "set" : "unset")
          + "]";
    }
  }

  /** {@link #jdbc(String, Credentials)} with the URL's credentials only. */
  public static CentralDatabase jdbc(String url) throws SQLException {
    return jdbc(url, Credentials.NONE);
  }

  /**
   * Opens the PostgreSQL database at {@code url} ({@code jdbc:postgresql://…}) and migrates it.
   * User and password come from the URL or, when absent there, from {@code credentials}.
   *
   * @throws SQLException when the URL is not PostgreSQL's or the database is unreachable
   */
  public static CentralDatabase jdbc(String url, Credentials credentials) throws SQLException {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new SQLException("only jdbc:postgresql: URLs are supported (or --db for SQLite)");
    }
    HikariConfig config = poolConfig("central-postgresql");
    config.setJdbcUrl(url);
    config.setDataSourceProperties(postgresProperties(url, credentials));
    // Idle connections are checked now and then, so a server restart or a firewall that drops
    // idle connections is noticed before a request borrows one.
    config.setKeepaliveTime(Duration.ofMinutes(2).toMillis());
    return migrated(new CentralDatabase(Vendor.POSTGRESQL, redacted(url), open(config)));
  }

  /**
   * The pool's settings for both engines: at most {@value #POOL_SIZE} connections, two kept open
   * when idle; a connection is validated before it is handed out if it sat idle, renewed after 30
   * minutes, and reported as a leak when borrowed for more than a minute.
   */
  private static HikariConfig poolConfig(String name) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(2);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
    config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
    config.setIdleTimeout(Duration.ofMinutes(10).toMillis());
    config.setLeakDetectionThreshold(Duration.ofMinutes(1).toMillis());
    return config;
  }

  /** A pool whose first connection opened; else the reason, as the driver said it. */
  private static HikariDataSource open(HikariConfig config) throws SQLException {
    try {
      return new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      if (e.getCause() instanceof SQLException cause) {
        throw cause;
      }
      throw new SQLException(e.getMessage(), e);
    }
  }

  private static Properties postgresProperties(String url, Credentials credentials) {
    Properties p = new Properties();
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (credentials.user().isPresent() && !lower.contains("user=")) {
      p.setProperty("user", credentials.user().get());
    }
    if (credentials.password().isPresent() && !lower.contains("password=")) {
      p.setProperty("password", credentials.password().get());
    }
    // Multi-row INSERTs from JDBC batches: a 2,000-entry batch is a handful of statements.
    if (!lower.contains("rewritebatchedinserts")) {
      p.setProperty("reWriteBatchedInserts", "true");
    }
    p.setProperty("ApplicationName", "pindesk-central");
    return p;
  }

  /** The URL without its query (which may hold a password), for messages. */
  public static String redacted(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  private static SQLiteDataSource sqliteDataSource(String url) {
    SQLiteConfig config = new SQLiteConfig();
    // Entries are stored as blocks of up to megabytes (CentralStore.insertEntries): larger pages
    // mean fewer overflow pages to chain per block. Takes effect when the file is created.
    config.setPageSize(16384);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(30_000);
    // BEGIN IMMEDIATE: a transaction that will write takes the lock first instead of failing
    // with SQLITE_BUSY when it upgrades (another process, e.g. "central enroll", may write).
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  private static CentralDatabase migrated(CentralDatabase db) throws SQLException {
    try {
      Flyway flyway =
          Flyway.configure(CentralDatabase.class.getClassLoader())
              .dataSource(db.pool)
              .locations(db.vendor.migrations())
              .table("central_schema_history")
              .loggers("slf4j")
              .load();
      flyway.migrate();
      return db;
    } catch (FlywayException e) {
      db.close();
      throw new SQLException("cannot migrate the central schema: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  public Vendor vendor() {
    return vendor;
  }

  /** The SQLite file or the PostgreSQL URL without its query, for messages. */
  public String description() {
    return description;
  }

  /** Work inside one transaction on a pooled connection. */
  @FunctionalInterface
  public interface Work<T, X extends Exception> {
    T run(Connection c) throws SQLException, X;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
   */
  public <T, X extends Exception> T transaction(Work<T, X> work) throws SQLException, X {
    boolean serialize = vendor == Vendor.SQLITE;
    if (serialize) {
      sqliteWriter.lock();
    }
    Connection c = null;
    boolean healthy = false;
    try {
      c = pool.getConnection();
      c.setAutoCommit(false);
      T result;
      try {
        result = work.run(c);
        c.commit();
      } catch (Exception | Error e) {
        // After SQLite rolled back by itself (SQLITE_FULL, SQLITE_IOERR…) both of these fail with
        // "no transaction is active": kept as suppressed, never in place of the real failure. A
        // connection that came back clean serves again (a refused batch must not cost a new
        // connection); one that did not is evicted.
        boolean rolledBack = rollbackQuietly(c, e);
        boolean autoCommit = autoCommitQuietly(c, e);
        healthy = rolledBack && autoCommit;
        throw e;
      }
      c.setAutoCommit(true);
      healthy = true;
      return result;
    } finally {
      if (c != null) {
        release(c, healthy);
      }
      if (serialize) {
        sqliteWriter.unlock();
      }
    }
  }

  /** Runs read-only {@code work} with auto-commit (no writer lock). */
  public <T, X extends Exception> T read(Work<T, X> work) throws SQLException, X {
    Connection c = pool.getConnection();
    boolean healthy = false;
    try {
      T result = work.run(c);
      healthy = true;
      return result;
    } finally {
      release(c, healthy);
    }
  }

  /**
   * Back to the pool, never throwing (it runs while a failure may be on its way out): a connection
   * left in an unknown state, or that no longer answers, is evicted (HikariCP also evicts on the
   * driver's fatal errors by itself); one the pool cannot take back cleanly is evicted too.
   */
  private void release(Connection c, boolean healthy) {
    if (!healthy && !isValid(c)) {
      pool.evictConnection(c);
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.warn("{}: a connection could not be reset for reuse ({})", description, e.getMessage());
      pool.evictConnection(c);
    }
  }

  /** The pool's state now: connections in use, idle, and requests waiting for one. */
  public PoolUse poolUse() {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return bean == null
        ? new PoolUse(0, 0, 0, POOL_SIZE)
        : new PoolUse(
            bean.getActiveConnections(),
            bean.getIdleConnections(),
            bean.getThreadsAwaitingConnection(),
            POOL_SIZE);
  }

  /** How the pool is used (for the operator's metrics). */
  public record PoolUse(int active, int idle, int waiting, int max) {}

  private static boolean isValid(Connection c) {
    try {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private static boolean rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
      return true;
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return false;
    }
  }

  private static boolean autoCommitQuietly(Connection c, Throwable cause) {
    try {
      c.setAutoCommit(true);
      return true;
    } catch (SQLException e) {
      cause.addSuppressed(e);
      return false;
    }
  }

  /** True when a trivial query answers (for {@code /v1/health}). */
  public boolean reachable() {
    try {
      return read(c -> c.isValid(2));
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
