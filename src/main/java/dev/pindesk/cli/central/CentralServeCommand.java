package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.UntilStopped;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code central serve --port P (--db PATH | --jdbc URL) [--bind ADDR] [--cert-out FILE]
 * [--cert-name NAME]... [--insecure-http] [--threads N] [--request-timeout S] [--header-timeout S]
 * [--idle-timeout S] [--min-body-rate B] [--max-connections N] [--max-connections-per-address N]
 * [--max-new-connections-per-address N] [--max-requests-per-address N] [--accept-v1-until DATE]
 * [--metrics-bind [ADDR:]PORT]}: runs the receiver until SIGTERM / Ctrl+C (or until its thread is
 * interrupted, in tests). Prints one line when ready, with the URL (the real port when {@code
 * --port 0}) and the certificate to pin.
 */
@Command(name = "serve", description = "Run the central receiver (HTTPS) until stopped.")
public final class CentralServeCommand extends CentralSubcommand {
  @Option(
      names = "--port",
      required = true,
      paramLabel = "P",
      description = "TCP port; 0 picks a free one.")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Local address (default: all interfaces; 127.0.0.1 with --insecure-http).")
  String bind;

  @Option(
      names = "--cert-out",
      paramLabel = "FILE",
      description = "Where central.crt is (created on first run); default beside the --db file.")
  Path certOut;

  @Option(
      names = "--cert-name",
      paramLabel = "NAME",
      description =
          "A DNS name or IP address workstations use to reach this central, named in the"
              + " certificate when it is created (repeatable; localhost, 127.0.0.1 and the host"
              + " name always are).")
  List<String> certNames = new ArrayList<>();

  @Option(
      names = "--insecure-http",
      description = "Plain HTTP, for development only; loopback addresses only.")
  boolean insecureHttp;

  @Option(
      names = "--threads",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "Requests handled at once (default ${DEFAULT-VALUE}); more wait without a thread. TLS"
              + " handshakes and request parsing have threads of their own.")
  int threads;

  @Option(
      names = "--header-timeout",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description =
          "Close a connection that has not sent a request's headers within this many seconds of"
              + " opening (default ${DEFAULT-VALUE}).")
  long headerTimeoutSeconds;

  @Option(
      names = "--idle-timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description =
          "Close a connection on which nothing arrives or leaves for this many seconds (default"
              + " ${DEFAULT-VALUE}).")
  long idleTimeoutSeconds;

