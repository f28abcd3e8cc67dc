package org.tensorworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DEVELOPERS.md: the engine knows no UI, the UI knows no ND4J. */
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
}
