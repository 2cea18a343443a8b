package dev.pindesk.cli.training;

import dev.pindesk.adapters.virtualcard.VirtualCardSpec;
import dev.pindesk.adapters.virtualcard.VirtualCardSpecs;
import dev.pindesk.adapters.virtualcard.VirtualSscCard;
import dev.pindesk.adapters.virtualcard.VpcdClient;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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
  String host = VpcdClient.DEFAULT_HOST;

  @Option(
      names = "--port",
      description = "vpcd port (default: ${DEFAULT-VALUE}; 35964 is reader 00 01).")
  int port = VpcdClient.DEFAULT_PORT;

  @Option(names = "--once", description = "Exit when vpcd disconnects instead of reconnecting.")
  boolean once;

  public VirtualCardCommand(Messages messages) {
    this.messages = messages;
  }

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VirtualCardSpec card;
    try {
      card =
          source.profile != null
              ? VirtualCardSpecs.load(source.profile)
              : VirtualCardSpecs.loadResource(source.builtin + ".json");
    } catch (IOException | RuntimeException e) {
      err.println(messages.get("cli.virtualCard.badProfile", e.getMessage()));
      return 2;
    }
    VirtualSscCard virtualCard = VirtualSscCard.fromSpec(card);
    Thread main = Thread.currentThread();
    Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt));
    while (!Thread.currentThread().isInterrupted()) {
      try (VpcdClient client =
          new VpcdClient(virtualCard, host, port, Duration.ofSeconds(once ? 10 : 3600))) {
        client.start();
        out.println(
            messages.get("cli.virtualCard.inserted", card.label(), host, String.valueOf(port)));
        out.flush();
        client.awaitRemoval();
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
