package dev.pindesk.ui.pinpad;

import dev.pindesk.domain.Pin;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ui.common.TaskRunner;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The on-screen customer PIN pad: a second window, on the second screen when there is one, facing
 * the citizen. One entry at a time; a timeout ends an entry nobody finishes.
 */
public final class ScreenPinPad implements PinPad {
  private volatile boolean requested;
  private final Duration timeout;
  private final boolean scrambled;
  private final String stylesheet;
  private Stage stage;
  private Entry current;

  private final class Entry {
    final CompletableFuture<Pin> result = new CompletableFuture<>();
    PinPadView view;
    Timeline timer;
    long secondsLeft;

    void finish(Pin pin, Failure failure) {
      if (timer != null) {
        timer.stop();
      }
      view.buffer().clear();
      current = null;
      stage.hide();
      if (pin != null) {
        result.complete(pin);
      } else {
        result.completeExceptionally(new PinPadException(failure));
      }
    }
  }

  public ScreenPinPad(Duration timeout, boolean scrambled) {
    this.timeout = timeout;
    this.scrambled = scrambled;
    this.stylesheet =
        ScreenPinPad.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm();
  }

  @Override
  public CompletionStage<Pin> request(Prompt prompt, int length, IntConsumer progress) {
    return request(prompt, length, null, progress);
  }

  @Override
  public CompletionStage<Pin> request(
      Prompt prompt, int length, String reasonKey, IntConsumer progress) {
    Entry entry = new Entry();
    requested = true;
    TaskRunner.onFx(() -> open(entry, prompt, length, reasonKey, progress));
    return entry.result;
  }

  private void open(
      Entry entry, Prompt prompt, int length, String reasonKey, IntConsumer progress) {
    if (current != null) {
      current.finish(null, Failure.CANCELLED);
    }
    current = entry;
    entry.view =
        new PinPadView(
            prompt,
            length,
            scrambled,
            count -> {
              entry.secondsLeft = timeout.toSeconds();
              progress.accept(count);
            },
            () -> entry.finish(entry.view.buffer().take(), null),
            () -> entry.finish(null, Failure.CANCELLED));
    if (reasonKey != null) {
      entry.view.showReason(
          Messages.of(Locale.SIMPLIFIED_CHINESE).get(reasonKey),
          Messages.of(Locale.ENGLISH).get(reasonKey));
    }
    entry.secondsLeft = timeout.toSeconds();
    entry.timer =
        new Timeline(
            new KeyFrame(
                javafx.util.Duration.seconds(1),
                e -> {
                  entry.secondsLeft--;
                  if (entry.secondsLeft <= 0) {
                    entry.finish(null, Failure.TIMEOUT);
                  } else if (entry.secondsLeft <= 20) {
                    entry.view.showSecondsLeft(secondsLeft(entry.secondsLeft));
                  }
                }));
    entry.timer.setCycleCount(Timeline.INDEFINITE);
    Scene scene = new Scene(entry.view, 720, 760);
    scene.getStylesheets().add(stylesheet);
    window().setScene(scene);
    window().show();
    window().toFront();
    entry.view.requestFocus();
    entry.timer.play();
  }

  /**
   * Builds the customer's window and a PIN pad view once without showing them (FX thread), so the
   * first PIN entry after start-up does not also pay for loading, styling and laying out the pad.
   */
  public void warmUp() {
    window();
    PinPadView view = new PinPadView(Prompt.NEW_PIN, 6, scrambled, count -> {}, () -> {}, () -> {});
    view.showSecondsLeft(secondsLeft(20));
    Scene scene = new Scene(view, 720, 760);
    scene.getStylesheets().add(stylesheet);
    view.applyCss();
    view.layout();
  }

  /**
   * {@link #warmUp} on the FX thread, soon: called when the counter opens, so the clerk's first
   * case finds the customer's window ready. Nothing without a running toolkit (a test of the
   * wiring).
   */
  public void warmUpSoon() {
    try {
      javafx.application.Platform.runLater(this::warmUp);
    } catch (IllegalStateException toolkitNotRunning) {
      // no window toolkit: nothing will be shown, nothing to warm up
    }
  }

  private static String secondsLeft(long seconds) {
    return Messages.of(Locale.SIMPLIFIED_CHINESE).get("pinpad.timeout", seconds)
        + " · "
        + Messages.of(Locale.ENGLISH).get("pinpad.timeout", seconds);
  }

  private Stage window() {
    if (stage == null) {
      stage = new Stage();
      dev.pindesk.ui.common.AppIcons.applyTo(stage);
      stage.setTitle(
          Messages.of(Locale.SIMPLIFIED_CHINESE).get("pinpad.title")
              + " / "
              + Messages.of(Locale.ENGLISH).get("pinpad.title"));
      stage.setOnCloseRequest(
          e -> {
            if (current != null) {
              current.finish(null, Failure.CANCELLED);
            }
          });
      List<Screen> screens = Screen.getScreens();
      if (screens.size() > 1) {
        // The citizen's screen: the first one that is not the clerk's primary screen.
        Rectangle2D bounds =
            screens.stream()
                .filter(s -> !s.equals(Screen.getPrimary()))
                .findFirst()
                .orElse(Screen.getPrimary())
                .getVisualBounds();
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
      }
    }
    return stage;
  }

  /**
   * On a counter whose citizen types on the certified reader's keypad: shows the citizen what the
   * reader waits for ({@code prompt}), or hides the window when it stopped waiting. Any thread.
   */
  public void showDeviceKeypad(Optional<Prompt> prompt) {
    requested = true;
    TaskRunner.onFx(
        () -> {
          if (prompt.isEmpty()) {
            if (current == null && stage != null) {
              stage.hide();
            }
            return;
          }
          Scene scene = new Scene(new DeviceKeypadView(prompt.get()), 720, 760);
          scene.getStylesheets().add(stylesheet);
          window().setScene(scene);
          window().show();
          window().toFront();
        });
  }

  @Override
  public void cancel() {
    if (!requested) {
      return; // never asked (also: a counter closing that never showed a window)
    }
    TaskRunner.onFx(
        () -> {
          if (current != null) {
            current.finish(null, Failure.CANCELLED);
          }
        });
  }

  @Override
  public String description() {
    return "on-screen customer PIN pad";
  }
}
