package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.simclr.api.step.Precision;
import dev.simclr.api.step.StepLoss;
import dev.simclr.api.step.StepState;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * The training step on TensorFlow: the network, NT-Xent and the optimizer as one graph
 * ({@link StepGraph}), whose variables start from the network's parameters and go back to them,
 * by name, whenever the state is taken. Each parameter counts its own updates, as torch.optim does,
 * and the learning rate of its k-th update comes from the loop's schedule.
 */
final class GraphTrainingStep implements TrainingStep {

    private final TrainingSetup setup;
    private final GraphUpdate optimizer;
    private final StepGraph graph;
    private final long[] updates;
    private NDManager stateArrays;

    /**
     * Checks the network, the loss and the optimizer; builds the graph when the network's
     * parameters are initialised (a network made only to check the settings is not).
     *
     * @throws UnsupportedOperationException naming the first block the graph cannot translate
     * @throws IllegalArgumentException for a loss or optimizer setting the graph does not have
     */
    GraphTrainingStep(TrainingSetup setup) {
        if (!(setup.loss() instanceof NtXentLoss ntXent)) {
            throw new IllegalArgumentException("loss: the tensorflow backend trains with the nt-xent loss only, not "
                    + setup.loss().getClass().getName() + "; pre-train with backend: pytorch");
        }
        if (setup.gradientCache()) {
            throw new IllegalArgumentException("train.gradient-cache: the tensorflow backend takes the gradients of the whole batch at once;"
                    + " set it to false, or pre-train with backend: pytorch");
        }
        if (setup.precision() != Precision.FP32) {
            throw new IllegalArgumentException("train.precision: " + setup.precision().key()
                    + " is not available on the tensorflow backend, which trains in fp32; set it to fp32, or pre-train with backend: pytorch");
        }
        TrainableBlock.check(setup.network(), setup.manager());
        this.setup = setup;
        this.optimizer = GraphUpdate.of(setup.optimizer());
        boolean initialized = setup.network().getParameters().values().stream().allMatch(Parameter::isInitialized);
        this.graph = initialized ? new StepGraph(setup, ntXent.temperature(), optimizer) : null;
        this.updates = new long[graph == null ? 0 : graph.trained.size()];
        if (graph != null) {
            load(networkValues(), Map.of());
        }
    }

    @Override
    public StepLoss train(float[] views) {
        StepGraph g = built();
        int n = g.trained.size();
        float[] rates = new float[n];
        float[] aux = new float[n];
        for (int i = 0; i < n; i++) {
            long t = updates[i] + 1;
            float lr = setup.optimizer().learningRate().getNewValue(g.trained.get(i).weight().name(), (int) Math.min(Integer.MAX_VALUE, t));
            float[] fed = optimizer.feed(lr, t);
            rates[i] = fed[0];
            aux[i] = fed[1];
        }
        try (TFloat32 x = viewTensor(views);
                TFloat32 r = TFloat32.vectorOf(rates);
                TFloat32 a = TFloat32.vectorOf(aux);
                Result out = g.session.runner().feed(g.views, x).feed(g.rates, r).feed(g.aux, a)
                        .fetch(g.loss.loss()).fetch(g.loss.top1()).fetch(g.loss.positiveMean()).fetch(g.loss.negativeSum())
                        .addTarget(g.update).run()) {
            double loss = ((TFloat32) out.get(0)).getFloat();
            if (Double.isFinite(loss)) {
                for (int i = 0; i < n; i++) {
                    updates[i]++;
                }
            }
            return new StepLoss(loss, metrics(out, 2 * setup.batchSize()));
        }
    }

    /**
     * The loss and the gradient of every trained parameter for {@code views}, by parameter name,
     * without an update: what the tests compare with PyTorch's autograd.
     */
    Map<String, float[]> gradients(float[] views) {
        StepGraph g = built();
        Map<String, float[]> out = new LinkedHashMap<>();
        try (TFloat32 x = viewTensor(views)) {
            Session.Runner runner = g.session.runner().feed(g.views, x).fetch(g.loss.loss());
            g.gradients.forEach(runner::fetch);
            try (Result r = runner.run()) {
                out.put("loss", GraphVariable.values(r.get(0)));
                for (int i = 0; i < g.trained.size(); i++) {
                    out.put(g.trained.get(i).weight().name(), GraphVariable.values(r.get(i + 1)));
                }
            }
        }
        return out;
    }

