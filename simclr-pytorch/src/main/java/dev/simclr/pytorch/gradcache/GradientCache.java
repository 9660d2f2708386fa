package dev.simclr.pytorch.gradcache;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.LossResult;
import dev.simclr.api.step.Passes;

/**
 * One contrastive step with gradient caching (Gao et al. 2021, arXiv:2101.06983, section 3.2):
 * <ol>
 *   <li>embed every pass of views without a graph;</li>
 *   <li>compute the loss over all {@code 2B} projections and its gradient with respect to them
 *       (the cached representation gradients);</li>
 *   <li>run each pass again with a graph and back-propagate that pass's slice of the cached
 *       gradient into the parameters, one pass at a time.</li>
 * </ol>
 * The parameter gradients equal those of one graph over the same passes (by the chain rule, since the
 * loss depends on the parameters only through the projections), while at most one pass's
 * activations are alive: the contrastive batch is bounded by compute, not memory. The price is a
 * second forward pass of every view.
 *
 * <p>What the same passes means: a network whose forward pass is a function of its pass alone.
 * Batch norm in training mode normalises with each pass's statistics, so the gradients equal those
 * of the chunked one-graph computation ({@code train.pass-size}), not those of one pass of all
 * views; and each BN layer's running statistics are updated twice per step (once per forward), so
 * they track a momentum of {@code 1 - (1 - m)^2} instead of {@code m}. Layers that draw random
 * numbers (dropout) would need their generator replayed between the two forwards; the encoders
 * and heads of this project draw none.
 */
public final class GradientCache {

    private GradientCache() {}

    /**
     * Accumulates into the network's parameter gradients the gradient of {@code loss} over all
     * projections of {@code views}, and returns the loss. Call it where no other
     * {@link GradientCollector} is open (it opens its own); zero the gradients after the optimizer
     * step as usual.
     *
     * @param ps parameter store of the network
     * @param network maps {@code [n, C, H, W]} images to {@code [n, D]} projections (encoder + head)
     * @param loss the contrastive loss over {@code [2B, D]} projections
     * @param views {@code [2B, C, H, W]}: first views in rows {@code 0..B-1}, second views after
     * @param passes how the rows are split into encoder passes
     * @return the loss (no graph attached) and its metrics
     */
    public static LossResult step(ParameterStore ps, Block network, ContrastiveLoss loss, NDArray views, Passes passes) {
        long rows = views.getShape().get(0);
        if (passes.ends()[passes.count() - 1] != rows) {
            throw new IllegalArgumentException("the passes cover " + passes.ends()[passes.count() - 1] + " rows but the step has "
                    + rows + " views; build them with Passes.of(" + rows + ", groupSize, passSize)");
        }
        Engine engine = views.getManager().getEngine();

        // (1) representations of every pass, no graph
        NDList cached = new NDList(passes.count());
        for (int k = 0; k < passes.count(); k++) {
            cached.add(forward(ps, network, views, passes, k).stopGradient());
        }
        NDArray projections = NDArrays.concat(cached);
        projections.setRequiresGradient(true);

        // (2) the loss over the whole batch and d loss / d projections
        LossResult result;
        try (GradientCollector gc = engine.newGradientCollector()) {
            result = loss.compute(projections);
            gc.backward(result.loss());
        }
        NDArray cachedGradient = projections.getGradient().duplicate();

        // (3) each pass again, with its graph, back-propagating its slice of the cached gradient:
        // d/d theta of sum(z_k * g_k) is g_k^T dz_k/d theta, the pass's share of dL/d theta
        try (GradientCollector gc = engine.newGradientCollector()) {
            for (int k = 0; k < passes.count(); k++) {
                NDArray z = forward(ps, network, views, passes, k);
                NDArray g = cachedGradient.get(new NDIndex("{}:{}", passes.starts()[k], passes.ends()[k]));
                gc.backward(z.mul(g).sum());
            }
        }
        return new LossResult(result.loss().stopGradient(), result.metrics());
    }

    private static NDArray forward(ParameterStore ps, Block network, NDArray views, Passes passes, int k) {
        NDArray x = views.get(new NDIndex("{}:{}", passes.starts()[k], passes.ends()[k]));
        return network.forward(ps, new NDList(x), true).singletonOrThrow();
    }
}
