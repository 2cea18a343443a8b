package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.Texts;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The steps of the case on the left: done, current, to come. */
final class StepList extends VBox {
  private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
  private static final PseudoClass DONE = PseudoClass.getPseudoClass("done");

  StepList(ObservableValue<WizardStep> current, ObservableValue<Messages> m) {
    super(6);
    getStyleClass().add("step-list");
    for (WizardStep step : WizardStep.values()) {
      Label l = new Label();
      l.setId("step-" + step.name());
      l.textProperty()
          .bind(Texts.of(m, step.messageKey()).map(t -> (step.ordinal() + 1) + "  " + t));
      l.getStyleClass().addAll("step", Styles.TEXT);
      l.setMaxWidth(Double.MAX_VALUE);
      Runnable render =
          () -> {
            l.pseudoClassStateChanged(CURRENT, current.getValue() == step);
            l.pseudoClassStateChanged(DONE, current.getValue().ordinal() > step.ordinal());
          };
      current.addListener((o, a, b) -> render.run());
      render.run();
      getChildren().add(l);
    }
  }
}
