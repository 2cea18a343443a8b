package dev.pindesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.pindesk.domain.sync.CentralFailure;
import dev.pindesk.domain.sync.SyncStatus;
import dev.pindesk.domain.sync.SyncStatus.Link;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.sync.SyncService;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.ui.common.StatusBar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The status bar's central segment in every sync state, rendered with TestFX: text, health style,
 * tooltip; screenshots of all states in both languages ({@code status-bar-sync-zh|en.png}).
 */
@ExtendWith(ApplicationExtension.class)
class StatusBarSyncTest {
  private static final ZoneId ZONE = ZoneOffset.ofHours(8);
  private static final Instant NOW = Instant.parse("2026-03-02T06:30:00Z"); // 14:30 in Beijing
  private static final Duration LIMIT = Duration.ofHours(24);

  private static SyncStatus status(
      Link link, long last, long ack, Optional<Instant> oldest, Optional<String> problem) {
    return SyncStatus.starting(LIMIT, NOW)
        .withJournal(last, ack, oldest, Optional.of(NOW.minusSeconds(300)), NOW)
        .withLink(link, problem);
  }

  /** Every state the segment can show, in the order of the screenshot. */
  static Map<String, Optional<SyncStatus>> states() {
    Map<String, Optional<SyncStatus>> m = new LinkedHashMap<>();
    m.put("not configured", Optional.empty());
    m.put("starting", Optional.of(SyncStatus.starting(LIMIT, NOW)));
    m.put(
        "online, all sent",
        Optional.of(status(Link.ONLINE, 120, 120, Optional.empty(), Optional.empty())));
    m.put(
        "online, sending",
        Optional.of(
            status(Link.ONLINE, 130, 120, Optional.of(NOW.minusSeconds(40)), Optional.empty())));
    m.put(
        "offline",
        Optional.of(
            status(
                Link.OFFLINE,
                180,
                120,
                Optional.of(NOW.minus(Duration.ofHours(3))),
                Optional.of("unreachable"))));
    m.put(
        "backlog alert",
        Optional.of(
            status(
                Link.OFFLINE,
                2400,
                120,
                Optional.of(NOW.minus(Duration.ofHours(30))),
                Optional.of("timeout"))));
    m.put(
        "stopped",
        Optional.of(
            status(
                Link.STOPPED, 130, 120, Optional.of(NOW.minusSeconds(600)), Optional.of("fork"))));
    m.put(
        "settings wrong",
        Optional.of(
            SyncStatus.starting(LIMIT, NOW).withLink(Link.STOPPED, Optional.of("config_cert"))));
    return m;
  }

  private static StatusBar.Segment segment(Messages m, Optional<SyncStatus> s) {
    return s.map(x -> CentralStatus.segment(m, x, ZONE)).orElse(CentralStatus.notConfigured(m));
  }

  @ParameterizedTest
  @ValueSource(strings = {"zh", "en"})
  void rendersEveryStateAndSavesAScreenshot(String language, FxRobot robot) throws Exception {
    Messages m = Messages.of(Locale.forLanguageTag(language));
    VBox bars = new VBox(8);
    bars.setPadding(new Insets(12));
    List<Label> labels = new ArrayList<>();
    for (Map.Entry<String, Optional<SyncStatus>> e : states().entrySet()) {
      StatusBar bar = new StatusBar(new SimpleObjectProperty<>(m));
      bar.readerProperty().set(new StatusBar.Segment(e.getKey(), StatusBar.Health.NONE));
      bar.centralProperty().set(segment(m, e.getValue()));
      bars.getChildren().add(bar);
      labels.add((Label) bar.lookup("#statusCentral"));
    }
    Stage stage = FxToolkit.registerPrimaryStage();
    robot.interact(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          stage.setScene(new Scene(bars, 1280, 470));
          stage.show();
        });
    Screenshots.save(stage.getScene(), "status-bar-sync-" + language);

