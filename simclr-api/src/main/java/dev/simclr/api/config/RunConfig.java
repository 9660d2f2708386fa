package dev.simclr.api.config;

import dev.simclr.api.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully validated run: every provider resolved by name, every parameter checked, defaults
 * filled in. {@link #toTree()} gives the resolved YAML tree written into the run folder.
 *
 * @param seed seed of all random draws
 * @param backend engine backend
 * @param trainData pre-training data (also the probe's training data unless {@code probeTrainData})
 * @param testData held-out labelled data for evaluation, or null
 * @param probeTrainData labelled data to fit probes on, or null to use {@code trainData}
 * @param augment augmentation operators, in order
 * @param encoder encoder
 * @param head projection head
 * @param loss contrastive loss
 * @param train pre-training settings ({@link Sections#TRAIN})
 * @param evaluate evaluators, in order
 * @param output output settings ({@link Sections#OUTPUT})
 */
public record RunConfig(
        long seed,
        ComponentConfig backend,
        ComponentConfig trainData,
        ComponentConfig testData,
        ComponentConfig probeTrainData,
        List<ComponentConfig> augment,
        ComponentConfig encoder,
        ComponentConfig head,
        ComponentConfig loss,
        Params train,
        List<ComponentConfig> evaluate,
        Params output) {

    public RunConfig {
        augment = List.copyOf(augment);
        evaluate = List.copyOf(evaluate);
    }

    /** This run with another backend (e.g. the one {@code name: auto} picked), all else the same. */
    public RunConfig withBackend(ComponentConfig picked) {
        return new RunConfig(seed, picked, trainData, testData, probeTrainData, augment, encoder, head, loss, train, evaluate, output);
    }

    /** The resolved configuration as a YAML tree (ordered maps, lists, scalars). */
    public Map<String, Object> toTree() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("seed", seed);
        t.put("backend", single(backend));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("train", single(trainData));
        if (testData != null) {
            data.put("test", single(testData));
        }
        if (probeTrainData != null) {
            data.put("probe-train", single(probeTrainData));
        }
        t.put("data", data);
        t.put("augment", listed(augment));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("encoder", single(encoder));
        model.put("head", single(head));
        t.put("model", model);
        t.put("loss", single(loss));
        t.put("train", new LinkedHashMap<>(train.values()));
        t.put("evaluate", listed(evaluate));
        t.put("output", new LinkedHashMap<>(output.values()));
        return t;
    }

    private static Map<String, Object> single(ComponentConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.putAll(c.params().values());
        return m;
    }

    private static List<Object> listed(List<ComponentConfig> cs) {
        List<Object> out = new ArrayList<>();
        for (ComponentConfig c : cs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(c.name(), new LinkedHashMap<>(c.params().values()));
            out.add(m);
        }
        return out;
    }
}
