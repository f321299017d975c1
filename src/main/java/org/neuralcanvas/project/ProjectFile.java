package org.neuralcanvas.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.LayerCatalog;
import org.neuralcanvas.domain.layer.LayerKind;
import org.neuralcanvas.domain.layer.LayerParams;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.ParamType;

/**
 * The project file: JSON with a format name and version. Reading never changes anything on
 * disk and turns every kind of bad file into a {@link ProjectFileException} whose message names
 * the file and what is wrong with it. Writing is atomic ({@link AtomicFiles}).
 *
 * <p>Format 1: {@code {"format": "neuralcanvas-project", "version": 1, "graph": {"nodes": [...],
 * "edges": [...]}, "training": {...}, "dataset": {...}, "runs": [...]}}, and for a project made from a tutorial
 * template {@code "published": {...}} (its {@link PublishedResult}; absent in older files and in other projects, which
 * have none: an optional entry, so the format stays 1).
 */
public final class ProjectFile {

    public static final String FORMAT = "neuralcanvas-project";
    public static final int VERSION = 1;
    /** The usual file name ending. */
    public static final String EXTENSION = ".ncproj.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ProjectFile() {
    }

    /**
     * The largest project file read: a project of 2,000 layers with a long run history is well under a megabyte,
     * so anything bigger is not a project, and reading it whole could exhaust memory.
     */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    public static Project read(Path file) throws ProjectFileException {
        String name = file.getFileName().toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new ProjectFileException(file + " is a folder, not a project file. Choose a " + EXTENSION
                        + " file inside it.");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                // A pipe or a device: reading it could block forever.
                throw new ProjectFileException(name + " is not a regular file (it is a pipe, a socket or a device), "
                        + "so NeuralCanvas does not read it. Choose a " + EXTENSION + " file.");
            }
            long size = Files.exists(file) ? Files.size(file) : 0;
            if (size > MAX_BYTES) {
                throw new ProjectFileException(name + " is " + (size / (1024 * 1024)) + " MB, far more than "
                        + "any project (the limit is " + (MAX_BYTES / (1024 * 1024)) + " MB), so it is not read. "
                        + "Choose a " + EXTENSION + " file saved by NeuralCanvas.");
            }
            text = utf8Text(Files.readAllBytes(file), name);
            AtomicFiles.removeStaleTemps(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException("The project file " + file + " does not exist.", e);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(name + " could not be read: this user may not read it (permission denied). "
                    + "Copy it somewhere you own, or ask for read permission.", e);
        } catch (IOException e) {
            String why = e.getMessage() == null || e.getMessage().equals(file.toString()) ? e.getClass().getSimpleName()
                    : e.getMessage();
            throw new ProjectFileException(name + " could not be read (" + why + "). Check the disk and try again.", e);
        }
        return parse(text, name);
    }

    public static void write(Project project, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(project));
    }

    public static String toJson(Project project) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.set("graph", graphToJson(project.graph()));
        root.set("training", JSON.valueToTree(project.settings()));
        root.set("dataset", JSON.valueToTree(project.dataset()));
        root.set("runs", JSON.valueToTree(project.runs()));
        if (!project.runGraphs().isEmpty()) {
            ObjectNode models = root.putObject("runGraphs");
            project.runGraphs().forEach((id, g) -> models.set(id, graphToJson(g)));
        }
        project.published().ifPresent(p -> root.set("published", JSON.valueToTree(p)));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A project always serialises", e);
        }
    }

    /**
     * The file's text, which must be UTF-8 (with or without a byte-order mark); any other encoding is named,
     * with what to do, instead of "not valid JSON".
     */
    static String utf8Text(byte[] bytes, String name) throws ProjectFileException {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new ProjectFileException(name + " is saved as UTF-16 text; NeuralCanvas reads UTF-8. Save it as UTF-8 "
                    + "(in Notepad: Save As, Encoding UTF-8) and open it again.");
        }
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                throw new ProjectFileException(name + " is not a NeuralCanvas project: it is not a text file.");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProjectFileException(name + " is not UTF-8 text (it may be saved as Windows ANSI or Latin-1); "
                    + "NeuralCanvas reads UTF-8. Save it as UTF-8 and open it again.", e);
        }
    }

    /** Reads a project from its JSON text; {@code source} names it in messages. */
    public static Project parse(String text, String source) throws ProjectFileException {
        JsonNode root;
        try {
            // Windows editors (Notepad) write UTF-8 with a byte-order mark; JSON itself has none.
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            // Also a file cut off inside a word (`"activation": nu`): what Jackson stumbled on is its last text.
            boolean cutInsideAWord = at != null && at.getCharOffset() >= 0
                    && text.substring((int) Math.min(text.length(), at.getCharOffset())).isBlank();
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")
                    || cutInsideAWord) {
                throw new ProjectFileException(source + " is incomplete: it ends before the project does"
                        + (at == null ? "" : " (line " + at.getLineNr() + ")") + ". It may have been cut off while "
                        + "being written; if NeuralCanvas offers a recovered copy, open that instead.", e);
            }
            if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
                throw new ProjectFileException(source + " is not a NeuralCanvas project: it is nested or sized beyond "
                        + "what any project is" + (at == null ? "" : " (line " + at.getLineNr() + ")") + " ("
                        + e.getOriginalMessage().replaceAll(", from `[^`]*`", "") + "), so it is not read.", e);
            }
            throw new ProjectFileException(source + " is not a NeuralCanvas project: it is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ".", e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new ProjectFileException(source + " is not a NeuralCanvas project file: it has no "
                    + "\"format\": \"" + FORMAT + "\" entry. Open a file saved by NeuralCanvas (" + EXTENSION + ").");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new ProjectFileException(source + " has no valid format version, so it cannot be read safely.");
        }
        if (version.asInt() > VERSION) {
            throw new ProjectFileException(source + " was saved by a newer NeuralCanvas (file format " + version.asInt()
                    + "; this version reads format " + VERSION + " and older). Update NeuralCanvas to open it.");
        }
        ModelGraph graph = graphFromJson(root.path("graph"), source);
        try {
            TrainingSettings settings = root.hasNonNull("training")
                    ? JSON.treeToValue(root.get("training"), TrainingSettings.class) : TrainingSettings.defaults();
            DatasetChoice dataset = root.hasNonNull("dataset")
                    ? JSON.treeToValue(root.get("dataset"), DatasetChoice.class) : DatasetChoice.none();
            List<RunRecord> runs = new ArrayList<>();
            for (JsonNode run : root.path("runs")) {
                runs.add(JSON.treeToValue(run, RunRecord.class));
            }
            Project project = new Project(graph, settings, dataset, runs, published(root.get("published"), source));
            readRunGraphs(root.get("runGraphs"), project, source);
            return project;
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new ProjectFileException(source + " has damaged training settings or run history: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** Each run's model, kept for comparing runs; a damaged one is named with its run, like the project's own. */
    private static void readRunGraphs(JsonNode models, Project project, String source) throws ProjectFileException {
        if (models == null || models.isNull()) {
            return;
        }
        if (!models.isObject()) {
            throw new ProjectFileException(source + " has a damaged \"runGraphs\" entry (the models its runs trained): "
                    + "it is not an object.");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        project.runs().forEach(r -> ids.add(r.id()));
        for (var it = models.fields(); it.hasNext(); ) {
            var e = it.next();
            if (ids.contains(e.getKey())) { // a model without its run is of no use: left out
                project.keepRunGraph(e.getKey(), graphFromJson(e.getValue(), source + " (the model of " + e.getKey() + ")"));
            }
        }
    }

    /** The tutorial's published result, or null where the file has none; a damaged one is named, never guessed at. */
    private static PublishedResult published(JsonNode json, String source) throws ProjectFileException {
        if (json == null || json.isNull()) {
            return null;
        }
        try {
            if (!json.isObject()) {
                throw new IllegalArgumentException("it is not an object");
            }
            return JSON.treeToValue(json, PublishedResult.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            if (e.getCause() instanceof IllegalArgumentException inner) {
                why = inner.getMessage();
            }
            throw new ProjectFileException(source + " has a damaged \"published\" entry (the tutorial's published "
                    + "result): " + why + ". Remove the entry to open the project without it.", e);
        }
    }

    private static ObjectNode graphToJson(ModelGraph graph) {
        ObjectNode g = JSON.createObjectNode();
        ArrayNode nodes = g.putArray("nodes");
        for (LayerNode n : graph.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.kind().kerasName());
            o.put("name", n.name());
            o.put("x", n.x());
            o.put("y", n.y());
            o.set("params", JSON.valueToTree(n.params().asMap()));
        }
        ArrayNode edges = g.putArray("edges");
        for (Edge e : graph.edges()) {
            edges.addObject().put("from", e.from()).put("to", e.to());
        }
        return g;
    }

    private static ModelGraph graphFromJson(JsonNode g, String source) throws ProjectFileException {
        ModelGraph graph = new ModelGraph();
        if (!g.isObject()) {
            throw new ProjectFileException(source + " has no model graph.");
        }
        int count = g.path("nodes").size();
        if (count > ModelGraph.MAX_LAYERS) {
            // Refused before anything is built: drawing or training that many layers would freeze the window.
            throw new ProjectFileException(source + " has " + String.format(Locale.ROOT, "%,d", count)
                    + " layers; NeuralCanvas opens models of up to " + String.format(Locale.ROOT, "%,d",
                    ModelGraph.MAX_LAYERS) + " layers. Split the model, or repeat its blocks fewer times.");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode n : g.path("nodes")) {
            String id = n.path("id").asText("");
            String type = n.path("type").asText("");
            String name = n.path("name").asText("");
            if (id.isEmpty() || name.isEmpty()) {
                throw new ProjectFileException(source + " has a layer without an id or a name.");
            }
            LayerKind kind = LayerCatalog.standard().find(type).orElseThrow(() -> new ProjectFileException(
                    source + ": layer '" + name + "' has an unknown type '" + type + "'. It may come from a newer "
                            + "NeuralCanvas."));
            if (graph.findNode(id).isPresent() || !names.add(name)) {
                throw new ProjectFileException(source + " has two layers with the id '" + id + "' or the name '"
                        + name + "'; the file is damaged.");
            }
            graph.addNode(new LayerNode(id, kind, name, readParams(kind, n.path("params")),
                    n.path("x").asDouble(0), n.path("y").asDouble(0)));
        }
        for (JsonNode e : g.path("edges")) {
            String from = e.path("from").asText("");
            String to = e.path("to").asText("");
            if (graph.findNode(from).isEmpty() || graph.findNode(to).isEmpty() || graph.hasEdge(from, to)) {
                throw new ProjectFileException(source + " has a connection from '" + from + "' to '" + to
                        + "' that does not match its layers; the file is damaged.");
            }
            graph.addEdge(new Edge(from, to));
        }
        return graph;
    }

    /**
     * Reads parameters by their declared types. A missing parameter takes its default (files
     * from before it existed); a value of the wrong type is kept as it is, so that validation
     * reports it on the layer instead of the file failing to open.
     */
    private static LayerParams readParams(LayerKind kind, JsonNode json) {
        Map<String, Object> values = new LinkedHashMap<>(kind.defaults().asMap());
        json.fields().forEachRemaining(f -> {
            ParamSpec spec = kind.param(f.getKey()).orElse(null);
            values.put(f.getKey(), readValue(spec, f.getValue()));
        });
        return LayerParams.of(values);
    }

    private static Object readValue(ParamSpec spec, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(e -> list.add(e.isInt() ? (Object) e.intValue() : e.isNumber() ? e.doubleValue() : e.asText()));
            return list;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            if (spec != null && spec.type() == ParamType.FLOAT) {
                return v.doubleValue();
            }
            return v.isIntegralNumber() && v.canConvertToInt() ? (Object) v.intValue() : v.doubleValue();
        }
        return v.asText();
    }

}
