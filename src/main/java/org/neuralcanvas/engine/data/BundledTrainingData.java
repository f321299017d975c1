package org.neuralcanvas.engine.data;

import org.neuralcanvas.project.LossKind;
import org.neuralcanvas.project.Losses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.neuralcanvas.dataset.BundledDatasets;
import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.FeatureLayout;
import org.neuralcanvas.dataset.own.OwnDataSpec;
import org.neuralcanvas.dataset.own.OwnDataset;
import org.neuralcanvas.dataset.own.OwnDatasets;
import org.neuralcanvas.dataset.prep.LabelEncoding;
import org.neuralcanvas.dataset.prep.PreparedDataset;
import org.neuralcanvas.dataset.prep.PreprocessingOptions;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.shape.InferenceResult;
import org.neuralcanvas.domain.shape.NodeResult;
import org.neuralcanvas.domain.shape.ShapeInference;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.domain.text.Sentences;
import org.neuralcanvas.engine.EngineSentences;
import org.neuralcanvas.project.DatasetChoice;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.engine.train.TrainingData;
import org.neuralcanvas.engine.train.TrainingDataSource;
import org.neuralcanvas.engine.train.TrainingFailure;
import org.neuralcanvas.project.TrainingSettings;

/**
 * A project's {@link DatasetChoice} made into training data: the bundled dataset it names,
 * preprocessed as its options and the run's settings say (layout, label encoding from the loss,
 * validation split, seed), checked against the graph's Input and output.
 *
 * <p>Choice options (all optional, strings as the project file stores them): {@code layout}
 * (flat, image, token_indices, multi_hot, time_steps), {@code scale_pixels}, {@code standardise}
 * (true/false), {@code vocabulary_size}, {@code sequence_length}, {@code target} ({@code inputs}: each example's
 * target is its input, Keras's {@code fit(x, x)} for an autoencoder).
 */
public final class BundledTrainingData implements TrainingDataSource {

    /** Older or template spellings of dataset ids. */
    private static final Map<String, String> ALIASES = Map.of("synthetic_classes", "synthetic-multiclass",
            "synthetic-classes", "synthetic-multiclass");
    private static final Sentences SAY = EngineSentences.SAY;

    private final BundledDatasets datasets;
    /** The user's own dataset in use (a CSV table or a folder of images), loaded once. */
    private final OwnDatasets own = new OwnDatasets();
    /** The last prepared dataset: training again with the same data and preprocessing reuses it (no reload, no garbage). */
    private PreparedDataset last;

    public BundledTrainingData(BundledDatasets datasets) {
        this.datasets = datasets;
    }

    public BundledDatasets datasets() {
        return datasets;
    }

    @Override
    public List<String> datasetIds() {
        return all().stream().map(DatasetDescriptor::id).toList();
    }

    /** The engine's seam (the command line uses it): the prepared data, after checking it fits the model. */
    @Override
    public TrainingData open(DatasetChoice choice, CompiledModel model, int batchSize) {
        TrainingSettings settings = model.settings().withBatchSize(batchSize);
        DatasetFit fit = check(choice, settings, model.graph());
        if (!fit.fits()) {
            throw new TrainingFailure(String.join(" ", fit.problems()));
        }
        try {
            return prepare(choice, settings).trainingData();
        } catch (DatasetException e) {
            throw new TrainingFailure(e.getMessage());
        }
    }

    /** K-fold: the prepared data's training examples in {@code k} folds, after the same check as {@link #open}. */
    @Override
    public List<TrainingData> openFolds(DatasetChoice choice, CompiledModel model, int batchSize, int k) {
        TrainingSettings settings = model.settings().withBatchSize(batchSize);
        DatasetFit fit = check(choice, settings, model.graph());
        if (!fit.fits()) {
            throw new TrainingFailure(String.join(" ", fit.problems()));
        }
        try {
            return prepare(choice, settings).foldData(k);
        } catch (DatasetException e) {
            throw new TrainingFailure(e.getMessage());
        }
    }

    /** {@code boston_housing} is recorded as {@code boston-housing}: one name per dataset in the Runs list. */
    @Override
    public String datasetId(DatasetChoice choice) {
        return descriptor(choice).map(DatasetDescriptor::id).orElse(choice.datasetId());
    }

    public List<DatasetDescriptor> all() {
        return datasets.catalog().all();
    }

    /**
     * The dataset a choice names, accepting {@code boston_housing} for {@code boston-housing}; the user's own data
     * only once it is loaded ({@link #loadOwn}), since finding its columns or classes reads the disk.
     */
    public Optional<DatasetDescriptor> descriptor(DatasetChoice choice) {
        if (choice == null || !choice.isChosen()) {
            return Optional.empty();
        }
        if (OwnDataChoices.isOwn(choice)) {
            return OwnDataChoices.spec(choice).flatMap(own::loaded).map(OwnDataset::descriptor);
        }
        String id = choice.datasetId().trim().toLowerCase(Locale.ROOT);
        id = ALIASES.getOrDefault(id, id);
        Optional<DatasetDescriptor> d = datasets.catalog().find(id);
        return d.isPresent() ? d : datasets.catalog().find(id.replace('_', '-'));
    }

