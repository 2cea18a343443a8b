package dev.pindesk.app;

import dev.pindesk.adapters.central.CentralDatabase;
import dev.pindesk.adapters.central.CentralIdentity;
import dev.pindesk.adapters.central.CentralMetrics;
import dev.pindesk.adapters.central.CentralServer;
import dev.pindesk.adapters.central.CentralStats;
import dev.pindesk.adapters.central.CentralStore;
import dev.pindesk.adapters.central.MetricsEndpoint;
import dev.pindesk.adapters.sync.RequestAuth;
import dev.pindesk.cli.common.CentralServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * The central commands' services (ADR 0025) over the central adapter. A class of its own, loaded
 * only when a central command runs: the counter's package has no Flyway or PostgreSQL driver.
 */
final class CentralWiring implements CentralServices {

  @Override
  public Database sqlite(Path file) throws DatabaseFailure {
    try {
      return new Db(CentralDatabase.sqlite(file));
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  @Override
  public Database jdbc(String url) throws DatabaseFailure {
    try {
      // libpq's environment variables, as psql reads them, where the URL names no user/password.
      return new Db(
          CentralDatabase.jdbc(
              url,
              new CentralDatabase.Credentials(
                  Optional.ofNullable(System.getenv("PGUSER")),
                  Optional.ofNullable(System.getenv("PGPASSWORD")))));
    } catch (SQLException e) {
      throw failure(e);
    }
  }

  private static DatabaseFailure failure(SQLException e) {
    return new DatabaseFailure(e.getMessage(), e);
  }

  @Override
  public String redacted(String url) {
    return CentralDatabase.redacted(url);
  }

  @Override
  public String certificateFileName() {
    return CentralIdentity.CERT_FILE;
  }

  @Override
  public boolean isCertificateName(String name) {
    return CentralIdentity.isName(name);
  }

  @Override
  public String keyId(ECPublicKeyParameters workstationKey) {
    return RequestAuth.keyId(workstationKey);
  }

  @Override
  public Identity identity(Path certificateFile, List<String> extraNames) throws IOException {
    return new Certificate(CentralIdentity.loadOrCreate(certificateFile, extraNames));
  }

  /** The adapter's database, with the store over it. */
  private record Db(CentralDatabase db) implements Database {
    @Override
    public String description() {
      return db.description();
    }

    @Override
    public Enrolment enroll(ECPublicKeyParameters key, Optional<String> name, long nowMillis)
        throws DatabaseFailure {
      try {
        CentralStore.Enrolment e = new CentralStore(db).enroll(key, name, nowMillis);
        CentralStore.Workstation w = e.workstation();
        return new Enrolment(w.keyId(), w.name(), w.revokedAt(), e.created());
      } catch (SQLException e) {
        throw failure(e);
      }
    }

    @Override
    public Revocation revoke(String keyId, long nowMillis) throws DatabaseFailure {
      try {
        return Revocation.valueOf(new CentralStore(db).revoke(keyId, nowMillis).name());
      } catch (SQLException e) {
        throw failure(e);
      }
    }

    @Override
    public List<WorkstationStats> stats() throws DatabaseFailure {
      try {
        return statsOf(db);
      } catch (SQLException e) {
        throw failure(e);
      }
    }

    private static List<WorkstationStats> statsOf(CentralDatabase db) throws SQLException {
      return CentralStats.collect(new CentralStore(db)).stream()
          .map(
              s ->
                  new WorkstationStats(
                      s.id(),
                      s.keyId(),
                      s.journalId(),
                      s.entries(),
                      s.headSeq(),
                      s.chainOk(),
                      s.lastReceiptAt(),
                      s.refusals(),
                      s.revokedAt()))
          .toList();
    }

    @Override
    public void close() {
      db.close();
    }
  }

  /** The adapter's identity. */
  private record Certificate(CentralIdentity identity) implements Identity {
    @Override
    public Path certificateFile() {
      return identity.certificateFile();
    }

    @Override
    public boolean created() {
      return identity.created();
    }

    @Override
    public boolean names(String name) {
      return identity.names(name);
    }

    @Override
    public Running serve(Database database, ServeOptions o) throws IOException {
      CentralServer.Options options =
          new CentralServer.Options(
              o.bind(),
              o.port(),
              o.insecureHttp(),
              o.threads(),
              Clock.systemUTC(),
              o.requestTimeout(),
              new CentralServer.Limits(
                  o.limits().headerTimeout(),
                  o.limits().idleTimeout(),
                  o.limits().minBodyRate(),
                  o.limits().maxConnections(),
                  o.limits().connectionsPerAddress(),
                  o.limits().newConnectionsPerAddress(),
                  o.limits().requestsPerAddress()),
              o.acceptV1Until());
      // Only this class opens databases, so every Database here is a Db.
      CentralDatabase db = ((Db) database).db();
      CentralMetrics metrics = CentralMetrics.of(db);
      MetricsEndpoint endpoint = null;
      if (o.metrics().isPresent()) {
        try {
          endpoint = MetricsEndpoint.start(metrics, o.metrics().get());
        } catch (IOException e) {
          InetSocketAddress a = o.metrics().get();
          throw new MetricsUnavailable(a.getHostString() + ":" + a.getPort(), e);
        }
      }
      CentralServer server;
      try {
        server = CentralServer.start(new CentralStore(db), identity, options, metrics);
      } catch (IOException | RuntimeException e) {
        if (endpoint != null) {
          endpoint.close();
        }
        throw e;
      }
      return new Served(server, Optional.ofNullable(endpoint));
    }
  }

  /** The receiver and, when asked for, its metrics listener. */
  private record Served(CentralServer server, Optional<MetricsEndpoint> metrics)
      implements Running {
    @Override
    public URI uri() {
      return server.uri();
    }

    @Override
    public Optional<URI> metricsUri() {
      return metrics.map(MetricsEndpoint::uri);
    }

    @Override
    public void close() {
      server.close();
      metrics.ifPresent(MetricsEndpoint::close);
    }
  }
}
