package dev.pindesk.ui;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.service.SecurityModuleStatus;
import dev.pindesk.service.counter.CounterEvent;
import dev.pindesk.service.counter.CounterSession;
import dev.pindesk.ui.common.DialogService;
import dev.pindesk.ui.common.FxDialogs;
import dev.pindesk.ui.common.StatusBar;
import dev.pindesk.ui.common.TaskRunner;
import dev.pindesk.ui.common.UiExecutor;
import dev.pindesk.ui.signin.SignInView;
import dev.pindesk.ui.signin.SignInViewModel;
import dev.pindesk.ui.wizard.WindowClosing;
import dev.pindesk.ui.wizard.WizardView;
import dev.pindesk.ui.wizard.WizardViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The counter's main window content: sign-in, then the wizard; the idle lock covers the wizard with
 * the sign-in form (the case stays as it was) until the same operator signs in again. The sign-in
 * screen shows at once; the counter (journal, operators, keys) is opened meanwhile.
 */
public final class CounterWindow extends StackPane {
  private final UiContext context;
  private final CompletableFuture<CounterSession> counter;
  private final UiExecutor runner;
  private final ObjectProperty<Messages> messages;
  private final ObjectProperty<SecurityModuleStatus> securityModuleStatus =
      new SimpleObjectProperty<>();
  private final ObjectProperty<SyncStatus> syncStatus = new SimpleObjectProperty<>();
  private ReaderWatcher.Snapshot lastReaders; // FX thread
  private final SignInViewModel signIn;
  private final SignInView signInView;
  private final StatusBar statusBar;
  private WizardView wizardView;
  private WizardViewModel wizard;
  private String operatorId;
  private Runnable exit = Platform::exit;
  private final DialogService dialogs =
      new FxDialogs(() -> getScene() == null ? null : getScene().getWindow());

  /**
   * @param counter the counter session, complete once the counter has opened (or failed to)
   * @param runner where the session's replies and events reach this window (its UI thread)
   */
  public CounterWindow(
      UiContext context, CompletableFuture<CounterSession> counter, UiExecutor runner) {
    this.context = context;
    this.counter = counter;
    this.runner = runner;
    this.messages = new SimpleObjectProperty<>(context.messages());
    this.statusBar = new StatusBar(messages);
    this.signIn =
        new SignInViewModel(counter, runner, messages, context.training(), this::signedIn);
    signIn.readyProperty().set(counter.isDone());
    counter.whenComplete(
        (c, e) ->
            TaskRunner.onFx(
                () -> {
                  signIn.readyProperty().set(true);
                  if (e != null) {
                    signIn.counterFailed(e);
                  }
                }));
    this.signInView = new SignInView(signIn);
    getChildren().add(signInView);
    addEventFilter(InputEvent.ANY, e -> counter.thenAccept(CounterSession::activity));
    Timeline idleCheck = new Timeline(new KeyFrame(Duration.seconds(5), e -> lockIfIdle()));
    idleCheck.setCycleCount(Timeline.INDEFINITE);
    idleCheck.play();
  }

  private void build(CounterSession c) {
    wizard = new WizardViewModel(c, runner, Clock.systemDefaultZone(), messages.get());
    wizard.follow();
    messages.bindBidirectional(wizard.messages());
    wizardView = new WizardView(wizard, statusBar);
    String journal = c.info().journal();
    showSecurityModule(c.info().securityModuleKey());
    statusBar.journalProperty().set(new StatusBar.Segment(journal, StatusBar.Health.OK));
    showSync(c.info().syncConfigured());
    c.subscribe(runner.delivering(this::onEvent));
    wizard
        .noticeProperty()
        .addListener(
            (o, a, n) ->
                n.filter(x -> x.key().startsWith("error.journal"))
                    .ifPresent(
                        x ->
                            statusBar
                                .journalProperty()
                                .set(new StatusBar.Segment(journal, StatusBar.Health.ERROR))));
  }

  /** The status bar follows the session's sync and security-module events (on the FX thread). */
  private void onEvent(CounterEvent event) {
    if (event instanceof CounterEvent.SyncChanged sync) {
      syncStatus.set(sync.status());
    } else if (event instanceof CounterEvent.SecurityModuleChanged module) {
      securityModuleStatus.set(module.status());
    }
  }

