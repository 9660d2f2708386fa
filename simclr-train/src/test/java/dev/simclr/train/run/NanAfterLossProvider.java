package dev.simclr.train.run;

import dev.simclr.api.ContrastiveLoss;
import dev.simclr.api.LossProvider;
import dev.simclr.api.LossResult;
import dev.simclr.api.Param;
import dev.simclr.api.Params;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.List;
import java.util.Map;

/** A loss that is NT-Xent (temperature 0.5) until its {@code after}-th call, then NaN: a run that diverges on cue. */
final class NanAfterLossProvider implements LossProvider {

    private final PluginRegistry builtIn;

    private NanAfterLossProvider(PluginRegistry builtIn) {
        this.builtIn = builtIn;
    }

    /** The built-in providers plus this one. */
    static PluginRegistry registry() {
        return TinyRun.registryWith(new NanAfterLossProvider(TinyRun.registry()));
    }

    @Override
    public String name() {
        return "nan-after";
    }

    @Override
    public String description() {
        return "NT-Xent, then NaN from a given call on";
    }

    @Override
    public List<Param> parameters() {
        return List.of(Param.integer("after", 3, 0, null, "calls before the loss becomes NaN"));
    }

    @Override
    public ContrastiveLoss create(Params params) {
        int after = params.getInt("after");
        ContrastiveLoss ntXent = builtIn.get(LossProvider.class, "nt-xent").create(Params.of("loss", Map.of("temperature", 0.5)));
        int[] calls = {0};
        return z -> {
            LossResult r = ntXent.compute(z);
            if (calls[0]++ >= after) {
                return new LossResult(r.loss().mul(Float.NaN), r.metrics());
            }
            return r;
        };
    }
}
