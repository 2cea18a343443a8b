package dev.pindesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * A card error's title is always formatted with an argument (the tries left or the element), so
 * {@link java.text.MessageFormat} reads it: a lone apostrophe would swallow itself and everything
 * up to the next one, e.g. "The card''s PIN" must be written with two.
 */
class CardErrorTitlesTest {

  @Test
  void everyCardErrorTitleKeepsItsApostrophesWhenFormatted() {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      ResourceBundle raw =
          ResourceBundle.getBundle(
              "dev.pindesk.i18n.messages",
              locale,
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      Messages m = Messages.of(locale);
      for (CardErrorCode code : CardErrorCode.values()) {
        String pattern = raw.getString(code.messageKey());
        String shown = m.title(new CardException(code, "test"));
        assertThat(pattern.replace("''", ""))
            .as("%s (%s) has a lone apostrophe: %s", code, locale, pattern)
            .doesNotContain("'");
        assertThat(shown.chars().filter(c -> c == '\'').count())
            .as("%s (%s): %s", code, locale, shown)
            .isEqualTo(pattern.chars().filter(c -> c == '\'').count() / 2);
        assertThat(shown).as("%s (%s)", code, locale).doesNotContain("{0}");
      }
    }
  }
}
