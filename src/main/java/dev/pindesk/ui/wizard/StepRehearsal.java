package dev.pindesk.ui.wizard;

import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.ui.common.StatusBar;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Rehearses the wizard once, right after it is first shown (after sign-in, while the clerk is still
 * at the service step), so that the clerk's first case is not the first time JavaFX creates the
 * steps' skins, styles and lays them out, and runs that code in the interpreter. Without it the
 * first service → ID after start-up took ~250 ms against ~20 ms for later ones.
 *
 * <p>Two parts, one small slice per FX event so that the clerk's keys are served in between: the
 * live view's own step nodes are styled and laid out once, invisibly ({@link
 * WizardView#warmUpStep}); then a throwaway wizard (its own model over the same session, in a scene
 * that is never shown) is walked through every step twice, the second time with an agent and while
 * busy, which compiles the styling and layout code the transitions run. The throwaway model never
 * calls a service: only its step, holder and busy properties are set, so nothing is journaled and
 * no card is touched. (The customer's PIN pad window warms itself up when the counter opens.)
 */
final class StepRehearsal {
  private final Deque<Runnable> slices = new ArrayDeque<>();
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private WizardViewModel model;
  private Parent root;

  private StepRehearsal() {}

  /** Starts the rehearsal of {@code live} (on the FX thread); completes when it is over. */
  static CompletableFuture<Void> start(WizardView live, WizardViewModel liveModel) {
    StepRehearsal r = new StepRehearsal();
    for (WizardStep s : WizardStep.values()) {
      r.slices.add(() -> live.warmUpStep(s));
    }
    r.slices.add(() -> r.build(liveModel, live.getScene()));
    for (int round = 0; round < 2; round++) {
      boolean second = round == 1;
      for (WizardStep s : WizardStep.values()) {
        r.slices.add(() -> r.show(s, second));
      }
    }
    r.next();
    return r.done;
  }

  private void next() {
    Platform.runLater(
        () -> {
          try {
            Runnable slice = slices.poll();
            if (slice == null) {
              model = null;
              root = null;
              done.complete(null);
              return;
            }
            slice.run();
            next();
          } catch (RuntimeException e) {
            done.completeExceptionally(e); // a rehearsal only saves time: the wizard works anyway
          }
        });
  }

  private void build(WizardViewModel live, Scene liveScene) {
    model =
        new WizardViewModel(
            live.session(),
            live.runner(),
            java.time.Clock.systemDefaultZone(),
            live.messages().get());
    WizardView view = new WizardView(model, new StatusBar(model.messages()), false);
    double width = liveScene == null ? 1366 : liveScene.getWidth();
    double height = liveScene == null ? 768 : liveScene.getHeight();
    Scene scene = new Scene(view, width, height);
    if (liveScene != null) {
      scene.getStylesheets().setAll(liveScene.getStylesheets());
      view.setStyle(liveScene.getRoot().getStyle()); // the font scale, if any
    }
    root = view;
  }

  private void show(WizardStep step, boolean agentAndBusy) {
    model.holderProperty().set(agentAndBusy ? HolderKind.AGENT : HolderKind.IN_PERSON);
    model.busyProperty().set(agentAndBusy);
    model.stepProperty().set(step);
    show();
  }

  private void show() {
    root.applyCss();
    root.layout();
  }
}
