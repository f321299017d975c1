package org.neuralcanvas.ui.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.neuralcanvas.engine.train.EpochResult;
import org.neuralcanvas.project.RunRecord;

/**
 * The chart data of the dashboard: the current run's epoch curves, its per-batch loss, and the
 * curves of earlier runs laid over them. Points are added without notification and published
 * once per timer tick ({@link #publish}), so a chart redraws at most once per tick however many
 * batches arrived. FX thread only.
 */
public final class RunCurves {

    /** At most this many batch points per epoch are drawn; more would only blur into the same line. */
    static final int BATCH_POINTS_PER_EPOCH = 200;

    private final XYSeries trainLoss = series("loss");
    private final XYSeries valLoss = series("val_loss");
    private final XYSeries batchLoss = series("batch loss");
    private final XYSeries trainMetric = series("metric");
    private final XYSeries valMetric = series("val_metric");
    private final XYSeriesCollection loss = new XYSeriesCollection();
    private final XYSeriesCollection batches = new XYSeriesCollection();
    private final XYSeriesCollection metric = new XYSeriesCollection();
    private final XYSeriesCollection lossOverlays = new XYSeriesCollection();
    private final XYSeriesCollection metricOverlays = new XYSeriesCollection();
    /** K-fold: the mean validation curve (series 0), its moving average (1), then each finished fold's (2…). */
    private final XYSeriesCollection lossFolds = new XYSeriesCollection();
    private final XYSeriesCollection metricFolds = new XYSeriesCollection();
    private final List<JFreeChart> charts = new ArrayList<>();
    /**
     * By identity: an XYSeries's hashCode and equals follow its items, so in a HashSet a series that
     * grew is no longer found, is added again, and every tick looked like more than batch points.
     */
    private final Set<XYSeries> touched = Collections.newSetFromMap(new IdentityHashMap<>());
    private String metricName = "accuracy";
    private int points;

    public RunCurves() {
        loss.addSeries(trainLoss);
        loss.addSeries(valLoss);
        batches.addSeries(batchLoss);
        metric.addSeries(trainMetric);
        metric.addSeries(valMetric);
    }

    private static XYSeries series(String key) {
        XYSeries s = new XYSeries(key, false, true);
        s.setNotify(false);
        return s;
    }

    /** Charts drawing these datasets: their redraws are held back while a tick's points go in. */
    public void attach(JFreeChart chart) {
        charts.add(chart);
    }

    public void detach(JFreeChart chart) {
        charts.remove(chart);
    }

    /**
     * Starts a new run's curves; {@code metricName} is the chart's metric (accuracy, mae or mse), or null.
     * The metric series are renamed in place (JFreeChart 1.5 deprecates {@code Series.setKey}, with no
     * replacement but new series): every attached chart's dataset keeps holding the same two series.
     */
    @SuppressWarnings("deprecation")
    public void reset(String metricName) {
        this.metricName = metricName;
        trainMetric.setKey(metricName == null ? "metric" : metricName);
        valMetric.setKey(metricName == null ? "val_metric" : "val_" + metricName);
        for (XYSeries s : List.of(trainLoss, valLoss, batchLoss, trainMetric, valMetric)) {
            s.clear();
            touched.add(s);
        }
        points = 0;
        lossFolds.removeAllSeries();
        metricFolds.removeAllSeries();
        publish(true);
    }

    /**
     * A K-fold run's next fold begins: the current curves start again for it (the finished folds' validation curves
     * stay, in {@link #lossFolds()} and {@link #metricFolds()}).
     */
    public void startFold() {
        for (XYSeries s : List.of(trainLoss, valLoss, batchLoss, trainMetric, valMetric)) {
            s.clear();
            touched.add(s);
        }
    }

    /**
     * Draws the finished folds' validation curves and their mean (with the notes' moving average of it), from each
     * fold's history; {@code clearCurrent} empties the current curves too (the run is over: only the folds are left).
     */
    public void showFolds(List<List<Map<String, Double>>> folds, boolean clearCurrent) {
        if (clearCurrent) {
            startFold();
        }
        foldCurves(lossFolds, folds, "val_loss");
        if (metricName == null) {
            metricFolds.removeAllSeries();
        } else {
            foldCurves(metricFolds, folds, "val_" + metricName);
        }
        publish(true);
    }

    private static void foldCurves(XYSeriesCollection into, List<List<Map<String, Double>>> folds, String key) {
        into.removeAllSeries();
        if (folds.isEmpty()) {
            return;
        }
        org.neuralcanvas.project.FoldSummary summary = new org.neuralcanvas.project.FoldSummary(folds, key);
        into.addSeries(curve("mean " + key, summary.meanCurve(key)));
        into.addSeries(curve("smoothed mean " + key, summary.smoothedMean()));
        for (int f = 0; f < folds.size(); f++) {
            List<Map<String, Double>> h = folds.get(f);
            double[] v = new double[h.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = h.get(i).getOrDefault(key, Double.NaN);
            }
            into.addSeries(curve("fold " + (f + 1) + " " + key, v));
        }
    }

