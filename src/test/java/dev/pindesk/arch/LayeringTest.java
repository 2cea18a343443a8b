package dev.pindesk.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layering of DESIGN.md, enforced. */
@AnalyzeClasses(packages = "dev.pindesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule onlyUiImportsJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javafx..", "atlantafx..");

  @ArchTest
  static final ArchRule onlyThePcscAdapterImportsSmartcardio =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.adapters.pcsc..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("javax.smartcardio..", "sun.security.smartcardio..");

  @ArchTest
  static final ArchRule onlyTheReceiptAdapterImportsPdfBox =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.adapters.receipt..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..");

  @ArchTest
  static final ArchRule onlyTheReceiptAdapterPrints =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.adapters.receipt..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.awt.print..", "javax.print..");

  @ArchTest
  static final ArchRule domainIsPure =
      noClasses()
          .that()
          .resideInAPackage("dev.pindesk.domain..")
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.pindesk.domain..", "java..");

  @ArchTest
  static final ArchRule serviceIsFreeOfJdbcJavaFxAndSmartcardio =
      noClasses()
          .that()
          .resideInAnyPackage("dev.pindesk.service..", "dev.pindesk.card..", "dev.pindesk.ports..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.sql..", "javax.sql..", "javafx..", "javax.smartcardio..");

  @ArchTest
  static final ArchRule onlyTheCompositionRootKnowsAdapters =
      noClasses()
          .that()
          .resideInAnyPackage(
              "dev.pindesk.domain..",
              "dev.pindesk.ports..",
              "dev.pindesk.card..",
              "dev.pindesk.service..",
              "dev.pindesk.cli..",
              "dev.pindesk.ui..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.pindesk.adapters..");

  @ArchTest
  static final ArchRule adaptersDoNotDependOnEachOtherOrOnUpperLayers =
      noClasses()
          .that()
          .resideInAPackage("dev.pindesk.adapters..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pindesk.service..",
              "dev.pindesk.cli..",
              "dev.pindesk.ui..",
              "dev.pindesk.app..");

  @ArchTest
  static final ArchRule lowerLayersDoNotReachUp =
      noClasses()
          .that()
          .resideInAnyPackage("dev.pindesk.domain..", "dev.pindesk.ports..", "dev.pindesk.card..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pindesk.service..",
              "dev.pindesk.cli..",
              "dev.pindesk.ui..",
              "dev.pindesk.app..");

  @ArchTest
  static final ArchRule onlyTheSyncAdaptersTalkHttp =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.adapters.sync..", "dev.pindesk.adapters.central..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..");

  /** The protocol codecs are a leaf: the journal and the central build on them, not the reverse. */
  @ArchTest
  static final ArchRule theSyncProtocolAdapterDependsOnNoOtherAdapter =
      noClasses()
          .that()
          .resideInAPackage("dev.pindesk.adapters.sync..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pindesk.adapters.journal..",
              "dev.pindesk.adapters.central..",
              "dev.pindesk.adapters.pcsc..",
              "dev.pindesk.adapters.virtualcard..",
              "dev.pindesk.adapters.sam..",
              "dev.pindesk.adapters.operators..",
              "dev.pindesk.adapters.receipt..");

  /** The journal adapter may use the sync protocol's receipt codec and nothing else outside. */
  @ArchTest
  static final ArchRule theJournalAdapterUsesOnlyTheSyncCodecs =
      noClasses()
          .that()
          .resideInAPackage("dev.pindesk.adapters.journal..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.pindesk.adapters.central..",
              "dev.pindesk.adapters.pcsc..",
              "dev.pindesk.adapters.virtualcard..",
              "dev.pindesk.adapters.sam..",
              "dev.pindesk.adapters.operators..",
              "dev.pindesk.adapters.receipt..");
}
