package dev.pindesk.ui;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.service.SecurityModuleFeed;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.signin.IdleLock;
import dev.pindesk.service.signin.SignInService;
import dev.pindesk.service.sync.SyncStatusFeed;
import dev.pindesk.ui.wizard.WizardServices;
import java.util.function.Consumer;

/**
 * The counter application: sign-in, the clerk wizard, the idle lock, and what the status bar names.
 *
 * @param onSignedIn called (on a background thread) after each sign-in, e.g. to journal it
 * @param securityModule message key describing the security module for the status bar
 * @param journal description of the audit journal for the status bar
 * @param sync the journal sync status for the status bar ({@link SyncStatusFeed#NOT_CONFIGURED}
 *     without a central)
 * @param securityModuleFeed the security module's live state (a PSAM is probed in the background);
 *     without one, {@code securityModule} is shown as ready
 */
public record CounterContext(
    WizardServices services,
    SignInService signIn,
    IdleLock idleLock,
    Consumer<Operator> onSignedIn,
    String securityModule,
    String journal,
    SyncStatusFeed sync,
    SecurityModuleFeed securityModuleFeed) {

  /** With a fixed security module text. */
  public CounterContext(
      WizardServices services,
      SignInService signIn,
      IdleLock idleLock,
      Consumer<Operator> onSignedIn,
      String securityModule,
      String journal,
      SyncStatusFeed sync) {
    this(
        services,
        signIn,
        idleLock,
        onSignedIn,
        securityModule,
        journal,
        sync,
        SecurityModuleFeed.fixed(SecurityModuleStatus.ok(securityModule, "")));
  }

  /** Without a central system. */
  public CounterContext(
      WizardServices services,
      SignInService signIn,
      IdleLock idleLock,
      Consumer<Operator> onSignedIn,
      String securityModule,
      String journal) {
    this(
        services,
        signIn,
        idleLock,
        onSignedIn,
        securityModule,
        journal,
        SyncStatusFeed.NOT_CONFIGURED);
  }
}