    private TFloat32 viewTensor(float[] views) {
        return TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(2L * setup.batchSize(), setup.viewShape().channels(),
                setup.viewShape().height(), setup.viewShape().width()), org.tensorflow.ndarray.buffer.DataBuffers.of(views, true, false));
    }

    /** The loss's statistics under the names the PyTorch backend's NT-Xent reports them. */
    private static Map<String, Double> metrics(Result out, int rows) {
        long negatives = (long) rows * (rows - 2);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(NtXentLoss.TOP1, (double) ((TFloat32) out.get(1)).getFloat());
        m.put(NtXentLoss.POS_SIM, (double) ((TFloat32) out.get(2)).getFloat());
        m.put(NtXentLoss.NEG_SIM, negatives == 0 ? 0.0 : ((TFloat32) out.get(3)).getFloat() / (double) negatives);
        return m;
    }

    @Override
    public StepState state() {
        StepGraph g = built();
        List<GraphVariable> all = new ArrayList<>(g.parameters);
        g.trained.forEach(t -> all.addAll(t.buffers()));
        Map<GraphVariable, float[]> values = fetch(g.session, all);
        Map<String, NDArray> parameters = writeBack(values);
        if (stateArrays != null) {
            stateArrays.close();
        }
        stateArrays = setup.manager().newSubManager();
        Map<String, StepState.Slots> slots = new LinkedHashMap<>();
        for (int i = 0; i < g.trained.size(); i++) {
            StepGraph.Trained t = g.trained.get(i);
            if (updates[i] == 0) {
                continue;
            }
            Map<String, NDArray> buffers = new LinkedHashMap<>();
            for (GraphVariable b : t.buffers()) {
                buffers.put(b.name(), stateArrays.create(values.get(b), new Shape(b.shape())));
            }
            slots.put(t.weight().name(), new StepState.Slots(updates[i], buffers));
        }
        return new StepState(optimizer.name(), parameters, slots);
    }

    /** Copies the graph's variables into the network's parameter arrays. */
    @Override
    public void publish() {
        StepGraph g = built();
        writeBack(fetch(g.session, g.parameters));
    }

    /** Writes the fetched values of the graph's parameters into the network's arrays, in the network's order; returns them by name. */
    private Map<String, NDArray> writeBack(Map<GraphVariable, float[]> values) {
        StepGraph g = built();
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : setup.network().getParameters()) {
            NDArray array = p.getValue().getArray();
            array.set(FloatBuffer.wrap(values.get(g.parameters.get(parameters.size()))));
            parameters.put(p.getKey(), array);
        }
        return parameters;
    }

    @Override
    public void restore(StepState state) {
        StepGraph g = built();
        Map<String, float[]> values = new LinkedHashMap<>();
        state.parameters().forEach((name, array) -> values.put(name, array.toFloatArray()));
        for (Pair<String, Parameter> p : setup.network().getParameters()) {
            float[] v = values.get(p.getKey());
            if (v != null) {
                p.getValue().getArray().set(FloatBuffer.wrap(v));
            }
        }
        Map<String, float[]> network = networkValues();
        for (int i = 0; i < g.trained.size(); i++) {
            StepState.Slots s = state.slots().get(g.trained.get(i).weight().name());
            updates[i] = s == null ? 0 : s.updates();
        }
        load(network, state.slots());
    }

    /** Loads the parameters and, for each trained parameter, its buffers from {@code slots} or zeros. */
    private void load(Map<String, float[]> parameters, Map<String, StepState.Slots> slots) {
        StepGraph g = built();
        List<Tensor> fed = new ArrayList<>();
        Session.Runner runner = g.session.runner();
        try {
            for (GraphVariable v : g.parameters) {
                fed.add(feed(runner, v, parameters.get(v.name())));
            }
            for (StepGraph.Trained t : g.trained) {
                StepState.Slots s = slots.get(t.weight().name());
                for (GraphVariable b : t.buffers()) {
                    NDArray saved = s == null ? null : s.buffers().get(b.name());
                    if (s != null && saved == null) {
                        throw new IllegalArgumentException("the checkpoint's " + optimizer.name() + " state of parameter '" + t.weight().name()
                                + "' has no buffer '" + b.name() + "' (it has " + s.buffers().keySet() + ")");
                    }
                    fed.add(feed(runner, b, saved == null ? new float[(int) new Shape(b.shape()).size()] : saved.toFloatArray()));
                }
            }
            runner.run().close();
        } finally {
            fed.forEach(Tensor::close);
        }
    }

    private static Tensor feed(Session.Runner runner, GraphVariable v, float[] values) {
        TFloat32 t = v.tensor(values);
        runner.feed(v.value(), t).addTarget(v.load());
        return t;
    }

    private static Map<GraphVariable, float[]> fetch(Session session, List<GraphVariable> variables) {
        Session.Runner runner = session.runner();
        variables.forEach(v -> runner.fetch(v.variable()));
        Map<GraphVariable, float[]> out = new LinkedHashMap<>();
        try (Result r = runner.run()) {
            for (int i = 0; i < variables.size(); i++) {
                out.put(variables.get(i), GraphVariable.values(r.get(i)));
            }
        }
        return out;
    }

    private Map<String, float[]> networkValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : setup.network().getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private StepGraph built() {
        if (graph == null) {
            throw new IllegalStateException("the training step was made for a network whose parameters are not initialised");
        }
        return graph;
    }

    @Override
    public void close() {
        if (graph != null) {
            graph.close();
        }
        if (stateArrays != null) {
            stateArrays.close();
        }
    }
}
