package dev.pindesk.ui.audit;

import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditStats;
import dev.pindesk.ui.common.Texts;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The audit window's charts over the cases the filters show: cases by hour opened, and why the
 * cases that did not complete ended as they did.
 */
final class AuditCharts extends HBox {
  private final AuditViewModel model;

  AuditCharts(AuditViewModel model) {
    super(10);
    this.model = model;
    CategoryAxis hourAxis = new CategoryAxis();
    hourAxis.labelProperty().bind(text("audit.chart.hour"));
    NumberAxis countAxis = new NumberAxis();
    countAxis.labelProperty().bind(text("audit.chart.cases"));
    countAxis.setMinorTickVisible(false);
    countAxis.setTickLabelFormatter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Number n) {
            // cases are whole: no 2.5 on the axis
            return n.doubleValue() == Math.rint(n.doubleValue())
                ? String.valueOf(n.longValue())
                : "";
          }

          @Override
          public Number fromString(String s) {
            return Long.parseLong(s);
          }
        });
    BarChart<String, Number> hours = new BarChart<>(hourAxis, countAxis);
    hours.setId("auditHours");
    hours.titleProperty().bind(text("audit.chart.hours"));
    hours.setLegendVisible(false);
    hours.setAnimated(false);
    PieChart reasons = new PieChart();
    reasons.setId("auditReasons");
    reasons.titleProperty().bind(text("audit.chart.reasons"));
    reasons.setAnimated(false);
    // A legend, not labels around the pie: labels laid out while the tab is hidden land on top
    // of each other, and long reasons do not fit around a pie anyway.
    reasons.setLabelsVisible(false);
    reasons.setLegendVisible(true);
    reasons.setLegendSide(javafx.geometry.Side.BOTTOM);
    Label noFailures = new Label();
    noFailures.textProperty().bind(text("audit.chart.empty"));
    Runnable refresh =
        () -> {
          long[] perHour = AuditStats.perHour(model.shown(), model.zone());
          XYChart.Series<String, Number> series = new XYChart.Series<>();
          for (int h = 0; h < 24; h++) {
            series.getData().add(new XYChart.Data<>(String.format("%02d", h), perHour[h]));
          }
          hours.getData().setAll(java.util.List.of(series));
          Map<String, Long> why = AuditStats.failureReasons(model.shown());
          reasons.getData().clear();
          why.forEach(
              (code, n) -> reasons.getData().add(new PieChart.Data(reason(code) + " · " + n, n)));
          noFailures.setVisible(why.isEmpty());
        };
    model.shown().addListener((ListChangeListener<Case>) c -> refresh.run());
    model.messagesProperty().addListener((o, a, b) -> refresh.run());
    refresh.run();
    StackPane pie = new StackPane(reasons, noFailures);
    getChildren().addAll(hours, pie);
    HBox.setHgrow(hours, Priority.ALWAYS);
    HBox.setHgrow(pie, Priority.ALWAYS);
    setPadding(new Insets(10));
  }

  private ObservableValue<String> text(String key, Object... args) {
    return Texts.of(model.messagesProperty(), key, args);
  }

  private String reason(String code) {
    return AuditExports.reasonText(model.messagesProperty().get(), code);
  }
}
