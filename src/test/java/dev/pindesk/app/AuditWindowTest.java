package dev.pindesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.cli.Cli;
import dev.pindesk.i18n.Messages;
import dev.pindesk.service.audit.AuditCases.Case;
import dev.pindesk.service.audit.AuditCases.Outcome;
import dev.pindesk.testing.Screenshots;
import dev.pindesk.ui.audit.AuditContext;
import dev.pindesk.ui.audit.AuditView;
import dev.pindesk.ui.audit.AuditViewModel;
import dev.pindesk.ui.common.FxDialogs;
import dev.pindesk.ui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The supervisor's audit window with TestFX on a real journal (served by the real case service) and
 * real key stores: unlock, the chain status, filters, a case's steps, the charts, and the screens
 * the docs show. (Exports, filters and closing as behaviour are {@code AuditViewModelTest}'s.)
 */
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {
  private static final Messages ZH = Messages.forTag("zh-CN");

  @TempDir static Path dir;
  static Path journal;
  static Path keys;

  private final TaskRunner runner = new TaskRunner();
  private AuditViewModel model;
  private Scene scene;

  @BeforeAll
  static void journalAndKeys() throws Exception {
    keys = dir.resolve("keys");
    Path pass = dir.resolve("pass.txt");
    Files.writeString(pass, "correct horse battery\n");
    Cli.keysInit(keys, pass);
    journal = Cli.generatedJournal(dir.resolve("journal.db"), keys, 60);
  }

  @Start
  void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model =
        new AuditViewModel(
            new AuditContext(
                new SupervisorJournalReader(),
                new dev.pindesk.adapters.receipt.PdfTableReport(
                    dev.pindesk.adapters.receipt.CjkFont.bundled()),
                Optional.of(journal),
                Optional.of(keys.resolve("supervisor.p12")),
                ZH,
                1.0,
                ZoneOffset.UTC),
            runner,
            new FxDialogs(() -> stage));
    scene = new Scene(new AuditView(model), 1280, 800);
    stage.setScene(scene);
    stage.show();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private void unlock(FxRobot robot, String passphrase) {
    robot.clickOn("#auditPassphrase").write(passphrase);
    robot.clickOn("#auditOpen");
  }

  @Test
  void aWrongPassphraseIsSaidInWordsAndTheRightOneOpensTheCases(FxRobot robot) throws Exception {
    Screenshots.save(scene, "audit-unlock-zh");
    unlock(robot, "not it");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !model.errorProperty().get().isEmpty());
    assertThat(robot.lookup("#auditError").queryAs(Label.class).getText())
        .contains("口令错误")
        .doesNotContain("Exception");
    assertThat(robot.lookup("#auditPassphrase").queryAs(PasswordField.class).getText())
        .as("the passphrase does not stay in the field")
        .isEmpty();

    unlock(robot, "correct horse battery");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.statusProperty().get().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#auditChain").queryAs(Label.class).getText()).startsWith("日志校验通过");
    assertThat(robot.lookup("#auditCount").queryAs(Label.class).getText())
        .isEqualTo("显示 60 / 60 个案件");
    assertThat(robot.lookup("#auditCases").queryAs(TableView.class).getItems()).hasSize(60);

    robot.interact(model::switchLanguage);
    assertThat(robot.lookup("#auditCount").queryAs(Label.class).getText())
        .isEqualTo("Showing 60 of 60 cases");
    assertThat(robot.lookup("#auditChain").queryAs(Label.class).getText())
        .startsWith("The journal verifies");
    Screenshots.save(scene, "audit-cases-en");
  }

  @Test
  void filtersShowACasesStepsAndTheChartsAddUp(FxRobot robot) throws Exception {
    unlock(robot, "correct horse battery");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.statusProperty().get().isPresent());
    long cancelled = model.cases().stream().filter(c -> c.outcome() == Outcome.CANCELLED).count();
    assertThat(cancelled).as("a served journal has cancelled cases").isPositive();

    robot.interact(() -> model.outcomeProperty().set(Outcome.CANCELLED));
    assertThat(robot.lookup("#auditCount").queryAs(Label.class).getText())
        .isEqualTo("显示 " + cancelled + " / 60 个案件");
    robot.interact(() -> model.outcomeProperty().set(null));
    @SuppressWarnings("unchecked")
    TableView<Case> table = robot.lookup("#auditCases").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(robot.lookup("#auditSteps").queryAs(TableView.class).getItems())
        .hasSize(table.getItems().get(0).steps().size());
    Screenshots.save(scene, "audit-cases-zh");

    robot.interact(
        () -> robot.lookup(".tab-pane").queryAs(TabPane.class).getSelectionModel().select(1));
    WaitForAsyncUtils.waitForFxEvents();
    Screenshots.save(scene, "audit-charts-zh");
    @SuppressWarnings("unchecked")
    BarChart<String, Number> hours = robot.lookup("#auditHours").queryAs(BarChart.class);
    assertThat(
            hours.getData().get(0).getData().stream()
                .mapToLong(d -> d.getYValue().longValue())
                .sum())
        .as("cases per hour add up to the cases shown")
        .isEqualTo(60);
    PieChart reasons = robot.lookup("#auditReasons").queryAs(PieChart.class);
    assertThat(reasons.getData().stream().mapToDouble(PieChart.Data::getPieValue).sum())
        .isEqualTo(model.cases().stream().filter(c -> c.outcome() != Outcome.COMPLETED).count());
  }

  @Test
  void closingTheJournalGoesBackToTheUnlockFormAndForgetsTheFilters(FxRobot robot)
      throws Exception {
    unlock(robot, "correct horse battery");
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.statusProperty().get().isPresent());
    robot.interact(() -> model.outcomeProperty().set(Outcome.CANCELLED));
    @SuppressWarnings("unchecked")
    TableView<Case> table = robot.lookup("#auditCases").queryAs(TableView.class);
    robot.interact(() -> table.getSelectionModel().select(0));
    assertThat(model.selectedProperty().get()).isNotNull();

    robot.clickOn(ZH.get("audit.close"));
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(model.statusProperty().get()).isEmpty();
    assertThat(model.cases()).isEmpty();
    assertThat(model.outcomeProperty().get()).isNull();
    assertThat(robot.lookup("#auditOpen").tryQuery()).isPresent();
  }
}
