package dev.pindesk.ui.audit;

import atlantafx.base.theme.Styles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The audit window's first screen: the journal and key store (proposed, or chosen), the passphrase,
 * and what went wrong or how far the reading is.
 */
final class AuditUnlockForm extends StackPane {
  private final AuditViewModel model;

  AuditUnlockForm(AuditViewModel model) {
    this.model = model;
    Label heading = new Label();
    heading.textProperty().bind(text("audit.unlock.heading"));
    heading.getStyleClass().add(Styles.TITLE_3);

    TextField journalField = new TextField();
    journalField.setId("auditJournal");
    journalField.textProperty().bindBidirectional(model.journalPathProperty());
    TextField keyField = new TextField();
    keyField.setId("auditKey");
    keyField.textProperty().bindBidirectional(model.keyPathProperty());
    PasswordField passphrase = new PasswordField();
    passphrase.setId("auditPassphrase");

    Button browseJournal = browse(model::chooseJournal);
    Button browseKey = browse(model::chooseKeyStore);
    browseJournal.setMinWidth(Region.USE_PREF_SIZE);
    browseKey.setMinWidth(Region.USE_PREF_SIZE);
    // The supervisor types the passphrase first; the files are usually proposed already.
    sceneProperty()
        .addListener(
            (o, a, scene) -> javafx.application.Platform.runLater(passphrase::requestFocus));
    Button open = new Button();
    open.setId("auditOpen");
    open.textProperty().bind(text("audit.unlock.open"));
    open.getStyleClass().add(Styles.ACCENT);
    open.setDefaultButton(true);
    open.disableProperty().bind(model.busyProperty());
    open.setOnAction(
        e -> {
          // The field's text is a String (a JavaFX limit); it is copied out and cleared at once.
          char[] typed = passphrase.getText().toCharArray();
          passphrase.clear();
          model.open(typed);
        });

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(10);
    grid.addRow(0, label("audit.unlock.journal"), journalField, browseJournal);
    grid.addRow(1, label("audit.unlock.key"), keyField, browseKey);
    grid.addRow(2, label("audit.unlock.passphrase"), passphrase);
    GridPane.setHgrow(journalField, Priority.ALWAYS);
    journalField.setPrefColumnCount(40);

    Label error = new Label();
    error.setId("auditError");
    error.textProperty().bind(model.errorProperty());
    error.getStyleClass().add(Styles.DANGER);
    error.setWrapText(true);
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    Label reading = new Label();
    reading
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.readProperty().get() == 0
                        ? m().get("audit.unlock.reading")
                        : m().get("audit.unlock.progress", model.readProperty().get()),
                model.readProperty(),
                model.messagesProperty()));
    reading.visibleProperty().bind(model.busyProperty());
    reading.managedProperty().bind(model.busyProperty());
    Label hint = new Label();
    hint.textProperty().bind(text("audit.unlock.hint"));
    hint.setWrapText(true);
    hint.getStyleClass().add(Styles.TEXT_MUTED);

    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    VBox card =
        new VBox(
            14, new HBox(heading, gap, language()), grid, error, reading, new HBox(open), hint);
    card.setPadding(new Insets(24));
    card.setMaxWidth(760);
    card.setMaxHeight(Region.USE_PREF_SIZE);
    card.getStyleClass().add("panel");
    StackPane.setAlignment(card, Pos.CENTER);
    getChildren().add(card);
  }

  private Button browse(Runnable choose) {
    Button b = new Button();
    b.textProperty().bind(text("audit.unlock.browse"));
    b.setOnAction(e -> choose.run());
    return b;
  }

  private ObservableValue<String> text(String key, Object... args) {
    return Texts.of(model.messagesProperty(), key, args);
  }

  private Messages m() {
    return model.messagesProperty().get();
  }

  private Label label(String key) {
    return AuditControls.label(model, key);
  }

  private Button language() {
    return AuditControls.language(model);
  }
}