    /** The preprocessing a run uses: the dataset's defaults, the choice's options, the loss's label encoding, the settings' split and seed. */
    public PreprocessingOptions options(DatasetDescriptor d, DatasetChoice choice, TrainingSettings settings) {
        PreprocessingOptions o = PreprocessingOptions.defaultsFor(d);
        Map<String, String> opts = choice.options();
        FeatureLayout layout = layoutOf(opts.get("layout"));
        if (layout != null && d.offers(layout)) {
            o = o.withLayout(layout);
        }
        if (opts.containsKey("scale_pixels")) {
            o = o.withScalePixels(Boolean.parseBoolean(opts.get("scale_pixels")));
        }
        if (opts.containsKey("standardise")) {
            o = o.withStandardise(Boolean.parseBoolean(opts.get("standardise")));
        }
        o = withInt(opts.get("vocabulary_size"), o, true);
        o = withInt(opts.get("sequence_length"), o, false);
        if (d.task() == org.neuralcanvas.dataset.TaskKind.MULTICLASS) {
            o = o.withLabels(Losses.find(settings.loss()).map(k -> k.labels() == LossKind.Labels.CLASS_INDEX).orElse(false)
                    ? LabelEncoding.INTEGER
                    : LabelEncoding.ONE_HOT);
        }
        if ("inputs".equalsIgnoreCase(opts.getOrDefault("target", "").trim())) {
            o = o.withLabels(LabelEncoding.INPUTS);
        }
        // K-fold deals its own validation parts out of the whole training split: no split from its end then.
        switch (settings.validation().kind()) {
            case SPLIT -> {
                if (settings.validationSplit() > 0) {
                    o = o.withValidationSplit(settings.validationSplit());
                }
            }
            case TEST_SET -> o = o.withValidation(org.neuralcanvas.dataset.prep.ValidationMode.TEST_SET);
            case K_FOLD -> { }
        }
        return o.withSeed(settings.seed());
    }

    private static PreprocessingOptions withInt(String text, PreprocessingOptions o, boolean vocabulary) {
        if (text == null) {
            return o;
        }
        try {
            int v = Integer.parseInt(text.trim());
            return v <= 0 ? o : vocabulary ? o.withVocabularySize(v) : o.withSequenceLength(v);
        } catch (NumberFormatException e) {
            return o;
        }
    }

