package dev.tuner.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of STYLE.md: annotations depend on nothing, core on neither JUnit nor Maven, the
 * engine not on Maven; the engine package shows only its entry point and its settings.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tuner");

    @Test
    void annotationsDependOnNothing() {
        classes().that().resideInAPackage("dev.tuner")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.tuner", "java..", "org.junit.platform.commons.annotation")
                .because("production code carries the annotations and must pull in nothing with them")
                .check(PRODUCTION);
    }

    @Test
    void coreKnowsNeitherJUnitNorMaven() {
        noClasses().that().resideInAPackage("dev.tuner.core..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.junit..", "org.apache.maven..", "dev.tuner.engine..", "dev.tuner.maven..")
                .because("tuner-core is usable alone, through its ask/tell API")
                .check(PRODUCTION);
    }

    @Test
    void engineKnowsNothingOfMaven() {
        noClasses().that().resideInAPackage("dev.tuner.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "dev.tuner.maven..")
                .check(PRODUCTION);
    }

    @Test
    void enginePackageShowsOnlyItsEntryPointAndSettings() {
        classes().that().resideInAPackage("dev.tuner.engine")
                .and().doNotHaveSimpleName("TunerTestEngine")
                .and().doNotHaveSimpleName("Constants")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(PRODUCTION);
    }
}
