package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * One eager call of a TensorFlow raw operator (by its registered name, e.g. {@code Conv2D}) on
 * arrays of DJL's TensorFlow engine.
 *
 * <p>DJL 0.36 runs its own operators through {@code TfNDManager.opExecutor(name)}, whose result type
 * is package-private; it is reached here by reflection (the engine jar is on the class path, so
 * nothing is exported or opened). Attribute and input spelling follow TensorFlow's op registry
 * ({@code tensorflow/core/ops/nn_ops.cc}).
 */
final class TfOp {

    private static final Method OP_EXECUTOR;
    private static final Method ADD_INPUT;
    private static final Method ATTR_STRING;
    private static final Method ATTR_INTS;
    private static final Method ATTR_BOOL;
    private static final Method BUILD_ONE;

    static {
        try {
            Class<?> manager = Class.forName("ai.djl.tensorflow.engine.TfNDManager");
            Class<?> executor = Class.forName("ai.djl.tensorflow.engine.TfOpExecutor");
            OP_EXECUTOR = manager.getMethod("opExecutor", String.class);
            ADD_INPUT = accessible(executor.getMethod("addInput", NDArray.class));
            ATTR_STRING = accessible(executor.getMethod("addParam", String.class, String.class));
            ATTR_INTS = accessible(executor.getMethod("addParam", String.class, long[].class));
            ATTR_BOOL = accessible(executor.getMethod("addParam", String.class, boolean.class));
            BUILD_ONE = accessible(executor.getMethod("buildSingletonOrThrow"));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "DJL's TensorFlow engine on the class path has no operator executor as in DJL 0.36 ("
                            + e.getMessage() + "); use ai.djl.tensorflow:tensorflow-engine 0.36.0", e));
        }
    }

    private final Object executor;
    private final String name;

    private TfOp(Object executor, String name) {
        this.executor = executor;
        this.name = name;
    }

    /** Starts the operator {@code name} on the device of {@code manager}, a TensorFlow manager. */
    static TfOp of(NDManager manager, String name) {
        return new TfOp(call(name, OP_EXECUTOR, manager, name), name);
    }

    TfOp input(NDArray array) {
        call(name, ADD_INPUT, executor, array);
        return this;
    }

    TfOp attr(String key, String value) {
        call(name, ATTR_STRING, executor, key, value);
        return this;
    }

    TfOp attr(String key, long... values) {
        call(name, ATTR_INTS, executor, key, values);
        return this;
    }

    TfOp attr(String key, boolean value) {
        call(name, ATTR_BOOL, executor, key, value);
        return this;
    }

    /** Runs the operator; its one output belongs to the manager it was started on. */
    NDArray run() {
        return (NDArray) call(name, BUILD_ONE, executor);
    }

    private static Object call(String name, Method m, Object target, Object... args) {
        try {
            return m.invoke(target, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call DJL's TensorFlow operator executor (" + e.getMessage() + ")", e);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw new IllegalStateException("TensorFlow operator " + name + " failed: " + r.getMessage(), r);
            }
            throw new IllegalStateException("TensorFlow operator " + name + " failed: " + cause, cause);
        }
    }

    private static Method accessible(Method m) {
        m.setAccessible(true);
        return m;
    }
}
