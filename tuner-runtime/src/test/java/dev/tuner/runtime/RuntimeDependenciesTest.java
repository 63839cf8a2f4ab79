package dev.tuner.runtime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Production code carries this module: it may use the annotations and the JDK, nothing else. */
class RuntimeDependenciesTest {

    @Test
    void dependsOnlyOnTheJdkAndTheAnnotations() {
        classes().that().resideInAPackage("dev.tuner.runtime")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.tuner", "dev.tuner.runtime", "java..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.tuner.runtime"));
    }
}
