package dev.pindesk.ui.audit;

import dev.pindesk.ui.common.Texts;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** Small controls the audit window's parts share, their texts following the language. */
final class AuditControls {
  private AuditControls() {}

  static Label label(AuditViewModel model, String key) {
    Label l = new Label();
    l.textProperty().bind(Texts.of(model.messagesProperty(), key));
    l.setMinWidth(Region.USE_PREF_SIZE);
    return l;
  }

  /** The language button (中文 / English), never focused so Enter keeps its meaning. */
  static Button language(AuditViewModel model) {
    Button b = new Button();
    b.textProperty().bind(Texts.of(model.messagesProperty(), "ui.language"));
    b.setFocusTraversable(false);
    b.setOnAction(e -> model.switchLanguage());
    b.setMinWidth(Region.USE_PREF_SIZE);
    return b;
  }
}
