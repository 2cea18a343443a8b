package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.domain.reset.CaseState;
import dev.pindesk.ports.PinPad;
import dev.pindesk.ui.common.Texts;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step 5: write the PIN; an in-doubt write is settled by checking, never by writing again. */
final class WriteStepView extends VBox {

  WriteStepView(WizardViewModel model) {
    super(16);
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "writestep.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Button write = new Button();
    write.setId("writeButton");
    write.textProperty().bind(Texts.of(model.messages(), "writestep.write"));
    write.getStyleClass().add(Styles.ACCENT);
    write.disableProperty().bind(model.canWriteBinding().not());
    write.setOnAction(e -> model.write());
    Button resolve = new Button();
    resolve.setId("resolveButton");
    resolve.textProperty().bind(Texts.of(model.messages(), "writestep.resolve"));
    Button resolveLast = new Button();
    resolveLast.setId("resolveLastTryButton");
    resolveLast.textProperty().bind(Texts.of(model.messages(), "writestep.resolve_last_try"));
    resolveLast.getStyleClass().add(Styles.DANGER);
    for (Button b : new Button[] {resolve, resolveLast}) {
      b.visibleProperty()
          .bind(model.caseStateProperty().isEqualTo(Optional.of(CaseState.IN_DOUBT)));
      b.managedProperty().bind(b.visibleProperty());
      b.disableProperty().bind(model.busyProperty());
    }
    resolve.setOnAction(e -> model.resolveInDoubt(false));
    resolveLast.setOnAction(e -> model.resolveInDoubt(true));
    ProgressIndicator working = new ProgressIndicator();
    working.setPrefSize(28, 28);
    Label writing = new Label();
    writing.textProperty().bind(Texts.of(model.messages(), "writestep.writing"));
    HBox busy = new HBox(12, working, writing);
    busy.visibleProperty().bind(model.busyProperty());
    busy.managedProperty().bind(busy.visibleProperty());
    // While the certified reader's keypad waits, the clerk tells the citizen what to type there.
    Label keypad = new Label();
    keypad.setId("keypadWaiting");
    keypad.setWrapText(true);
    keypad.getStyleClass().add(Styles.TITLE_4);
    var prompt = model.pin().keypadProperty();
    keypad
        .textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () ->
                    prompt.get().isEmpty()
                        ? ""
                        : model.messages().get().get(keypadKey(prompt.get().get())),
                prompt,
                model.messages()));
    keypad.visibleProperty().bind(keypad.textProperty().isNotEmpty());
    keypad.managedProperty().bind(keypad.visibleProperty());
    getChildren().addAll(title, new HBox(12, write, resolve, resolveLast), keypad, busy);
    setUserData((Runnable) write::requestFocus);
  }

  /** What the clerk tells the citizen to type on the reader's keypad. */
  private static String keypadKey(PinPad.Prompt prompt) {
    return switch (prompt) {
      case OLD_PIN -> "writestep.keypad_current";
      case NEW_PIN -> "writestep.keypad_new";
      case CONFIRM_NEW_PIN -> "writestep.keypad_check";
    };
  }
}
