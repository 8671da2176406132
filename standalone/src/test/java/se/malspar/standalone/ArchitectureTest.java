package se.malspar.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries, checked on the compiled classes of every module. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.malspar");

    @Test
    void commandSideDoesNotDependOnQuerySide() {
        noClasses().that().resideInAPackage("se.malspar.command..")
                .should().dependOnClassesThat().resideInAPackage("se.malspar.query..")
                .check(CLASSES);
    }

    @Test
    void querySideDoesNotDependOnCommandSide() {
        noClasses().that().resideInAPackage("se.malspar.query..")
                .should().dependOnClassesThat().resideInAPackage("se.malspar.command..")
                .check(CLASSES);
    }

    @Test
    void sharedKernelHasNoSpringNorJpa() {
        noClasses().that().resideInAPackage("se.malspar.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void sharedKernelAndPlatformDoNotDependOnEitherSide() {
        noClasses().that().resideInAnyPackage("se.malspar.kernel..", "se.malspar.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("se.malspar.command..", "se.malspar.query..",
                        "se.malspar.standalone..")
                .check(CLASSES);
    }

    /** security builds on web (problem details), never the other way round; and so for every platform package. */
    @Test
    void platformPackagesDoNotDependOnEachOtherInACycle() {
        slices().matching("se.malspar.platform.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The aggregates answer with their own types; the web layer depends on them, not they on it. */
    @Test
    void aggregatesDoNotDependOnTheWebLayer() {
        noClasses().that().areAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class)
                .should().dependOnClassesThat().resideInAnyPackage("se.malspar.command.admin..",
                        "org.springframework.web..", "org.springframework.http..", "se.malspar.platform.web..")
                .check(CLASSES);
    }

    /**
     * Every event is a public record with a revision, so that it can evolve by upcasters and clients
     * (the OpenAPI document's audit events) know it: every kernel type an event handler takes.
     */
    @Test
    void everyEventHandledAnywhereCarriesARevision() {
        Set<String> events = new TreeSet<>();
        for (var type : CLASSES) {
            for (var method : type.getMethods()) {
                boolean handler = method.isAnnotatedWith(EventHandler.class)
                        || method.isAnnotatedWith(EventSourcingHandler.class);
                if (handler && !method.getRawParameterTypes().isEmpty()) {
                    var event = method.getRawParameterTypes().get(0);
                    if (event.getPackageName().startsWith("se.malspar.kernel")) {
                        events.add(event.getName());
                        assertThat(event.isAnnotatedWith(Revision.class))
                                .as(event.getName() + " (handled by " + method.getFullName() + ") has no @Revision")
                                .isTrue();
                    }
                }
            }
        }
        assertThat(events).as("events found").hasSizeGreaterThan(25);
    }
}
