package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Step 6: the case is done; Next closes it (journaled) and starts the next case. */
final class ReceiptStepView extends VBox {

  ReceiptStepView(WizardViewModel model) {
    super(16);
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "receiptstep.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label summary = new Label();
    summary.setId("caseNumber");
    summary
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    model.messages().get().get("receiptstep.summary", model.caseIdProperty().get()),
                model.messages(),
                model.caseIdProperty()));
    summary.getStyleClass().add(Styles.TITLE_4);
    getChildren().addAll(title, summary);
  }
}
