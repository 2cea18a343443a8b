package dev.pindesk.domain.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pindesk.domain.audit.ErrorCode;
import dev.pindesk.domain.error.CardErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CaseErrorTest {

  private static List<CaseError> all() {
    List<CaseError> all = new ArrayList<>(List.of(CaseError.Refusal.values()));
    Stream.of(CardErrorCode.values()).map(CaseError::card).forEach(all::add);
    Stream.of(BindingIssue.values()).map(CaseError::binding).forEach(all::add);
    Stream.of(CancelReason.values()).map(CaseError.Cancelled::new).forEach(all::add);
    return all;
  }

  @Test
  void everyCaseErrorHasAWireNameTheJournalAccepts() {
    assertThat(all()).allSatisfy(e -> assertThat(new ErrorCode(e.wireName())).isNotNull());
  }

  @Test
  void aTransitionNamesItsErrorByWireName() {
    assertThat(CaseError.Refusal.UNBLOCKED_PIN_NOT_SET.wireName())
        .isEqualTo("unblocked_pin_not_set");
    assertThat(CaseError.card(CardErrorCode.CARD_REMOVED).wireName()).isEqualTo("card_removed");
  }
}
