package dev.pindesk.cli.operators;

import dev.pindesk.cli.common.CliServices;
import dev.pindesk.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code operators disable --db PATH --id ID}: the operator can no longer sign in; the account
 * stays so journal entries keep naming someone.
 */
@Command(name = "disable", description = "Disable an operator account (it is kept, not deleted).")
public final class OperatorsDisableCommand extends OperatorSubcommand {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorsDisableCommand.class);

  @Option(names = "--id", required = true, description = "Operator id.")
  String id;

  public OperatorsDisableCommand(Messages messages, CliServices services) {
    super(messages, services);
  }

  @Override
  int run() {
    if (databaseMissing()) {
      return reportMissingDatabase();
    }
    try (CliServices.OperatorAccounts directory = open()) {
      directory.setActive(id, false);
    }
    LOG.info("operators disable: {} disabled in {}", id, db());
    out().println(messages.get("operators.disabled", id));
    out().flush();
    return 0;
  }
}
