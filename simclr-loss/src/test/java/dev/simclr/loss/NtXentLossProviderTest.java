package dev.simclr.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.LossProvider;
import dev.simclr.api.Params;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ParamValidator;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NtXentLossProviderTest {

    private final LossProvider provider =
            PluginRegistry.load(getClass().getClassLoader()).get(LossProvider.class, "nt-xent");

    @Test
    void ntXentIsFoundByNameAndDefaultsToTemperatureHalf() {
        List<ConfigError> errors = new ArrayList<>();
        Params params = ParamValidator.validate(Map.of(), provider.parameters(), "loss.nt-xent", errors);
        assertTrue(errors.isEmpty(), errors.toString());
        try (NtXentLoss loss = (NtXentLoss) provider.create(params)) {
            assertEquals(0.5, loss.temperature());
        }
    }

    @Test
    void temperatureOutsideItsRangeIsAConfigError() {
        List<ConfigError> errors = new ArrayList<>();
        ParamValidator.validate(Map.of("temperature", 0.0), provider.parameters(), "loss.nt-xent", errors);
        ParamValidator.validate(Map.of("temperature", 11.0), provider.parameters(), "loss.nt-xent", errors);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("loss.nt-xent.temperature", errors.get(0).path());
    }
}
