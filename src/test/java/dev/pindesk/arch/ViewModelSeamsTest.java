package dev.pindesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * View models reach the UI thread and the user only through their seams (ADR 0024): a {@code
 * UiExecutor} and a {@code DialogService}, so their behaviour is tested without a JavaFX toolkit.
 * JavaFX properties and collections are fine; the toolkit, windows, nodes and the JavaFX executor
 * are not.
 */
@AnalyzeClasses(packages = "dev.pindesk.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewModelSeamsTest {

  @ArchTest
  static final ArchRule viewModelsUseTheirSeamsNotTheToolkit =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("ViewModel")
          .or()
          .haveSimpleNameEndingWith("FormModel")
          .or()
          .haveSimpleName("PinCapture")
          .or()
          .haveSimpleName("ReceiptActions")
          .or()
          .haveSimpleName("WindowClosing")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx.application..", "javafx.stage..", "javafx.scene..", "javafx.concurrent..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pindesk.ui.common.TaskRunner")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("dev.pindesk.ui.common.FxDialogs");
}
