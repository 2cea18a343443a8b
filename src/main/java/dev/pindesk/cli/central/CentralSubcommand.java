package dev.pindesk.cli.central;

import dev.pindesk.cli.common.CentralServices;
import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the {@code central} subcommands share: the database option and the one error path. A
 * subcommand's work throws {@link CentralCli.Unusable} (or lets the database's {@link
 * CentralServices.DatabaseFailure} through); here it becomes one translated line on stderr, {@code
 * central <command> failed: <reason>}, and the failure's exit code (2 for unusable arguments, else
 * 1).
 */
abstract class CentralSubcommand implements Callable<Integer> {
  final Messages messages;
  final CliServices services;

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  CentralDatabaseOption database;

  CentralSubcommand(Messages messages, CliServices services) {
    this.messages = messages;
    this.services = services;
  }

  private CentralServices central;

  /** The central's services, obtained at work (never while the command tree is built). */
  final CentralServices central() {
    if (central == null) {
      central = services.central();
    }
    return central;
  }

  /** Opens {@code --db} or {@code --jdbc}; see {@link CentralDatabaseOption#open}. */
  final CentralServices.Database openDatabase(boolean mustExist) throws CentralCli.Unusable {
    return database.open(mustExist, messages, central());
  }

  /** The command's work, writing its results to {@code out}; returns the exit code. */
  abstract int run(PrintWriter out) throws CentralCli.Unusable, CentralServices.DatabaseFailure;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      return run(out);
    } catch (CentralCli.Unusable e) {
      return failed(e.getMessage(), e.exitCode());
    } catch (CentralServices.DatabaseFailure e) {
      return failed(database.failed(e, messages, central()), CentralCli.Unusable.FAILED);
    } finally {
      out.flush();
    }
  }

  private int failed(String reason, int exitCode) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(messages.get("cli.central.failed", "central " + spec.name(), reason));
    err.flush();
    return exitCode;
  }
}
