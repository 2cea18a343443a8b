package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 6: the case is done; the clerk saves or prints the citizen's receipt, then Next closes the
 * case (journaled) and starts the next one.
 */
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
    ReceiptActions receipt = model.receipt();
    Button save = new Button();
    save.setId("saveReceipt");
    save.textProperty().bind(Texts.of(model.messages(), "receipt.save_pdf"));
    save.disableProperty().bind(model.busyProperty());
    save.setOnAction(e -> receipt.save());
    Button print = new Button();
    print.setId("printReceipt");
    print.textProperty().bind(Texts.of(model.messages(), "receipt.print"));
    print.disableProperty().bind(model.busyProperty());
    print.setOnAction(e -> receipt.print());
    // Where the PDF went is said once, in the notice above.
    getChildren().addAll(title, summary, new HBox(12, save, print));
  }
}