    /** A layout from its project-file spelling, or null. */
    public static FeatureLayout layoutOf(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return FeatureLayout.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** One sample's feature shape under these options (without reading the data). */
    public static TensorShape inputShape(DatasetDescriptor d, PreprocessingOptions o) {
        return switch (o.layout()) {
            case TOKEN_INDICES -> TensorShape.of(o.sequenceLength());
            case MULTI_HOT -> TensorShape.of(o.vocabularySize());
            default -> TensorShape.of(d.shape(o.layout()));
        };
    }

    /** The width of the label rows the loss sees under these options. */
    public static int outputWidth(DatasetDescriptor d, PreprocessingOptions o) {
        if (o.labels() == LabelEncoding.INPUTS) {
            return (int) inputShape(d, o).size();
        }
        if (d.task() == org.neuralcanvas.dataset.TaskKind.MULTICLASS && o.labels() == LabelEncoding.ONE_HOT) {
            return d.numClasses();
        }
        return 1;
    }

    /** The user's own dataset a choice names, once loaded (its columns, what the import said). */
    public Optional<OwnDataset> ownDataset(DatasetChoice choice) {
        return OwnDataChoices.spec(choice).flatMap(own::loaded);
    }

    /** Whether the choice names own data that is neither loaded nor known to fail: {@link #loadOwn} it, off the FX thread. */
    public boolean needsLoading(DatasetChoice choice) {
        Optional<OwnDataSpec> spec = OwnDataChoices.spec(choice);
        return spec.isPresent() && own.loaded(spec.get()).isEmpty() && own.failure(spec.get()).isEmpty();
    }

    /**
     * Reads the user's own data a choice names (or the file or folder just chosen), checking its checksum. Blocking.
     *
     * @return the choice to keep in the project: with the checksum, and for a table its target and task
     * @throws DatasetException with the user's sentence (missing, changed, not usable), which {@link #check} repeats
     */
    public DatasetChoice loadOwn(DatasetChoice choice) throws DatasetException {
        OwnDataSpec spec = OwnDataChoices.spec(choice).orElseThrow(() -> new DatasetException(
                DatasetException.Reason.UNKNOWN_DATASET, SAY.say("fit.unknownDataset", choice.datasetId())));
        return OwnDataChoices.choice(own.load(spec).spec(), choice.options());
    }

    /** Checks the dataset against the graph: one Input of the dataset's shape, one output as wide as the labels. */
    public DatasetFit check(DatasetChoice choice, TrainingSettings settings, ModelGraph graph) {
        DatasetDescriptor d = descriptor(choice).orElse(null);
        if (d == null && OwnDataChoices.isOwn(choice)) {
            // Own data is read in the background when chosen or when its project opens; until then, or when it failed, say so.
            String why = OwnDataChoices.spec(choice).flatMap(own::failure).orElse(SAY.say("fit.ownReading",
                    choice.options().get(OwnDataChoices.PATH)));
            return new DatasetFit(null, 0, List.of(why), null, null);
        }
        if (d == null) {
            String what = choice == null || !choice.isChosen() ? SAY.say("fit.noDataset")
                    : SAY.say("fit.unknownDataset", choice.datasetId());
            return new DatasetFit(null, 0, List.of(what), null, null);
        }
        PreprocessingOptions o = options(d, choice, settings);
        TensorShape in = inputShape(d, o);
        int out = outputWidth(d, o);
        InferenceResult inference = ShapeInference.infer(graph);
        List<String> problems = new ArrayList<>();
        // "Fits" must not be said of data that is not there: training would only fail after Train.
        if (!d.synthetic() && !d.own() && !datasets.cache().isPresent(d)) {
            problems.add(SAY.say("fit.notFetched", d.displayName(), datasets.cache().root().toString(),
                    DatasetCache.FETCH_STEP, DatasetCache.SETUP_COMMAND));
        }
        List<LayerNode> inputs = graph.nodes().stream().filter(n -> n.kind().isInput()).toList();
        List<LayerNode> outputs = graph.nodes().stream().filter(n -> graph.outgoing(n.id()).isEmpty() && !n.kind().isInput()).toList();
        String inputId = inputs.size() == 1 ? inputs.get(0).id() : null;
        List<Integer> suggestion = null;
        if (inputs.size() != 1) {
            problems.add(inputs.isEmpty() ? SAY.say("fit.noInput", d.displayName(), String.valueOf(in.asList()))
                    : SAY.say("fit.inputs", inputs.size(), d.displayName()));
        } else {
            TensorShape have = inference.node(inputId).map(NodeResult::outputShape).orElse(null);
            if (!in.equals(have)) {
                suggestion = in.asList();
                // Shapes go in as text: MessageFormat would write 1024 as "1,024".
                problems.add(SAY.say(d.layouts().size() > 1 ? "fit.inputShape.layouts" : "fit.inputShape",
                        d.displayName(), in.toString(), inputs.get(0).name(),
                        have == null ? SAY.say("fit.unknownShape") : have.toString(), String.valueOf(in.asList())));
            }
        }
        if (outputs.size() != 1) {
            problems.add(SAY.say("fit.outputs", outputs.size()));
        } else {
            LayerNode last = outputs.get(0);
            TensorShape have = inference.node(last.id()).map(NodeResult::outputShape).orElse(null);
            if (o.labels() == LabelEncoding.INPUTS) {
                if (have != null && !have.equals(in)) {
                    problems.add(SAY.say("fit.outputShape.inputs", d.displayName(), in.toString(), last.name(),
                            have.toString()));
                }
            } else if (have != null && (have.rank() != 1 || have.last() != out)) {
                problems.add(outputAdvice(d, o, settings, last.name(), have, out));
            }
        }
        return new DatasetFit(in, out, problems, inputId, suggestion);
    }

    private static String outputAdvice(DatasetDescriptor d, PreprocessingOptions o, TrainingSettings s, String layer,
                                       TensorShape have, int out) {
        String classes = String.valueOf(d.numClasses());
        String advice = switch (d.task()) {
            case MULTICLASS -> o.labels() == LabelEncoding.INTEGER ? SAY.say("fit.advice.sparse", classes)
                    : SAY.say("fit.advice.multiclass", classes);
            case BINARY -> SAY.say("fit.advice.binary");
            case REGRESSION -> SAY.say("fit.advice.regression");
        };
        return SAY.say("fit.outputWidth", d.displayName(), String.valueOf(out), layer, have.toString(), advice);
    }

    /**
     * Reads and preprocesses the dataset, or reuses the last one when nothing changed. Blocking (up to a second or two for MNIST): call it off
     * the FX thread.
     *
     * @throws DatasetException with the user's sentence when the dataset is missing or damaged
     */
    public PreparedRun prepare(DatasetChoice choice, TrainingSettings settings) throws DatasetException {
        OwnDataset ownData = null;
        if (OwnDataChoices.isOwn(choice)) {
            loadOwn(choice);
            ownData = ownDataset(choice).orElseThrow();
        }
        DatasetDescriptor d = ownData != null ? ownData.descriptor() : descriptor(choice).orElseThrow(() ->
                new DatasetException(DatasetException.Reason.UNKNOWN_DATASET,
                SAY.say("fit.unknownDataset", choice == null ? "" : choice.datasetId())));
        PreprocessingOptions options = options(d, choice, settings);
        PreparedDataset p;
        synchronized (this) {
            p = last;
            // Own data: the very descriptor loaded (another target of the same table has the same id).
            if (p == null || !p.descriptor().id().equals(d.id()) || !p.options().equals(options)
                    || (d.own() && p.descriptor() != d)) {
                last = null; // let the old one go before the new one is made
                p = ownData != null ? datasets.prepare(ownData.raw(), options) : datasets.prepare(d.id(), options);
                last = p;
            }
        }
        return new PreparedRun(p, settings.batchSize());
    }
}
