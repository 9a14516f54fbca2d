package dev.silkscreen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: model ← logic (decode, capture, sim, trace, live, filter) ← pipeline ← ui | cli.
 * The pipeline (scenario, capture-file and live sources, one live session) runs without the toolkit,
 * so the CLI and the desktop program share it.
 */
@AnalyzeClasses(packages = "dev.silkscreen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static DescribedPredicate<JavaClass> doNotDependOnJavaFx() {
        return DescribedPredicate.describe("do not use JavaFX", c -> c.getDirectDependenciesFromSelf().stream()
                .noneMatch(d -> d.getTargetClass().getPackageName().startsWith("javafx")));
    }

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.silkscreen.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.silkscreen.decode..", "dev.silkscreen.capture..", "dev.silkscreen.sim..",
                    "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..", "dev.silkscreen.pipeline..",
                    "dev.silkscreen.ui..", "dev.silkscreen.cli..");

    @ArchTest
    static final ArchRule logicDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.silkscreen.pipeline..", "dev.silkscreen.ui..",
                    "dev.silkscreen.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule pipelineServesUiAndCliAlike = noClasses()
            .that().resideInAPackage("dev.silkscreen.pipeline..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.silkscreen.ui..", "dev.silkscreen.cli..", "javafx..");

    /**
     * Code under ui that needs no toolkit and drives the pipeline's stages (the correlator, capture
     * readers, live streams, discovery) belongs in the pipeline package, where the CLI can use it.
     */
    @ArchTest
    static final ArchRule noToolkitFreePipelineCodeUnderUi = noClasses()
            .that().resideInAPackage("dev.silkscreen.ui..")
            .and(doNotDependOnJavaFx())
            .should().dependOnClassesThat().resideInAnyPackage("dev.silkscreen.trace..", "dev.silkscreen.capture..",
                    "dev.silkscreen.live.stream..", "dev.silkscreen.live.discover..");

    @ArchTest
    static final ArchRule logicHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.model..", "dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.filter..",
                    "dev.silkscreen.pipeline..")
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

    /** Every package, ui and each of its feature packages apart, is free of cycles. */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.silkscreen.(**)").should().beFreeOfCycles();

    /** SSH is the bottom of live: profiles, discovery and streams use it, it uses none of them. */
    @ArchTest
    static final ArchRule sshKnowsNothingOfProfilesOrStreams = noClasses()
            .that().resideInAPackage("dev.silkscreen.live.ssh..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.silkscreen.live.profile..", "dev.silkscreen.live.discover..", "dev.silkscreen.live.stream..");

    @ArchTest
    static final ArchRule traceDoesNotReachIntoTheSimulator = noClasses()
            .that().resideInAPackage("dev.silkscreen.trace..")
            .should().dependOnClassesThat().resideInAPackage("dev.silkscreen.sim..");
}
