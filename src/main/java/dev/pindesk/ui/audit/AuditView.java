package dev.pindesk.ui.audit;

import atlantafx.base.theme.Styles;
import dev.pindesk.domain.audit.ChainStatus;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import dev.pindesk.service.audit.AuditCases.Step;
import dev.pindesk.ui.common.Texts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The supervisor's audit window: the unlock form until a journal is open, then the chain status,
 * the filters, the cases and the selected case's steps, and the charts. Every text follows the
 * language; nothing here reads files (the view model does, off the FX thread).
 */
public final class AuditView extends StackPane {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final AuditViewModel model;
  private final Node unlock;
  private final Node journal;

  public AuditView(AuditViewModel model) {
    this.model = model;
    getStyleClass().add("audit");
    getStylesheets()
        .add(AuditView.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    this.unlock = new AuditUnlockForm(model);
    this.journal = journalView();
    model.statusProperty().addListener((o, a, s) -> show());
    show();
  }

  private void show() {
    getChildren().setAll(model.statusProperty().get().isPresent() ? journal : unlock);
  }

  private ObservableValue<String> text(String key, Object... args) {
    return Texts.of(model.messagesProperty(), key, args);
  }

  private Label label(String key) {
    return AuditControls.label(model, key);
  }

  private Button language() {
    return AuditControls.language(model);
  }

  private Messages m() {
    return model.messagesProperty().get();
  }

  // ---- the open journal ----

  private Node journalView() {
    BorderPane pane = new BorderPane();
    VBox top = new VBox(10, statusBanner(), filters());
    top.setPadding(new Insets(14, 18, 10, 18));
    pane.setTop(top);
    Tab charts = new Tab();
    charts.textProperty().bind(text("audit.tab.charts"));
    charts.setContent(new AuditCharts(model));
    TabPane tabs = new TabPane(casesTab(), charts);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    pane.setCenter(tabs);
    return pane;
  }

  private Node statusBanner() {
    Label chain = new Label();
    chain.setId("auditChain");
    chain.setWrapText(true);
    Label details = new Label();
    details.setId("auditChainDetails");
    details.setWrapText(true);
    details.getStyleClass().add(Styles.TEXT_MUTED);
    Label workstation = new Label();
    workstation.getStyleClass().add(Styles.TEXT_BOLD);
    Label training = new Label();
    training.textProperty().bind(text("audit.status.training"));
    training.getStyleClass().add("training-badge");
    Button close = new Button();
    close.textProperty().bind(text("audit.close"));
    close.setOnAction(e -> model.close());
    Runnable refresh =
        () -> {
          Optional<ChainStatus> s = model.statusProperty().get();
          if (s.isEmpty()) {
            return;
          }
          ChainStatus c = s.get();
          Messages m = m();
          chain.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
          if (c.valid()) {
            chain.setText(m.get("audit.status.valid", c.entries(), c.checkpoints()));
            chain.getStyleClass().add(Styles.SUCCESS);
          } else {
            chain.setText(
                m.get(
                    "audit.status.invalid",
                    c.problemSeq(),
                    m.get("journal.problem." + c.problem().orElseThrow())));
            chain.getStyleClass().add(Styles.DANGER);
          }
          StringBuilder more = new StringBuilder();
          more.append(
              c.acknowledgedSeq().isPresent()
                  ? m.get(
                      "audit.status.receipt",
                      c.acknowledgedSeq().get(),
                      c.acknowledgedAt().map(this::time).orElse(""))
                  : m.get("audit.status.no_receipt"));
          if (c.uncheckpointed() > 0) {
            more.append(' ').append(m.get("audit.status.uncheckpointed", c.uncheckpointed()));
          }
          if (model.unreadable() > 0) {
            more.append(' ').append(m.get("audit.status.unreadable", model.unreadable()));
          }
          details.setText(more.toString());
          workstation.setText(m.get("audit.status.workstation", c.workstation()));
          training.setVisible(c.training());
          training.setManaged(c.training());
        };
    model.statusProperty().addListener((o, a, b) -> refresh.run());
    model.messagesProperty().addListener((o, a, b) -> refresh.run());
    refresh.run();
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox head = new HBox(12, workstation, training, spacer, language(), close);
    head.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(4, head, chain, details);
    box.getStyleClass().add("audit-status");
    return box;
  }

  private Node filters() {
    DatePicker from = new DatePicker();
    from.valueProperty().bindBidirectional(model.fromProperty());
    from.promptTextProperty().bind(text("audit.filter.from"));
    from.setPrefWidth(150);
    DatePicker to = new DatePicker();
    to.valueProperty().bindBidirectional(model.toProperty());
    to.promptTextProperty().bind(text("audit.filter.to"));
    to.setPrefWidth(150);

    ComboBox<String> clerk = new ComboBox<>(model.clerks());
    clerk.setId("auditClerk");
    clerk.valueProperty().bindBidirectional(model.clerkProperty());
    clerk.setCellFactory(l -> allCell(s -> s));
    clerk.setButtonCell(allCell(s -> s));
    clerk.setMinWidth(120);

    ComboBox<Outcome> outcome = new ComboBox<>();
    outcome.setId("auditOutcome");
    outcome.getItems().add(null);
    outcome.getItems().addAll(Outcome.values());
    outcome.valueProperty().bindBidirectional(model.outcomeProperty());
    outcome.setCellFactory(l -> allCell(o -> m().get("audit.outcome." + o.wireName())));
    outcome.setButtonCell(allCell(o -> m().get("audit.outcome." + o.wireName())));
    // A combo box redraws its button only when its value changes: a new cell shows the language.
    model
        .messagesProperty()
        .addListener(
            (o, a, b) -> {
              clerk.setButtonCell(allCell(v -> v));
              outcome.setButtonCell(allCell(v -> m().get("audit.outcome." + v.wireName())));
            });

    TextField search = new TextField();
    search.setId("auditSearch");
    search.textProperty().bindBidirectional(model.textProperty());
    search.promptTextProperty().bind(text("audit.filter.search"));
    search.setPrefColumnCount(18);
    Button clear = new Button();
    clear.textProperty().bind(text("audit.filter.clear"));
    clear.setOnAction(e -> model.clearFilters());

    Label count = new Label();
    count.setId("auditCount");
    count
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> m().get("audit.count", model.shown().size(), model.cases().size()),
                model.shown(),
                model.cases(),
                model.messagesProperty()));
    Button export = new Button();
    export.setId("auditExport");
    export.textProperty().bind(text("audit.export"));
    export.disableProperty().bind(model.busyProperty());
    export.setOnAction(e -> model.exportCsv());
    Button pdf = new Button();
    pdf.setId("auditPdf");
    pdf.textProperty().bind(text("audit.export.pdf"));
    pdf.disableProperty().bind(model.busyProperty());
    pdf.setOnAction(e -> model.exportPdf());
    pdf.setMinWidth(Region.USE_PREF_SIZE);
    Label info = new Label();
    info.textProperty().bind(Bindings.concat(model.infoProperty(), model.errorProperty()));
    info.setWrapText(true);

