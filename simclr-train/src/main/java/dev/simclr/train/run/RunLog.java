package dev.simclr.train.run;

import dev.simclr.train.pretrain.EpochMetrics;
import dev.simclr.train.pretrain.MetricsLog;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import dev.simclr.train.pretrain.StepMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run records as it trains: every {@code log-every}-th step and every epoch in
 * metrics.jsonl, the online kNN accuracy every {@code knn-every} epochs, the training curves after
 * each epoch; then tells an observer (may be null).
 */
final class RunLog implements Pretrainer.StepListener {

    private final MetricsLog metrics;
    private final RunFolder folder;
    private final PrintStream out;
    private final int logEvery;
    private final int knnEvery;
    private final KnnMonitor knn;
    private final SimClrNetwork network;
    private final Pretrainer.StepListener observer;

    RunLog(MetricsLog metrics, RunFolder folder, PrintStream out, int logEvery, int knnEvery, KnnMonitor knn, SimClrNetwork network,
            Pretrainer.StepListener observer) {
        this.metrics = metrics;
        this.folder = folder;
        this.out = out;
        this.logEvery = logEvery;
        this.knnEvery = knnEvery;
        this.knn = knn;
        this.network = network;
        this.observer = observer;
    }

    @Override
    public void onStep(StepMetrics s) {
        if (s.step() % logEvery == 0) {
            metrics.write(s.toJson());
        }
        if (observer != null) {
            observer.onStep(s);
        }
    }

    @Override
    public void onEpoch(EpochMetrics e) {
        metrics.write(e.toJson());
        if (knn != null && (e.epoch() + 1) % knnEvery == 0) {
            double top1 = knn.top1(network.encoder(), network.featureSize());
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("type", "knn");
            line.put("epoch", e.epoch());
            line.put("step", e.step());
            line.put("top1", top1);
            line.put("k", KnnMonitor.K);
            metrics.write(line);
            out.printf("%nkNN top-1 after epoch %d: %.2f%%%n", e.epoch() + 1, 100 * top1);
        }
        writeCurves();
        if (observer != null) {
            observer.onEpoch(e);
        }
    }

    /** The curves are a convenience: a failure to draw them never fails the run. */
    void writeCurves() {
        try {
            TrainingCurves.write(folder.dir());
        } catch (IOException | RuntimeException ex) {
            out.println("could not draw the training curves: " + ex.getMessage());
        }
    }
}
