package dev.pindesk.ui;

import dev.pindesk.domain.operator.Operator;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.signin.SignInView;
import dev.pindesk.ui.signin.SignInViewModel;
import dev.pindesk.ui.wizard.WizardView;
import dev.pindesk.ui.wizard.WizardViewModel;
import java.util.stream.Collectors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.input.InputEvent;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The counter's main window content: sign-in, then the wizard; the idle lock covers the wizard with
 * the sign-in form (the case stays as it was) until the same operator signs in again.
 */
public final class CounterWindow extends StackPane {
  private final CounterContext counter;
  private final WizardViewModel wizard;
  private final SignInViewModel signIn;
  private final StatusBar statusBar;
  private final SignInView signInView;
  private final WizardView wizardView;
  private String operatorId;

  public CounterWindow(UiContext context, CounterContext counter) {
    this.counter = counter;
    this.wizard = new WizardViewModel(counter.services(), context.messages(), context.training());
    this.statusBar = new StatusBar(wizard.messages());
    this.signIn =
        new SignInViewModel(
            counter.signIn(),
            counter.services().runner(),
            wizard.messages(),
            context.training(),
            this::signedIn);
    this.signInView = new SignInView(signIn);
    this.wizardView = new WizardView(wizard, statusBar);
    statusBar
        .securityModuleProperty()
        .set(new StatusBar.Segment(counter.securityModule(), StatusBar.Health.OK));
    statusBar.journalProperty().set(new StatusBar.Segment(counter.journal(), StatusBar.Health.OK));
    statusBar
        .centralProperty()
        .bind(
            wizard
                .messages()
                .map(
                    m ->
                        new StatusBar.Segment(
                            m.get("status.not_configured"), StatusBar.Health.NONE)));
    wizard
        .noticeProperty()
        .addListener(
            (o, a, n) ->
                n.filter(x -> x.key().startsWith("error.journal"))
                    .ifPresent(
                        x ->
                            statusBar
                                .journalProperty()
                                .set(
                                    new StatusBar.Segment(
                                        counter.journal(), StatusBar.Health.ERROR))));
    getChildren().add(signInView);
    addEventFilter(InputEvent.ANY, e -> counter.idleLock().touch());
    Timeline idleCheck = new Timeline(new KeyFrame(Duration.seconds(5), e -> lockIfIdle()));
    idleCheck.setCycleCount(Timeline.INDEFINITE);
    idleCheck.play();
  }

  /** Reader state for the status bar (from the reader watcher, any thread). */
  public void readersChanged(ReaderWatcher.Snapshot s) {
    TaskRunner.onFx(
        () -> {
          if (s.failure().isPresent()) {
            statusBar
                .readerProperty()
                .set(
                    new StatusBar.Segment(
                        wizard.messages().get().get(s.failure().get().messageKey()),
                        StatusBar.Health.ERROR));
          } else if (s.readers().isEmpty()) {
            statusBar
                .readerProperty()
                .set(
                    new StatusBar.Segment(
                        wizard.messages().get().get("ui.reader.none"), StatusBar.Health.WARNING));
          } else {
            String text =
                s.readers().stream()
                    .map(r -> r.name() + " · " + presence(r))
                    .collect(Collectors.joining("  "));
            statusBar.readerProperty().set(new StatusBar.Segment(text, StatusBar.Health.OK));
          }
        });
  }

  private String presence(ReaderState r) {
    return wizard
        .messages()
        .get()
        .get(r.cardPresent() ? "ui.reader.card_present" : "ui.reader.card_absent");
  }

  private void signedIn(Operator operator) {
    operatorId = operator.id();
    wizard.operatorIdProperty().set(operator.id());
    wizard.operatorNameProperty().set(operator.displayName());
    counter.idleLock().unlock();
    counter
        .services()
        .runner()
        .run(
            () -> {
              counter.onSignedIn().accept(operator);
              return null;
            },
            x -> {},
            x -> {});
    getChildren().setAll(wizardView);
    wizardView.focusCurrentStep();
  }

  private void lockIfIdle() {
    if (operatorId != null && counter.idleLock().isLocked() && getChildren().contains(wizardView)) {
      signIn.lock(operatorId);
      getChildren().add(signInView);
      signInView.getStyleClass().add("lock-overlay");
    }
  }
}
