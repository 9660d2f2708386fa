package dev.simclr.loss;

import com.google.auto.service.AutoService;
import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.LossProvider;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import java.util.List;

/** Loss {@code nt-xent}: see {@link NtXentLoss}. */
@AutoService(LossProvider.class)
public final class NtXentLossProvider implements LossProvider {

    static final String TEMPERATURE = "temperature";

    /**
     * 0.5 is the reference tutorial's value (the paper's CIFAR-10 runs use 0.5 too, appendix B.9).
     * The declared range is [0.001, 10] because declarations are inclusive; the loss itself accepts
     * any positive value.
     */
    private static final List<Param> PARAMETERS = List.of(
            Param.real(TEMPERATURE, 0.5, 0.001, 10.0, "softmax temperature tau dividing the cosine similarities"));

    @Override
    public String name() {
        return "nt-xent";
    }

    @Override
    public String description() {
        return "NT-Xent (SimCLR eq. 1): cross entropy of each view against its partner over all 2B-1 candidates";
    }

    @Override
    public List<Param> parameters() {
        return PARAMETERS;
    }

    @Override
    public ContrastiveLoss create(Params params) {
        return new NtXentLoss(params.getDouble(TEMPERATURE));
    }
}