    /** A curve over epochs 1…n, leaving out what is not a number. */
    private static XYSeries curve(String key, double[] values) {
        XYSeries s = new XYSeries(key, false, true);
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i])) {
                s.add(i + 1, values[i]);
            }
        }
        return s;
    }

    /** The folds' validation loss curves: the mean, its moving average, then one per finished fold. */
    public XYSeriesCollection lossFolds() {
        return lossFolds;
    }

    public XYSeriesCollection metricFolds() {
        return metricFolds;
    }

    public String metricName() {
        return metricName;
    }

    /** A batch ended: its loss at x = epoch - 1 + batch / batches, so it sits under its epoch's point. */
    public void addBatch(int epoch, int batch, int batches, double value) {
        int every = Math.max(1, (batches + BATCH_POINTS_PER_EPOCH - 1) / BATCH_POINTS_PER_EPOCH);
        if (batch % every != 0 && batch != batches) {
            return;
        }
        batchLoss.add(epoch - 1 + (double) batch / batches, value, false);
        touched.add(batchLoss);
        points++;
    }

    public void addEpoch(EpochResult r) {
        add(trainLoss, r.epoch(), r.get("loss"));
        add(valLoss, r.epoch(), r.get("val_loss"));
        if (metricName != null) {
            add(trainMetric, r.epoch(), r.get(metricName));
            add(valMetric, r.epoch(), r.get("val_" + metricName));
        }
    }

    private void add(XYSeries s, int epoch, double v) {
        if (Double.isFinite(v)) {
            s.add(epoch, v, false);
            touched.add(s);
            points++;
        }
    }

    /** Lays earlier runs' curves (loss, val_loss and the metric) over the current ones. */
    public void showOverlays(List<RunRecord> runs) {
        lossOverlays.removeAllSeries();
        metricOverlays.removeAllSeries();
        for (RunRecord run : runs) {
            overlay(lossOverlays, run, "loss");
            overlay(lossOverlays, run, "val_loss");
            if (metricName != null) {
                overlay(metricOverlays, run, metricName);
                overlay(metricOverlays, run, "val_" + metricName);
            }
        }
    }

    /** One run's curve at the epochs the log numbered: a continued run's go on after its parent's, on one axis. */
    private static void overlay(XYSeriesCollection into, RunRecord run, String key) {
        XYSeries s = new XYSeries(run.id() + " " + key, false, true);
        List<Map<String, Double>> history = run.history();
        for (int i = 0; i < history.size(); i++) {
            Double v = history.get(i).get(key);
            if (v != null && Double.isFinite(v)) {
                s.add(run.firstEpoch() + i, v);
            }
        }
        if (!s.isEmpty()) {
            into.addSeries(s);
        }
    }

    /**
     * Publishes the points added since the last publication: one redraw per chart that has new points.
     * Epoch points go out at once; batch points only with {@code withBatches} (the dashboard's live
     * moment, once a second): on a small CPU every chart redraw is taken from training.
     */
    public void publish(boolean withBatches) {
        boolean onlyBatches = touched.size() == 1 && touched.contains(batchLoss);
        if (touched.isEmpty() || onlyBatches && !withBatches) {
            return;
        }
        // Only the charts drawing a changed curve are held and then redrawn, once each.
        List<JFreeChart> redrawn = charts.stream().filter(c -> drawsAnyOf(c, touched)).toList();
        redrawn.forEach(c -> c.setNotify(false));
        for (XYSeries s : touched) {
            s.setNotify(true); // fires the series' change once
            s.setNotify(false);
        }
        touched.clear();
        redrawn.forEach(c -> c.setNotify(true));
    }

    private static boolean drawsAnyOf(JFreeChart chart, Set<XYSeries> series) {
        if (!(chart.getPlot() instanceof XYPlot plot)) {
            return true;
        }
        for (int i = 0; i < plot.getDatasetCount(); i++) {
            if (plot.getDataset(i) instanceof XYSeriesCollection data) {
                for (Object s : data.getSeries()) {
                    if (series.stream().anyMatch(t -> t == s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Points added to the current run's curves so far (what a test watches grow). */
    public int points() {
        return points;
    }

    public XYSeriesCollection loss() {
        return loss;
    }

    public XYSeriesCollection batches() {
        return batches;
    }

    public XYSeriesCollection metric() {
        return metric;
    }

    public XYSeriesCollection lossOverlays() {
        return lossOverlays;
    }

    public XYSeriesCollection metricOverlays() {
        return metricOverlays;
    }

    public int epochPoints() {
        return trainLoss.getItemCount();
    }

    public int batchPoints() {
        return batchLoss.getItemCount();
    }
}
