package io.orderlift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md, kept by a test that fails when they are broken. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.orderlift");
    }

    @Test
    void onlyTheUiKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.orderlift.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void theCommandLineDoesNotUseTheUi() {
        noClasses().that().resideInAPackage("io.orderlift.cli..")
                .should().dependOnClassesThat().resideInAPackage("io.orderlift.ui..").check(classes);
    }

    @Test
    void theUiDoesNotUseTheCommandLine() {
        noClasses().that().resideInAPackage("io.orderlift.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.orderlift.cli..").check(classes);
    }

    @Test
    void theStorefrontEvaluatorNeedsOnlyTheRuleSet() {
        noClasses().that().resideInAPackage("io.orderlift.ruleset.evaluator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.orderlift.store..", "io.orderlift.mining..",
                        "io.orderlift.ranking..", "io.orderlift.ui..", "io.orderlift.cli..", "io.orderlift.samples..",
                        "io.orderlift.evaluation..", "org.h2..", "org.jooq..", "org.flywaydb..", "javafx..")
                .check(classes);
    }

    @Test
    void miningAndRankingKnowNothingOfPublishingOrFaces() {
        noClasses().that().resideInAnyPackage("io.orderlift.mining..", "io.orderlift.ranking..")
                .should().dependOnClassesThat().resideInAnyPackage("io.orderlift.ruleset..", "io.orderlift.cli..",
                        "io.orderlift.ui..")
                .check(classes);
    }

    @Test
    void theStoreDependsOnNoHigherLayer() {
        noClasses().that().resideInAPackage("io.orderlift.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.orderlift.cli..", "io.orderlift.ui..",
                        "io.orderlift.samples..", "io.orderlift.mining..", "io.orderlift.ranking..",
                        "io.orderlift.ruleset..", "io.orderlift.evaluation..")
                .check(classes);
    }
}
