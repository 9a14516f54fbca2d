package dev.silkscreen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: model ← logic (decode, capture, sim, trace, live) ← ui | cli. */
@AnalyzeClasses(packages = "dev.silkscreen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule modelDependsOnNothingOfOurs = noClasses()
            .that().resideInAPackage("dev.silkscreen.model..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.silkscreen.decode..", "dev.silkscreen.capture..", "dev.silkscreen.sim..",
                    "dev.silkscreen.trace..", "dev.silkscreen.live..", "dev.silkscreen.ui..", "dev.silkscreen.cli..");

    @ArchTest
    static final ArchRule logicDoesNotReachOutward = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.silkscreen.ui..", "dev.silkscreen.cli..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule logicHasNoJavaFx = noClasses()
            .that().resideInAnyPackage("dev.silkscreen.model..", "dev.silkscreen.decode..", "dev.silkscreen.capture..",
                    "dev.silkscreen.sim..", "dev.silkscreen.trace..", "dev.silkscreen.live..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..");

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
}
