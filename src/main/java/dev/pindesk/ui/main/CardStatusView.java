package dev.pindesk.ui.main;

import atlantafx.base.theme.Styles;
import dev.pindesk.card.CardSnapshot;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.ReaderState;
import dev.pindesk.service.ReaderWatcher;
import dev.pindesk.ui.Texts;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
  private final VBox failure = new VBox(4);
  private final Label failureTitle = new Label();
  private final Label failureNext = new Label();

  public CardStatusView(CardStatusViewModel model) {
    this.model = model;
    getStyleClass().add("pindesk-card-status");
    getStylesheets()
        .add(CardStatusView.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    setTop(header());
    setCenter(body());
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
    details.setHgap(24);
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
    details.getStyleClass().add("panel");
    details.visibleProperty().bind(Bindings.isNotEmpty(details.getChildren()));
    details.managedProperty().bind(details.visibleProperty());
    VBox readers = new VBox(10, readersTitle, readerList);
    readers.getStyleClass().add("panel");
    VBox body = new VBox(16, readers, actions, failure, details);
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

  private void showCard() {
    details.getChildren().clear();
    Optional<CardSnapshot> card = model.cardProperty().get();
    if (card.isEmpty()) {
      return;
    }
    CardSnapshot c = card.get();
    int row = 0;
    row = detail(row, "ui.card.name", c.holder().name());
    row = detail(row, "ui.card.ssn", c.holder().ssn());
    row = detail(row, "ui.card.card_number", c.info().cardNumber());
    row = detail(row, "ui.card.expiry", c.info().expiryDate().toString());
    row = detail(row, "ui.card.generation", c.info().specVersion());
    row =
        detail(
            row,
            "ui.card.tries_left",
            c.pinState().knownTriesLeft().isPresent()
                ? Integer.toString(c.pinState().knownTriesLeft().getAsInt())
                : messages().get("ui.card.unknown"));
    row = detail(row, "ui.card.profile", c.profile().id());
    showAssumptions(row, c.profile().assumptions());
  }

  /**
   * The profile's assumptions: the privileged bytes without a public source this card will get, so
   * an administrator can compare them with the card vendor's manual.
   */
  private void showAssumptions(int row, java.util.List<String> assumptions) {
    Label heading =
        new Label(
            messages()
                .get(assumptions.isEmpty() ? "ui.card.no_assumptions" : "ui.card.assumptions"));
    heading.getStyleClass().add(Styles.TEXT_MUTED);
    details.add(heading, 0, row, 2, 1);
    if (assumptions.isEmpty()) {
      return;
    }
    Label list = new Label("• " + String.join("\n• ", assumptions));
    list.setWrapText(true);
    list.setMaxWidth(900);
    list.setId("profileAssumptions");
    details.add(list, 0, row + 1, 2, 1);
  }

  private int detail(int row, String key, String value) {
    Label name = new Label(messages().get(key));
    name.getStyleClass().add(Styles.TEXT_MUTED);
    Label v = new Label(value);
    v.getStyleClass().add(Styles.TEXT_BOLD);
    v.setId("detail-" + key.substring(key.lastIndexOf('.') + 1));
    details.addRow(row, name, v);
    return row + 1;
  }

  private void showFailure() {
    model
        .failureProperty()
        .get()
        .ifPresentOrElse(
            e -> {
              failureTitle.setText(messages().get(e.code().messageKey(), e.triesLeft().orElse(0)));
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
