package dev.pindesk.ui.wizard;

import atlantafx.base.theme.Styles;
import dev.pindesk.ui.common.StatusBar;
import dev.pindesk.ui.common.Texts;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The clerk's wizard: steps on the left, the current step in the middle, Back / Next at the bottom
 * (Enter = Next, Esc = Back), the equipment's state in the status bar, the TRAINING watermark in
 * training mode. Views only bind to {@link WizardViewModel}; they hold no logic.
 */
public final class WizardView extends BorderPane {
  private final WizardViewModel model;
  private final Map<WizardStep, Node> steps = new EnumMap<>(WizardStep.class);
  private final StackPane content = new StackPane();
  private final CompletableFuture<Void> warmedUp = new CompletableFuture<>();

  public WizardView(WizardViewModel model, StatusBar statusBar) {
    this(model, statusBar, true);
  }

  /** {@code rehearse}: false for the throwaway wizard of the {@link StepRehearsal} itself. */
  WizardView(WizardViewModel model, StatusBar statusBar, boolean rehearse) {
    this.model = model;
    getStylesheets()
        .add(WizardView.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    getStyleClass().add("wizard");
    steps.put(
        WizardStep.SERVICE,
        new ServiceStepView(model.serviceProperty(), model.holderProperty(), model.messages()));
    steps.put(WizardStep.ID, idStep());
    steps.put(WizardStep.CARD, new CardStepView(model));
    steps.put(WizardStep.PIN, new PinStepView(model));
    steps.put(WizardStep.WRITE, new WriteStepView(model));
    steps.put(WizardStep.RECEIPT, new ReceiptStepView(model));
    for (WizardStep s : WizardStep.values()) {
      steps.computeIfAbsent(s, this::placeholder);
    }
    setTop(header());
    setLeft(new StepList(model.stepProperty(), model.messages()));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("wizard-content");
    NoticeView notice = new NoticeView(model.noticeProperty(), model.messages());
    VBox.setMargin(notice, new Insets(12, 20, 0, 20));
    setCenter(new VBox(notice, scroll, navigation()));
    VBox.setVgrow(scroll, Priority.ALWAYS);
    setBottom(statusBar);
    model.stepProperty().addListener((o, a, b) -> show());
    show();
    sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null && a == null && rehearse && !warmedUp.isDone()) {
                StepRehearsal.start(this, model)
                    .whenComplete(
                        (x, e) -> {
                          if (e == null) {
                            warmedUp.complete(null);
                          } else {
                            warmedUp.completeExceptionally(e);
                          }
                        });
              }
            });
    // Keyboard-first: Enter always means Next, even on a check box or a choice (JavaFX would
    // toggle them instead); buttons of the steps themselves keep their own Enter. Esc is Back.
    addEventFilter(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (e.getCode() == KeyCode.ENTER
              && (e.getTarget() instanceof javafx.scene.control.CheckBox
                  || e.getTarget() instanceof javafx.scene.control.ToggleButton)) {
            e.consume();
            model.next();
          } else if (e.getCode() == KeyCode.ESCAPE
              && e.getTarget() instanceof javafx.scene.control.TextInputControl) {
            // A text field with a formatter (the ID number) would swallow Esc; Esc is Back.
            e.consume();
            model.back();
          }
        });
    if (model.training()) {
      Label watermark = new Label();
      watermark.textProperty().bind(Texts.of(model.messages(), "app.training"));
      watermark.getStyleClass().add("watermark");
      watermark.setMouseTransparent(true);
      StackPane.setAlignment(watermark, Pos.CENTER);
      content.getChildren().add(watermark);
    }
  }

  private Node placeholder(WizardStep step) {
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), step.messageKey()));
    title.getStyleClass().add(Styles.TITLE_3);
    return new VBox(16, title);
  }

  private Node idStep() {
    IdDocumentForm holder =
        new IdDocumentForm("holder", "idstep.holder", model.holderIdForm(), model.messages());
    IdDocumentForm agent =
        new IdDocumentForm("agent", "idstep.agent", model.agentIdForm(), model.messages());
    agent.visibleProperty().bind(model.agentProperty());
    agent.managedProperty().bind(agent.visibleProperty());
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "idstep.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    VBox box = new VBox(16, title, holder, agent, citizenNumbers());
    box.setUserData((Runnable) holder::focusNumber);
    return box;
  }

  /**
   * The citizen's phone and bank account numbers, optional, after the ID forms (so the keyboard
   * order of the forms is unchanged): only for the PIN policy, which then refuses their digits as a
   * new PIN.
   */
  private Node citizenNumbers() {
    GridPane grid = new GridPane();
    grid.setHgap(16);
    grid.setVgap(8);
    // One row for both, so the ID step still fits a 1366x768 screen at font scale 1.5.
    numberField(
        grid, 0, "holderPhone", "idstep.phone", "[0-9 +-]{0,20}", model.holderPhoneProperty());
    numberField(
        grid,
        2,
        "holderBankAccount",
        "idstep.bank_account",
        "[0-9 ]{0,32}",
        model.holderBankAccountProperty());
    Label hint = new Label();
    hint.textProperty().bind(Texts.of(model.messages(), "idstep.numbers.hint"));
    hint.getStyleClass().add(Styles.TEXT_MUTED);
    hint.setWrapText(true);
    VBox panel = new VBox(6, grid, hint);
    panel.getStyleClass().add("panel");
    return panel;
  }

  private void numberField(
      GridPane grid, int column, String id, String labelKey, String allowed, StringProperty value) {
    TextField field = new TextField();
    field.setId(id);
    field.setPrefColumnCount(14);
    field.setMinWidth(0);
    field.setTextFormatter(
        new javafx.scene.control.TextFormatter<String>(
            change -> change.getControlNewText().matches(allowed) ? change : null));
    field.textProperty().bindBidirectional(value);
    Label label = new Label();
    label.textProperty().bind(Texts.of(model.messages(), labelKey));
    label.setLabelFor(field);
    label.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, the label is never cut
    grid.add(label, column, 0);
    grid.add(field, column + 1, 0);
  }

  /**
   * Completes once the wizard has rehearsed its steps after it was first shown ({@link
   * StepRehearsal}): from then on the first case's transitions are as quick as later ones. Never
   * completes for a wizard that is never shown.
   */
  public CompletableFuture<Void> warmedUp() {
    return warmedUp;
  }

  /**
   * Puts {@code step}'s node into the scene, hidden, and styles and lays it out once, unless it is
   * there already: its first showing (skins, a date picker, text fields) would otherwise cost that
   * on the clerk's first case. It stays in the scene (see {@link #show}).
   */
  void warmUpStep(WizardStep step) {
    Node node = steps.get(step);
    if (node.getParent() != null || getScene() == null) {
      return; // showing already
    }
    node.setVisible(false);
    node.setManaged(false);
    StackPane.setAlignment(node, Pos.TOP_LEFT);
    content.getChildren().add(0, node);
    content.applyCss();
    content.layout();
  }

  /** Puts the keyboard focus into the current step (e.g. after sign-in or unlock). */
  public void focusCurrentStep() {
    show();
  }

  /**
   * Shows the current step. Steps that have been shown (or warmed up) stay in the scene, hidden and
   * unmanaged: taking a step out and putting it back made JavaFX style the whole step again on
   * every transition; hidden, they keep their styles and cost nothing in layout.
   */
  private void show() {
    Node node = steps.get(model.stepProperty().get());
    for (Node other : steps.values()) {
      other.setVisible(other == node);
      other.setManaged(other == node);
    }
    if (node.getParent() == null) {
      content.getChildren().add(0, node);
      StackPane.setAlignment(node, Pos.TOP_LEFT);
    }
    if (node.getUserData() instanceof Runnable focus) {
      javafx.application.Platform.runLater(focus);
    } else {
      javafx.application.Platform.runLater(node::requestFocus);
    }
  }

  private void focusNextAfterAction(Button next) {
    if (getScene() == null
        || !model.canGoNextBinding().get()
        || model.stepProperty().get() == WizardStep.SERVICE) {
      return;
    }
    Node focused = getScene().getFocusOwner();
    boolean editing =
        focused != null
            && !focused.isDisabled()
            && (focused instanceof javafx.scene.control.TextInputControl
                || focused instanceof javafx.scene.control.CheckBox
                || focused instanceof javafx.scene.control.ToggleButton
                || focused instanceof javafx.scene.control.ComboBoxBase);
    if (!editing) {
      // After the customer PIN pad (its own window) the keyboard belongs to the clerk again.
      getScene().getWindow().requestFocus();
      next.requestFocus();
    }
  }

  private HBox header() {
    Label title = new Label();
    title.textProperty().bind(Texts.of(model.messages(), "app.title"));
    title.getStyleClass().add(Styles.TITLE_3);
    Label operator = new Label();
    operator.setId("operatorName");
    operator.textProperty().bind(model.operatorTextBinding());
    operator.getStyleClass().add(Styles.TEXT_MUTED);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(16, title, spacer, operator);
    header.setAlignment(Pos.CENTER_LEFT);
    header.setPadding(new Insets(14, 20, 14, 20));
    header.getStyleClass().add("wizard-header");
    if (model.training()) {
      Label badge = new Label();
      badge.textProperty().bind(Texts.of(model.messages(), "app.training"));
      badge.getStyleClass().add("training-badge");
      header.getChildren().add(badge);
    }
    Button language = new Button();
    language.setId("languageButton");
    language.textProperty().bind(Texts.of(model.messages(), "ui.language"));
    language.setOnAction(e -> model.switchLanguage());
    language.setFocusTraversable(false);
    header.getChildren().add(language);
    return header;
  }

  private HBox navigation() {
    Button cancel = new Button();
    cancel.setId("cancelCase");
    cancel.textProperty().bind(Texts.of(model.messages(), "wizard.cancel_case"));
    cancel.getStyleClass().add(Styles.DANGER);
    cancel.setOnAction(e -> model.cancelCase());
    // Once the PIN is written the case ends with its receipt (Next), never as cancelled.
    cancel.disableProperty().bind(model.canCancelBinding().not());
    // Never focused, so Enter can never cancel a case; Alt+X or a click does.
    cancel.setFocusTraversable(false);
    Button back = new Button();
    back.setId("backButton");
    back.textProperty().bind(Texts.of(model.messages(), "wizard.back"));
    back.disableProperty().bind(model.canGoBackBinding().not());
    back.setOnAction(e -> model.back());
    back.setCancelButton(true);
    Button next = new Button();
    next.setId("nextButton");
    next.textProperty().bind(Texts.of(model.messages(), "wizard.next"));
    next.getStyleClass().add(Styles.ACCENT);
    next.setDefaultButton(true);
    next.disableProperty().bind(model.canGoNextBinding().not());
    next.setOnAction(e -> model.next());
    // Once a step's own action (read card, PIN entry, write) has completed it, Enter means Next:
    // the focus leaves the step's button (where Enter would repeat the action) for Next. It stays
    // in a field or on a check box, where the clerk may still be correcting something.
    model
        .canGoNextBinding()
        .addListener(
            (o, was, now) -> {
              if (now) {
                javafx.application.Platform.runLater(() -> focusNextAfterAction(next));
              }
            });
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox nav = new HBox(12, cancel, spacer, back, next);
    nav.setPadding(new Insets(12, 20, 12, 20));
    nav.getStyleClass().add("wizard-nav");
    sceneProperty()
        .addListener(
            (o, a, scene) -> {
              if (scene != null) {
                scene
                    .getAccelerators()
                    .put(
                        new KeyCodeCombination(KeyCode.X, KeyCombination.ALT_DOWN),
                        model::cancelCase);
              }
            });
    return nav;
  }
}
