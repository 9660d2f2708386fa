package dev.simclr.train.pretrain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Means over one epoch.
 *
 * @param epoch 0-based epoch
 * @param step global steps done after this epoch
 * @param loss mean loss
 * @param lossMetrics mean loss metrics
 * @param seconds wall time of the epoch
 * @param samples source images seen
 */
public record EpochMetrics(int epoch, long step, double loss, Map<String, Double> lossMetrics, double seconds, long samples) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "epoch");
        m.put("epoch", epoch);
        m.put("step", step);
        m.put("loss", loss);
        m.putAll(lossMetrics);
        m.put("samples_per_s", seconds > 0 ? samples / seconds : 0.0);
        m.put("seconds", seconds);
        return m;
    }
}
