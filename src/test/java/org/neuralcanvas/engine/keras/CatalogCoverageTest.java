package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamKeys;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.engine.SampleModels;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.compile.Dl4jLosses;
import org.neuralcanvas.engine.compile.Dl4jMappings;
import org.neuralcanvas.engine.compile.Dl4jUpdaters;
import org.neuralcanvas.export.KerasCodeExporter;
import org.neuralcanvas.export.keras.KerasLayerCode;
import org.neuralcanvas.project.LossKind;
import org.neuralcanvas.project.Losses;
import org.neuralcanvas.project.OptimizerKind;
import org.neuralcanvas.project.OptimizerParam;
import org.neuralcanvas.project.OptimizerSettings;
import org.neuralcanvas.project.Optimizers;
import org.neuralcanvas.project.TrainingSettings;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Every layer kind, optimizer and loss the catalog declares is complete in every view that reads it: it compiles
 * (a DL4J mapping; the shapes are CompileParityTest's), its parameters survive Keras's config and our importer,
 * an exported script writes the arguments Keras requires, its weights (if any) go to Keras's layout and back,
 * and the palette has its icon and its sentence in both languages. Adding a kind without one of these fails
 * here with a sentence naming what is missing.
 */
class CatalogCoverageTest {

    static Stream<LayerKind> layerKinds() {
        return LayerCatalog.standard().kinds().stream().filter(k -> !k.isInput());
    }

    @Test
    void everyKindHasItsDl4jMapping() {
        assertEquals(List.of(), Dl4jMappings.kindsWithoutMapping(),
                "layer kinds without a DL4J mapping: add one in engine.compile (CoreMappings, ConvolutionMappings...)");
        assertEquals(List.of(), Dl4jMappings.mappingsWithoutKind(), "DL4J mappings of kinds the catalog lacks");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerKinds")
    void parametersSurviveKerasConfigAndOurImporter(LayerKind kind) throws Exception {
        LayerNode node = new LayerNode("n1", kind, kind.nameBase() + "_7", varied(kind), 0, 0);
        ObjectNode config = KerasConfigWriter.config(node);
        KerasLayerMapper.Mapped mapped = KerasLayerMapper.map(new KerasLayerConfig(node.name(), kind.kerasName(),
                config, List.of(), 1));
        if (kind.param(ParamKeys.TIME_DISTRIBUTED.name()).isPresent()) {
            // The switch is Keras's TimeDistributed wrapper, written around the layer's config.
            var wrapper = KerasConfigWriter.timeDistributed(node);
            mapped = KerasLayerMapper.map(new KerasLayerConfig(node.name(), "TimeDistributed", wrapper, List.of(), 1));
            assertEquals(true, mapped.params().get(ParamKeys.TIME_DISTRIBUTED.name()), kind + " in TimeDistributed");
            mapped.params().put(ParamKeys.TIME_DISTRIBUTED.name(), node.params().get(ParamKeys.TIME_DISTRIBUTED.name()));
        }
        KerasLayerMapper.Mapped read = mapped;
        assertEquals(kind.kerasName(), read.kind(), () -> kind + " is imported as another kind from " + config);
        assertEquals(node.params(), LayerParams.of(read.params()),
                () -> kind + ": the importer does not read back what the writer wrote: " + config);
        for (String alias : kind.kerasAliases()) {
            assertEquals(kind.kerasName(), KerasLayerMapper.map(new KerasLayerConfig(node.name(), alias, config,
                    List.of(), 1)).kind(), kind + ": files naming it " + alias);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerKinds")
    void exportedScriptsWriteEveryArgumentKerasRequires(LayerKind kind) {
        LayerNode node = new LayerNode("n1", kind, kind.nameBase(), kind.defaults(), 0, 0);
        String code = KerasLayerCode.constructor(node);
        assertTrue(code.startsWith("layers." + kind.kerasName() + "("), code);
        for (ParamSpec spec : kind.params()) {
            if (spec.keras().required()) {
                // A wrapper's layer is its first, positional argument: Bidirectional(layers.LSTM(...)).
                String written = spec.name().equals("layer") ? "(layers." + node.params().get(spec.name()) + "("
                        : spec.name() + "=";
                assertTrue(code.contains(written), () -> kind + " must write " + spec.name() + ": " + code);
            }
        }
    }

    @Test
    void everyKindWithWeightsGoesToKerasLayoutAndBack() {
        List<String> withWeights = new ArrayList<>();
        for (SampleModels.SampleModel sample : SampleModels.all()) {
            Compilation c = Dl4jCompiler.compile(sample.graph(), TrainingSettings.defaults().withLoss(sample.loss()));
            assertTrue(c.ok(), () -> sample.title() + ": " + c.problems());
            ComputationGraph net = new ComputationGraph(c.model().configuration());
            net.init();
            for (NodeResult r : c.model().inference().order()) {
                LayerNode node = r.node();
                if (r.params().total() == 0) {
                    continue;
                }
                withWeights.add(node.kind().kerasName());
                var vertex = net.getVertex(node.name());
                var conf = vertex.hasLayer() ? vertex.getLayer().conf().getLayer() : null;
                Map<String, INDArray> params = org.neuralcanvas.engine.compile.NodeParams.of(net, node.name());
                assertTrue(KerasWeightLayouts.covers(node.kind().kerasName()),
                        () -> node.kind() + " has weights but no layout in KerasWeightLayouts: files of it would open "
                                + "without their weights");
                List<KerasArray> keras = KerasWeightLayouts.toKeras(node, params, conf);
                Map<String, long[]> target = new LinkedHashMap<>();
                params.forEach((name, a) -> target.put(name, a.shape()));
                Map<String, INDArray> back = assertDoesNotThrowMismatch(() -> KerasWeightLayouts.convert(node, keras,
                        target, conf), node.kind().kerasName());
                assertEquals(params.keySet(), back.keySet(), node.kind().kerasName());
                params.forEach((name, a) -> assertTrue(a.reshape(back.get(name).shape()).equalsWithEps(back.get(name),
                        1e-6), () -> node.kind() + ": " + name + " changes on its way to Keras and back"));
            }
        }
        for (LayerKind kind : LayerCatalog.standard().kinds()) {
            if (KerasWeightLayouts.covers(kind.kerasName())) {
                assertTrue(withWeights.contains(kind.kerasName()),
                        kind + " has a weight layout that no sample model checks: add it to SampleModels");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layerKinds")
    void paletteHasItsIconAndItsSentenceInEnglishAndChinese(LayerKind kind) {
        assertTrue(Files.exists(Path.of("icons", kind.kerasName() + ".png")),
                kind + " has no icon: run ui.tool.IconGenerator (mvn exec or its main) to draw icons/");
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            ResourceBundle b = ResourceBundle.getBundle("org.neuralcanvas.ui.messages", locale);
            assertTrue(b.containsKey("palette.tip." + kind.kerasName()),
                    kind + " has no palette.tip sentence saying what it does (" + locale + ")");
        }
    }

    @Test
    void everyOptimizerHasItsUpdaterAndItsArgumentsSurviveKerasConfig() {
        for (OptimizerKind kind : Optimizers.all()) {
            OptimizerSettings o = kind.defaults();
            for (OptimizerParam p : kind.params()) {
                // Every argument off its default, within its range (one clipping at a time: DL4J clips one way).
                if (p.name().equals("clipvalue")) {
                    continue;
                }
                o = o.with(p.name(), p.isFlag() ? !(Boolean) p.kerasDefault()
                        : ((Number) p.kerasDefault()).doubleValue() > 0 ? ((Number) p.kerasDefault()).doubleValue() / 2
                        : 0.5);
            }
            assertNotNull(Dl4jUpdaters.of(o), kind.name() + " has no DL4J updater");
            TrainingSettings settings = TrainingSettings.defaults().withOptimizer(o);
            TrainingSettings back = TrainingConfigReader.read(KerasConfigWriter.compile(settings).toString());
            assertEquals(o, back.optimizer(), kind.name() + ": arguments lost through Keras's compile_config");
            String code = KerasCodeExporter.optimizer(o);
            for (OptimizerParam p : kind.params()) {
                if (!p.isDefault(o.value(p.name())) && !p.name().equals("decay")) {
                    assertTrue(code.contains(p.name() + "="), kind.name() + " must write " + p.name() + ": " + code);
                }
            }
        }
        OptimizerSettings clipped = Optimizers.SGD.defaults().with("clipvalue", 0.5);
        assertEquals(clipped, TrainingConfigReader.read(KerasConfigWriter.compile(TrainingSettings.defaults()
                .withOptimizer(clipped)).toString()).optimizer());
    }

    @Test
    void everyLossHasItsDl4jLossAndIsReadBackFromEachSpelling() {
        for (LossKind loss : Losses.all()) {
            assertNotNull(Dl4jLosses.of(loss.name()), loss.name() + " has no DL4J loss function");
            for (String spelling : loss.aliases()) {
                String json = "{\"loss\": \"" + spelling + "\"}";
                assertEquals(loss.name(), TrainingConfigReader.read(json).loss(), spelling);
            }
        }
    }

    /** Every parameter off its default where another valid value exists, so a lost argument shows. */
    static LayerParams varied(LayerKind kind) {
        LayerParams p = kind.defaults();
        for (ParamSpec spec : kind.params()) {
            for (Object candidate : candidates(spec)) {
                if (!java.util.Objects.equals(candidate, spec.defaultValue()) && spec.validate(candidate) == null) {
                    p = p.with(spec.name(), candidate);
                    break;
                }
            }
        }
        return p;
    }

    private static List<Object> candidates(ParamSpec spec) {
        Object d = spec.defaultValue();
        return switch (spec.type()) {
            case INT -> List.of((Integer) d + 1);
            case FLOAT -> {
                List<Object> out = new ArrayList<>();
                if (d != null) {
                    out.add((Double) d / 2);
                    out.add((Double) d + 0.25);
                }
                out.add(0.25);
                yield out;
            }
            case BOOL -> List.of(!(Boolean) d);
            case CHOICE -> List.copyOf(spec.choices());
            case REGULARIZER -> List.of("l1_l2(l1=0.01, l2=0.001)");
            case INT_TUPLE -> {
                List<Integer> base = d == null ? java.util.Collections.nCopies(spec.maxLength(), 1) : (List<Integer>) d;
                yield List.of(base.stream().map(v -> v + 1).toList(), base);
            }
        };
    }

    private interface Conversion {
        Map<String, INDArray> run() throws KerasWeightLayouts.Mismatch;
    }

    private static Map<String, INDArray> assertDoesNotThrowMismatch(Conversion c, String kind) {
        try {
            return c.run();
        } catch (KerasWeightLayouts.Mismatch e) {
            throw new AssertionError(kind + ": its own Keras arrays do not fit it: " + e.getMessage(), e);
        }
    }
}
