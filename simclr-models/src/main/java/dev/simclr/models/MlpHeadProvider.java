package dev.simclr.models;

import com.google.auto.service.AutoService;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.ProjectionHead;
import dev.simclr.api.ProjectionHeadProvider;
import java.util.List;

/** Projection head {@code mlp}: see {@link MlpHead}. */
@AutoService(ProjectionHeadProvider.class)
public final class MlpHeadProvider implements ProjectionHeadProvider {

    static final String LAYERS = "layers";
    static final String HIDDEN = "hidden";
    static final String OUT = "out";
    static final String BATCH_NORM = "batch-norm";

    private static final List<Param> PARAMETERS = List.of(
            Param.integer(LAYERS, 2, 1, 4, "number of Linear layers: 2 as SimCLR v1, 3 as SimCLR v2"),
            Param.integer(HIDDEN, 512, 1, 65536, "width of the hidden layers"),
            Param.integer(OUT, 128, 1, 65536, "size of the projection the loss sees"),
            Param.bool(BATCH_NORM, false, "batch norm after each Linear, biases dropped (SimCLR v2 head)"));

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public String description() {
        return "MLP projection head (Linear-ReLU-...-Linear, optional batch norm)";
    }

    @Override
    public List<Param> parameters() {
        return PARAMETERS;
    }

    @Override
    public ProjectionHead create(Params params, int featureSize) {
        return MlpHead.create(featureSize, params.getInt(LAYERS), params.getInt(HIDDEN), params.getInt(OUT),
                params.getBool(BATCH_NORM));
    }
}
