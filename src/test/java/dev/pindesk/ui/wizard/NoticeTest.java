package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.i18n.Messages;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final Messages ZH = Messages.of(Locale.SIMPLIFIED_CHINESE);

  @Test
  void aFailureThatIsNotTheCardsIsNotBlamedOnTheCard() {
    Notice n =
        Notice.failure(new CompletionException(new IllegalStateException("illegal transition")));

    assertThat(n.kind()).isEqualTo(Notice.Kind.ERROR);
    assertThat(n.key()).isEqualTo("error.unexpected");
    assertThat(n.title(ZH)).doesNotContain("卡片").doesNotContain("illegal");
    assertThat(n.next(ZH)).contains("取消本案件");
  }
}
