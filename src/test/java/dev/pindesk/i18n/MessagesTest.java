package dev.pindesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.error.CardErrorCode;
import dev.pindesk.domain.error.CardException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_en.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").keySet());
  }

  @Test
  void everyCardErrorHasAMessageAndANextActionInBothLanguages() {
    for (Messages m : new Messages[] {Messages.of(Locale.ENGLISH), Messages.of(Messages.CHINESE)}) {
      for (CardErrorCode code : CardErrorCode.values()) {
        assertThat(m.get(code.messageKey()))
            .as(code + " " + m.locale())
            .isNotEqualTo(code.messageKey());
        assertThat(m.get(code.nextActionKey()))
            .as(code + " next")
            .isNotEqualTo(code.nextActionKey());
      }
    }
  }

  @Test
  void chineseIsTheDefaultAndEnglishIsChosenByTag() {
    assertThat(Messages.forTag(null).get("error.card.no_card")).isEqualTo("读卡器中没有卡片。");
    assertThat(Messages.forTag("fr").locale()).isEqualTo(Messages.CHINESE);
    assertThat(Messages.forTag("en").get("error.card.no_card"))
        .isEqualTo("There is no card in the reader.");
  }

  @Test
  void describesWrongPinWithTriesLeftAndWhatToDoNext() {
    String text = Messages.forTag("en").describe(CardException.pinWrong(2));
    assertThat(text).startsWith("Wrong PIN: 2 tries left.").contains("enter it again");
  }
}
