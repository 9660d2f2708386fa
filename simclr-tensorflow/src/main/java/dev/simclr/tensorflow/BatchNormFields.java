package dev.simclr.tensorflow;

import ai.djl.nn.norm.BatchNorm;
import java.lang.reflect.Field;

/**
 * The settings of a DJL {@link BatchNorm} that a translation to TensorFlow operators needs. DJL
 * keeps them private, so they are read by reflection (as of DJL 0.36).
 *
 * @param axis the channel axis
 * @param epsilon added to the variance
 * @param momentum the weight of the old running value in DJL's update ({@code 1 -} torch's momentum)
 * @param center whether beta is learned
 * @param scale whether gamma is learned
 */
record BatchNormFields(int axis, float epsilon, float momentum, boolean center, boolean scale) {

    private static final Field AXIS = field("axis");
    private static final Field EPSILON = field("epsilon");
    private static final Field MOMENTUM = field("momentum");
    private static final Field CENTER = field("center");
    private static final Field SCALE = field("scale");

    static BatchNormFields of(BatchNorm bn) {
        return new BatchNormFields((int) read(AXIS, bn), (float) read(EPSILON, bn), (float) read(MOMENTUM, bn),
                (boolean) read(CENTER, bn), (boolean) read(SCALE, bn));
    }

    private static Field field(String name) {
        try {
            Field f = BatchNorm.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("DJL's BatchNorm has no field '" + name + "' as in DJL 0.36; use DJL 0.36.0", e);
        }
    }

    private static Object read(Field f, BatchNorm bn) {
        try {
            return f.get(bn);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read BatchNorm." + f.getName() + ": " + e.getMessage(), e);
        }
    }
}
