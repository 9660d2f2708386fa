package dev.simclr.tensorflow;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * An activation on its way through an interpreted block tree, with the order of its axes. Arrays
 * other than 4-d ones are always {@link Layout#CHANNELS_FIRST} (their layout is DJL's). Keeping the
 * layout with the array lets consecutive convolutions stay channels-last, transposing only where a
 * block needs DJL's order.
 *
 * @param array the values, owned by the pass's manager
 * @param layout the order of the axes of {@code array}
 */
record FeatureMap(NDArray array, Layout layout) {

    static FeatureMap channelsFirst(NDArray array) {
        return new FeatureMap(array, Layout.CHANNELS_FIRST);
    }

    boolean isImage() {
        return array.getShape().dimension() == 4;
    }

    /** The same values in {@code [N, H, W, C]} order; 4-d arrays only. */
    FeatureMap toChannelsLast(NDManager pass) {
        if (layout == Layout.CHANNELS_LAST) {
            return this;
        }
        return new FeatureMap(TfOps.transpose(pass, array, 0, 2, 3, 1), Layout.CHANNELS_LAST);
    }

    /** The same values in DJL's order. */
    FeatureMap toChannelsFirst(NDManager pass) {
        if (layout == Layout.CHANNELS_FIRST) {
            return this;
        }
        return new FeatureMap(TfOps.transpose(pass, array, 0, 3, 1, 2), Layout.CHANNELS_FIRST);
    }

    /** The shape a DJL block would see: {@code [N, C, H, W]} for images. */
    Shape djlShape() {
        Shape s = array.getShape();
        return layout == Layout.CHANNELS_LAST ? new Shape(s.get(0), s.get(3), s.get(1), s.get(2)) : s;
    }
}
