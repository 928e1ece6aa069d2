package dev.optimlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The package rules of docs/architecture.md: who may import whom. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.optimlab");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    @DisplayName("the torch core depends on nothing but the JDK")
    void torch_depends_only_on_the_jdk() {
        check(classes().that().resideInAPackage("dev.optimlab.torch..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.optimlab.torch..", "java.."));
    }

    @Test
    @DisplayName("pylite depends only on the JDK and the torch core")
    void pylite_depends_only_on_torch_and_the_jdk() {
        check(classes().that().resideInAPackage("dev.optimlab.pylite..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.optimlab.pylite..", "dev.optimlab.torch..", "java.."));
    }

    @Test
    @DisplayName("explore computes on the torch core, and on pylite only to evaluate a lambda the learner types")
    void explore_depends_only_on_the_engines() {
        check(noClasses().that().resideInAPackage("dev.optimlab.explore..").and().resideOutsideOfPackage("dev.optimlab.explore.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.runs..",
                        "dev.optimlab.course..", "dev.optimlab.progress..", "dev.optimlab.classroom..", "dev.optimlab.security..",
                        "dev.optimlab.settings.."));
    }

    @Test
    @DisplayName("runs sits on pylite and torch, below the course")
    void runs_does_not_depend_on_features_above_it() {
        check(noClasses().that().resideInAPackage("dev.optimlab.runs..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.course..", "dev.optimlab.progress..",
                        "dev.optimlab.classroom..", "dev.optimlab.explore..", "dev.optimlab.security..", "dev.optimlab.settings.."));
    }

    @Test
    @DisplayName("site settings hand values to the run service and depend on no other feature; only their views know who is signed in")
    void settings_depend_only_on_runs() {
        check(noClasses().that().resideInAPackage("dev.optimlab.settings..").and().resideOutsideOfPackage("dev.optimlab.settings.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.course..", "dev.optimlab.progress..",
                        "dev.optimlab.classroom..", "dev.optimlab.explore..", "dev.optimlab.security..", "dev.optimlab.pylite.."));
        check(noClasses().that().resideInAPackage("dev.optimlab.settings.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.course..", "dev.optimlab.progress..",
                        "dev.optimlab.classroom..", "dev.optimlab.explore..", "dev.optimlab.pylite.."));
    }

    @Test
    @DisplayName("the course does not depend on progress or classrooms")
    void course_does_not_depend_on_features_above_it() {
        check(noClasses().that().resideInAPackage("dev.optimlab.course..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.progress..", "dev.optimlab.classroom..",
                        "dev.optimlab.security..", "dev.optimlab.settings.."));
    }

    @Test
    @DisplayName("progress does not depend on classrooms")
    void progress_does_not_depend_on_classroom() {
        check(noClasses().that().resideInAPackage("dev.optimlab.progress..")
                .should().dependOnClassesThat().resideInAPackage("dev.optimlab.classroom.."));
    }

    @Test
    @DisplayName("security depends on no feature")
    void security_depends_on_no_feature() {
        check(noClasses().that().resideInAPackage("dev.optimlab.security..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.course..", "dev.optimlab.progress..",
                        "dev.optimlab.classroom..", "dev.optimlab.runs..", "dev.optimlab.explore..", "dev.optimlab.pylite..",
                        "dev.optimlab.settings.."));
    }

    @Test
    @DisplayName("nothing depends on the composition root")
    void nothing_depends_on_app() {
        check(noClasses().that().resideOutsideOfPackage("dev.optimlab.app..")
                .should().dependOnClassesThat().resideInAPackage("dev.optimlab.app.."));
    }

    @Test
    @DisplayName("no code outside a ui package depends on a ui package")
    void domain_should_not_depend_on_the_ui() {
        check(noClasses().that().resideOutsideOfPackage("..ui..").and().resideOutsideOfPackage("dev.optimlab.app..")
                .should().dependOnClassesThat().resideInAPackage("..ui.."));
    }

    @Test
    @DisplayName("generic components in base.ui depend on no feature")
    void base_ui_depends_on_no_feature() {
        check(noClasses().that().resideInAPackage("dev.optimlab.base..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.optimlab.course..", "dev.optimlab.progress..",
                        "dev.optimlab.classroom..", "dev.optimlab.runs..", "dev.optimlab.explore..", "dev.optimlab.security..",
                        "dev.optimlab.pylite..", "dev.optimlab.torch..", "dev.optimlab.settings.."));
    }

    @Test
    @DisplayName("the engines never see Spring or Vaadin")
    void engines_do_not_depend_on_frameworks() {
        check(noClasses().that().resideInAnyPackage("dev.optimlab.torch..", "dev.optimlab.pylite..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin.."));
    }

    @Test
    @DisplayName("top-level packages have no cycles")
    void no_cycles_between_top_level_packages() {
        check(slices().matching("dev.optimlab.(*)..").should().beFreeOfCycles());
    }
}
