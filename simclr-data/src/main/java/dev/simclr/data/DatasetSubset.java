package dev.simclr.data;

import dev.simclr.api.ImageDataset;
import dev.simclr.api.ImageShape;
import dev.simclr.api.ImageStore;
import java.util.List;

/**
 * Some images of a streamed dataset, in a given order, without copying their pixels: what
 * {@code limit} and {@code per-class} make of a dataset that is read as it is used (an in-memory
 * dataset is copied into a smaller {@link ImageStore} instead).
 */
final class DatasetSubset implements ImageDataset {

    private final ImageDataset source;
    private final int[] indices;
    private final String description;

    private DatasetSubset(ImageDataset source, int[] indices, String description) {
        this.source = source;
        this.indices = indices.clone();
        this.description = description;
    }

    /** The chosen images: a view of a streamed dataset, a copy of any other. */
    static ImageDataset select(ImageDataset source, int[] indices, String description) {
        if (source instanceof StreamedDataset || source instanceof DatasetSubset) {
            return new DatasetSubset(source, indices, description);
        }
        return ImageStore.select(source, indices, description);
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int size() {
        return indices.length;
    }

    @Override
    public ImageShape shape() {
        return source.shape();
    }

    @Override
    public int numClasses() {
        return source.numClasses();
    }

    @Override
    public int label(int index) {
        return source.label(indices[index]);
    }

    @Override
    public List<String> classNames() {
        return source.classNames();
    }

    @Override
    public void copyPixels(int index, byte[] dst, int offset) {
        source.copyPixels(indices[index], dst, offset);
    }
}
