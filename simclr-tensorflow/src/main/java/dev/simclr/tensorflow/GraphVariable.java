package dev.simclr.tensorflow;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A float variable of the training graph (a network parameter or an optimizer buffer) with the
 * placeholder and assign operator that load a value into it from outside the graph.
 *
 * @param name the parameter's name in the block tree, or the buffer's name after it
 * @param shape the variable's shape, in DJL's axis order
 * @param variable the variable
 * @param value what {@link #load} assigns
 * @param load assigns {@link #value} to {@link #variable}
 */
record GraphVariable(String name, long[] shape, Variable<TFloat32> variable, Placeholder<TFloat32> value, Assign<TFloat32> load) {

    static GraphVariable create(Ops tf, String name, long[] shape) {
        Variable<TFloat32> v = tf.variable(Shape.of(shape), TFloat32.class);
        Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
        return new GraphVariable(name, shape.clone(), v, p, tf.assign(v, p));
    }

    /** A tensor of this variable's shape holding {@code values} (row-major), for {@link #value}. */
    TFloat32 tensor(float[] values) {
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(values, true, false));
    }

    /** The values of a float tensor, row-major. */
    static float[] values(Tensor tensor) {
        TFloat32 t = (TFloat32) tensor;
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.copyTo(DataBuffers.of(out, false, false));
        return out;
    }
}
