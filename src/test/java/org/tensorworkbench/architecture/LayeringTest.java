package org.tensorworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of the developers' guide: the engine knows no UI, the UI knows no ND4J,
 * no two top-level packages (and no two screens) need each other, and view models hold no
 * scene-graph node.
 */
@AnalyzeClasses(packages = "org.tensorworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule engineUsesNoJavaFx =
      noClasses().that().resideInAPackage("org.tensorworkbench.engine..")
          .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.tensorworkbench.ui..",
              "org.tensorworkbench.cli..", "org.tensorworkbench.app..");

  @ArchTest
  static final ArchRule uiUsesNoNd4j =
      noClasses().that().resideInAPackage("org.tensorworkbench.ui..")
          .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.bytedeco..");

  @ArchTest
  static final ArchRule i18nIsJdkOnly =
      noClasses().that().resideInAPackage("org.tensorworkbench.i18n..")
          .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.nd4j..");

  /** What the app and the command line share (settings, workspace folders, build facts) needs neither. */
  @ArchTest
  static final ArchRule sharedPackagesAreJavaFxFree =
      noClasses().that().resideInAnyPackage("org.tensorworkbench.workspace..", "org.tensorworkbench.launch..")
          .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.tensorworkbench.ui..",
              "org.tensorworkbench.cli..", "org.tensorworkbench.app..");

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages =
      slices().matching("org.tensorworkbench.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule noCyclesBetweenScreens =
      slices().matching("org.tensorworkbench.ui.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule viewModelsHoldNoSceneGraph =
      noClasses().that().haveSimpleNameEndingWith("ViewModel")
          .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");
}
