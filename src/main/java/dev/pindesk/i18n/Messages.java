package dev.pindesk.i18n;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Translated texts from the {@code messages} bundle: Simplified Chinese is the default (root
 * bundle), English in {@code messages_en}.
 */
public final class Messages {
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  private static final String BUNDLE = "dev.pindesk.i18n.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(Locale locale) {
    this.locale = locale;
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
  }

  /** Chinese unless {@code locale} is English. */
  public static Messages of(Locale locale) {
    return new Messages("en".equals(locale.getLanguage()) ? Locale.ENGLISH : CHINESE);
  }

  /** Parses {@code zh}, {@code zh_CN}, {@code en}; anything else is Chinese. */
  public static Messages forTag(String tag) {
    return of(tag == null ? CHINESE : Locale.forLanguageTag(tag.replace('_', '-')));
  }

  public Locale locale() {
    return locale;
  }

  /** The text for {@code key}, formatted with {@link MessageFormat} when args are given. */
  public String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
  }

  /** What happened and what to do next, in one line. */
  public String describe(CardException e) {
    CardErrorCode code = e.code();
    String what =
        code == CardErrorCode.PIN_WRONG || code == CardErrorCode.CARD_KEY_REFUSED
            ? get(code.messageKey(), e.triesLeft().orElse(0))
            : get(code.messageKey());
    return what + " " + get(code.nextActionKey());
  }
}
