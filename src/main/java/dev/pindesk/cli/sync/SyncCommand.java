package dev.pindesk.cli.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.CliServices.OutgoingJournal;
import dev.pindesk.crypto.gm.Sm2;
import dev.pindesk.crypto.gm.Sm2KeyPair;
import dev.pindesk.domain.audit.JournalException;
import dev.pindesk.domain.sync.Receipt;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.SyncOutbox;
import dev.pindesk.service.sync.SyncConfig;
import dev.pindesk.service.sync.SyncService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sync --journal PATH --central URL --central-cert FILE [--keys DIR] [--once] [--json]}:
 * ships a journal to the central system like the app does in the background. Exit 0 when every
 * entry written so far is acknowledged by a verified receipt; 1 when entries are still pending
 * (offline, or a retry was needed with {@code --once}); 3 when the central refused in a way no
 * retry can fix (or its receipt does not match the journal); 2 for unusable arguments. Without
 * {@code --once} it keeps retrying with backoff until done or refused.
 */
@Command(name = "sync", description = "Send a journal to the central system.")
public final class SyncCommand implements Callable<Integer> {
  static final int PENDING = 1;
  static final int USAGE = 2;
  static final int REFUSED = 3;

  private final Messages messages;

  @Spec CommandSpec spec;

  @Option(names = "--journal", required = true, paramLabel = "PATH", description = "Journal file.")
  Path journal;

  @Option(
      names = "--central",
      required = true,
      paramLabel = "URL",
      description = "The central system, https://host:port (http only on loopback).")
  URI central;

  @Option(
      names = "--central-cert",
      required = true,
      paramLabel = "FILE",
      description = "The central's certificate (central.crt), the only one trusted.")
  Path centralCert;

  @Option(
      names = "--keys",
      paramLabel = "DIR",
      description =
          "Key directory holding workstation.key (default: the app's key directory, if the"
              + " journal was written with its key).")
  Path keys;

  @Option(names = "--once", description = "One attempt: do not wait and retry when offline.")
  boolean once;

  @Option(
      names = "--json",
      description = "Print {acknowledged, lastSeq, pending, receipt, problem} as JSON.")
  boolean json;

  private final CliServices services;

