package jp.shinsa.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** {@code ingest} stays a plain library: no Spring, no Vaadin (STYLE.md §4). */
class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.shinsa.ingest", "jp.shinsa.models");

    @Test
    void should_not_depend_on_spring_or_vaadin() {
        noClasses().that().resideInAnyPackage("jp.shinsa.ingest..", "jp.shinsa.models..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..", "jakarta.persistence..")
                .check(classes);
    }

    @Test
    void should_not_depend_on_scoring() {
        noClasses().that().resideInAPackage("jp.shinsa.ingest..")
                .should().dependOnClassesThat().resideInAPackage("jp.shinsa.scoring..")
                .check(classes);
    }
}