  @Option(
      names = "--min-body-rate",
      paramLabel = "BYTES",
      defaultValue = "1024",
      description =
          "Refuse a request body arriving slower than this many bytes a second (default"
              + " ${DEFAULT-VALUE}; 0: no minimum).")
  long minBodyRate;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "512",
      description =
          "Connections open at once; past it no more are accepted (default ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--max-connections-per-address",
      paramLabel = "N",
      defaultValue = "32",
      description =
          "Connections one remote address may hold; more are closed at once (default"
              + " ${DEFAULT-VALUE}; a service center behind one NAT address shares it).")
  int connectionsPerAddress;

  @Option(
      names = "--max-new-connections-per-address",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "New connections one remote address may open a second; more are closed before their TLS"
              + " handshake (default ${DEFAULT-VALUE}).")
  int newConnectionsPerAddress;

  @Option(
      names = "--max-requests-per-address",
      paramLabel = "N",
      defaultValue = "4",
      description =
          "Requests from one remote address handled at once; more wait their turn (default"
              + " ${DEFAULT-VALUE}).")
  int requestsPerAddress;

  @Option(
      names = "--request-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "Close a connection whose request has not been answered within this many seconds of its"
              + " headers, its body's arrival included (default ${DEFAULT-VALUE}; frees the thread"
              + " a workstation held when its link died mid-upload).")
  long requestTimeoutSeconds;

  @Option(
      names = "--metrics-bind",
      paramLabel = "[ADDR:]PORT",
      description =
          "Serve Prometheus metrics (GET /metrics, plain HTTP, no authentication) on this port of"
              + " 127.0.0.1, or of ADDR (default: no metrics listener). Keep it off the network the"
              + " workstations use.")
  String metricsBind;

  @Option(
      names = "--accept-v1-until",
      paramLabel = "DATE",
      defaultValue = "2027-07-01",
      description =
          "Accept sync protocol 1 (body read before its signature) until this day, 00:00 UTC"
              + " (default ${DEFAULT-VALUE}; ADR 0032). Workstations of this release speak"
              + " protocol 2.")
  String acceptV1Until;

  public CentralServeCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run(PrintWriter out) throws CentralCli.Unusable {
    if (database.isJdbc() && certOut == null) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.jdbcNeedsCertOut"));
    }
    if (port < 0 || port > 65535 || threads < 1 || threads > 256) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badPortOrThreads"));
    }
    if (requestTimeoutSeconds < 1 || requestTimeoutSeconds > 3600) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badRequestTimeout"));
    }
    if (headerTimeoutSeconds < 1
        || headerTimeoutSeconds > 3600
        || idleTimeoutSeconds < 1
        || idleTimeoutSeconds > 3600
        || minBodyRate < 0
        || maxConnections < 1
        || maxConnections > 100_000
        || connectionsPerAddress < 1
        || connectionsPerAddress > maxConnections
        || newConnectionsPerAddress < 1
        || newConnectionsPerAddress > 10_000
        || requestsPerAddress < 1
        || requestsPerAddress > 256) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badLimits"));
    }
    java.time.Instant v1Until;
    try {
      v1Until =
          java.time.LocalDate.parse(acceptV1Until)
              .atStartOfDay(java.time.ZoneOffset.UTC)
              .toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badAcceptV1Until", acceptV1Until));
    }
    InetAddress address;
    try {
      address = bindAddress();
    } catch (UnknownHostException e) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.unknownBind", bind));
    }
    if (insecureHttp && !address.isLoopbackAddress()) {
      throw CentralCli.Unusable.usage(
          messages.get("cli.central.insecureNotLoopback", address.getHostAddress()));
    }
    Optional<InetSocketAddress> metrics;
    try {
      metrics = metricsAddress();
    } catch (IllegalArgumentException | UnknownHostException e) {
      throw CentralCli.Unusable.usage(messages.get("cli.central.badMetricsBind", metricsBind));
    }
    for (String name : certNames) {
      if (!central().isCertificateName(name)) {
        throw CentralCli.Unusable.usage(messages.get("cli.central.badCertName", name));
      }
    }
    Path cert = certOut != null ? certOut : database.defaultCertificate(central());
    CentralServices.Database db = openDatabase(false);
    try {
      CentralServices.Identity identity = central().identity(cert, certNames);
      List<String> missing = certNames.stream().filter(n -> !identity.names(n)).toList();
      if (!missing.isEmpty()) {
        throw new CentralCli.Unusable(
            messages.get(
                "cli.central.certLacksNames",
                identity.certificateFile().toString(),
                String.join(", ", missing)));
      }
      CentralServices.ServeOptions options =
          new CentralServices.ServeOptions(
              address,
              port,
              insecureHttp,
              threads,
              Duration.ofSeconds(requestTimeoutSeconds),
              new CentralServices.ServeLimits(
                  Duration.ofSeconds(headerTimeoutSeconds),
                  Duration.ofSeconds(idleTimeoutSeconds),
                  minBodyRate,
                  maxConnections,
                  connectionsPerAddress,
                  newConnectionsPerAddress,
                  requestsPerAddress),
              v1Until,
              metrics);
      CentralServices.Running server = identity.serve(db, options);
      out.println(
          messages.get(
              identity.created() ? "cli.central.listeningNewCert" : "cli.central.listening",
              server.uri().toString(),
              address.getHostAddress(),
              db.description(),
              identity.certificateFile().toString()));
      server
          .metricsUri()
          .ifPresent(u -> out.println(messages.get("cli.central.metricsListening", u.toString())));
      out.flush();
      return runUntilStopped(server, db);
    } catch (CentralCli.Unusable e) {
      db.close();
      throw e;
    } catch (CentralServices.MetricsUnavailable e) {
      db.close();
      throw new CentralCli.Unusable(messages.get("cli.central.metricsPortInUse", metricsBind));
    } catch (BindException e) {
      db.close();
      throw new CentralCli.Unusable(messages.get("cli.central.portInUse", String.valueOf(port)));
    } catch (IOException | RuntimeException e) {
      db.close();
      throw new CentralCli.Unusable(messages.get("cli.central.serveFailed", e.getMessage()));
    }
  }

  private InetAddress bindAddress() throws UnknownHostException {
    if (bind != null) {
      return InetAddress.getByName(bind);
    }
    return insecureHttp ? InetAddress.getLoopbackAddress() : InetAddress.getByName("0.0.0.0");
  }

  /**
   * {@code --metrics-bind}: {@code PORT} (on loopback), {@code ADDR:PORT} or {@code [IPv6]:PORT}.
   *
   * @throws IllegalArgumentException when it is none of these
   */
  private Optional<InetSocketAddress> metricsAddress() throws UnknownHostException {
    if (metricsBind == null) {
      return Optional.empty();
    }
    String text = metricsBind.strip();
    int colon = text.lastIndexOf(':');
    String host = colon < 0 ? "" : text.substring(0, colon);
    int metricsPort = Integer.parseInt(text.substring(colon + 1));
    if (metricsPort < 0 || metricsPort > 65535) {
      throw new IllegalArgumentException("port out of range");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new IllegalArgumentException("an IPv6 address goes in brackets");
    }
    InetAddress a = host.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(host);
    return Optional.of(new InetSocketAddress(a, metricsPort));
  }

  /** Blocks until SIGTERM/SIGINT (shutdown hook) or an interrupt; stops cleanly either way. */
  private static int runUntilStopped(CentralServices.Running server, CentralServices.Database db) {
    return UntilStopped.await(
        "central-shutdown",
        () -> {
          server.close();
          db.close();
        });
  }
}
