package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.common.Texts;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 1: which service (reset / unlock / change initial) and who is at the counter. Keys 1–3
 * choose the service, H/A the holder kind, so the clerk never needs the mouse.
 */
public final class ServiceStepView extends VBox {

  public ServiceStepView(
      ObjectProperty<ServiceKind> service,
      ObjectProperty<HolderKind> holder,
      ObservableValue<Messages> m) {
    super(16);
    Label title = new Label();
    title.textProperty().bind(Texts.of(m, "service.title"));
    title.getStyleClass().add(Styles.TITLE_3);

    ToggleGroup services = new ToggleGroup();
    HBox serviceCards = new HBox(12);
    int n = 1;
    for (ServiceKind kind : ServiceKind.values()) {
      ToggleButton b = choice("service" + n, n + "  ", "service." + key(kind), m);
      b.setUserData(kind);
      b.setToggleGroup(services);
      b.setSelected(service.get() == kind);
      serviceCards.getChildren().add(b);
      n++;
    }
    services
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                a.setSelected(true); // one service is always chosen
              } else {
                service.set((ServiceKind) t.getUserData());
              }
            });

    Label holderTitle = new Label();
    holderTitle.textProperty().bind(Texts.of(m, "service.holder"));
    holderTitle.getStyleClass().add(Styles.TITLE_4);
    ToggleGroup holders = new ToggleGroup();
    HBox holderCards = new HBox(12);
    for (HolderKind kind : HolderKind.values()) {
      ToggleButton b =
          choice(
              "holder" + kind.name(),
              kind == HolderKind.IN_PERSON ? "H  " : "A  ",
              "service.holder." + key(kind),
              m);
      b.setUserData(kind);
      b.setToggleGroup(holders);
      b.setSelected(holder.get() == kind);
      holderCards.getChildren().add(b);
    }
    holders
        .selectedToggleProperty()
        .addListener(
            (o, a, t) -> {
              if (t == null) {
                a.setSelected(true);
              } else {
                holder.set((HolderKind) t.getUserData());
              }
            });

    setOnKeyPressed(
        e -> {
          KeyCode code = e.getCode();
          if (code == KeyCode.DIGIT1 || code == KeyCode.DIGIT2 || code == KeyCode.DIGIT3) {
            services.getToggles().get(code.ordinal() - KeyCode.DIGIT1.ordinal()).setSelected(true);
            e.consume();
          } else if (code == KeyCode.H) {
            holders.getToggles().get(0).setSelected(true);
            e.consume();
          } else if (code == KeyCode.A) {
            holders.getToggles().get(1).setSelected(true);
            e.consume();
          }
        });
    getChildren().addAll(title, serviceCards, holderTitle, holderCards);
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  private static ToggleButton choice(
      String id, String shortcut, String key, ObservableValue<Messages> m) {
    ToggleButton b = new ToggleButton();
    b.setId(id);
    b.getStyleClass().add("choice-card");
    Label name = new Label();
    name.textProperty().bind(Texts.of(m, key).concat("").map(t -> shortcut + t));
    name.getStyleClass().add(Styles.TITLE_4);
    name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "The card holder in p…"
    VBox content = new VBox(6, name);
    if (!key.startsWith("service.holder")) {
      // Text with a fixed wrapping width: a wrapping Label makes the button's height explode.
      javafx.scene.text.Text help = new javafx.scene.text.Text();
      help.textProperty().bind(Texts.of(m, key + ".help"));
      help.setWrappingWidth(230);
      help.getStyleClass().add("choice-help");
      content.getChildren().add(help);
    }
    b.setGraphic(content);
    b.setPrefWidth(260);
    b.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return b;
  }
}
