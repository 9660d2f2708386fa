package dev.simclr.data;

import dev.simclr.api.ImageDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Draws the same number of images from every class with a seed. Used by the {@code per-class}
 * option and by the tool that made the built-in Fashion-MNIST subset, so both choose alike: for
 * each class in label order, a partial Fisher-Yates shuffle of that class's indices (in dataset
 * order) with one {@link Random} seeded once; the chosen indices are returned in dataset order.
 */
public final class StratifiedSampler {

    private StratifiedSampler() {}

    /**
     * @return {@code perClass x numClasses} indices into {@code dataset}, ascending
     * @throws DatasetException when the dataset is unlabeled or a class has fewer than {@code perClass} images
     */
    public static int[] perClass(ImageDataset dataset, int perClass, long seed) throws DatasetException {
        if (!dataset.labeled()) {
            throw new DatasetException(dataset.description() + ": per-class needs labels, but this dataset is unlabeled"
                    + " (a flat image folder?); use limit instead, or arrange the images in one sub-folder per class");
        }
        if (perClass < 1) {
            throw new IllegalArgumentException("per-class must be >= 1, got " + perClass);
        }
        int k = dataset.numClasses();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < dataset.size(); i++) {
            byClass.get(dataset.label(i)).add(i);
        }
        StringBuilder lacking = new StringBuilder();
        for (int c = 0; c < k; c++) {
            if (byClass.get(c).size() < perClass) {
                lacking.append(lacking.length() == 0 ? "" : ", ")
                        .append(c).append(" '").append(dataset.classNames().get(c)).append("' has ").append(byClass.get(c).size());
            }
        }
        if (lacking.length() > 0) {
            throw new DatasetException(dataset.description() + ": per-class " + perClass + " asks for " + perClass
                    + " images of every class, but class " + lacking + "; lower per-class or use limit");
        }
        Random random = new Random(seed);
        int[] chosen = new int[k * perClass];
        int at = 0;
        for (int c = 0; c < k; c++) {
            int[] members = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < perClass; i++) {
                int j = i + random.nextInt(members.length - i);
                int t = members[i];
                members[i] = members[j];
                members[j] = t;
                chosen[at++] = members[i];
            }
        }
        Arrays.sort(chosen);
        return chosen;
    }
}
