package dev.pindesk.arch;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.conditions.ArchConditions;

/**
 * The layering of {@code docs/architecture.md} and ADR 0022, enforced. Every package belongs to one
 * layer; each layer names the layers it may use. A new exception needs an ADR first.
 */
@AnalyzeClasses(packages = "dev.pindesk", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  private static final String DOMAIN = "dev.pindesk.domain..";
  private static final String PORTS = "dev.pindesk.ports..";
  private static final String CRYPTO = "dev.pindesk.crypto..";
  private static final String CARD = "dev.pindesk.card..";
  private static final String I18N = "dev.pindesk.i18n..";
  private static final String SERVICE = "dev.pindesk.service..";
  private static final String ADAPTERS = "dev.pindesk.adapters..";
  private static final String UI = "dev.pindesk.ui..";
  private static final String CLI = "dev.pindesk.cli..";
  private static final String APP = "dev.pindesk.app..";

  /** Reading or writing files, as opposed to naming them ({@code Path} is a value). */
  private static final DescribedPredicate<JavaClass> FILE_SYSTEM =
      nameMatching(
              "java\\.nio\\.file\\.(Files|FileSystems?|Paths|spi\\..*)"
                  + "|java\\.io\\.(File|FileInputStream|FileOutputStream|FileReader|FileWriter"
                  + "|RandomAccessFile)")
          .<JavaClass>forSubtype()
          .as("belong to the file-system API");

  private static final DescribedPredicate<JavaClass> DATABASE_NETWORK_UI_DEVICES =
      resideInAnyPackage(
              "java.sql..",
              "javax.sql..",
              "org.sqlite..",
              "org.flywaydb..",
              "org.postgresql..",
              "java.net..",
              "javax.net..",
              "com.sun.net.httpserver..",
              "org.eclipse.jetty..",
              "javafx..",
              "atlantafx..",
              "java.awt..",
              "javax.swing..",
              "javax.print..",
              "javax.smartcardio..",
              "sun.security.smartcardio..")
          .as("belong to a database, network, UI, printing or card-reader API");

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .ensureAllClassesAreContainedInArchitecture()
          .layer("domain")
          .definedBy(DOMAIN)
          .layer("ports")
          .definedBy(PORTS)
          .layer("crypto")
          .definedBy(CRYPTO)
          .layer("card")
          .definedBy(CARD)
          .layer("i18n")
          .definedBy(I18N)
          .layer("service")
          .definedBy(SERVICE)
          .layer("adapters")
          .definedBy(ADAPTERS)
          .layer("ui")
          .definedBy(UI)
          .layer("cli")
          .definedBy(CLI)
          .layer("app")
          .definedBy(APP)
          .whereLayer("domain")
          .mayNotAccessAnyLayer()
          .whereLayer("ports")
          .mayOnlyAccessLayers("domain")
          .whereLayer("crypto")
          .mayOnlyAccessLayers("domain", "ports")
          .whereLayer("card")
          .mayOnlyAccessLayers("domain", "ports", "crypto")
          .whereLayer("i18n")
          .mayOnlyAccessLayers("domain")
          .whereLayer("service")
          .mayOnlyAccessLayers("domain", "ports", "card")
          .whereLayer("adapters")
          .mayOnlyAccessLayers("domain", "ports", "crypto", "card", "i18n")
          .whereLayer("ui")
          .mayOnlyAccessLayers("domain", "ports", "card", "i18n", "service")
          .whereLayer("cli")
          .mayOnlyAccessLayers("domain", "ports", "crypto", "card", "i18n", "service")
          .whereLayer("app")
          .mayNotBeAccessedByAnyLayer();

  /** No package depends on itself through others: each can be read (and tested) from below. */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("dev.pindesk.(**)")
          .should()
          .beFreeOfCycles()
          .as("packages are free of cycles");

  @ArchTest
  static final ArchRule noLayerCycles =
      slices()
          .matching("dev.pindesk.(*)..")
          .should()
          .beFreeOfCycles()
          .as("layers are free of cycles");

  /**
   * The domain is plain Java: values, rules and state machines. It names no file, database,
   * network, UI or library type; byte and char buffers, charsets and {@code java.text} are values
   * too.
   */
  @ArchTest
  static final ArchRule domainUsesOnlyPlainJava =
      classes()
          .that()
          .resideInAPackage(DOMAIN)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              DOMAIN,
              "java.lang",
              "java.lang.invoke",
              "java.lang.runtime",
              "java.lang.annotation",
              "java.util",
              "java.util.function",
              "java.util.stream",
              "java.util.regex",
              "java.util.concurrent..",
              "java.time..",
              "java.math..",
              "java.nio",
              "java.nio.charset..",
              "java.text..");

  /** Time and the machine come in as arguments (a {@code Clock}, a date), so rules are testable. */
  @ArchTest
  static final ArchRule domainReadsNeitherClockNorMachine =
      noClasses()
          .that()
          .resideInAPackage(DOMAIN)
          .should(ACCESS_STANDARD_STREAMS)
          .orShould(readTheClockOrTheEnvironment())
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(ProcessBuilder.class, Process.class, Runtime.class);

  /**
   * Settings are read at the edge, by the composition root: the core gets typed values and never
   * looks at properties or the environment.
   */
  @ArchTest
  static final ArchRule theCoreReadsNoSettings =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN, PORTS, CRYPTO, CARD, I18N, SERVICE)
          .should(readSettings());

  /**
   * Nor do the adapters, the windows or the commands: PinDesk's settings reach them from {@code
   * app} ({@code CounterConfig}, {@code CliServices.setting}). Three classes read what is not a
   * PinDesk setting: the platform and the JDK's own smart-card library property ({@code
   * PcscLibrary}), where Windows keeps its fonts ({@code BundledUiFont}) and how the running JVM
   * was started ({@code HostLaunch}). The central's HTTP server takes every setting from {@code
   * central serve} since it runs on Jetty (ADR 0031).
   */
  @ArchTest
  static final ArchRule onlyTheCompositionRootReadsSettings =
      noClasses()
          .that()
          .resideInAnyPackage(ADAPTERS, UI, CLI)
          .and()
          .doNotHaveFullyQualifiedName("dev.pindesk.adapters.pcsc.PcscLibrary")
          .and()
          .doNotHaveFullyQualifiedName("dev.pindesk.ui.common.BundledUiFont")
          .and()
          .doNotHaveFullyQualifiedName("dev.pindesk.adapters.sscard.HostLaunch")
          .should(readSettings());

  /**
   * Ports are interfaces and the values they exchange (records, enums, exceptions), over the domain
   * and the JDK's values: a file is named by its {@code Path}, never opened here.
   */
  @ArchTest
  static final ArchRule portsAreInterfacesAndValues =
      classes()
          .that()
          .resideInAPackage(PORTS)
          .and()
          .areNotAnonymousClasses()
          .should(beInterfacesRecordsEnumsOrExceptions());

  @ArchTest
  static final ArchRule portsUseOnlyDomainAndJdkValues =
      classes()
          .that()
          .resideInAPackage(PORTS)
          .should()
          .onlyDependOnClassesThat(
              or(
                  resideInAnyPackage(
                      PORTS,
                      DOMAIN,
                      "java.lang",
                      "java.lang.invoke",
                      "java.lang.runtime",
                      "java.util..",
                      "java.time.."),
                  nameMatching("java\\.nio\\.file\\.Path")));

  /**
   * The libraries below the adapters compute: crypto, the card protocol over the {@code
   * CardConnection} port, translations. They open no file, database, socket, window or reader (card
   * profiles and translations are class-path resources).
   */
  @ArchTest
  static final ArchRule librariesUseNoInfrastructure =
      noClasses()
          .that()
          .resideInAnyPackage(CRYPTO, CARD, I18N)
          .should()
          .dependOnClassesThat(or(FILE_SYSTEM, DATABASE_NETWORK_UI_DEVICES));

  /** Crypto builds on BouncyCastle, and on nothing else outside the JDK. */
  @ArchTest
  static final ArchRule cryptoUsesNoThirdPartyLibraryButBouncyCastle =
      noClasses()
          .that()
          .resideInAPackage(CRYPTO)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages(
              "dev.pindesk..", "java..", "javax.crypto..", "org.bouncycastle..");

  /** The card layer reads its profiles (JSON resources) with Jackson, and uses nothing else. */
  @ArchTest
  static final ArchRule cardUsesNoThirdPartyLibraryButJackson =
      noClasses()
          .that()
          .resideInAPackage(CARD)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.pindesk..", "java..", "com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule i18nUsesOnlyTheJdk =
      noClasses()
          .that()
          .resideInAPackage(I18N)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.pindesk..", "java..");

  /**
   * Use cases reach the world only through ports: no file, database, socket, window or reader, and
   * no third-party library but the logging API.
   */
  @ArchTest
  static final ArchRule servicesUseNoInfrastructure =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .should()
          .dependOnClassesThat(or(FILE_SYSTEM, DATABASE_NETWORK_UI_DEVICES));

  @ArchTest
  static final ArchRule servicesUseNoThirdPartyLibraryButLogging =
      noClasses()
          .that()
          .resideInAPackage(SERVICE)
          .should()
          .dependOnClassesThat()
          .resideOutsideOfPackages("dev.pindesk..", "java..", "javax.annotation..", "org.slf4j..");

  /**
   * Each adapter stands alone, except where ADR 0022 says why: the central receiver speaks the sync
   * protocol's codecs (not its HTTP client) and checks chains with the journal's own chain check;
   * the journal anchors its chain in the central's receipt through the receipt codec.
   */
  @ArchTest
  static final ArchRule adaptersAreIndependentOfEachOther =
      slices()
          .matching("dev.pindesk.adapters.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              resideInAPackage("dev.pindesk.adapters.central.."),
              nameMatching(
                  "dev\\.pindesk\\.adapters\\.sync\\.(BatchCodec|ReceiptCodec|RequestAuth"
                      + "|SyncProtocol)(\\$.*)?"))
          .ignoreDependency(
              resideInAPackage("dev.pindesk.adapters.central.."),
              nameMatching(
                  "dev\\.pindesk\\.adapters\\.journal\\.(ChainCursor|ChainLinks|Problem)(\\$.*)?"))
          .ignoreDependency(
              resideInAPackage("dev.pindesk.adapters.journal.."),
              nameMatching("dev\\.pindesk\\.adapters\\.sync\\.ReceiptCodec(\\$.*)?"))
          .as("adapters do not depend on each other (exceptions: ADR 0022)");

  /**
   * The UI's features (sign-in, wizard, PIN pad, diagnostics, audit) share only {@code ui.common};
   * the shell ({@code dev.pindesk.ui}) puts them together. (The wizard's rehearsal no longer warms
   * up the PIN pad's window: the counter's runtime does, ADR 0027.)
   */
  @ArchTest
  static final ArchRule uiFeaturesAreIndependentOfEachOther =
      slices()
          .matching("dev.pindesk.ui.(*)..")
          .should()
          .notDependOnEachOther()
          .ignoreDependency(
              DescribedPredicate.alwaysTrue(), resideInAPackage("dev.pindesk.ui.common"))
          .as("UI features do not depend on each other, only on ui.common");

  /**
   * The counter window talks to the {@code CounterSession} (ADR 0027); of the card layer and the
   * ports the UI uses only what this names: the card's read data it shows ({@code CardSnapshot}),
   * and the profile the diagnostics window names, the PIN pad it implements on screen, the state of
   * a reader it shows, the failures it translates, and the audit window's journal and report ports.
   * It never holds the readers: the composition root hands it a {@code ReaderFeed}.
   */
  @ArchTest
  static final ArchRule theUiUsesOnlyNamedCardAndPortTypes =
      noClasses()
          .that()
          .resideInAPackage(UI)
          .should()
          .dependOnClassesThat(
              resideInAnyPackage(CARD, PORTS)
                  .and(
                      DescribedPredicate.not(
                          nameMatching(
                              "dev\\.pindesk\\.card\\.(CardSnapshot|PinState|CardProfile)(\\$.*)?"
                                  + "|dev\\.pindesk\\.ports\\.(PinPad|ReaderState"
                                  + "|ReceiptPrinter|CaseJournal|SupervisorJournal|TableReport)"
                                  + "(\\$.*)?"))))
          .as("the UI uses of card and ports only the types ADR 0027 names");

  @ArchTest
  static final ArchRule onlyUiImportsJavaFx =
      noClasses()
          .that()
          .resideOutsideOfPackages(UI)
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

  /** Databases are an adapter's business; callers above see the port's own exceptions. */
  @ArchTest
  static final ArchRule onlyAdaptersAndTheCompositionRootUseJdbc =
      noClasses()
          .that()
          .resideOutsideOfPackages(ADAPTERS, APP)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..", "org.postgresql..");

  @ArchTest
  static final ArchRule onlyTheCommandLineUsesPicocli =
      noClasses()
          .that()
          .resideOutsideOfPackages(CLI, APP)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("picocli..");

  /** Metrics are the central receiver's, for its operator (ADR 0033). */
  @ArchTest
  static final ArchRule onlyTheCentralCountsMetrics =
      noClasses()
          .that()
          .resideOutsideOfPackages("dev.pindesk.adapters.central..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.prometheus..");

  /** HTTP: journal sync, its central, and the card-management service (ADR 0029). */
  @ArchTest
  static final ArchRule onlyTheSyncAdaptersTalkHttp =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "dev.pindesk.adapters.sync..",
              "dev.pindesk.adapters.central..",
              "dev.pindesk.adapters.cardservice..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("java.net.http..", "com.sun.net.httpserver..", "org.eclipse.jetty..");

  private static ArchCondition<JavaClass> readTheClockOrTheEnvironment() {
    DescribedPredicate<JavaCall<?>> clock =
        target(owner(resideInAPackage("java.time.."))).and(target(name("now")));
    DescribedPredicate<JavaCall<?>> system =
        target(owner(equivalentTo(System.class)))
            .and(
                target(
                    nameMatching("getenv|getProperty|getProperties|currentTimeMillis|nanoTime")));
    return ArchConditions.callMethodWhere(clock.or(system))
        .as("read the clock, the environment or system properties");
  }

  private static ArchCondition<JavaClass> readSettings() {
    DescribedPredicate<JavaCall<?>> system =
        target(owner(equivalentTo(System.class)))
            .and(target(nameMatching("getenv|getProperty|getProperties")));
    DescribedPredicate<JavaCall<?>> boxed =
        target(owner(equivalentTo(Boolean.class))).and(target(name("getBoolean")));
    DescribedPredicate<JavaCall<?>> numbers =
        target(owner(resideInAnyPackage("java.lang")))
            .and(target(nameMatching("getInteger|getLong")));
    return ArchConditions.callMethodWhere(system.or(boxed).or(numbers))
        .as("read system properties or the environment");
  }

  private static ArchCondition<JavaClass> beInterfacesRecordsEnumsOrExceptions() {
    return new ArchCondition<>("be interfaces, records, enums or exceptions") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        boolean ok =
            c.isInterface() || c.isRecord() || c.isEnum() || c.isAssignableTo(Throwable.class);
        if (!ok) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + " is a class with behaviour"));
        }
      }
    };
  }
}
