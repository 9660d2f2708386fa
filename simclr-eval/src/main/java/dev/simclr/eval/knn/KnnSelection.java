package dev.simclr.eval.knn;

import ai.djl.ndarray.NDManager;
import dev.simclr.api.Features;
import dev.simclr.eval.TopK;
import dev.simclr.eval.select.GridSearch;
import dev.simclr.eval.select.ValidationSplit;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses k and the temperature by validation top-1: the validation part of the train split
 * queries a bank of the rest. The neighbours are found once for the largest k; every point of the
 * grid only re-weighs their votes.
 */
final class KnnSelection {

    static final String K = "k";
    static final String TEMPERATURE = "temperature";

    private KnnSelection() {}

    /** @param axes {@link #K} (largest first, so a tie goes to the smoother vote) then {@link #TEMPERATURE} */
    static GridSearch.Result choose(NDManager manager, Features train, int classes, List<GridSearch.Axis> axes,
            ValidationSplit split) throws Exception {
        Features bank = split.fitPart(train);
        Features validation = split.validationPart(train);
        int largest = (int) Arrays.stream(axes.get(0).values()).max().orElseThrow();
        Neighbours near = Neighbours.find(manager, bank, validation, largest);
        return GridSearch.search(axes, point -> TopK.accuracy(near.votes((int) point[0], point[1], classes), validation.labels(), classes, 1));
    }
}
