package dev.pindesk.cli.training;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.CliServices.VirtualCardSource;
import dev.pindesk.cli.common.CliServices.VpcdSession;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code virtual-card --profile card.json}: the virtual training card as a vpcd client, so a real
 * pcscd shows it in reader "Virtual PCD 00 00". Runs until stopped; when pcscd restarts (vpcd
 * closes the connection) the same card — same PIN state — is inserted again.
 */
@Command(
    name = "virtual-card",
    description = "Present a virtual training card to pcscd through vsmartcard-vpcd.")
public final class VirtualCardCommand implements Callable<Integer> {
  private final Messages messages;

  @Spec CommandSpec spec;

  @ArgGroup(multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--profile", paramLabel = "FILE", description = "Card profile JSON file.")
    Path profile;

    @Option(
        names = "--builtin",
        paramLabel = "NAME",
        description = "Shipped profile: training-gen3-sm4, training-gen2-tdes, training-long-name.")
    String builtin;
  }

  @Option(names = "--host", description = "vpcd host (default: ${DEFAULT-VALUE}).")
  String host = "localhost";

  @Option(
      names = "--port",
      description = "vpcd port (default: ${DEFAULT-VALUE}; 35964 is reader 00 01).")
  int port = 35963; // vpcd's first reader, "Virtual PCD 00 00"

  @Option(names = "--once", description = "Exit when vpcd disconnects instead of reconnecting.")
  boolean once;

  private final CliServices services;

  public VirtualCardCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VirtualCardSource card;
    try {
      card = services.virtualCard(Optional.ofNullable(source.profile), source.builtin);
    } catch (IOException | RuntimeException e) {
      err.println(messages.get("cli.virtualCard.badProfile", e.getMessage()));
      return 2;
    }
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt));
    while (!Thread.currentThread().isInterrupted()) {
      try (VpcdSession inserted = card.insert(host, port, Duration.ofSeconds(once ? 10 : 3600))) {
        out.println(
            messages.get("cli.virtualCard.inserted", card.label(), host, String.valueOf(port)));
        out.flush();
        inserted.awaitRemoval();
      } catch (IOException e) {
        err.println(messages.get("cli.virtualCard.unreachable", host, String.valueOf(port)));
        return 3;
      } catch (InterruptedException e) {
        return 0;
      }
      out.println(messages.get("cli.virtualCard.disconnected"));
      out.flush();
      if (once) {
        return 0;
      }
    }
    return 0;
  }
}
