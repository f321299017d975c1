package org.neuralcanvas.engine.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuralcanvas.domain.graph.LayerNode;

/** Layer mapping and graph structure from model JSON alone: the forms Keras 2 and Keras 3 write. */
class KerasModelJsonTest {

    private final KerasImporter importer = new KerasImporter();

    private static String functional(String layers, String inputs, String outputs) {
        return ("{'class_name': 'Functional', 'config': {'name': 'm', 'layers': [" + layers + "], 'input_layers': "
                + inputs + ", 'output_layers': " + outputs + "}}").replace('\'', '"');
    }

    private static String layer(String name, String cls, String config, String inbound) {
        return "{'name': '" + name + "', 'class_name': '" + cls + "', 'config': {'name': '" + name + "'"
                + (config.isEmpty() ? "" : ", " + config) + "}, 'inbound_nodes': " + inbound + "}";
    }

    private static String k2(String... from) {
        StringBuilder sb = new StringBuilder("[[");
        for (int i = 0; i < from.length; i++) {
            sb.append(i > 0 ? ", " : "").append("['").append(from[i]).append("', 0, 0, {}]");
        }
        return sb.append("]]").toString();
    }

    private static String k3(String... from) {
        StringBuilder sb = new StringBuilder("[{'args': [[");
        for (int i = 0; i < from.length; i++) {
            sb.append(i > 0 ? ", " : "").append("{'class_name': '__keras_tensor__', 'config': {'shape': [null, 4], ")
                    .append("'dtype': 'float32', 'keras_history': ['").append(from[i]).append("', 0, 0]}}");
        }
        return sb.append("]], 'kwargs': {}}]").toString();
    }

    private static final String INPUT = layer("in", "InputLayer", "'batch_shape': [null, 4]", "[]");

    @Test
    void keras3InboundNodesAreFollowed() throws Exception {
        String json = functional(String.join(", ", INPUT,
                layer("a", "Dense", "'units': 4", k3("in")), layer("b", "Dense", "'units': 4", k3("in")),
                layer("sub", "Subtract", "", k3("a", "b"))), "[['in', 0, 0]]", "[['sub', 0, 0]]");
        KerasImportResult r = importer.importModelJson(json);
        var g = r.project().graph();
        LayerNode sub = g.findByName("sub").orElseThrow();
        assertEquals(List.of("a", "b"), g.incoming(sub.id()).stream().map(e -> g.node(e.from()).name()).toList());
        assertTrue(r.complete());
    }

    /**
     * Keras passes MultiHeadAttention's value by keyword ({@code mha(q, value=v)}): Keras 2 in the inbound entry's
     * last element, Keras 3 in {@code kwargs}. Both are the node's second input; {@code mha(x, value=x)} is
     * self-attention, one input.
     */
    @Test
    void tensorsPassedByKeywordAreInputsToo() throws Exception {
        String seq = layer("seq", "InputLayer", "'batch_input_shape': [null, 5, 4]", "[]");
        String other = layer("other", "InputLayer", "'batch_input_shape': [null, 3, 4]", "[]");
        String mha = "'num_heads': 2, 'key_dim': 3, 'value_dim': 3";
        String crossKeras2 = "[[['seq', 0, 0, {'value': ['other', 0, 0]}]]]";
        String tensor = "{'class_name': '__keras_tensor__', 'config': {'shape': [null, 3, 4], 'dtype': 'float32', "
                + "'keras_history': ['other', 0, 0]}}";
        String crossKeras3 = "[{'args': [" + tensor.replace("'other'", "'seq'").replace("[null, 3, 4]", "[null, 5, 4]")
                + "], 'kwargs': {'value': " + tensor + "}}]";
        List<String> files = new java.util.ArrayList<>();
        for (String crossInbound : List.of(crossKeras2, crossKeras3)) {
            files.add(functional(String.join(", ", seq, other,
                    layer("cross", "MultiHeadAttention", mha, crossInbound),
                    layer("self", "MultiHeadAttention", mha, "[[['cross', 0, 0, {'value': ['cross', 0, 0]}]]]")),
                    "[['seq', 0, 0], ['other', 0, 0]]", "[['self', 0, 0]]"));
        }
        assertTrue(files.get(1).contains("kwargs"));
        for (String json : files) {
            KerasImportResult r = importer.importModelJson(json);
            var g = r.project().graph();
            LayerNode cross = g.findByName("cross").orElseThrow();
            assertEquals(List.of("seq", "other"), g.incoming(cross.id()).stream().map(e -> g.node(e.from()).name())
                    .toList(), json);
            assertEquals(1, g.incoming(g.findByName("self").orElseThrow().id()).size());
            assertTrue(r.complete(), r.issues()::toString);
        }
    }

    @Test
    void keras3SequentialConfigOpens() throws Exception {
        String json = ("{'module': 'keras', 'class_name': 'Sequential', 'config': {'name': 'sequential', 'trainable': true, "
                + "'layers': [{'module': 'keras.layers', 'class_name': 'InputLayer', 'config': {'batch_shape': [null, 784], "
                + "'dtype': 'float32', 'sparse': false, 'name': 'input_layer'}, 'registered_name': null}, "
                + "{'module': 'keras.layers', 'class_name': 'Dense', 'config': {'name': 'dense', 'trainable': true, "
                + "'units': 64, 'activation': 'relu', 'use_bias': true, 'kernel_initializer': {'module': "
                + "'keras.initializers', 'class_name': 'GlorotUniform', 'config': {'seed': null}}}, 'registered_name': "
                + "null, 'build_config': {'input_shape': [null, 784]}}]}, 'registered_name': null}").replace('\'', '"');
        KerasImportResult r = importer.importModelJson(json);
        assertEquals(List.of("dense (Dense) (None, 64) 50240"),
                r.summary().rows().stream().map(x -> x.layer() + " " + x.outputShape() + " " + x.params()).toList());
        assertTrue(r.complete());
    }

