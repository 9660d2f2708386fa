package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.ParameterStore;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds out which DJL operator a {@link LambdaBlock} applies. A lambda block is opaque (DJL's
 * {@code Pool.maxPool2dBlock(kernel, stride, padding)} keeps its arguments inside a closure), so
 * the block is run once on a stand-in array that records the operator calls made on it instead of
 * computing anything. A block that makes exactly one call of DJL's operator interface
 * ({@code NDArrayEx}, through which {@code Activation.relu} and the {@code Pool} functions go) on
 * its input and returns that call's result is identified by that call, arguments included.
 */
final class LambdaProbe {

    /**
     * One operator call.
     *
     * @param operator the name of the {@code NDArrayEx} method, e.g. {@code maxPool}
     * @param arguments its arguments, e.g. kernel, stride, padding and ceil mode
     */
    record Call(String operator, List<Object> arguments) {}

    /** Methods of {@code Object} that a stand-in answers without counting them as operators. */
    private static final Set<String> OBJECT_METHODS = Set.of("hashCode", "equals", "toString");

    /** Raised inside the probed block to stop it at its first call that is not one operator on its input. */
    private static final class NotOneOperator extends RuntimeException {
        NotOneOperator() {
            super(null, null, false, false);
        }
    }

    private LambdaProbe() {}

    /**
     * @param block the lambda block
     * @param input the shape the block receives, in DJL's axis order
     * @param manager answers {@code getManager()} on the stand-in; nothing is created in it
     * @return the operator the block applies to its input, or empty when it does anything else
     */
    static Optional<Call> identify(LambdaBlock block, Shape input, NDManager manager) {
        List<Call> calls = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        NDArray standIn = standIn(input, manager, calls, results);
        NDList out;
        try {
            out = block.forward(new ParameterStore(manager, false), new NDList(standIn), false);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (calls.size() == 1 && out.size() == 1 && results.size() == 1 && out.get(0) == results.get(0)) {
            return Optional.of(calls.get(0));
        }
        return Optional.empty();
    }

    private static NDArray standIn(Shape shape, NDManager manager, List<Call> calls, List<Object> results) {
        NDArrayEx[] ex = new NDArrayEx[1];
        NDArray array = (NDArray) Proxy.newProxyInstance(NDArray.class.getClassLoader(), new Class<?>[] {NDArray.class},
                (self, m, args) -> switch (m.getName()) {
                    case "getShape" -> shape;
                    case "getDataType" -> DataType.FLOAT32;
                    case "getManager" -> manager;
                    case "getDevice" -> manager.getDevice();
                    case "getNDArrayInternal" -> ex[0];
                    default -> query(self, m, args);
                });
        ex[0] = (NDArrayEx) Proxy.newProxyInstance(NDArrayEx.class.getClassLoader(), new Class<?>[] {NDArrayEx.class},
                (self, m, args) -> {
                    if (OBJECT_METHODS.contains(m.getName())) {
                        return query(self, m, args);
                    }
                    if (!calls.isEmpty() || !NDArray.class.equals(m.getReturnType())) {
                        throw new NotOneOperator();
                    }
                    calls.add(new Call(m.getName(), args == null ? List.of() : List.of(args)));
                    Object result = opaque(manager);
                    results.add(result);
                    return result;
                });
        return array;
    }

    /** The result of the recorded call: any use of it means the block does more than one operator. */
    private static NDArray opaque(NDManager manager) {
        return (NDArray) Proxy.newProxyInstance(NDArray.class.getClassLoader(), new Class<?>[] {NDArray.class},
                (self, m, args) -> {
                    if (m.getName().equals("getManager")) {
                        return manager;
                    }
                    if (OBJECT_METHODS.contains(m.getName())) {
                        return query(self, m, args);
                    }
                    throw new NotOneOperator();
                });
    }

    private static Object query(Object self, Method m, Object[] args) {
        return switch (m.getName()) {
            case "hashCode" -> System.identityHashCode(self);
            case "equals" -> self == args[0];
            case "toString" -> "operator probe";
            default -> throw new NotOneOperator();
        };
    }
}