    assertThat(labels.get(0).getText()).isEqualTo(m.get("status.not_configured"));
    assertThat(labels.get(2).getStyleClass()).contains(Styles.SUCCESS);
    assertThat(labels.get(4).getStyleClass()).contains(Styles.WARNING);
    assertThat(labels.get(5).getStyleClass()).contains(StatusBar.ALERT_STYLE);
    assertThat(labels.get(5).getTooltip()).isNotNull();
    assertThat(labels.get(6).getStyleClass()).contains(Styles.DANGER);
    assertThat(labels.get(6).getTooltip().getText()).contains(m.get("sync.problem.fork.next"));
    assertThat(labels.get(2).getTooltip()).isNull();
    assertThat(labels.get(7).getStyleClass()).contains(Styles.DANGER);
    assertThat(labels.get(7).getText()).isEqualTo(m.get("status.sync.stopped_settings"));
    assertThat(labels.get(7).getTooltip().getText()).contains(m.get("sync.problem.config_cert"));
    assertThat(labels.get(7).getTooltip().getText())
        .contains(m.get("sync.problem.config_cert.next"));
  }

  @Test
  void showsOnlineOfflinePendingAgeAndLastReceiptInWords() {
    Messages en = Messages.of(Locale.ENGLISH);
    Map<String, Optional<SyncStatus>> s = states();
    assertThat(segment(en, s.get("settings wrong")).text())
        .isEqualTo("stopped: check the sync settings");
    // Problems someone at the workstation can fix say what; the others need support.
    SyncStatus skew =
        SyncStatus.starting(LIMIT, NOW).withLink(Link.STOPPED, Optional.of("clock_skew"));
    assertThat(segment(en, Optional.of(skew)).text()).startsWith("stopped: check the clock");
    assertThat(segment(en, s.get("starting")).text()).isEqualTo("connecting…");
    assertThat(segment(en, s.get("online, all sent")).text())
        .isEqualTo("online · all sent · receipt 14:25");
    assertThat(segment(en, s.get("online, sending")).text())
        .isEqualTo("online · 10 pending (oldest under 1 min ago) · receipt 14:25");
    StatusBar.Segment offline = segment(en, s.get("offline"));
    assertThat(offline.text()).isEqualTo("offline · 60 pending (oldest 3 h ago) · receipt 14:25");
    assertThat(offline.health()).isEqualTo(StatusBar.Health.WARNING);
    assertThat(offline.tooltip()).contains("cannot be reached");
    StatusBar.Segment alert = segment(en, s.get("backlog alert"));
    assertThat(alert.health()).isEqualTo(StatusBar.Health.ALERT);
    assertThat(alert.tooltip()).startsWith("The oldest pending entry has waited more than 24 h");
    StatusBar.Segment stopped = segment(en, s.get("stopped"));
    assertThat(stopped.text()).isEqualTo("stopped: call support · 10 pending");
    assertThat(stopped.tooltip())
        .startsWith("the central holds entries that differ from this journal (fork) — Syncing");
    assertThat(stopped.tooltip()).endsWith("10 pending (oldest 10 min ago) · receipt 14:25");
    assertThat(stopped.health()).isEqualTo(StatusBar.Health.ERROR);
  }

  @Test
  void aReceiptFromAnotherDayShowsItsDate() {
    Messages en = Messages.of(Locale.ENGLISH);
    SyncStatus s =
        SyncStatus.starting(LIMIT, NOW)
            .withJournal(5, 5, Optional.empty(), Optional.of(NOW.minus(Duration.ofDays(3))), NOW)
            .withLink(Link.OFFLINE, Optional.of("unreachable"));
    assertThat(CentralStatus.segment(en, s, ZONE).text()).endsWith("receipt 02-27 14:30");
    SyncStatus none =
        SyncStatus.starting(LIMIT, NOW)
            .withJournal(5, 0, Optional.of(NOW.minus(Duration.ofDays(3))), Optional.empty(), NOW)
            .withLink(Link.OFFLINE, Optional.of("unreachable"));
    assertThat(CentralStatus.segment(en, none, ZONE).text())
        .isEqualTo("offline · 5 pending (oldest 3 d ago) · no receipt yet");
  }

  @Test
  void everyProblemCodeHasATranslatedTextAndNextStep() {
    List<String> codes = new ArrayList<>();
    for (CentralFailure f : CentralFailure.values()) {
      codes.add(f.wireName());
    }
    codes.addAll(
        List.of(
            SyncService.RECEIPT_MISMATCH,
            SyncService.JOURNAL_UNREADABLE,
            "internal_error",
            "config_error"));
    for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      Messages m = Messages.of(l);
      for (String code : codes) {
        assertThat(m.get("sync.problem." + code)).as(code).isNotEqualTo("sync.problem." + code);
        assertThat(m.get("sync.problem." + code + ".next")).as(code).doesNotStartWith("sync.");
      }
    }
  }
}
