package dev.simclr.eval;

import dev.simclr.api.Params;
import dev.simclr.api.Provider;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ParamValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parameters as the framework would pass them: given values checked, defaults filled in. */
public final class TestParams {

    private TestParams() {}

    public static Params of(Provider provider, Map<String, Object> given) {
        List<ConfigError> errors = new ArrayList<>();
        Params p = ParamValidator.validate(given, provider.parameters(), "evaluate[0]." + provider.name(), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(errors.toString());
        }
        return p;
    }
}
