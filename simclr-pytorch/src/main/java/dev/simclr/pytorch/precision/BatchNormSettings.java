package dev.simclr.pytorch.precision;

import ai.djl.nn.norm.BatchNorm;
import java.lang.reflect.Field;
import java.util.Optional;

/**
 * The settings of a DJL {@link BatchNorm} that a fused script must repeat: DJL 0.36 keeps them in
 * private fields without getters, so they are read reflectively. Where they cannot be read the
 * layer is not fused and runs as DJL's own block.
 *
 * @param axis the channel axis
 * @param epsilon added to the variance
 * @param momentum DJL's momentum: the weight of the old running value
 */
record BatchNormSettings(int axis, float epsilon, float momentum) {

    static Optional<BatchNormSettings> of(BatchNorm bn) {
        try {
            return Optional.of(new BatchNormSettings(field(bn, "axis").getInt(bn), field(bn, "epsilon").getFloat(bn),
                    field(bn, "momentum").getFloat(bn)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The momentum as {@code torch.batch_norm} takes it (the weight of the new batch statistic):
     * DJL's PyTorch engine passes {@code 1 - momentum}, computed in float, to the same op, so the
     * running statistics move by exactly the same factor as in DJL's fp32 block.
     */
    double torchMomentum() {
        return 1.0f - momentum;
    }

    private static Field field(BatchNorm bn, String name) throws NoSuchFieldException {
        Field f = BatchNorm.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }
}
