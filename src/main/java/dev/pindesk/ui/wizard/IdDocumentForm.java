package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.domain.id.CitizenIdKind;
import dev.pindesk.domain.id.IdCheck;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.Texts;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The form for one identity document: the number validated as the clerk types (the message says
 * what is wrong and where), expiry, and the visual checklist.
 */
public final class IdDocumentForm extends VBox {
  private final TextField number = new TextField();

  public IdDocumentForm(
      String idPrefix, String titleKey, IdDocumentFormModel model, ObservableValue<Messages> m) {
    super(10);
    getStyleClass().add("panel");
    Label title = new Label();
    title.textProperty().bind(Texts.of(m, titleKey));
    title.getStyleClass().add(Styles.TITLE_4);

    number.setId(idPrefix + "Number");
    number.setPrefColumnCount(20);
    number.getStyleClass().add("id-number");
    number.setTextFormatter(
        new TextFormatter<String>(
            change -> {
              change.setText(change.getText().toUpperCase(Locale.ROOT).replaceAll("\\s", ""));
              return change.getControlNewText().length() <= 18 ? change : null;
            }));
    number.textProperty().bindBidirectional(model.numberProperty());
    Label checkMessage = new Label();
    checkMessage.setId(idPrefix + "Check");
    checkMessage
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> m.getValue().get(model.checkBinding().get().messageKey()),
                model.checkBinding(),
                m));
    model.checkBinding().addListener((o, a, check) -> style(checkMessage, check));
    style(checkMessage, model.checkBinding().get());
    Label kind = new Label();
    kind.getStyleClass().add(Styles.TEXT_MUTED);
    kind.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model
                        .checkBinding()
                        .get()
                        .id()
                        .map(
                            id ->
                                m.getValue().get("idstep.kind", kindName(m.getValue(), id.kind())))
                        .orElse(""),
                model.checkBinding(),
                m));

    TextField name = new TextField();
    name.setId(idPrefix + "Name");
    name.setPrefColumnCount(20);
    name.textProperty().bindBidirectional(model.nameProperty());

    DatePicker expiry = new DatePicker();
    expiry.setId(idPrefix + "Expiry");
    expiry.valueProperty().bindBidirectional(model.expiryProperty());
    expiry.disableProperty().bind(model.longTermProperty());
    CheckBox longTerm = checkBox(idPrefix + "LongTerm", "idstep.long_term", KeyCode.L, m);
    longTerm.selectedProperty().bindBidirectional(model.longTermProperty());
    Label expired = new Label();
    expired.textProperty().bind(Texts.of(m, "idstep.expired"));
    expired.getStyleClass().add(Styles.DANGER);
    expired.visibleProperty().bind(model.expiredBinding());
    expired.managedProperty().bind(expired.visibleProperty());

    CheckBox photo = checkBox(idPrefix + "Photo", "idstep.check.photo", KeyCode.P, m);
    photo.selectedProperty().bindBidirectional(model.photoMatchesProperty());
    CheckBox intact = checkBox(idPrefix + "Intact", "idstep.check.intact", KeyCode.I, m);
    intact.selectedProperty().bindBidirectional(model.intactProperty());

    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(8);
    grid.addRow(0, label("idstep.number", m), new VBox(4, number, checkMessage, kind));
    grid.addRow(1, label("idstep.name", m), name);
    grid.addRow(2, label("idstep.expiry", m), new VBox(4, new HBox(12, expiry, longTerm), expired));
    getChildren().addAll(title, grid, photo, intact);
    // Alt+L / Alt+P / Alt+I tick the boxes from anywhere in this form (e.g. still in the name
    // field): each check stays a deliberate key of its own, without tabbing to it.
    addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          if (!e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return;
          }
          for (CheckBox box : new CheckBox[] {longTerm, photo, intact}) {
            if (box.getUserData() == e.getCode() && !box.isDisabled()) {
              box.setSelected(!box.isSelected());
              e.consume();
            }
          }
        });
  }

  /** Puts the caret in the number field. */
  public void focusNumber() {
    number.requestFocus();
  }

  private static void style(Label label, IdCheck check) {
    label.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS, Styles.TEXT_MUTED);
    label
        .getStyleClass()
        .add(
            check.isValid() ? Styles.SUCCESS : check.isError() ? Styles.DANGER : Styles.TEXT_MUTED);
  }

  private static String kindName(Messages m, CitizenIdKind kind) {
    return m.get("idstep.kind." + kind.name().toLowerCase(Locale.ROOT));
  }

  private static Label label(String key, ObservableValue<Messages> m) {
    Label l = new Label();
    l.textProperty().bind(Texts.of(m, key));
    return l;
  }

  private static CheckBox checkBox(
      String id, String key, KeyCode shortcut, ObservableValue<Messages> m) {
    CheckBox c = new CheckBox();
    c.setId(id);
    c.setMnemonicParsing(false);
    c.textProperty().bind(Texts.of(m, key).concat("  (Alt+" + shortcut.getName() + ")"));
    c.setUserData(shortcut);
    return c;
  }
}