    @Test
    void bidirectionalConv1dAndPoolingMapToOurKinds() throws Exception {
        String json = functional(String.join(", ",
                layer("in", "InputLayer", "'batch_input_shape': [null, 20, 8]", "[]"),
                layer("c", "Conv1D", "'filters': 16, 'kernel_size': [3], 'strides': [1], 'padding': 'same', "
                        + "'activation': 'relu', 'dilation_rate': [1], 'data_format': 'channels_last'", k2("in")),
                layer("p", "MaxPooling1D", "'pool_size': [2], 'strides': null, 'padding': 'valid'", k2("c")),
                layer("bi", "Bidirectional", "'merge_mode': 'sum', 'layer': {'class_name': 'LSTM', 'config': "
                        + "{'name': 'lstm', 'units': 8, 'return_sequences': false, 'activation': 'tanh', "
                        + "'recurrent_activation': 'sigmoid'}}", k2("p"))),
                "[['in', 0, 0]]", "[['bi', 0, 0]]");
        KerasImportResult r = importer.importModelJson(json);
        List<String> rows = r.summary().rows().stream().map(x -> x.layer() + " " + x.outputShape() + " " + x.params())
                .toList();
        assertEquals(List.of("c (Conv1D) (None, 20, 16) 400", "p (MaxPooling1D) (None, 10, 16) 0",
                "bi (Bidirectional) (None, 8) 1600"), rows);
    }

    /** Keras's masks open as they are: Embedding's mask_zero and Masking's mask_value, with no change to note. */
    @Test
    void masksOpenAsTheyAre() throws Exception {
        String json = functional(String.join(", ",
                layer("in", "InputLayer", "'batch_input_shape': [null, 20]", "[]"),
                layer("e", "Embedding", "'input_dim': 100, 'output_dim': 8, 'mask_zero': true", k2("in")),
                layer("g", "GRU", "'units': 4, 'return_sequences': false", k2("e")),
                layer("in2", "InputLayer", "'batch_input_shape': [null, 10, 3]", "[]"),
                layer("m", "Masking", "'mask_value': -1.0", k2("in2")),
                layer("l", "LSTM", "'units': 4", k2("m")),
                layer("c", "Concatenate", "'axis': -1", "[[['g', 0, 0, {}], ['l', 0, 0, {}]]]")),
                "[['in', 0, 0], ['in2', 0, 0]]", "[['c', 0, 0]]");
        KerasImportResult r = importer.importModelJson(json);
        assertTrue(r.complete(), r.issues()::toString);
        assertEquals(Boolean.TRUE, r.project().graph().findByName("e").orElseThrow().params().get("mask_zero"));
        assertEquals(-1.0, r.project().graph().findByName("m").orElseThrow().params().get("mask_value"));
        assertEquals(List.of(), org.neuralcanvas.domain.shape.ShapeInference.infer(r.project().graph()).problems(),
                "both readers can skip the padded steps");
    }

    @Test
    void whatWeCannotRepresentIsReportedByNameAndType() throws Exception {
        String json = functional(String.join(", ", INPUT,
                layer("lam", "Lambda", "'function': ['4wEAAAAAAAAA', null, null]", k2("in")),
                layer("cf", "Conv2D", "'filters': 2, 'kernel_size': [1, 1], 'data_format': 'channels_first'", k2("lam")),
                layer("shared", "Dense", "'units': 4", "[[['in', 0, 0, {}]], [['lam', 0, 0, {}]]]"),
                layer("d", "Dense", "'units': 2, 'kernel_regularizer': {'class_name': 'L2', 'config': {'l2': 0.01}}, "
                        + "'activity_regularizer': {'class_name': 'L2', 'config': {'l2': 0.01}}, "
                        + "'kernel_constraint': {'class_name': 'MaxNorm', 'config': {'max_value': 2}}",
                        k2("shared"))), "[['in', 0, 0]]", "[['d', 0, 0]]");
        KerasImportResult r = importer.importModelJson(json);
        List<String> messages = r.issues().stream().map(ImportIssue::message).toList();
        assertTrue(messages.contains("lam (Lambda) was left out: a Lambda layer holds Python code, which NeuralCanvas "
                + "never runs. The layers after it now read its input; put a layer of your own in its place."), messages::toString);
        assertTrue(messages.contains("cf (Conv2D): it read channels-first data; here it reads channels-last (height, "
                + "width, channels), with its weights converted to match."), messages::toString);
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("shared (Dense) was left out: the model calls it 2 times")));
        // The regularizers are Dense arguments we keep, the one on its output too; a constraint on the kernel is not.
        assertTrue(messages.contains("d (Dense): kernel_constraint is not kept."), messages::toString);
        assertTrue(messages.stream().noneMatch(m -> m.contains("activity_regularizer")), messages::toString);
        assertEquals("l2(0.01)", r.project().graph().findByName("d").orElseThrow().params().get("activity_regularizer"));
        assertFalse(r.complete());
        assertEquals("l2(0.01)", r.project().graph().findByName("d").orElseThrow().params().get("kernel_regularizer"));
    }

    @Test
    void notAKerasModelIsASentence() {
        KerasImportException e = assertThrows(KerasImportException.class,
                () -> importer.importModelJson("{\"class_name\": \"Tokenizer\", \"config\": {}}"));
        assertEquals("The file holds a Keras 'Tokenizer' model; NeuralCanvas opens Sequential and functional models "
                + "(keras.Model) only.", e.getMessage());
        assertThrows(KerasImportException.class, () -> importer.importModelJson("{not json"));
    }
}
