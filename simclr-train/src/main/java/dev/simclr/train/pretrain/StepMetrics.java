package dev.simclr.train.pretrain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one pre-training step measured.
 *
 * @param epoch 0-based epoch
 * @param step 0-based global step
 * @param loss loss value
 * @param lr learning rate used
 * @param lossMetrics the loss's own metrics (contrastive_top1, pos_sim, neg_sim)
 * @param seconds wall time of the step, data wait included
 * @param dataWaitSeconds time spent waiting for the augmented batch
 * @param samples source images in the step
 */
public record StepMetrics(int epoch, long step, double loss, double lr, Map<String, Double> lossMetrics, double seconds, double dataWaitSeconds, int samples) {

    /** The metrics.jsonl line of this step. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "step");
        m.put("epoch", epoch);
        m.put("step", step);
        m.put("loss", loss);
        m.put("lr", lr);
        m.putAll(lossMetrics);
        m.put("samples_per_s", seconds > 0 ? samples / seconds : 0.0);
        m.put("data_wait_fraction", seconds > 0 ? dataWaitSeconds / seconds : 0.0);
        m.put("step_seconds", seconds);
        return m;
    }
}
