package dev.pindesk.cli.common;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * What the {@code central} commands obtain from the composition root: the central receiver's
 * database, certificate and server, which the central adapter implements. Obtained only by a
 * central command at work, so that where the central's libraries are not installed (the counter's
 * package) nothing loads them.
 */
public interface CentralServices {

  /** Opens, creating and migrating when needed, the SQLite database in {@code file}. */
  Database sqlite(Path file) throws DatabaseFailure;

  /** Opens and migrates the PostgreSQL database at the JDBC {@code url}. */
  Database jdbc(String url) throws DatabaseFailure;

  /** The JDBC {@code url} without its query (which may hold a password), for messages. */
  String redacted(String url);

  /** The name of the certificate file the central makes, {@code central.crt}. */
  String certificateFileName();

  /** Whether {@code name} can be named in the central's certificate (a DNS name or IP address). */
  boolean isCertificateName(String name);

  /** The id of a workstation key, as {@code central stats} shows it and the requests carry it. */
  String keyId(ECPublicKeyParameters workstationKey);

  /**
   * The central's certificate and key in {@code certificateFile} (and beside it), made on first use
   * naming {@code extraNames} besides the host's own names.
   */
  Identity identity(Path certificateFile, List<String> extraNames) throws IOException;

  /** An open central database; closing it closes its connections. */
  interface Database extends AutoCloseable {
    /** The database for messages: the SQLite file, or the JDBC URL without its query. */
    String description();

    /** Allows {@code key} to send; the same key again changes nothing (or only its name). */
    Enrolment enroll(ECPublicKeyParameters key, Optional<String> name, long nowMillis)
        throws DatabaseFailure;

    /** Stops the key {@code keyId} from sending; what it sent stays. */
    Revocation revoke(String keyId, long nowMillis) throws DatabaseFailure;

    /** Per journal, and per enrolled workstation without one, what the central holds. */
    List<WorkstationStats> stats() throws DatabaseFailure;

    @Override
    void close();
  }

  /** The central's certificate, and whether this run made it. */
  interface Identity {
    Path certificateFile();

    boolean created();

    /** Whether the certificate names {@code name}. */
    boolean names(String name);

    /** Starts the receiver over {@code database} (whose closing is the caller's). */
    Running serve(Database database, ServeOptions options) throws IOException;
  }

  /** A receiver serving until closed. */
  interface Running extends AutoCloseable {
    /** Its address, with the real port. */
    URI uri();

    /** Where its metrics are served ({@code http://…/metrics}), when asked for. */
    default Optional<URI> metricsUri() {
      return Optional.empty();
    }

    @Override
    void close();
  }

  /**
   * How to serve.
   *
   * @throws IllegalArgumentException for a port, thread count or timeout out of range, or plain
   *     HTTP off loopback
   */
  record ServeOptions(
      InetAddress bind,
      int port,
      boolean insecureHttp,
      int threads,
      Duration requestTimeout,
      ServeLimits limits,
      java.time.Instant acceptV1Until,
      Optional<InetSocketAddress> metrics) {}

  /** The metrics listener's address could not be bound (the receiver was not started). */
  final class MetricsUnavailable extends IOException {
    private static final long serialVersionUID = 1L;

    public MetricsUnavailable(String address, IOException cause) {
      super(address, cause);
    }
  }

  /**
   * What one client may hold (ADR 0031; the defaults are {@code central serve}'s).
   *
   * @param headerTimeout a request's headers must be in this long after its connection opened
   * @param idleTimeout nothing arriving or leaving for this long closes a connection
   * @param minBodyRate bytes a second below which a body is refused
   * @param maxConnections connections open at once
   * @param connectionsPerAddress connections one remote address may hold
   * @param newConnectionsPerAddress connections one remote address may open a second
   * @param requestsPerAddress requests from one address handled at once
   */
  record ServeLimits(
      Duration headerTimeout,
      Duration idleTimeout,
      long minBodyRate,
      int maxConnections,
      int connectionsPerAddress,
      int newConnectionsPerAddress,
      int requestsPerAddress) {}

  /** A workstation after {@code enroll}, and whether this enrolment created it. */
  record Enrolment(
      String keyId, Optional<String> name, Optional<Instant> revokedAt, boolean created) {}

  /** What {@code revoke} did. */
  enum Revocation {
    REVOKED,
    ALREADY_REVOKED,
    NOT_ENROLLED
  }

  /** One line of {@code central stats}. */
  record WorkstationStats(
      String id,
      String keyId,
      String journalId,
      long entries,
      long headSeq,
      boolean chainOk,
      Optional<Instant> lastReceiptAt,
      long refusals,
      Optional<Instant> revokedAt) {}

  /**
   * The central's database failed (cannot connect, migrate, read or write); the message is the
   * database's own, for the operator. Keeps JDBC types out of the command line.
   */
  final class DatabaseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    public DatabaseFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
