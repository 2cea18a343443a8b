package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.reset.BindingIssue;
import dev.pindesk.domain.reset.BindingResult;
import dev.pindesk.ui.common.Texts;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Step 3: insert and read the card; show the holder data and whether identity binds. */
final class CardStepView extends VBox {
  private final WizardViewModel model;
  private final GridPane details = new GridPane();
  private final VBox issues = new VBox(6);

  CardStepView(WizardViewModel model) {
    super(16);
    this.model = model;
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "cardstep.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label insert = new Label();
    insert.textProperty().bind(Texts.of(model.messages(), "cardstep.insert"));
    Button read = new Button();
    read.setId("readCardButton");
    read.textProperty().bind(Texts.of(model.messages(), "cardstep.read"));
    read.getStyleClass().add(Styles.ACCENT);
    read.disableProperty().bind(model.busyProperty());
    read.setOnAction(e -> model.readCard());
    CheckBox confirm = new CheckBox();
    confirm.setId("confirmWarnings");
    confirm.textProperty().bind(Texts.of(model.messages(), "cardstep.bind_confirm"));
    confirm.selectedProperty().bindBidirectional(model.warningsConfirmedProperty());
    confirm
        .visibleProperty()
        .bind(model.bindingProperty().map(b -> b.map(r -> !r.warnings().isEmpty()).orElse(false)));
    confirm.managedProperty().bind(confirm.visibleProperty());
    details.setHgap(24);
    details.setVgap(8);
    details.getStyleClass().add("panel");
    details.visibleProperty().bind(model.cardProperty().map(Optional::isPresent));
    details.managedProperty().bind(details.visibleProperty());
    getChildren().addAll(title, insert, read, details, issues, confirm);
    setUserData((Runnable) read::requestFocus);
    model.cardProperty().addListener((o, a, b) -> render());
    model.bindingProperty().addListener((o, a, b) -> render());
    model.messages().addListener((o, a, b) -> render());
  }

  private void render() {
    details.getChildren().clear();
    issues.getChildren().clear();
    var m = model.messages().get();
    model.cardProperty().get().ifPresent(c -> fill(c, m));
    model.bindingProperty().get().ifPresent(r -> showIssues(r, m));
  }

  private void fill(CardSnapshot c, dev.pindesk.i18n.Messages m) {
    String[][] rows = {
      {"ui.card.name", c.holder().name()},
      {"ui.card.ssn", c.holder().ssn()},
      {"ui.card.card_number", c.info().cardNumber()},
      {"ui.card.expiry", c.info().expiryDate().toString()},
      {"ui.card.generation", c.info().specVersion()},
      {
        "ui.card.tries_left",
        c.pinState().knownTriesLeft().isPresent()
            ? Integer.toString(c.pinState().knownTriesLeft().getAsInt())
            : m.get("ui.card.unknown")
      },
    };
    for (int i = 0; i < rows.length; i++) {
      Label k = new Label(m.get(rows[i][0]));
      k.getStyleClass().add(Styles.TEXT_MUTED);
      Label v = new Label(rows[i][1]);
      v.setId("card-" + rows[i][0].substring(rows[i][0].lastIndexOf('.') + 1));
      v.getStyleClass().add(Styles.TEXT_BOLD);
      details.addRow(i, k, v);
    }
  }

  private void showIssues(BindingResult r, dev.pindesk.i18n.Messages m) {
    if (r.issues().isEmpty()) {
      Label ok = new Label(m.get("cardstep.bound"));
      ok.setId("bindingOk");
      ok.getStyleClass().add(Styles.SUCCESS);
      issues.getChildren().add(ok);
    }
    for (BindingIssue issue : r.issues()) {
      Label l = new Label(m.get(issue.messageKey()));
      l.setWrapText(true);
      l.getStyleClass().add(r.blocking().contains(issue) ? Styles.DANGER : Styles.WARNING);
      l.setId("issue-" + issue.name().toLowerCase(Locale.ROOT));
      issues.getChildren().add(l);
    }
    r.suggestedService()
        .ifPresent(
            s ->
                issues
                    .getChildren()
                    .add(
                        new Label(
                            m.get(
                                "cardstep.suggest",
                                m.get("service." + s.name().toLowerCase(Locale.ROOT))))));
  }
}
