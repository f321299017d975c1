package org.neuralcanvas.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.neuralcanvas.domain.graph.LayerNode;
import org.neuralcanvas.domain.graph.ModelGraph;
import org.neuralcanvas.domain.layer.ParamSpec;
import org.neuralcanvas.domain.layer.ParamType;

/**
 * A search over settings, as a learner tries learning rates by hand: a grid (every combination, up to the budget)
 * or random (that many trials, each value drawn from its list), over the learning rate, the batch size and any
 * number parameter of a named layer ({@code units:dense}, {@code rate:dropout}). Each trial is an ordinary run of
 * the same drawing with its values put in; the window and the command line run them one after another.
 *
 * @param axes   what varies, each with the values to try
 * @param random random trials instead of the grid
 * @param budget at most this many trials (0: the whole grid; random needs one)
 * @param seed   the random trials' draw
 */
public record SweepPlan(List<Axis> axes, boolean random, int budget, long seed) {

    /** The most trials a search runs: each is a whole run. */
    public static final int MAX_TRIALS = 200;

    /**
     * One setting to vary: {@code learning_rate}, {@code batch_size}, or {@code PARAM:LAYER} for a layer's number
     * parameter, with its values in the order given.
     */
    public record Axis(String setting, List<Double> values) {

        public Axis {
            values = List.copyOf(new LinkedHashSet<>(values));
        }

        /**
         * {@code learning_rate=0.1,0.01,0.001} as typed in the Train panel or on the command line.
         *
         * @throws IllegalArgumentException with the sentence to show
         */
        public static Axis parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("'" + text.trim() + "' is not a setting and its values: write it as "
                        + "learning_rate=0.1,0.01 or units:dense=32,64.");
            }
            String setting = text.substring(0, eq).trim();
            List<Double> values = new ArrayList<>();
            for (String v : text.substring(eq + 1).split(",")) {
                try {
                    values.add(Double.parseDouble(v.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(setting + " needs numbers separated by commas; '" + v.trim()
                            + "' is not one.");
                }
            }
            return new Axis(setting, values);
        }

        /** As the user would type it again. */
        public String text() {
            return setting + "=" + String.join(",", values.stream().map(SweepPlan::number).toList());
        }
    }

    public SweepPlan {
        axes = List.copyOf(axes);
    }

