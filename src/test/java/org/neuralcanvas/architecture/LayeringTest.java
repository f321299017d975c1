package org.neuralcanvas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN.md, checked on the compiled main classes. */
@AnalyzeClasses(packages = "org.neuralcanvas", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses().that().resideInAPackage("org.neuralcanvas.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.deeplearning4j..", "org.nd4j..",
                    "com.fasterxml..", "org.controlsfx..", "org.jfree..", "org.eclipse.elk..")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.neuralcanvas.project..",
                    "org.neuralcanvas.dataset..", "org.neuralcanvas.engine..", "org.neuralcanvas.export..",
                    "org.neuralcanvas.ui..", "org.neuralcanvas.cli..");

    @ArchTest
    static final ArchRule onlyTheEngineUsesDl4j = noClasses().that().resideOutsideOfPackage("org.neuralcanvas.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.deeplearning4j..");

    @ArchTest
    static final ArchRule onlyEngineAndDatasetsUseNd4j = noClasses()
            .that().resideOutsideOfPackages("org.neuralcanvas.engine..", "org.neuralcanvas.dataset..")
            .should().dependOnClassesThat().resideInAPackage("org.nd4j..");

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFxScenes = noClasses().that().resideOutsideOfPackage("org.neuralcanvas.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..",
                    "org.controlsfx..", "org.jfree.chart.fx..", "org.jfree.fx..");

    @ArchTest
    static final ArchRule nothingBelowTheUiReachesUp = noClasses().that().resideOutsideOfPackage("org.neuralcanvas.ui..")
            .should().dependOnClassesThat().resideInAPackage("org.neuralcanvas.ui..");

    @ArchTest
    static final ArchRule projectReadsOnlyTheDomain = noClasses().that().resideInAPackage("org.neuralcanvas.project..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neuralcanvas.dataset..", "org.neuralcanvas.engine..",
                    "org.neuralcanvas.export..", "org.neuralcanvas.cli..");

    @ArchTest
    static final ArchRule exportIsEngineFree = noClasses().that().resideInAPackage("org.neuralcanvas.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neuralcanvas.engine..", "org.neuralcanvas.dataset..");

    @ArchTest
    static final ArchRule datasetsKnowNothingOfTheEngine = noClasses().that().resideInAPackage("org.neuralcanvas.dataset..")
            .should().dependOnClassesThat().resideInAnyPackage("org.neuralcanvas.engine..", "org.neuralcanvas.export..");

    /** The layers (domain, project, dataset, engine, export, ui, cli) depend on each other one way only. */
    @ArchTest
    static final ArchRule layersAreFreeOfCycles = slices().matching("org.neuralcanvas.(*)..").should().beFreeOfCycles();

    /**
     * The window's parts neither: features (canvas, inspector, training, results, exchange, …) depend on the shared
     * document state ({@code ui.document}) and the common controls, never on the composition root ({@code ui.main})
     * or, in a circle, on each other.
     */
    @ArchTest
    static final ArchRule windowPartsAreFreeOfCycles = slices().matching("org.neuralcanvas.ui.(*)..").should()
            .beFreeOfCycles();

    /** The composition root is reached only from the app's entry points and the window benchmark that opens it. */
    @ArchTest
    static final ArchRule featuresDoNotReachTheCompositionRoot = noClasses().that().resideInAPackage("org.neuralcanvas.ui..")
            .and().resideOutsideOfPackages("org.neuralcanvas.ui.main..", "org.neuralcanvas.ui.bench..")
            .should().dependOnClassesThat().resideInAPackage("org.neuralcanvas.ui.main..");
}