  public SyncCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      X509Certificate cert = centralCertificate();
      OutgoingJournal journal = openJournal();
      SyncOutbox outbox = journal.outbox();
      SyncStatus status;
      Optional<Receipt> receipt;
      try (SyncService service =
          new SyncService(
              outbox,
              services.centralLink(central, cert, workstationKeys(journal)),
              SyncConfig.defaults())) {
        status = once ? service.drainOnce() : service.drainUntilDone();
        receipt = outbox.receipt();
      } catch (IOException | IllegalArgumentException | JournalException e) {
        outbox.close();
        throw e;
      }
      if (json) {
        out.println(toJson(status, receipt.map(services::receiptJson)));
      } else if (status.pending() == 0 && status.problem().isEmpty()) {
        out.println(messages.get("cli.sync.done", String.valueOf(status.ackSeq())));
      }
      int exit = exitCode(status);
      if (exit != 0) {
        err.println(reason(status));
      }
      return exit;
    } catch (IOException | JournalException | IllegalArgumentException e) {
      err.println(messages.get("cli.journal.error", e.getMessage()));
      return USAGE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println(messages.get("cli.sync.interrupted"));
      return PENDING;
    } finally {
      out.flush();
      err.flush();
    }
  }

  static int exitCode(SyncStatus s) {
    if (s.link() == SyncStatus.Link.STOPPED) {
      return REFUSED;
    }
    return s.pending() == 0 && s.problem().isEmpty() ? 0 : PENDING;
  }

  /**
   * One line: {@code offline: <code> …}, {@code refused: <code> …} or {@code not finished: …}, with
   * the stable problem code for scripts and what it means in the user's language (the counter's
   * next-step texts speak of its settings and restarts, so they are not used here).
   */
  private String reason(SyncStatus s) {
    String code = s.problem().orElse("pending");
    String pending = String.valueOf(s.pending());
    String meaning =
        s.problem()
            .map(p -> messages.get("sync.problem." + p))
            .orElse(messages.get("cli.sync.waiting"));
    return switch (s.link()) {
      case STOPPED -> messages.get("cli.sync.refused", code, pending, meaning);
      case OFFLINE -> messages.get("cli.sync.offline", code, pending, meaning);
      default -> messages.get("cli.sync.pending", code, pending, meaning);
    };
  }

  static String toJson(SyncStatus s, Optional<String> receiptJson) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode n = mapper.createObjectNode();
    n.put("acknowledged", s.ackSeq());
    n.put("lastSeq", s.lastSeq());
    n.put("pending", s.pending());
    if (receiptJson.isPresent()) {
      try {
        n.set("receipt", mapper.readTree(receiptJson.get()));
      } catch (IOException e) {
        throw new IllegalStateException("a receipt's own JSON cannot fail to parse", e);
      }
    } else {
      n.putNull("receipt");
    }
    if (s.problem().isPresent()) {
      n.put("problem", s.problem().get());
    } else {
      n.putNull("problem");
    }
    return n.toString();
  }

  /** The pinned certificate, or a message saying where to get it. */
  private X509Certificate centralCertificate() throws IOException {
    return centralCertificate(centralCert, messages, services);
  }

  /**
   * The central's certificate from {@code file}.
   *
   * @throws IOException whose message says, translated, which file to copy or name instead
   */
  public static X509Certificate centralCertificate(
      Path file, Messages messages, CliServices services) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IOException(messages.get("cli.sync.noCert", file));
    }
    try {
      return services.centralCertificate(file);
    } catch (IOException e) {
      throw new IOException(messages.get("cli.sync.badCert", file), e);
    }
  }

  /** The journal's outbox, or a message saying which file to name instead. */
  private OutgoingJournal openJournal() throws IOException {
    if (!Files.isRegularFile(journal)) {
      throw new IOException(messages.get("cli.sync.noJournal", journal));
    }
    try {
      return services.openOutbox(journal);
    } catch (JournalException e) {
      throw new IOException(messages.get("cli.sync.notJournal", journal), e);
    }
  }

  /**
   * The workstation key that wrote the journal: from {@code --keys}, else the first of the app's
   * key directories ({@code pindesk.keys}, then the training keys the counter uses) whose {@code
   * workstation.pub} is the key named in the journal header. The central would refuse another key
   * anyway ({@code not_your_journal}); checking here gives a clear message.
   */
  private Sm2KeyPair workstationKeys(OutgoingJournal journal) throws IOException {
    byte[] expected = journal.workstationKey();
    CliServices.KeyDirectory files = services.keys();
    if (keys != null) {
      if (!Files.isRegularFile(files.workstationPrivateKey(keys))
          || !Files.isRegularFile(files.workstationPublicKey(keys))) {
        throw new IOException(messages.get("cli.sync.noKey", keys));
      }
      Sm2KeyPair pair = files.workstation(keys);
      if (!Arrays.equals(Sm2.encodePoint(pair.publicKey()), expected)) {
        throw new IOException(messages.get("cli.sync.wrongKey", keys));
      }
      return pair;
    }
    for (Path dir : defaultKeyDirs()) {
      Path pub = files.workstationPublicKey(dir);
      if (Files.isRegularFile(pub)
          && Arrays.equals(Sm2.encodePoint(files.publicKey(pub)), expected)) {
        return files.workstation(dir);
      }
    }
    throw new IOException(messages.get("cli.sync.keyNotFound", defaultKeyDirs()));
  }

  /** Where the app keeps workstation keys, in the order they are tried. */
  private java.util.List<Path> defaultKeyDirs() {
    java.util.List<Path> dirs = new java.util.ArrayList<>();
    services.setting("keys").map(Path::of).ifPresent(dirs::add);
    dirs.add(services.trainingKeys());
    return dirs;
  }
}
