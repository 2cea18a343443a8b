package dev.pindesk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pindesk.domain.CipherAlgorithm;
import org.junit.jupiter.api.Test;

class CardProfilesTest {
  private final CardProfiles profiles = CardProfiles.builtIn();

  @Test
  void builtInProfilesLoadAndHaveUniqueIds() {
    assertThat(profiles.all())
        .extracting(CardProfile::id)
        .doesNotHaveDuplicates()
        .hasSizeGreaterThan(3);
  }

  @Test
  void trainingCardsGetTrainingProfilesWithRetryCheck() {
    CardProfile p = profiles.select(true, "3.00", CipherAlgorithm.SM4, "110100").orElseThrow();
    assertThat(p.id()).isEqualTo("training-sm4");
    assertThat(p.retryCheckAllowed()).isTrue();
    assertThat(profiles.select(true, "2.00", CipherAlgorithm.TDES, null).orElseThrow().id())
        .isEqualTo("training-tdes");
  }

  @Test
  void realCardsNeverGetTrainingProfilesAndNoRetryCheckByDefault() {
    CardProfile p = profiles.select(false, "3.00", CipherAlgorithm.SM4, "440300").orElseThrow();
    assertThat(p.id()).isEqualTo("ssc3-sm4");
    assertThat(p.retryCheckAllowed()).isFalse();
    assertThat(profiles.select(false, "2.00", null, null).orElseThrow().id())
        .isEqualTo("ssc2-tdes");
    assertThat(profiles.select(false, "9.99", null, null).orElseThrow().id())
        .isEqualTo("ssc-generic");
  }

  @Test
  void builtInProfilesNameTheirAssumptionsAndClaimNoNationalDefaults() {
    for (CardProfile p : profiles.all()) {
      assertThat(p.description()).as(p.id()).doesNotContainIgnoringCase("national specification");
      assertThat(p.assumptions()).as(p.id()).isNotEmpty();
      assertThat(p.reset().externalAuthentication()).as(p.id()).isTrue();
      assertThat(p.unblock().strategy()).as(p.id()).isEqualTo("SM_MAC");
      if (!Boolean.TRUE.equals(p.match().trainingCard())) {
        // Every privileged byte without a public source is named.
        assertThat(String.join("\n", p.assumptions()))
            .as(p.id())
            .contains("externalAuthentication.keyIndex", "84 24 00 01", "PIN block", "unblock");
      }
    }
  }

  @Test
  void aProfileNamingAnUnknownStrategyIsRefusedAtLoad() {
    assertThatThrownBy(
            () -> new CardProfile.PrivilegedCommand("MAC_CHALLENGE", "84240001", 1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown strategy MAC_CHALLENGE");
  }

  @Test
  void unknownFactsDoNotRestrictTheChoice() {
    assertThat(profiles.select(false, null, null, null)).isPresent();
  }
}
