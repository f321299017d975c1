package org.neuralcanvas.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.engine.compile.Compilation;
import org.neuralcanvas.engine.compile.Dl4jCompiler;
import org.neuralcanvas.engine.train.DataDescriptor;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.engine.train.TrainedModel;
import org.neuralcanvas.project.AtomicFiles;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.project.Project;
import org.neuralcanvas.project.ProjectFile;
import org.neuralcanvas.project.ProjectFileException;

/**
 * Saves and loads trained models. The file is DL4J's model zip ({@code ModelSerializer}, with the
 * optimizer state so training can continue) plus two entries of ours: {@value #PROJECT_ENTRY}
 * (the project file: graph, settings, dataset choice) and {@value #META_ENTRY} (what the labels
 * mean and the epoch history). DL4J ignores entries it does not know, so the file also loads in
 * plain DL4J. Writes are atomic.
 */
public final class ModelStore {

    public static final String PROJECT_ENTRY = "neuralcanvas/project.json";
    public static final String META_ENTRY = "neuralcanvas/model.json";
    public static final String EXTENSION = ".nc.zip";
    /** The most our project and metadata entries may inflate to (they are kilobytes; the weights are DL4J's). */
    static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Sentences SAY = EngineSentences.SAY;

    /** What we keep beside the weights. */
    record Meta(int format, DataDescriptor descriptor, List<EpochResult> history) {
    }

    private ModelStore() {
    }

    public static void save(TrainedModel model, Path file) throws IOException {
        save(model, DatasetChoice.none(), file);
    }

    public static void save(TrainedModel model, DatasetChoice dataset, Path file) throws IOException {
        ByteArrayOutputStream dl4j = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), dl4j, true);
        Project project = new Project(model.compiled().graph(), model.compiled().settings(), dataset, List.of());
        byte[] projectJson = ProjectFile.toJson(project).getBytes(StandardCharsets.UTF_8);
        byte[] meta = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                new Meta(1, model.descriptor(), model.history()));
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(dl4j.toByteArray()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            put(zip, PROJECT_ENTRY, projectJson);
            put(zip, META_ENTRY, meta);
            zip.finish();
        });
    }

    /** Loads a model saved by {@link #save}; ready to predict, evaluate and continue training. */
    public static TrainedModel load(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(SAY.say("store.missing", name), null);
        }
        String projectText;
        Meta meta;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null || zip.getEntry("coefficients.bin") == null) {
                throw new ModelFileException(SAY.say("store.noNetwork", name), null);
            }
            if (zip.getEntry(PROJECT_ENTRY) == null) {
                throw new ModelFileException(SAY.say("store.plainDl4j", name), null);
            }
            projectText = new String(read(zip, PROJECT_ENTRY, name), StandardCharsets.UTF_8);
            meta = zip.getEntry(META_ENTRY) == null ? null : JSON.readValue(read(zip, META_ENTRY, name), Meta.class);
        } catch (ZipException e) {
            throw new ModelFileException(SAY.say("store.notAZip", name), e);
        } catch (IOException e) {
            throw new ModelFileException(SAY.say("store.unreadable", name, String.valueOf(e.getMessage())), e);
        }
        Project project = parseProject(projectText, name);
        Compilation c = Dl4jCompiler.compile(project.graph(), project.settings());
        if (!c.ok()) {
            throw new ModelFileException(SAY.say("store.cannotBuild", name, String.join(" ", c.problems())), null);
        }
        ComputationGraph net;
        try {
            net = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(SAY.say("store.damaged", name, String.valueOf(e.getMessage())), e);
        }
        // params() counts every vertex's parameters; numParams() only layers' (not MultiHeadAttention's).
        if (net.params().length() != c.model().paramCount()) {
            // Counts go in as text, as they always read here: without digit grouping.
            throw new ModelFileException(SAY.say("store.inconsistent", name, String.valueOf(net.params().length()),
                    String.valueOf(c.model().paramCount())), null);
        }
        DataDescriptor descriptor = meta != null && meta.descriptor() != null ? meta.descriptor()
                : DataDescriptor.multiclass(c.model().outputShapes().get(0).last());
        return new TrainedModel(net, c.model(), descriptor, meta != null && meta.history() != null ? meta.history() : List.of());
    }

    /**
     * The project saved beside the weights: the graph, the training settings and the dataset the
     * model was trained on, so the window can show it.
     */
    public static Project readProject(Path file) throws ModelFileException {
        String name = file.getFileName().toString();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry(PROJECT_ENTRY) == null) {
                throw new ModelFileException(SAY.say("store.notOurs", name), null);
            }
            return parseProject(new String(read(zip, PROJECT_ENTRY, name), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new ModelFileException(SAY.say("store.unreadable", name, String.valueOf(e.getMessage())), e);
        }
    }

    private static Project parseProject(String text, String name) throws ModelFileException {
        try {
            return ProjectFile.parse(text, name);
        } catch (ProjectFileException e) {
            throw new ModelFileException(e.getMessage(), e);
        }
    }

    private static void put(ZipOutputStream zip, String entry, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(bytes);
        zip.closeEntry();
    }

    /**
     * Reads one of our JSON entries, refusing it once it inflates past {@link #MAX_ENTRY_BYTES}: counted while
     * inflating, because a zip's declared sizes are whatever its writer put there (a 1 GiB entry of zeros is
     * 1 MB compressed).
     */
    private static byte[] read(ZipFile zip, String entry, String fileName) throws IOException, ModelFileException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_ENTRY_BYTES) {
                    throw new ModelFileException(SAY.say("store.entryTooBig", fileName, entry,
                            String.valueOf(MAX_ENTRY_BYTES / (1024 * 1024))), null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
