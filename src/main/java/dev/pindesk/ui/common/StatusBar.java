package dev.pindesk.ui.common;

import atlantafx.base.theme.Styles;
import dev.pindesk.i18n.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Always-visible state of the counter's equipment: reader, security module, audit journal and the
 * central system. Each segment shows a translated label and a state the clerk can act on.
 */
public final class StatusBar extends HBox {

  /** How a segment is doing. */
  public enum Health {
    OK,
    WARNING,
    ERROR,
    /** Someone must act now: a filled, high-contrast badge (e.g. the sync backlog is too old). */
    ALERT,
    NONE
  }

  /** Style class of a segment in {@link Health#ALERT} (pindesk.css). */
  public static final String ALERT_STYLE = "status-alert";

  /**
   * What one segment shows: a text and a tooltip (already translated; an empty tooltip shows none)
   * and its health.
   */
  public record Segment(String text, Health health, String tooltip) {
    public Segment(String text, Health health) {
      this(text, health, "");
    }
  }

  private final ObjectProperty<Segment> reader = segmentProperty();
  private final ObjectProperty<Segment> securityModule = segmentProperty();
  private final ObjectProperty<Segment> journal = segmentProperty();
  private final ObjectProperty<Segment> central = segmentProperty();

  public StatusBar(ObservableValue<Messages> m) {
    super(24);
    getStyleClass().add("status-bar");
    getStylesheets()
        .add(StatusBar.class.getResource("/dev/pindesk/ui/pindesk.css").toExternalForm());
    setAlignment(Pos.CENTER_LEFT);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren()
        .addAll(
            segment("statusReader", "status.reader", reader, m, false),
            segment("statusSecurityModule", "status.security_module", securityModule, m, false),
            segment("statusJournal", "status.journal", journal, m, false),
            spacer,
            segment("statusCentral", "status.central", central, m, true));
  }

  private static ObjectProperty<Segment> segmentProperty() {
    return new SimpleObjectProperty<>(new Segment("—", Health.NONE));
  }

  /**
   * A caption and its state. When the window is too narrow for all four, captions stay whole and
   * the central's state too ({@code central}: its short text carries the sync state and the backlog
   * alert); the equipment states are shortened with an ellipsis instead. Tooltips open above the
   * bar (it is the window's bottom edge: a wrapped tooltip below it was cut off by the screen).
   */
  private static HBox segment(
      String id,
      String key,
      ObjectProperty<Segment> value,
      ObservableValue<Messages> m,
      boolean central) {
    Label name = new Label();
    name.textProperty().bind(Texts.of(m, key));
    name.getStyleClass().add(Styles.TEXT_MUTED);
    name.setMinWidth(Region.USE_PREF_SIZE);
    Label state = new Label();
    state.setId(id);
    if (central) {
      state.setMinWidth(Region.USE_PREF_SIZE);
    }
    Tooltip tip = new Tooltip();
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    // Once its wrapped size is known: above the state (not over the pointer, which would hide
    // it again), the central's ending at its right edge.
    tip.setOnShown(
        e -> {
          Bounds b = state.localToScreen(state.getBoundsInLocal());
          if (b != null) {
            tip.setY(b.getMinY() - tip.getHeight() - 2);
            tip.setX(central ? Math.max(0, b.getMaxX() - tip.getWidth()) : b.getMinX());
          }
        });
    Runnable render =
        () -> {
          Segment s = value.get();
          state.setText(s.text());
          state
              .getStyleClass()
              .removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, ALERT_STYLE);
          switch (s.health()) {
            case OK -> state.getStyleClass().add(Styles.SUCCESS);
            case WARNING -> state.getStyleClass().add(Styles.WARNING);
            case ERROR -> state.getStyleClass().add(Styles.DANGER);
            case ALERT -> state.getStyleClass().add(ALERT_STYLE);
            default -> {}
          }
          // An equipment state may be shortened with an ellipsis: its tooltip has it whole.
          String text =
              central
                  ? s.tooltip()
                  : s.tooltip().isEmpty() ? s.text() : s.text() + "\n" + s.tooltip();
          tip.setText(text);
          state.setTooltip(text.isEmpty() ? null : tip);
        };
    value.addListener((o, a, b) -> render.run());
    render.run();
    return new HBox(6, name, state);
  }

  public ObjectProperty<Segment> readerProperty() {
    return reader;
  }

  public ObjectProperty<Segment> securityModuleProperty() {
    return securityModule;
  }

  public ObjectProperty<Segment> journalProperty() {
    return journal;
  }

  public ObjectProperty<Segment> centralProperty() {
    return central;
  }
}
