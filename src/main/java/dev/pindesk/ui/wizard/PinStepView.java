package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * Step 4, as the clerk sees it: which entry the citizen is on and one dot per digit — never the
 * digits, which exist only on the customer PIN pad.
 */
final class PinStepView extends VBox {

  PinStepView(WizardViewModel model) {
    super(16);
    PinCapture pin = model.pin();
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "pinstep.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label waiting = new Label();
    waiting.setId("pinWaiting");
    waiting
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> model.messages().get().get(waitingKey(pin)),
                pin.promptProperty(),
                pin.onDeviceProperty(),
                model.messages()));
    waiting.setWrapText(true);
    Label progress = new Label();
    progress.setId("pinProgress");
    progress
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    pin.entryProperty().get() == 0
                        ? ""
                        : model
                            .messages()
                            .get()
                            .get(
                                progressKey(pin.promptProperty().get()),
                                pin.digitsProperty().get()),
                pin.entryProperty(),
                pin.promptProperty(),
                pin.digitsProperty(),
                model.messages()));
    progress.getStyleClass().add(Styles.TITLE_4);
    HBox dots = new HBox(12);
    dots.getStyleClass().add("pin-progress");
    // The reader's keypad reports no digits: no dots, and nothing to enter again here.
    dots.visibleProperty().bind(pin.onDeviceProperty().not());
    dots.managedProperty().bind(dots.visibleProperty());
    for (int i = 0; i < 6; i++) {
      Circle c = new Circle(10);
      c.getStyleClass().add("pin-dot");
      int index = i;
      Runnable render =
          () ->
              c.pseudoClassStateChanged(
                  javafx.css.PseudoClass.getPseudoClass("filled"),
                  pin.entryProperty().get() > 0 && index < pin.digitsProperty().get());
      pin.digitsProperty().addListener((o, a, b) -> render.run());
      pin.entryProperty().addListener((o, a, b) -> render.run());
      dots.getChildren().add(c);
    }
    Button retry = new Button();
    retry.setId("pinRetry");
    retry.textProperty().bind(Texts.of(model.messages(), "pinstep.retry"));
    retry
        .visibleProperty()
        .bind(
            pin.entryProperty()
                .isEqualTo(0)
                .and(model.busyProperty().not())
                .and(pin.onDeviceProperty().not()));
    retry.managedProperty().bind(retry.visibleProperty());
    retry.setOnAction(e -> pin.start());
    getChildren().addAll(title, waiting, progress, dots, retry);
  }

  private static String waitingKey(PinCapture pin) {
    if (pin.onDeviceProperty().get()) {
      return "pinstep.waiting_device";
    }
    return pin.promptProperty().get() == PinPad.Prompt.OLD_PIN
        ? "pinstep.waiting_current"
        : "pinstep.waiting";
  }

  /** The clerk's name for the running entry. */
  private static String progressKey(PinPad.Prompt prompt) {
    return switch (prompt) {
      case OLD_PIN -> "pinstep.current";
      case NEW_PIN -> "pinstep.first";
      case CONFIRM_NEW_PIN -> "pinstep.second";
    };
  }
}
