package dev.pindesk.ui.pinpad;

import atlantafx.base.theme.Styles;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ports.PinPad;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The citizen's screen while the certified reader's keypad waits: what to type there, in Chinese
 * and English. No keys and no dots: the reader takes the digits and reports none.
 */
final class DeviceKeypadView extends VBox {

  DeviceKeypadView(PinPad.Prompt prompt) {
    super(24);
    Messages zh = Messages.of(Locale.SIMPLIFIED_CHINESE);
    Messages en = Messages.of(Locale.ENGLISH);
    String key =
        switch (prompt) {
          case OLD_PIN -> "pinpad.device.current_pin";
          case NEW_PIN -> "pinpad.device.new_pin";
          case CONFIRM_NEW_PIN -> "pinpad.device.check_pin";
        };
    Label promptZh = new Label(zh.get(key));
    promptZh.setId("devicePromptZh");
    promptZh.getStyleClass().add("pinpad-prompt");
    promptZh.setWrapText(true);
    promptZh.setMaxWidth(640);
    Label promptEn = new Label(en.get(key));
    promptEn.setId("devicePromptEn");
    promptEn.getStyleClass().add("pinpad-prompt-en");
    promptEn.setWrapText(true);
    promptEn.setMaxWidth(640);
    Label hint = new Label(zh.get("pinpad.device.hint") + "\n" + en.get("pinpad.device.hint"));
    hint.getStyleClass().addAll(Styles.TEXT_MUTED, "pinpad-hint");
    hint.setWrapText(true);
    hint.setMaxWidth(620);
    hint.setAlignment(Pos.CENTER);
    hint.setMinHeight(USE_PREF_SIZE);
    for (Label l : new Label[] {promptZh, promptEn, hint}) {
      l.setTextAlignment(TextAlignment.CENTER);
    }
    getChildren().addAll(promptZh, promptEn, hint);
    setAlignment(Pos.CENTER);
    setPadding(new Insets(40));
    getStyleClass().add("pinpad");
  }
}
