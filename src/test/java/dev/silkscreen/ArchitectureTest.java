package dev.silkscreen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: model ← logic (decode, capture, sim, trace, live, filter) ← ui | cli. */
@AnalyzeClasses(packages = "dev.silkscreen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.silkscreen.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.silkscreen.decode..", "dev.silkscreen.capture..", "dev.silkscreen.sim..",
                    "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..", "dev.silkscreen.ui..", "dev.silkscreen.cli..");

    @ArchTest
    static final ArchRule logicDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.silkscreen.ui..", "dev.silkscreen.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule logicHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.model..", "dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

    /** The filter language reads frames and journeys; the decoder and the correlator know nothing of it. */
    @ArchTest
    static final ArchRule decodeAndTraceDoNotKnowTheFilterLanguage = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.decode..", "dev.silkscreen.trace..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.live..")
            .should().dependOnClassesThat().resideInAPackage("dev.silkscreen.filter..");

    @ArchTest
    static final ArchRule uiDoesNotUseCli = noClasses()
            .that().resideInAPackage("dev.silkscreen.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.silkscreen.cli..");

    /** Only the snapshot verb may render (headless); every other verb must run with no display. */
    @ArchTest
    static final ArchRule cliStaysOffTheToolkit = noClasses()
            .that().resideInAPackage("dev.silkscreen.cli..")
            .and().doNotHaveSimpleName("SnapshotCommand")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.silkscreen.ui..");
}
