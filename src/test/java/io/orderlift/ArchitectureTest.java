package io.orderlift;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import io.orderlift.common.OrderLineRules;
import io.orderlift.mining.MiningSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md ("Layers and packages"), kept by tests that fail when they are broken. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.orderlift");
    }

    /** DESIGN.md's table: each layer may use the layers below it, never one above; cli and ui not each other. */
    @Test
    void theLayersOfDesignMd() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy("io.orderlift.common..")
                .layer("store").definedBy("io.orderlift.store..")
                .layer("mining").definedBy("io.orderlift.mining..")
                .layer("ranking").definedBy("io.orderlift.ranking..")
                .layer("ruleset").definedBy("io.orderlift.ruleset")
                .layer("evaluation").definedBy("io.orderlift.evaluation..")
                .layer("demo").definedBy("io.orderlift.demo..")
                .layer("storefront evaluator").definedBy("io.orderlift.ruleset.evaluator..")
                .layer("samples").definedBy("io.orderlift.samples..")
                .layer("cli").definedBy("io.orderlift.cli..")
                .layer("ui").definedBy("io.orderlift.ui..")
                .layer("main").definedBy("io.orderlift")
                .whereLayer("main").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("main")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("main")
                .whereLayer("ruleset").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("evaluation").mayOnlyBeAccessedByLayers("demo", "cli", "ui")
                .whereLayer("demo").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("ranking").mayOnlyBeAccessedByLayers("ruleset", "evaluation", "cli", "ui")
                .whereLayer("mining").mayOnlyBeAccessedByLayers("ranking", "ruleset", "evaluation", "cli", "ui")
                .whereLayer("store").mayOnlyBeAccessedByLayers("mining", "ranking", "ruleset", "evaluation",
                        "samples", "cli", "ui")
                .whereLayer("samples").mayOnlyBeAccessedByLayers("cli", "ui", "main")
                .whereLayer("storefront evaluator").mayOnlyBeAccessedByLayers("ruleset", "evaluation", "demo", "cli",
                        "ui")
                .whereLayer("common").mayOnlyBeAccessedByLayers("store", "mining", "ranking", "ruleset", "evaluation",
                        "demo", "samples", "cli", "ui", "main")
                .check(classes);
    }

    @Test
    void onlyTheUiKnowsJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.orderlift.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyTheStoreTouchesJooqJdbcAndTheGeneratedClasses() {
        noClasses().that().resideOutsideOfPackages("io.orderlift.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..",
                        "org.h2..", "org.flywaydb..")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("io.orderlift.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.orderlift.store.db..")
                .check(classes);
    }

    @Test
    void nothingOutsideTheCommandLineAndTheSamplesWritesToStandardOutput() {
        noClasses().that().resideOutsideOfPackages("io.orderlift.cli..", "io.orderlift.samples..",
                        "io.orderlift.spark..")
                .should().accessField(System.class, "out")
                .check(classes);
    }

    @Test
    void theStorefrontEvaluatorDependsOnNothingOfTheProject() {
        noClasses().that().resideInAPackage("io.orderlift.ruleset.evaluator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.orderlift.common..", "io.orderlift.store..",
                        "io.orderlift.mining..", "io.orderlift.ranking..", "io.orderlift.ui..", "io.orderlift.cli..",
                        "io.orderlift.samples..", "io.orderlift.evaluation..", "org.h2..", "org.jooq..",
                        "org.flywaydb..", "javafx..")
                .check(classes);
        noClasses().that().resideInAPackage("io.orderlift.ruleset.evaluator..")
                .should().dependOnClassesThat().resideInAPackage("io.orderlift.ruleset")
                .check(classes);
    }

    /**
     * The Spark job (compiled only by the spark profile, whose integration tests run this class too)
     * shares with the desktop only the mining rules' definition: how line values are read, and the settings.
     */
    @Test
    void theSparkJobDependsOnlyOnTheMiningRulesDefinition() {
        noClasses().that().resideInAPackage("io.orderlift.spark..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.orderlift..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.orderlift.spark..")))
                        .and(DescribedPredicate.not(JavaClass.Predicates.belongToAnyOf(OrderLineRules.class,
                                MiningSettings.class))))
                .allowEmptyShould(true)
                .check(classes);
    }
}
