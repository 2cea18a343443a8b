package dev.pindesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The counter sets the social-security (SSSE) PIN; the card's bank application has its own PIN,
 * reset at the bank. No text may tie the PIN set here to bank or payment functions.
 */
class PinWordingTest {
  private static final Pattern FINANCIAL =
      Pattern.compile("金融|支付|消费|取款|financial|payment|withdraw", Pattern.CASE_INSENSITIVE);

  private static Properties load(String name) throws Exception {
    Properties p = new Properties();
    try (InputStream in = PinWordingTest.class.getResourceAsStream("/dev/pindesk/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void noTextTiesTheCountersPinToFinancialFunctions() throws Exception {
    List<String> offending = new ArrayList<>();
    for (String bundle :
        List.of("messages.properties", "messages_en.properties", "cli.properties")) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        if (FINANCIAL.matcher(p.getProperty(key)).find()) {
          offending.add(bundle + " " + key);
        }
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void everyWeakPinReasonHasItsOwnMessageInBothLanguages() {
    for (Messages m : List.of(Messages.forTag("zh-CN"), Messages.of(Locale.ENGLISH))) {
      List<String> texts = new ArrayList<>();
      for (dev.pindesk.domain.pin.WeakPinReason reason :
          dev.pindesk.domain.pin.WeakPinReason.values()) {
        String text = m.get(reason.messageKey());
        assertThat(text).as(reason.messageKey()).isNotEqualTo(reason.messageKey());
        texts.add(text);
      }
      assertThat(texts).as("one message per rule").doesNotHaveDuplicates();
    }
  }

  @Test
  void theServiceHelpSaysTheBankPinIsResetAtTheBank() {
    assertThat(Messages.forTag("zh-CN").get("service.reset.help")).contains("社保功能", "银行");
    assertThat(Messages.of(Locale.ENGLISH).get("service.reset.help"))
        .contains("SSSE")
        .contains("bank");
    assertThat(Messages.forTag("zh-CN").get("service.change_initial.help"))
        .contains("社保功能")
        .doesNotContain("金融");
    assertThat(Messages.of(Locale.ENGLISH).get("service.change_initial.help"))
        .doesNotContain("payments");
  }
}
