package dev.pindesk.ui.signin;

import atlantafx.base.theme.Styles;
import dev.pindesk.ui.common.Texts;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Operator sign-in, and the same form as the idle-lock screen. Enter signs in. */
public final class SignInView extends StackPane {
  private final TextField id = new TextField();
  private final PasswordField password = new PasswordField();

  public SignInView(SignInViewModel model) {
    getStylesheets()
        .add(SignInView.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    getStyleClass().add("sign-in");
    Label title = new Label();
    title
        .textProperty()
        .bind(
            model
                .lockModeProperty()
                .flatMap(
                    locked ->
                        Texts.of(
                            model.messages(), locked ? "signin.locked_title" : "signin.title")));
    title.getStyleClass().add(Styles.TITLE_2);
    id.setId("signInId");
    id.textProperty().bindBidirectional(model.operatorIdProperty());
    id.disableProperty().bind(model.lockModeProperty());
    password.setId("signInPassword");
    Label error = new Label();
    error.setId("signInError");
    error.textProperty().bind(model.errorProperty());
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    Button submit = new Button();
    submit.setId("signInButton");
    submit
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model
                        .messages()
                        .get()
                        .get(
                            !model.readyProperty().get()
                                ? "signin.preparing"
                                : model.lockModeProperty().get()
                                    ? "signin.unlock"
                                    : "signin.submit"),
                model.messages(),
                model.readyProperty(),
                model.lockModeProperty()));
    submit.getStyleClass().add(Styles.ACCENT);
    submit.setDefaultButton(true);
    submit.disableProperty().bind(model.busyProperty());
    submit.setMaxWidth(Double.MAX_VALUE);
    submit.setOnAction(
        e -> {
          // JavaFX keeps the field's text as a String; take the characters and clear it at once.
          char[] chars = password.getText().toCharArray();
          password.clear();
          model.signIn(chars);
        });
    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(12);
    form.addRow(0, label(model, "signin.id"), id);
    form.addRow(1, label(model, "signin.password"), password);
    VBox box = new VBox(16, title, form, error, submit);
    if (model.training()) {
      Label hint = new Label();
      hint.textProperty().bind(Texts.of(model.messages(), "signin.training_hint"));
      hint.getStyleClass().add(Styles.TEXT_MUTED);
      box.getChildren().add(hint);
    }
    box.getStyleClass().add("panel");
    box.setMaxWidth(420);
    box.setMaxHeight(USE_PREF_SIZE);
    StackPane.setAlignment(box, Pos.CENTER);
    getChildren().add(box);
    model
        .lockModeProperty()
        .addListener((o, a, locked) -> Platform.runLater(this::focusFirstEmpty));
    sceneProperty().addListener((o, a, s) -> Platform.runLater(this::focusFirstEmpty));
  }

  private void focusFirstEmpty() {
    if (id.isDisabled() || !id.getText().isBlank()) {
      password.requestFocus();
    } else {
      id.requestFocus();
    }
  }

  private static Label label(SignInViewModel model, String key) {
    Label l = new Label();
    l.textProperty().bind(Texts.of(model.messages(), key));
    return l;
  }
}
