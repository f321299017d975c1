package org.neuralcanvas.engine.train;

import org.neuralcanvas.project.LossKind;
import org.neuralcanvas.project.Losses;
import java.util.List;
import java.util.Random;
import org.neuralcanvas.domain.graph.Edge;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.shape.TensorShape;
import org.neuralcanvas.engine.compile.CompiledModel;
import org.neuralcanvas.project.DatasetChoice;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.ViewIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Generated data shaped for any model, seeded. {@code synthetic}: labels come from a fixed random
 * linear "teacher" over the features, so a model can learn them (the loss falls, accuracy beats
 * chance). {@code random}: labels are random, for timing only. The task follows the loss:
 * cross-entropies make classes, binary_crossentropy yes/no, anything else numbers.
 * Options: {@code samples} (default 2000; a fifth more is made as the test set), {@code seed}.
 */
public final class SyntheticDataSource implements TrainingDataSource {

    @Override
    public List<String> datasetIds() {
        return List.of("synthetic", "random");
    }

    @Override
    public TrainingData open(DatasetChoice choice, CompiledModel model, int batchSize) {
        String id = choice.datasetId();
        if (!datasetIds().contains(id)) {
            throw new TrainingFailure("The dataset '" + id + "' is not available here yet. Use --dataset synthetic "
                    + "(learnable generated data) or --dataset random.");
        }
        int samples = Integer.parseInt(choice.options().getOrDefault("samples", "2000"));
        long seed = Long.parseLong(choice.options().getOrDefault("seed", "1"));
        boolean learnable = "synthetic".equals(id);
        TensorShape in = model.inputShapes().get(0);
        TensorShape out = model.outputShapes().get(0);
        int vocabulary = embeddingVocabulary(model);
        String loss = model.settings().loss();
        LossKind kind = Losses.find(loss).orElse(Losses.CATEGORICAL_CROSSENTROPY);
        DataDescriptor descriptor = kind.task() == LossKind.Task.MULTICLASS ? DataDescriptor.multiclass(out.last())
                : kind == Losses.BINARY_CROSSENTROPY ? DataDescriptor.binary() : DataDescriptor.regression();
        Random r = new Random(seed);
        INDArray teacher = gaussian(r, in.size(), out.size());
        DataSet train = make(samples, in, out, vocabulary, descriptor, kind.labels() == LossKind.Labels.CLASS_INDEX,
                learnable ? teacher : null, r);
        DataSet test = make(Math.max(1, samples / 5), in, out, vocabulary, descriptor,
                kind.labels() == LossKind.Labels.CLASS_INDEX, learnable ? teacher : null, r);
        return new TrainingData(new ViewIterator(train, batchSize), null, new ViewIterator(test, batchSize), descriptor);
    }

    private static DataSet make(int n, TensorShape in, TensorShape out, int vocabulary, DataDescriptor d, boolean sparse,
                                INDArray teacher, Random r) {
        float[] x = new float[Math.toIntExact(n * in.size())];
        for (int i = 0; i < x.length; i++) {
            x[i] = vocabulary > 0 ? r.nextInt(vocabulary) : (float) r.nextGaussian();
        }
        INDArray flat = Nd4j.create(x, new long[] {n, in.size()}, 'c');
        INDArray scores = teacher != null
                ? (vocabulary > 0 ? flat.div(vocabulary).subi(0.5) : flat).mmul(teacher)
                : gaussian(r, n, out.size());
        INDArray labels;
        long rows = n * (out.size() / out.last());
        INDArray perPosition = scores.reshape('c', rows, out.last());
        if (d.task() == TaskKind.MULTICLASS) {
            INDArray index = Nd4j.argMax(perPosition, 1).castTo(DataType.FLOAT).reshape(rows, 1);
            labels = sparse ? index : oneHot(index, out.last());
        } else if (d.task() == TaskKind.BINARY) {
            labels = perPosition.gt(0).castTo(DataType.FLOAT);
        } else {
            labels = perPosition;
        }
        return new DataSet(flat.reshape('c', withBatch(n, in)), labels.reshape('c', withBatch(n, sparse ? TensorShape.of(1) : out)));
    }

    private static INDArray gaussian(Random r, long rows, long cols) {
        float[] v = new float[Math.toIntExact(rows * cols)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c');
    }

    private static INDArray oneHot(INDArray index, int classes) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, index.size(0), classes);
        for (long i = 0; i < index.size(0); i++) {
            out.putScalar(i, index.getLong(i, 0), 1f);
        }
        return out;
    }

    /** The vocabulary size when the Input feeds an Embedding (features must then be word indices), else 0. */
    private static int embeddingVocabulary(CompiledModel model) {
        LayerNode input = model.graph().nodes().stream().filter(n -> n.kind().isInput()).findFirst().orElseThrow();
        int vocabulary = 0;
        for (Edge e : model.graph().outgoing(input.id())) {
            LayerNode next = model.graph().node(e.to());
            if ("Embedding".equals(next.kind().kerasName())) {
                int dim = next.params().getInt("input_dim");
                vocabulary = vocabulary == 0 ? dim : Math.min(vocabulary, dim);
            }
        }
        return vocabulary;
    }

    private static long[] withBatch(long n, TensorShape s) {
        long[] shape = new long[s.rank() + 1];
        shape[0] = n;
        for (int i = 0; i < s.rank(); i++) {
            shape[i + 1] = s.dim(i);
        }
        return shape;
    }
}
