package dev.pindesk.ui.wizard;

import dev.pindesk.i18n.Messages;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The current notice: what happened and what to do next, coloured by kind. */
final class NoticeView extends VBox {
  private final Label title = new Label();
  private final Label next = new Label();

  NoticeView(ObservableValue<Optional<Notice>> notice, ObservableValue<Messages> m) {
    super(4);
    setId("notice");
    title.setId("noticeTitle");
    title.getStyleClass().add("notice-title");
    title.setWrapText(true);
    next.setId("noticeNext");
    next.setWrapText(true);
    getChildren().addAll(title, next);
    Runnable render =
        () -> {
          Optional<Notice> n = notice.getValue();
          setVisible(n.isPresent());
          getStyleClass()
              .removeAll("notice-danger", "notice-success", "notice-warning", "notice-info");
          n.ifPresent(
              x -> {
                getStyleClass()
                    .add(
                        "notice-"
                            + switch (x.kind()) {
                              case ERROR -> "danger";
                              case SUCCESS -> "success";
                              case WARNING -> "warning";
                              case INFO -> "info";
                            });
                title.setText(x.title(m.getValue()));
                next.setText(x.next(m.getValue()));
                next.setVisible(!next.getText().isEmpty());
                next.setManaged(next.isVisible());
              });
        };
    notice.addListener((o, a, b) -> render.run());
    m.addListener((o, a, b) -> render.run());
    managedProperty().bind(visibleProperty());
    render.run();
  }
}
