package dev.pindesk.ui.pinpad;

import atlantafx.base.theme.Styles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPad;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * What the citizen sees: large prompts in Chinese and English, one dot per digit typed (never the
 * digits), a keypad — optionally scrambled — and the keyboard's digit keys. Keys are handled at the
 * view, buttons take no focus, so Enter and Space cannot press a digit twice.
 */
final class PinPadView extends VBox {
  private final PinEntryBuffer buffer;
  private final HBox dots = new HBox(18);
  private final Label countdown = new Label();
  private final Runnable onConfirm;
  private final Runnable onCancel;
  private final IntConsumer progress;
  private final Button confirm = new Button();
  private final Label reason = new Label();

  PinPadView(
      PinPad.Prompt prompt,
      int length,
      boolean scrambled,
      IntConsumer progress,
      Runnable onConfirm,
      Runnable onCancel) {
    super(24);
    this.buffer = new PinEntryBuffer(length);
    this.progress = progress;
    this.onConfirm = onConfirm;
    this.onCancel = onCancel;
    Messages zh = Messages.of(Locale.SIMPLIFIED_CHINESE);
    Messages en = Messages.of(Locale.ENGLISH);
    String key = "pinpad.prompt." + prompt.name().toLowerCase(Locale.ROOT);
    Label promptZh = new Label(zh.get(key));
    promptZh.setId("promptZh");
    promptZh.getStyleClass().add("pinpad-prompt");
    Label promptEn = new Label(en.get(key));
    promptEn.setId("promptEn");
    promptEn.getStyleClass().add("pinpad-prompt-en");
    Label hint = new Label(zh.get("pinpad.hint") + "\n" + en.get("pinpad.hint"));
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, "pinpad-hint");
    hint.setWrapText(true);
    hint.setMaxWidth(620);
    hint.setAlignment(Pos.CENTER);
    hint.setMinHeight(USE_PREF_SIZE);
    dots.setId("pinDots");
    dots.setAlignment(Pos.CENTER);
    for (int i = 0; i < length; i++) {
      Circle c = new Circle(14);
      c.getStyleClass().add("pin-dot");
      dots.getChildren().add(c);
    }
    countdown.setId("countdown");
    countdown.getStyleClass().add(Styles.TEXT_MUTED);
    confirm.setText(zh.get("pinpad.confirm") + "\n" + en.get("pinpad.confirm"));
    confirm.setId("pinConfirm");
    confirm.getStyleClass().addAll(Styles.SUCCESS, "pinpad-action");
    confirm.setFocusTraversable(false);
    confirm.setOnAction(e -> confirmIfComplete());
    reason.setId("pinReason");
    reason.getStyleClass().add("pinpad-reason");
    reason.setWrapText(true);
    reason.setMaxWidth(620);
    reason.setAlignment(Pos.CENTER);
    reason.setMinHeight(USE_PREF_SIZE);
    reason.setVisible(false);
    reason.managedProperty().bind(reason.visibleProperty());
    getChildren()
        .addAll(promptZh, promptEn, reason, dots, keypad(scrambled, zh, en), countdown, hint);
    setAlignment(Pos.CENTER);
    setPadding(new Insets(40));
    getStyleClass().add("pinpad");
    addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    refresh();
  }

  private GridPane keypad(boolean scrambled, Messages zh, Messages en) {
    List<Character> digits =
        new ArrayList<>(List.of('1', '2', '3', '4', '5', '6', '7', '8', '9', '0'));
    if (scrambled) {
      Collections.shuffle(digits, new SecureRandom());
    }
    GridPane grid = new GridPane();
    grid.setHgap(14);
    grid.setVgap(14);
    grid.setAlignment(Pos.CENTER);
    for (int i = 0; i < 9; i++) {
      grid.add(digitKey(digits.get(i), i), i % 3, i / 3);
    }
    Button clear = key(zh.get("pinpad.clear") + "\n" + en.get("pinpad.clear"));
    clear.setId("pinClear");
    clear.getStyleClass().setAll("button", "pinpad-action");
    clear.setOnAction(e -> clear());
    grid.add(clear, 0, 3);
    grid.add(digitKey(digits.get(9), 9), 1, 3);
    confirm.setPrefSize(120, 84);
    grid.add(confirm, 2, 3);
    return grid;
  }

  private Button digitKey(char digit, int position) {
    Button b = key(String.valueOf(digit));
    b.setId("pinKey" + position);
    b.setOnAction(e -> type(digit));
    return b;
  }

  private static Button key(String text) {
    Button b = new Button(text);
    b.setFocusTraversable(false);
    b.setPrefSize(120, 84);
    b.getStyleClass().add("pinpad-key");
    return b;
  }

  private void onKey(KeyEvent e) {
    KeyCode code = e.getCode();
    if (code.isDigitKey()) {
      String text = e.getText();
      char c = text.length() == 1 ? text.charAt(0) : digitOf(code);
      type(c);
    } else if (code == KeyCode.BACK_SPACE) {
      buffer.removeLast();
      refresh();
    } else if (code == KeyCode.ENTER) {
      confirmIfComplete();
    } else if (code == KeyCode.ESCAPE) {
      onCancel.run();
    } else {
      return;
    }
    e.consume();
  }

  private static char digitOf(KeyCode code) {
    String name = code.getName(); // "Numpad 5" or "5"
    return name.charAt(name.length() - 1);
  }

  private void type(char digit) {
    if (buffer.add(digit)) {
      refresh();
    }
  }

  private void clear() {
    buffer.clear();
    refresh();
  }

  private void confirmIfComplete() {
    if (buffer.complete()) {
      onConfirm.run();
    }
  }

  private void refresh() {
    for (int i = 0; i < dots.getChildren().size(); i++) {
      dots.getChildren().get(i).pseudoClassStateChanged(FILLED, i < buffer.count());
    }
    confirm.setDisable(!buffer.complete());
    progress.accept(buffer.count());
  }

  /** Why the entry starts again (weak PIN, mismatch), in both languages. */
  void showReason(String chinese, String english) {
    reason.setText(chinese + "\n" + english);
    reason.setVisible(true);
  }

  void showSecondsLeft(String text) {
    countdown.setText(text);
  }

  PinEntryBuffer buffer() {
    return buffer;
  }

  private static final javafx.css.PseudoClass FILLED =
      javafx.css.PseudoClass.getPseudoClass("filled");
}
