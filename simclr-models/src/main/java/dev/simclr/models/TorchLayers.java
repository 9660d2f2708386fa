package dev.simclr.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;
import ai.djl.training.initializer.XavierInitializer;

/**
 * DJL layers set up to behave and start like their PyTorch counterparts, so models built here
 * train from the same distribution and update batch-norm statistics the same way as torchvision's.
 */
final class TorchLayers {

    /** {@code nn.BatchNorm2d}'s default epsilon. */
    static final float BN_EPSILON = 1e-5f;

    /**
     * torchvision's momentum 0.1 (the weight of the new batch statistic). DJL's BatchNorm states the
     * weight of the old running value instead (its PyTorch engine passes {@code 1 - momentum} to
     * torch), so torch's 0.1 is 0.9 here.
     */
    static final float BN_MOMENTUM_DJL = 0.9f;

    private TorchLayers() {}

    /**
     * A bias-free convolution initialised as torchvision's ResNet does
     * ({@code kaiming_normal_(mode="fan_out", nonlinearity="relu")}: normal with standard deviation
     * {@code sqrt(2 / (out_channels * kernel area))}). DJL's Xavier initialiser with a Gaussian draw,
     * the output factor and magnitude 2 computes exactly that.
     */
    static Conv2d conv2d(int filters, int kernel, int stride, int padding) {
        Conv2d c = Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optBias(false)
                .build();
        c.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.OUT, 2), Parameter.Type.WEIGHT);
        return c;
    }

    /**
     * Batch norm over axis 1 with torch's epsilon and momentum. Gamma starts at 1 and beta at 0 (DJL's
     * defaults, as torchvision's init), or gamma at 0 for {@code zeroGamma}.
     *
     * @param zeroGamma start gamma at 0 (zero-init of a residual branch)
     * @param center whether to learn a shift beta
     */
    static BatchNorm batchNorm(boolean zeroGamma, boolean center) {
        BatchNorm bn = BatchNorm.builder()
                .optEpsilon(BN_EPSILON)
                .optMomentum(BN_MOMENTUM_DJL)
                .optCenter(center)
                .build();
        if (zeroGamma) {
            bn.setInitializer(Initializer.ZEROS, Parameter.Type.GAMMA);
        }
        return bn;
    }

    /**
     * A Linear layer initialised as {@code nn.Linear}: weight {@code kaiming_uniform_(a=sqrt(5))}, which
     * reduces to uniform on {@code [-1/sqrt(fan_in), 1/sqrt(fan_in)]}, and the bias uniform on the same
     * interval.
     */
    static Linear linear(int units, long fanIn, boolean bias) {
        Linear l = Linear.builder().setUnits(units).optBias(bias).build();
        l.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM,
                XavierInitializer.FactorType.IN, 1), Parameter.Type.WEIGHT);
        if (bias) {
            l.setInitializer(new UniformInitializer((float) (1.0 / Math.sqrt(fanIn))), Parameter.Type.BIAS);
        }
        return l;
    }
}