    /** How many trials the plan runs. */
    public int trialCount() {
        long grid = 1;
        for (Axis a : axes) {
            grid = Math.min(Long.MAX_VALUE / Math.max(1, a.values().size()), grid * a.values().size());
        }
        long n = random ? budget : budget > 0 ? Math.min(budget, grid) : grid;
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    /**
     * Each trial's graph and settings, made from the project's; every value is checked where it goes (the setting's
     * range, the layer parameter's spec), so no trial starts to fail on a value the plan holds.
     *
     * @throws IllegalArgumentException with the sentence naming the setting, layer or value at fault
     */
    public List<Trial> trials(ModelGraph graph, TrainingSettings base) {
        if (axes.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one setting to search over, with its values.");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Axis a : axes) {
            if (!seen.add(a.setting())) {
                throw new IllegalArgumentException(a.setting() + " is listed twice; give all its values in one list.");
            }
            if (a.values().isEmpty()) {
                throw new IllegalArgumentException(a.setting() + " has no values to try.");
            }
            for (double v : a.values()) {
                apply(a.setting(), v, graph.copy(), base); // refuses an unknown setting or a value out of range
            }
        }
        if (random && budget < 1) {
            throw new IllegalArgumentException("A random search needs its number of trials (at least 1).");
        }
        int n = trialCount();
        if (n > MAX_TRIALS) {
            throw new IllegalArgumentException("The search would run " + n + " trials; at most " + MAX_TRIALS
                    + " are run. Give fewer values, or a budget.");
        }
        List<Map<String, Double>> combos = random ? randomCombos(n) : gridCombos(n);
        List<Trial> trials = new ArrayList<>();
        for (Map<String, Double> values : combos) {
            ModelGraph g = graph.copy();
            TrainingSettings s = base;
            for (Map.Entry<String, Double> e : values.entrySet()) {
                s = apply(e.getKey(), e.getValue(), g, s);
            }
            trials.add(new Trial(trials.size() + 1, values, g, s));
        }
        return trials;
    }

    /** The grid in order, the first axis changing slowest, cut at {@code n}. */
    private List<Map<String, Double>> gridCombos(int n) {
        List<Map<String, Double>> combos = new ArrayList<>();
        combos.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> c : combos) {
                for (double v : a.values()) {
                    Map<String, Double> m = new LinkedHashMap<>(c);
                    m.put(a.setting(), v);
                    next.add(m);
                }
            }
            combos = next;
        }
        return combos.subList(0, Math.min(n, combos.size()));
    }

    /** {@code n} draws, distinct while the grid has unseen combinations left. */
    private List<Map<String, Double>> randomCombos(int n) {
        Random rng = new Random(seed);
        long grid = axes.stream().mapToLong(a -> a.values().size()).reduce(1, (x, y) -> x * y);
        Set<Map<String, Double>> drawn = new LinkedHashSet<>();
        List<Map<String, Double>> combos = new ArrayList<>();
        while (combos.size() < n) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Axis a : axes) {
                m.put(a.setting(), a.values().get(rng.nextInt(a.values().size())));
            }
            if (drawn.add(m) || drawn.size() >= grid) {
                combos.add(m);
            }
        }
        return combos;
    }

    /** One value put into the settings or, for {@code PARAM:LAYER}, into the graph (changed in place). */
    private static TrainingSettings apply(String setting, double v, ModelGraph graph, TrainingSettings s) {
        TrainingSettings out;
        switch (setting) {
            case "learning_rate" -> out = s.withOptimizer(s.optimizer().with("learning_rate", v));
            case "batch_size" -> {
                whole(setting, v);
                out = s.withBatchSize((int) v);
            }
            default -> {
                setLayerParam(setting, v, graph);
                return s;
            }
        }
        List<String> problems = SettingRanges.problems(out);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0));
        }
        return out;
    }

    private static void setLayerParam(String setting, double v, ModelGraph graph) {
        int colon = setting.indexOf(':');
        if (colon <= 0 || colon == setting.length() - 1) {
            throw new IllegalArgumentException("'" + setting + "' is not a setting a search can vary: use learning_rate, "
                    + "batch_size, or a layer's parameter as PARAM:LAYER (units:dense, rate:dropout).");
        }
        String param = setting.substring(0, colon);
        String layer = setting.substring(colon + 1);
        LayerNode node = graph.findByName(layer).orElseThrow(() -> new IllegalArgumentException(
                "The model has no layer named '" + layer + "' (for " + setting + ")."));
        ParamSpec spec = node.kind().param(param).orElseThrow(() -> new IllegalArgumentException(
                layer + " (" + node.kind().kerasName() + ") has no parameter " + param + "."));
        Object value;
        if (spec.type() == ParamType.INT) {
            whole(setting, v);
            value = (int) v;
        } else if (spec.type() == ParamType.FLOAT) {
            value = v;
        } else {
            throw new IllegalArgumentException(param + " of " + layer + " is not a number a search can vary.");
        }
        String problem = spec.validate(value);
        if (problem != null) {
            throw new IllegalArgumentException(layer + ": " + problem);
        }
        graph.replaceNode(node.withParams(node.params().with(param, value)));
    }

    private static void whole(String setting, double v) {
        if (v != Math.rint(v)) {
            throw new IllegalArgumentException(setting + " takes whole numbers; " + number(v) + " is not one.");
        }
    }

    static String number(double v) {
        return RunSettingsWords.number(v);
    }

    /**
     * One trial of a search: its number, the values it tries, and the graph and settings they make.
     *
     * @param values by setting, in the plan's order
     */
    public record Trial(int number, Map<String, Double> values, ModelGraph graph, TrainingSettings settings) {

        /** {@code learning_rate=0.01, units:dense=64}. */
        public String label() {
            List<String> parts = new ArrayList<>();
            values.forEach((k, v) -> parts.add(k + "=" + SweepPlan.number(v)));
            return String.join(", ", parts);
        }
    }

    /** For messages: {@code grid} or {@code random}. */
    public String mode() {
        return random ? "random" : "grid";
    }
}
