package dev.pindesk.ui.common;

import dev.pindesk.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;

/** Text bindings that follow the language switch at runtime. */
public final class Texts {
  private Texts() {}

  public static StringBinding of(ObservableValue<Messages> messages, String key, Object... args) {
    return Bindings.createStringBinding(() -> messages.getValue().get(key, args), messages);
  }
}