  /**
   * The security module segment follows its feed (a PSAM is probed on a background thread) and the
   * language.
   */
  private void showSecurityModule(String initialKey) {
    ObjectProperty<SecurityModuleStatus> status = securityModuleStatus;
    status.set(SecurityModuleStatus.ok(initialKey, ""));
    statusBar
        .securityModuleProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    new StatusBar.Segment(
                        messages.get().get(status.get().messageKey()),
                        switch (status.get().health()) {
                          case OK -> StatusBar.Health.OK;
                          case WARNING -> StatusBar.Health.WARNING;
                          case ERROR -> StatusBar.Health.ERROR;
                        },
                        status.get().detail()),
                messages,
                status));
  }

  /** The central segment follows the sync status (published on the sync thread) and language. */
  private void showSync(boolean configured) {
    if (!configured) {
      statusBar.centralProperty().bind(messages.map(CentralStatus::notConfigured));
      return;
    }
    ObjectProperty<SyncStatus> status = syncStatus;
    statusBar
        .centralProperty()
        .bind(
            Bindings.createObjectBinding(
                () ->
                    status.get() == null
                        ? CentralStatus.notConfigured(messages.get())
                        : CentralStatus.segment(
                            messages.get(), status.get(), ZoneId.systemDefault()),
                messages,
                status));
  }

  /** The status bar of the wizard (shown once a clerk signed in). */
  StatusBar statusBar() {
    return statusBar;
  }

  /** Reader state for the status bar (from the reader watcher, any thread). */
  public void readersChanged(ReaderWatcher.Snapshot s) {
    TaskRunner.onFx(
        () -> {
          if (lastReaders == null) {
            // Shown again in the new language when the clerk switches (the watcher only reports
            // changes of the readers).
            messages.addListener((o, before, now) -> showReaders(lastReaders));
          }
          lastReaders = s;
          showReaders(s);
        });
  }

  private void showReaders(ReaderWatcher.Snapshot s) {
    Messages m = messages.get();
    if (context.certifiedReader().isPresent()) {
      // Cards go through the vendor's library, whatever PC/SC lists (often nothing); whether a
      // card is in it, only a read tells.
      statusBar
          .readerProperty()
          .set(
              new StatusBar.Segment(
                  m.get("ui.reader.certified", context.certifiedReader().get()),
                  StatusBar.Health.OK));
    } else if (s.failure().isPresent()) {
      statusBar
          .readerProperty()
          .set(
              new StatusBar.Segment(m.get(s.failure().get().messageKey()), StatusBar.Health.ERROR));
    } else if (s.readers().isEmpty()) {
      statusBar
          .readerProperty()
          .set(new StatusBar.Segment(m.get("ui.reader.none"), StatusBar.Health.WARNING));
    } else {
      String text =
          s.readers().stream()
              .map(r -> r.name() + " · " + presence(m, r))
              .collect(Collectors.joining("  "));
      statusBar.readerProperty().set(new StatusBar.Segment(text, StatusBar.Health.OK));
    }
  }

  private static String presence(Messages m, ReaderState r) {
    return m.get(r.cardPresent() ? "ui.reader.card_present" : "ui.reader.card_absent");
  }

  private void signedIn(Operator operator) {
    CounterSession c = counter.join(); // done: sign-in itself waited for it
    if (wizard == null) {
      build(c);
    }
    operatorId = operator.id();
    wizard.operatorIdProperty().set(operator.id());
    wizard.operatorNameProperty().set(operator.displayName());
    getChildren().setAll(wizardView);
    wizardView.focusCurrentStep();
  }

  private void lockIfIdle() {
    if (operatorId == null || !counter.isDone() || !getChildren().contains(wizardView)) {
      return;
    }
    if (counter.join().idleLocked()) {
      signIn.lock(operatorId);
      getChildren().add(signInView);
    }
  }

  /**
   * The window's close button: what happens to the case at hand is the wizard's {@link
   * WindowClosing#closeRequested} (asked through this window's dialogs).
   */
  public void closeRequested(WindowEvent e) {
    if (wizard != null && wizard.closing().closeRequested(dialogs, exit)) {
      e.consume();
    }
  }

  /** What ends PinDesk once the case is ended (tests keep the toolkit running). */
  public void onExit(Runnable exit) {
    this.exit = exit;
  }
}
