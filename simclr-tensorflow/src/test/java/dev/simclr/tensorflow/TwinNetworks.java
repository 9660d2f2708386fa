package dev.simclr.tensorflow;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.tracker.ParameterTracker;
import dev.simclr.api.Backend;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.ImageShape;
import dev.simclr.api.step.OptimizerSettings;
import dev.simclr.api.step.TrainingSetup;
import dev.simclr.api.step.TrainingStep;
import dev.simclr.loss.NtXentLoss;
import dev.simclr.models.MlpHeadProvider;
import dev.simclr.models.ResNet18Provider;
import dev.simclr.pytorch.backend.PyTorchBackendProvider;
import dev.simclr.train.pretrain.Pretrainer;
import dev.simclr.train.pretrain.SimClrNetwork;
import java.util.Map;

/**
 * The same tiny SimCLR network (ResNet-18 at a small width + projection head) on both engines with
 * the same parameters: initialised on TensorFlow as a run does, then copied into the PyTorch twin.
 *
 * @param stem the encoder's stem, {@code cifar} or {@code imagenet}
 * @param image the shape of one view
 * @param batchNormHead whether the head has batch norm (SimCLR v2)
 */
record TwinNetworks(String stem, ImageShape image, boolean batchNormHead) {

    static final double TEMPERATURE = 0.5;

    SimClrNetwork network() {
        ResNet18Provider encoder = new ResNet18Provider();
        var e = encoder.create(Engines.params(encoder, Map.of("stem", stem, "width", 0.125)), image);
        MlpHeadProvider head = new MlpHeadProvider();
        var h = head.create(Engines.params(head, Map.of("layers", 2, "hidden", 16, "out", 8, "batch-norm", batchNormHead)), e.featureSize());
        return new SimClrNetwork(e, h);
    }

    /** A network on TensorFlow initialised with {@code seed}, as pre-training starts one. */
    SimClrNetwork onTensorFlow(NDManager manager, long seed) {
        SimClrNetwork n = network();
        Pretrainer.initialize(n, manager, image, seed);
        return n;
    }

    /** A network on PyTorch with the parameter values of {@code source}. */
    SimClrNetwork onPyTorchLike(SimClrNetwork source, NDManager manager) {
        SimClrNetwork n = network();
        Pretrainer.initialize(n, manager, image, 0);
        var from = source.getParameters();
        var to = n.getParameters();
        for (int i = 0; i < to.size(); i++) {
            Parameter p = to.valueAt(i);
            p.getArray().set(from.get(to.keyAt(i)).getArray().toFloatArray());
        }
        return n;
    }

    static TrainingStep step(Backend backend, NDManager manager, SimClrNetwork network, ContrastiveLoss loss, TwinNetworks twin,
            int batch, boolean perView, OptimizerSettings optimizer) {
        return backend.trainingStep(new TrainingSetup(manager, network, loss, twin.image(), batch, perView, 0, false, optimizer));
    }

    static Backend pytorch() {
        PyTorchBackendProvider p = new PyTorchBackendProvider();
        return p.create(Engines.params(p, Map.of()));
    }

    static NtXentLoss loss() {
        return new NtXentLoss(TEMPERATURE);
    }

    /** A learning rate that decays with each parameter's update count, so the count matters. */
    static ParameterTracker decaying(float lr) {
        return (id, t) -> (float) (lr * Math.pow(0.97, t - 1));
    }

    static OptimizerSettings adam(float lr, double wd) {
        return new OptimizerSettings("adam", decaying(lr), wd, 0, false, 0);
    }

    static OptimizerSettings lars(float lr, double wd, double trust) {
        return new OptimizerSettings("lars", decaying(lr), wd, 0.9, false, trust);
    }

    static OptimizerSettings sgd(float lr, double momentum, boolean nesterov) {
        return new OptimizerSettings("sgd", decaying(lr), 1e-4, momentum, nesterov, 0);
    }
}