    for (Button b : new Button[] {clear, export}) {
      b.setMinWidth(Region.USE_PREF_SIZE);
    }
    count.setMinWidth(Region.USE_PREF_SIZE);
    HBox row =
        new HBox(
            10,
            label("audit.filter.from"),
            from,
            label("audit.filter.to"),
            to,
            label("audit.filter.clerk"),
            clerk,
            label("audit.filter.outcome"),
            outcome,
            search,
            clear);
    row.setAlignment(Pos.CENTER_LEFT);
    HBox.setHgrow(search, Priority.ALWAYS);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox second = new HBox(10, count, info, spacer, pdf, export);
    second.setAlignment(Pos.CENTER_LEFT);
    VBox box = new VBox(8, row, second);
    return box;
  }

  /** A combo cell where the empty choice (null, or the empty clerk) reads "All". */
  private <T> ListCell<T> allCell(Function<T, String> name) {
    return new ListCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        boolean all = item == null;
        setText(all ? m().get("audit.filter.all") : name.apply(item));
      }
    };
  }

  private Tab casesTab() {
    TableView<Case> table = new TableView<>(model.shown());
    table.setId("auditCases");
    table.setPlaceholder(placeholder("audit.cases.none"));
    table.getColumns().add(column("audit.col.case", Case::id, 255));
    table.getColumns().add(column("audit.col.opened", c -> time(c.opened()), 175));
    table.getColumns().add(column("audit.col.clerk", Case::clerk, 90));
    table
        .getColumns()
        .add(column("audit.col.service", c -> m().get("service." + c.service()), 100));
    table
        .getColumns()
        .add(column("audit.col.holder", c -> m().get("audit.holder." + c.holder()), 90));
    table
        .getColumns()
        .add(
            column(
                "audit.col.holder_masked",
                c -> (c.holderNameMasked() + " " + c.holderIdMasked()).strip(),
                190));
    table
        .getColumns()
        .add(
            column(
                "audit.col.outcome", c -> m().get("audit.outcome." + c.outcome().wireName()), 110));
    table.getColumns().add(column("audit.col.reason", c -> reason(c.reason()), 215));
    table
        .getColumns()
        .add(
            column(
                "audit.col.verified",
                c -> m().get(c.verified() ? "audit.verified.yes" : "audit.verified.no"),
                90));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    model.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());
    model.messagesProperty().addListener((o, a, b) -> table.refresh());

    SplitPane split = new SplitPane(table, detail());
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.62);
    Tab tab = new Tab();
    tab.textProperty().bind(text("audit.tab.cases"));
    tab.setContent(split);
    return tab;
  }

  private Node detail() {
    Label heading = new Label();
    heading.getStyleClass().add(Styles.TEXT_BOLD);
    TableView<Step> steps = new TableView<>();
    steps.setId("auditSteps");
    steps.setPlaceholder(placeholder("audit.detail.none"));
    steps.getColumns().add(column("audit.detail.col.time", s -> time(s.time()), 160));
    steps
        .getColumns()
        .add(column("audit.detail.col.step", s -> m().get("audit.step." + s.step()), 200));
    steps
        .getColumns()
        .add(column("audit.detail.col.result", s -> m().get("audit.result." + s.outcome()), 90));
    steps.getColumns().add(column("audit.detail.col.error", s -> reason(s.error()), 200));
    // A PIN the policy never judged (typed on a certified reader's keypad) is said so.
    steps
        .getColumns()
        .add(
            column(
                "audit.detail.col.policy",
                s ->
                    s.policyNotApplied().isEmpty()
                        ? ""
                        : m().get("audit.policy_not_applied." + s.policyNotApplied()),
                200));
    steps.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Runnable refresh =
        () -> {
          Case c = model.selectedProperty().get();
          heading.setText(
              c == null ? m().get("audit.detail.none") : m().get("audit.detail.heading", c.id()));
          steps.setItems(
              c == null
                  ? FXCollections.observableArrayList()
                  : FXCollections.observableArrayList(c.steps()));
        };
    model.selectedProperty().addListener((o, a, b) -> refresh.run());
    model.messagesProperty().addListener((o, a, b) -> refresh.run());
    refresh.run();
    VBox box = new VBox(8, heading, steps);
    VBox.setVgrow(steps, Priority.ALWAYS);
    box.setPadding(new Insets(10, 0, 0, 0));
    heading.setPadding(new Insets(0, 0, 0, 8));
    return box;
  }

  private Label placeholder(String key) {
    Label l = new Label();
    l.textProperty().bind(text(key));
    l.getStyleClass().add(Styles.TEXT_MUTED);
    return l;
  }

  private <T> TableColumn<T, String> column(String key, Function<T, String> value, double width) {
    TableColumn<T, String> c = new TableColumn<>();
    c.textProperty().bind(text(key));
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private String reason(String code) {
    return AuditExports.reasonText(m(), code);
  }

  private String time(Instant instant) {
    return TIME.format(instant.atZone(model.zone()));
  }
}
