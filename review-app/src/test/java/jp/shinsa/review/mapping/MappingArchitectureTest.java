package jp.shinsa.review.mapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The mapping feature's place among the features: it depends on {@code application}'s services, and
 * {@code application} knows it only through {@code RowRemapper}; only its services and records are
 * public, and its own code has no view in it.
 */
class MappingArchitectureTest {
    private static final JavaClasses REVIEW_APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("jp.shinsa.review");

    @Test
    void should_not_be_known_to_the_application_feature_except_through_its_remapper() {
        noClasses().that().resideInAPackage("jp.shinsa.review.application")
                .should().dependOnClassesThat().resideInAPackage("jp.shinsa.review.mapping..")
                .check(REVIEW_APP);
    }

    @Test
    void should_keep_views_out_of_the_service_package() {
        noClasses().that().resideInAPackage("jp.shinsa.review.mapping")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "jp.shinsa.review..ui..")
                .check(REVIEW_APP);
    }

    @Test
    void should_make_public_only_services_and_records() {
        classes().that().resideInAPackage("jp.shinsa.review.mapping").and().arePublic()
                .should().beAssignableTo(Record.class).orShould().haveSimpleNameEndingWith("Service")
                .check(REVIEW_APP);
        classes().that().resideInAPackage("jp.shinsa.review.mapping.ui").should().notBePublic().check(REVIEW_APP);
    }
}
