package dev.pindesk.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.pindesk.domain.audit.HolderKind;
import dev.pindesk.domain.audit.ServiceKind;
import dev.pindesk.i18n.Messages;
import dev.pindesk.ui.StatusBar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's first steps, keyboard-first, with screenshots. */
@ExtendWith(ApplicationExtension.class)
class WizardViewTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
  private WizardViewModel model;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model = new WizardViewModel(Messages.of(Locale.SIMPLIFIED_CHINESE), true, CLOCK);
    model.operatorNameProperty().set("培训操作员 Demo");
    stage.setScene(new Scene(new WizardView(model, new StatusBar(model.messages())), 1366, 768));
    stage.show();
  }

  @Test
  void theClerkChoosesServiceAndHolderWithTheKeyboard(FxRobot robot) throws Exception {
    robot.type(KeyCode.DIGIT2, KeyCode.A);
    assertThat(model.serviceProperty().get()).isEqualTo(ServiceKind.UNLOCK);
    assertThat(model.holderProperty().get()).isEqualTo(HolderKind.AGENT);
    snap("wizard-service-zh");
    robot.type(KeyCode.ENTER);
    assertThat(model.stepProperty().get()).isEqualTo(WizardStep.ID);
  }

  @Test
  void theIdNumberIsValidatedAsTypedAndNextWaitsForTheChecklist(FxRobot robot) throws Exception {
    robot.type(KeyCode.ENTER);
    robot.clickOn("#holderNumber").write("11010519491231002");
    assertThat(text(robot, "#holderCheck")).isEqualTo("请继续输入（共 18 位）。");
    robot.write("9");
    assertThat(text(robot, "#holderCheck")).startsWith("校验位不符");
    robot.type(KeyCode.BACK_SPACE).write("x");
    assertThat(text(robot, "#holderCheck")).isEqualTo("号码有效。");
    assertThat(model.canGoNextBinding().get()).isFalse();
    robot.clickOn("#holderLongTerm").clickOn("#holderPhoto").clickOn("#holderIntact");
    assertThat(model.canGoNextBinding().get()).as("name still missing").isFalse();
    robot.clickOn("#holderName").write("李秀英");
    assertThat(model.canGoNextBinding().get()).isTrue();
    snap("wizard-id-zh");
    robot.clickOn("#languageButton");
    WaitForAsyncUtils.waitForFxEvents();
    snap("wizard-id-en");
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(Label.class).getText();
  }

  private void snap(String name) throws Exception {
    var image =
        WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(5, TimeUnit.SECONDS);
    Path out = Path.of(System.getProperty("pindesk.screenshots", "target/screenshots"));
    Files.createDirectories(out);
    ImageIO.write(
        SwingFXUtils.fromFXImage(image, null), "png", out.resolve(name + ".png").toFile());
  }
}
