package org.neuralcanvas.project.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.ModelSummary;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.project.Project;

class TemplatesTest {

    private final Templates templates = new Templates();

    private long params(String id) {
        Project p = templates.find(id).orElseThrow().newProject();
        InferenceResult r = ShapeInference.infer(p.graph());
        assertTrue(r.isValid(), id + ": " + r.problems());
        return ModelSummary.of(p.graph(), r).totalParams();
    }

    @Test
    void everyTemplateHasTheParameterCountKerasPrints() {
        assertEquals(407_050, params("mnist_mlp"));
        assertEquals(7_114, params("keras_quickstart"));
        assertEquals(1_199_882, params("mnist_cnn"));
        assertEquals(23_242, params("lstm_sequences"));
        assertEquals(5_121, params("boston_housing"));
        assertEquals(160_305, params("imdb"));
        assertEquals(647_214, params("reuters"));
        assertEquals(21, params("logistic_regression"));
        assertEquals(2, params("linear_regression"));
        assertEquals(4_138, params("functional_branches"));
        // Embedding 10000·32, GRU 3·32·(32 + 32) + 2·3·32 (reset_after=True), Dense 33.
        assertEquals(326_369, params("imdb_gru"));
        // Conv2D 3·3·32 + 32, SeparableConv2D 3·3·32 + 32·64 + 64, Dense 64·10 + 10.
        assertEquals(3_370, params("mnist_separable_cnn"));
        // Conv2D 3·3·16 + 16, Conv2D 3·3·16·8 + 8, Conv2DTranspose 3·3·8·8 + 8, Conv2D 3·3·8 + 1.
        assertEquals(1_977, params("mnist_conv_autoencoder"));
    }

    @Test
    void templatesTrainOnTheAgreedDatasets() {
        Map<String, String> datasets = templates.all().stream()
                .collect(Collectors.toMap(Template::id, t -> t.dataset().datasetId()));
        assertEquals(Map.ofEntries(Map.entry("mnist_mlp", "mnist"), Map.entry("keras_quickstart", "synthetic_classes"),
                Map.entry("mnist_cnn", "mnist"), Map.entry("lstm_sequences", "synthetic_sequences"),
                Map.entry("boston_housing", "boston_housing"), Map.entry("imdb", "imdb"), Map.entry("reuters", "reuters"),
                Map.entry("logistic_regression", "synthetic_logistic"), Map.entry("linear_regression", "synthetic_linear"),
                Map.entry("functional_branches", "synthetic_classes"), Map.entry("imdb_gru", "imdb"),
                Map.entry("mnist_separable_cnn", "mnist"), Map.entry("mnist_conv_autoencoder", "mnist")), datasets);
    }

    @Test
    void regressionTemplatesUseMeanSquaredErrorAndClassifiersCrossEntropy() {
        assertEquals("mse", templates.find("boston_housing").orElseThrow().settings().loss());
        assertEquals("binary_crossentropy", templates.find("imdb").orElseThrow().settings().loss());
        assertEquals("categorical_crossentropy", templates.find("mnist_cnn").orElseThrow().settings().loss());
        assertEquals(512, templates.find("imdb").orElseThrow().settings().batchSize());
    }

    @Test
    void eachNewProjectGetsItsOwnGraph() {
        Template t = templates.find("mnist_mlp").orElseThrow();
        assertNotSame(t.newProject().graph(), t.newProject().graph());
    }

    @Test
    void theFunctionalTemplateMergesTwoBranches() {
        Project p = templates.find("functional_branches").orElseThrow().newProject();
        var concat = p.graph().findByName("concatenate").orElseThrow();
        assertEquals(2, p.graph().incoming(concat.id()).size());
    }

    @Test
    void theTutorialTemplatesCarryTheirPublishedResultAndTheOthersNone() {
        Map<String, String> published = templates.all().stream().filter(t -> t.published() != null)
                .collect(Collectors.toMap(Template::id, t -> t.published().metric() + " " + t.published().low() + "–"
                        + t.published().high()));
        assertEquals(Map.of("mnist_mlp", "accuracy 0.975–0.981", "mnist_cnn", "accuracy 0.989–0.993",
                "imdb", "accuracy 0.875–0.895", "reuters", "accuracy 0.77–0.8", "boston_housing", "mae 2.5–2.9"),
                published);
        for (Template t : templates.all()) {
            if (t.published() != null) {
                assertEquals(t.dataset().datasetId(), t.published().datasetId(), t.id());
                assertTrue(t.published().settings().keySet().containsAll(java.util.List.of("epochs", "batch_size",
                        "optimizer")), t.id());
            }
        }
    }

    @Test
    void aProjectMadeFromATemplateRemembersItsPublishedResult() {
        Template t = templates.find("imdb").orElseThrow();
        assertEquals(t.published(), t.newProject().published().orElseThrow());
        assertTrue(templates.find("keras_quickstart").orElseThrow().newProject().published().isEmpty());
    }
}
