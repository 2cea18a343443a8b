package dev.pindesk.cli.cardservice;

import dev.pindesk.cli.common.CardServiceServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.UntilStopped;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code card-service serve --port P --dir DIR [--bind ADDR] [--profile ID|FILE]}: runs the
 * reference card-management service over the training keys until SIGTERM / Ctrl+C (or until its
 * thread is interrupted, in tests). Prints one line when ready: the URL, and the pin and
 * credentials file a counter's settings name. Training cards only: the training keys refuse every
 * other card.
 */
@Command(
    name = "serve",
    description =
        "Run the reference card-management service (HTTPS, training keys only) until stopped.")
public final class CardServiceServeCommand implements Callable<Integer> {
  private static final int FAILED = 1;
  private static final int USAGE = 2;

  private final Messages messages;
  private final CliServices services;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      required = true,
      paramLabel = "P",
      description = "TCP port; 0 picks a free one.")
  int port;

  @Option(
      names = "--dir",
      required = true,
      paramLabel = "DIR",
      description =
          "Directory of the service's certificate, key and client credentials (made on first"
              + " run).")
  Path dir;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Local address (default ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--profile",
      paramLabel = "ID|FILE",
      defaultValue = "public-fields",
      description = "Wire profile: a built-in id or a JSON file (default ${DEFAULT-VALUE}).")
  String profile;

  public CardServiceServeCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      return failed(messages.get("cli.cardservice.badPort"), USAGE);
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      return failed(messages.get("cli.cardservice.unknownBind", bind), USAGE);
    }
    CardServiceServices.Running running;
    try {
      running = services.cardService().serveTraining(dir, profile, address, port);
    } catch (BindException e) {
      return failed(messages.get("cli.cardservice.portInUse", String.valueOf(port)), FAILED);
    } catch (IllegalArgumentException e) {
      return failed(messages.get("cli.cardservice.badProfile", profile, e.getMessage()), USAGE);
    } catch (IOException | RuntimeException e) {
      return failed(messages.get("cli.cardservice.serveFailed", String.valueOf(e)), FAILED);
    }
    out.println(
        messages.get(
            running.created() ? "cli.cardservice.listeningNew" : "cli.cardservice.listening",
            running.uri().toString(),
            running.pin(),
            running.credentialsFile().toString(),
            running.certificateFile().toString(),
            running.profileId()));
    out.flush();
    return runUntilStopped(running);
  }

  private int failed(String message, int exit) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(messages.get("cli.cardservice.failed", "card-service serve", message));
    err.flush();
    return exit;
  }

  /** Blocks until SIGTERM/SIGINT (shutdown hook) or an interrupt; stops cleanly either way. */
  private static int runUntilStopped(CardServiceServices.Running running) {
    return UntilStopped.await("card-service-shutdown", running::close);
  }
}
