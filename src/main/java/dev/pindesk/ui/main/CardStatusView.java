package dev.pindesk.ui.main;

import atlantafx.base.theme.Styles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.domain.card.CardHolder;
import dev.pindesk.domain.card.CardInfo;
import dev.pindesk.domain.card.Ethnicity;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.common.Texts;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The first window: readers, card presence, the card's holder data, failures in plain words. */
public final class CardStatusView extends BorderPane {
  private final CardStatusViewModel model;
  private final VBox readerList = new VBox(6);
  private final GridPane details = new GridPane();
  private final VBox assumptions = new VBox(6);
  private final VBox detailsPanel = new VBox(12, details, assumptions);
  private final VBox failure = new VBox(4);
  private final Label failureTitle = new Label();
  private final Label failureNext = new Label();

  public CardStatusView(CardStatusViewModel model) {
    this.model = model;
    getStyleClass().add("pindesk-card-status");
    getStylesheets()
        .add(CardStatusView.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    setTop(header());
    // Real-card profiles list a dozen assumptions: the page scrolls rather than cutting them off.
    ScrollPane scroll = new ScrollPane(body());
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    setCenter(scroll);
    model.readersProperty().addListener((o, a, b) -> showReaders());
    model.cardProperty().addListener((o, a, b) -> showCard());
    model.failureProperty().addListener((o, a, b) -> showFailure());
    model.messagesProperty().addListener((o, a, b) -> refresh());
    refresh();
  }

  private HBox header() {
    Label title = new Label();
    title.textProperty().bind(text("app.title"));
    title.getStyleClass().add(Styles.TITLE_2);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(12, title, spacer);
    header.setAlignment(Pos.CENTER_LEFT);
    if (model.training()) {
      Label badge = new Label();
      badge.textProperty().bind(text("app.training"));
      badge.getStyleClass().add("training-badge");
      badge.setId("trainingBadge");
      header.getChildren().add(badge);
    }
    Button language = new Button();
    language.setId("languageButton");
    language.textProperty().bind(text("ui.language"));
    language.setOnAction(e -> model.switchLanguage());
    header.getChildren().add(language);
    header.setPadding(new Insets(20, 20, 12, 20));
    return header;
  }

  private VBox body() {
    Label readersTitle = new Label();
    readersTitle.textProperty().bind(text("ui.reader.title"));
    readersTitle.getStyleClass().add(Styles.TITLE_4);

    Button read = new Button();
    read.setId("readCardButton");
    read.textProperty().bind(text("ui.card.read"));
    read.getStyleClass().add(Styles.ACCENT);
    read.setDefaultButton(true);
    read.disableProperty().bind(model.busyProperty());
    read.setOnAction(e -> model.readCard());
    // Keyboard-first: Enter reads; focus comes back to the read button after each read.
    model
        .busyProperty()
        .addListener(
            (o, was, busy) -> {
              if (!busy) {
                read.requestFocus();
              }
            });
    sceneProperty()
        .addListener((o, a, scene) -> javafx.application.Platform.runLater(read::requestFocus));
    HBox actions = new HBox(10, read);
    if (model.hasTrainingCard()) {
      Button toggle = new Button();
      toggle.setId("trainingCardButton");
      toggle
          .textProperty()
          .bind(
              Bindings.createStringBinding(
                  () ->
                      messages()
                          .get(
                              model.trainingCardInsertedProperty().get()
                                  ? "ui.card.remove_training"
                                  : "ui.card.insert_training"),
                  model.trainingCardInsertedProperty(),
                  model.messagesProperty()));
      toggle.setOnAction(e -> model.toggleTrainingCard());
      actions.getChildren().add(toggle);
    }
    details.setHgap(16);
    details.setVgap(8);
    details.setId("cardDetails");
    failure.setId("failureMessage");
    failureTitle.setId("failureTitle");
    failureTitle.getStyleClass().add("notice-title");
    failureNext.setId("failureNext");
    failureNext.setWrapText(true);
    failure.getChildren().addAll(failureTitle, failureNext);
    failure.getStyleClass().add("notice-danger");
    failure.setVisible(false);
    failure.managedProperty().bind(failure.visibleProperty());
    detailsPanel.getStyleClass().add("panel");
    detailsPanel.visibleProperty().bind(Bindings.isNotEmpty(details.getChildren()));
    detailsPanel.managedProperty().bind(detailsPanel.visibleProperty());
    VBox readers = new VBox(10, readersTitle, readerList);
    readers.getStyleClass().add("panel");
    VBox body = new VBox(16, readers, actions, failure, detailsPanel);
    body.setPadding(new Insets(0, 20, 20, 20));
    return body;
  }

  private void refresh() {
    showReaders();
    showCard();
    showFailure();
  }

  private void showReaders() {
    ReaderWatcher.Snapshot s = model.readersProperty().get();
    readerList.getChildren().clear();
    if (s.failure().isPresent()) {
      Label l = new Label(messages().get(s.failure().get().messageKey()));
      l.getStyleClass().add(Styles.DANGER);
      readerList.getChildren().add(l);
      return;
    }
    if (s.readers().isEmpty()) {
      Label l = new Label(messages().get("ui.reader.none"));
      l.getStyleClass().add(Styles.TEXT_MUTED);
      readerList.getChildren().add(l);
    }
    for (ReaderState r : s.readers()) {
      Label state =
          new Label(
              messages().get(r.cardPresent() ? "ui.reader.card_present" : "ui.reader.card_absent"));
      state.getStyleClass().add(r.cardPresent() ? Styles.SUCCESS : Styles.TEXT_MUTED);
      readerList.getChildren().add(new HBox(12, new Label(r.name()), state));
    }
  }

  /**
   * Every element the card carries, holder data on the left and card data on the right; an optional
   * element the card does not carry shows as "—".
   */
  private void showCard() {
    details.getChildren().clear();
    assumptions.getChildren().clear();
    Optional<CardSnapshot> card = model.cardProperty().get();
    if (card.isEmpty()) {
      return;
    }
    CardSnapshot c = card.get();
    CardHolder h = c.holder();
    CardInfo i = c.info();
    int row = 0;
    row = detail(row, 0, "ui.card.name", h.name());
    row = detail(row, 0, "ui.card.ssn", h.ssn());
    row = detail(row, 0, "ui.card.sex", sex(h.sex()));
    row = detail(row, 0, "ui.card.ethnicity", h.ethnicity().map(this::ethnicity));
    row = detail(row, 0, "ui.card.birthplace", h.birthplace());
    row = detail(row, 0, "ui.card.birth_date", h.birthDate().toString());
    detail(
        row,
        0,
        "ui.card.tries_left",
        c.pinState().knownTriesLeft().isPresent()
            ? Integer.toString(c.pinState().knownTriesLeft().getAsInt())
            : messages().get("ui.card.unknown"));
    row = 0;
    row = detail(row, 2, "ui.card.card_number", i.cardNumber());
    row = detail(row, 2, "ui.card.card_id_code", i.cardIdCode());
    row = detail(row, 2, "ui.card.generation", i.specVersion());
    row = detail(row, 2, "ui.card.card_type", i.cardType());
    row = detail(row, 2, "ui.card.issuer_org", i.issuerOrg());
    row = detail(row, 2, "ui.card.issue_date", i.issueDate().toString());
    row = detail(row, 2, "ui.card.expiry", i.expiryDate().toString());
    row = detail(row, 2, "ui.card.algorithm", c.algorithm().name());
    detail(row, 2, "ui.card.profile", c.profile().id());
    showAssumptions(c.profile().assumptions());
  }

  /**
   * The profile's assumptions: the privileged bytes without a public source this card will get, so
   * an administrator can compare them with the card vendor's manual.
   */
  private void showAssumptions(java.util.List<String> list) {
    Label heading =
        new Label(
            messages().get(list.isEmpty() ? "ui.card.no_assumptions" : "ui.card.assumptions"));
    heading.getStyleClass().add(Styles.TEXT_MUTED);
    heading.setWrapText(true);
    assumptions.getChildren().add(heading);
    if (list.isEmpty()) {
      return;
    }
    Label items = new Label("• " + String.join("\n• ", list));
    items.setWrapText(true);
    items.setId("profileAssumptions");
    assumptions.getChildren().add(items);
  }

  private String sex(String code) {
    return switch (code) {
      case "1" -> messages().get("ui.card.sex.1");
      case "2" -> messages().get("ui.card.sex.2");
      default -> code;
    };
  }

  /** The GB 3304 code with its name, e.g. "10 朝鲜族". */
  private String ethnicity(String code) {
    return Ethnicity.isKnown(code)
        ? code + " " + messages().get(Ethnicity.messageKey(code))
        : messages().get("ui.card.ethnicity_unknown", code);
  }

  private int detail(int row, int column, String key, Optional<String> value) {
    return detail(row, column, key, value.orElse(messages().get("ui.card.absent")));
  }

  private int detail(int row, int column, String key, String value) {
    Label name = new Label(messages().get(key));
    name.getStyleClass().add(Styles.TEXT_MUTED);
    name.setMinWidth(Region.USE_PREF_SIZE); // never "Social security nu..."
    Label v = new Label(value);
    v.setMinWidth(Region.USE_PREF_SIZE);
    v.getStyleClass().add(Styles.TEXT_BOLD);
    v.setId("detail-" + key.substring(key.lastIndexOf('.') + 1));
    details.add(name, column, row);
    details.add(v, column + 1, row);
    return row + 1;
  }

  private void showFailure() {
    model
        .failureProperty()
        .get()
        .ifPresentOrElse(
            e -> {
              failureTitle.setText(messages().title(e));
              failureNext.setText(messages().get(e.code().nextActionKey()));
              failure.setVisible(true);
            },
            () -> failure.setVisible(false));
  }

  private Messages messages() {
    return model.messagesProperty().get();
  }

  private StringBinding text(String key) {
    return Texts.of(model.messagesProperty(), key);
  }
}
