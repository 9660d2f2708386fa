package dev.simclr.tensorflow;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.Passes;
import dev.simclr.api.step.TrainingSetup;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The whole training step as one TensorFlow graph, run by one {@code Session.run} per step: the
 * views in, the encoder passes (one per batch-norm group or pass, as on PyTorch), NT-Xent, the
 * gradients of every trainable parameter, and the optimizer's update of the parameters, their
 * buffers and the running statistics. The update is held back until every value it needs has
 * been computed, so no operator reads a variable after its update; when the loss is not finite
 * the parameters and buffers keep their values (the running statistics move, as on PyTorch).
 */
final class StepGraph implements AutoCloseable {

    /**
     * A parameter the optimizer updates.
     *
     * @param weight its variable
     * @param buffers the optimizer's buffers of it, in the optimizer's order
     * @param excluded a bias or batch-norm scale/shift (LARS neither decays nor adapts those)
     */
    record Trained(GraphVariable weight, List<GraphVariable> buffers, boolean excluded) {}

    final Graph graph = new Graph();
    final Session session;
    final Placeholder<TFloat32> views;
    final Placeholder<TFloat32> rates;
    final Placeholder<TFloat32> aux;
    final List<GraphVariable> parameters = new ArrayList<>();
    final List<Trained> trained = new ArrayList<>();
    /** The gradient of the loss with respect to each trained parameter, in {@link #trained} order. */
    final List<Operand<TFloat32>> gradients = new ArrayList<>();
    final NtXentGraph loss;
    final Op update;

    /** @param temperature NT-Xent's temperature */
    StepGraph(TrainingSetup setup, double temperature, GraphUpdate optimizer) {
        Ops tf = Ops.create(graph);
        Block network = setup.network();
        Map<Parameter, GraphVariable> byParameter = new IdentityHashMap<>();
        Map<Parameter, Boolean> trainable = trainability(network);
        for (Pair<String, Parameter> p : network.getParameters()) {
            GraphVariable v = GraphVariable.create(tf, p.getKey(), p.getValue().getArray().getShape().getShape());
            parameters.add(v);
            byParameter.put(p.getValue(), v);
            if (trainable.get(p.getValue())) {
                List<GraphVariable> buffers = new ArrayList<>();
                for (String b : optimizer.buffers()) {
                    buffers.add(GraphVariable.create(tf, b, v.shape()));
                }
                trained.add(new Trained(v, buffers, excludedFromLars(p.getValue())));
            }
        }
        ImageShape s = setup.viewShape();
        int rows = 2 * setup.batchSize();
        this.views = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(rows, s.channels(), s.height(), s.width())));
        GraphForward forward = new GraphForward(tf, byParameter, setup.manager());
        this.loss = NtXentGraph.of(tf, project(tf, forward, setup, rows), rows, temperature);
        this.rates = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(trained.size())));
        this.aux = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(trained.size())));
        this.update = updates(tf, optimizer, forward.runningStatistics());
        this.session = new Session(graph, TensorFlowSettings.sessionConfig());
    }

    /** The projections of all views, one encoder pass per range of rows, in row order. */
    private Operand<TFloat32> project(Ops tf, GraphForward forward, TrainingSetup setup, int rows) {
        int batch = setup.batchSize();
        Passes passes = Passes.of(rows, setup.perViewBatchNorm() ? batch : rows, setup.passSize());
        ImageShape s = setup.viewShape();
        List<Operand<TFloat32>> parts = new ArrayList<>();
        for (int i = 0; i < passes.count(); i++) {
            int start = passes.starts()[i];
            int size = passes.ends()[i] - start;
            Operand<TFloat32> slice = passes.count() == 1 ? views
                    : tf.slice(views, tf.constant(new int[] {start, 0, 0, 0}), tf.constant(new int[] {size, s.channels(), s.height(), s.width()}));
            parts.add(forward.forward(setup.network(), slice));
        }
        return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    }

    /** Gradients, the optimizer's new values, and their assignment once everything is computed. */
    private Op updates(Ops tf, GraphUpdate optimizer, Map<GraphVariable, Operand<TFloat32>> running) {
        List<Operand<?>> xs = new ArrayList<>();
        trained.forEach(t -> xs.add(t.weight().variable()));
        Gradients grads = tf.gradients(loss.loss(), xs);
        Operand<TBool> finite = tf.math.isFinite(loss.loss());
        Map<GraphVariable, Operand<TFloat32>> next = new LinkedHashMap<>();
        for (int i = 0; i < trained.size(); i++) {
            Trained t = trained.get(i);
            List<Operand<TFloat32>> buffers = new ArrayList<>();
            t.buffers().forEach(b -> buffers.add(b.variable()));
            Operand<TFloat32> grad = grads.dy(i);
            gradients.add(grad);
            GraphUpdate.Result r = optimizer.apply(tf, t.weight().variable(), grad, buffers,
                    tf.gather(rates, tf.constant(i), tf.constant(0)), tf.gather(aux, tf.constant(i), tf.constant(0)), t.excluded());
            next.put(t.weight(), tf.select(finite, r.weight(), t.weight().variable()));
            for (int b = 0; b < buffers.size(); b++) {
                next.put(t.buffers().get(b), tf.select(finite, r.buffers().get(b), buffers.get(b)));
            }
        }
        next.putAll(running);
        List<Op> computed = new ArrayList<>(next.values());
        computed.addAll(List.of(loss.loss(), loss.top1(), loss.positiveMean(), loss.negativeSum()));
        Ops after = tf.withControlDependencies(computed);
        List<Op> assigns = new ArrayList<>();
        next.forEach((v, value) -> assigns.add(after.assign(v.variable(), value)));
        return tf.withControlDependencies(assigns).noOp();
    }

    /**
     * Which parameters the optimizer updates, from the blocks themselves (the network's arrays live
     * on an engine without autograd, so they are frozen): not running statistics, and a batch
     * norm's gamma or beta only when it learns a scale or a shift.
     */
    private static Map<Parameter, Boolean> trainability(Block block) {
        Map<Parameter, Boolean> out = new IdentityHashMap<>();
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            Parameter.Type type = p.getValue().getType();
            boolean learns = type != Parameter.Type.RUNNING_MEAN && type != Parameter.Type.RUNNING_VAR;
            if (block instanceof BatchNorm bn) {
                BatchNormFields f = BatchNormFields.of(bn);
                learns = type == Parameter.Type.GAMMA ? f.scale() : type == Parameter.Type.BETA ? f.center() : learns;
            }
            out.put(p.getValue(), learns);
        }
        for (Pair<String, Block> child : block.getChildren()) {
            out.putAll(trainability(child.getValue()));
        }
        return out;
    }

    /** As the reference's {@code exclude_from_weight_decay = ['batch_normalization', 'bias']}. */
    private static boolean excludedFromLars(Parameter p) {
        Parameter.Type t = p.getType();
        return t == Parameter.Type.BIAS || t == Parameter.Type.GAMMA || t == Parameter.Type.BETA;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
