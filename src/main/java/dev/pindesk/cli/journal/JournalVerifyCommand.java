package dev.pindesk.cli.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.cli.common.JournalReport;
import dev.pindesk.cli.sync.SyncCommand;
import dev.pindesk.i18n.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code journal verify PATH [--json] [--workstation-key workstation.pub] [--central-cert
 * central.crt]}: exit 0 when every entry, link and checkpoint is valid and the chain matches the
 * stored central receipt (if any), else 1 with {@code entry N: <reason>} on stderr.
 */
@Command(name = "verify", description = "Verify a journal's chain and checkpoints (no key needed).")
public final class JournalVerifyCommand implements Callable<Integer> {
  private final Messages messages;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PATH", description = "Journal file.")
  Path path;

  @Option(names = "--json", description = "Print {valid, entries, checkpoints, firstBad} as JSON.")
  boolean json;

  @Option(
      names = "--workstation-key",
      paramLabel = "FILE",
      description = "Also require the journal to be signed by this workstation.pub.")
  Path workstationKey;

  @Option(
      names = "--central-cert",
      paramLabel = "FILE",
      description = "Also check the stored central receipt's signature with this central.crt.")
  Path centralCert;

  private final CliServices services;

  public JournalVerifyCommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<ECPublicKeyParameters> expected = Optional.empty();
    if (workstationKey != null) {
      try {
        expected = Optional.of(services.keys().publicKey(workstationKey));
      } catch (NoSuchFileException e) {
        err.println(
            messages.get("cli.journal.error", messages.get("cli.file.missing", workstationKey)));
        return 2;
      } catch (AccessDeniedException e) {
        err.println(
            messages.get("cli.journal.error", messages.get("cli.file.unreadable", workstationKey)));
        return 2;
      } catch (IOException | RuntimeException e) {
        err.println(
            messages.get(
                "cli.journal.error",
                messages.get("cli.journal.badWorkstationKey", workstationKey)));
        return 2;
      }
    }
    Optional<X509Certificate> cert = Optional.empty();
    if (centralCert != null) {
      try {
        cert = Optional.of(SyncCommand.centralCertificate(centralCert, messages, services));
      } catch (IOException e) {
        err.println(messages.get("cli.journal.error", e.getMessage()));
        return 2;
      }
    }
    long start = System.nanoTime();
    JournalReport report = services.verifyJournal(path, expected, cert);
    double seconds = (System.nanoTime() - start) / 1e9;
    if (json) {
      out.println(toJson(report));
    } else if (report.valid()) {
      out.println(
          messages.get(
              "cli.journal.valid",
              String.valueOf(report.entries()),
              String.valueOf(report.checkpoints()),
              String.valueOf(report.events()),
              String.format(java.util.Locale.ROOT, "%.2f", seconds)));
      if (report.uncovered() > 0) {
        out.println(messages.get("cli.journal.uncovered", String.valueOf(report.uncovered())));
      }
      out.println(messages.get("cli.journal.head", report.head()));
      report
          .anchor()
          .ifPresent(
              a ->
                  out.println(
                      messages.get(
                          a.signatureChecked() ? "cli.journal.anchor_signed" : "cli.journal.anchor",
                          String.valueOf(a.ackSeq()),
                          a.at().toString())));
    }
    report.firstBad().ifPresent(p -> err.println(describe(p, path, messages)));
    out.flush();
    err.flush();
    return report.valid() ? 0 : 1;
  }

  /**
   * The first problem on one line: in English {@code entry N: <detail>} (the documented form); in
   * Chinese the entry and what its kind means, with what to do.
   */
  static String describe(JournalReport.Problem problem, Path journal, Messages messages) {
    return messages.get(
        problem.seq() > 0 ? "cli.journal.problemEntry" : "cli.journal.problemFile",
        String.valueOf(problem.seq()),
        problem.detail(),
        messages.get("journal.problem." + problem.code()),
        journal.toString());
  }

  static String toJson(JournalReport report) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode n = mapper.createObjectNode();
    n.put("valid", report.valid());
    n.put("entries", report.entries());
    n.put("checkpoints", report.checkpoints());
    n.put("events", report.events());
    n.put("uncheckpointed", report.uncovered());
    n.put("head", report.head());
    report
        .info()
        .ifPresent(
            i -> {
              n.put("journalId", i.journalId());
              n.put("workstation", i.workstationId());
              n.put("training", i.training());
            });
    Optional<JournalReport.Anchor> anchor = report.anchor();
    if (anchor.isPresent()) {
      ObjectNode r = n.putObject("receipt");
      r.put("ackSeq", anchor.get().ackSeq());
      r.put("at", anchor.get().at().toString());
      r.put("signatureChecked", anchor.get().signatureChecked());
    } else {
      n.putNull("receipt");
    }
    Optional<JournalReport.Problem> bad = report.firstBad();
    if (bad.isPresent()) {
      ObjectNode b = n.putObject("firstBad");
      b.put("seq", bad.get().seq());
      b.put("code", bad.get().code());
      b.put("reason", bad.get().detail());
    } else {
      n.putNull("firstBad");
    }
    return n.toString();
  }
}
