package dev.simclr.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.simclr.api.EvaluatorProvider;
import dev.simclr.api.Param;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class EvaluatorRegistrationTest {

    @Test
    void everyEvaluatorIsFoundByServiceLoaderAndBuildsFromDefaults() {
        Set<String> names = new TreeSet<>();
        for (EvaluatorProvider p : ServiceLoader.load(EvaluatorProvider.class)) {
            names.add(p.name());
            assertFalse(p.description().isBlank(), p.name());
            for (Param param : p.parameters()) {
                assertEquals(param.name(), param.name().toLowerCase(), "kebab-case key " + param.name());
                assertFalse(param.description().isBlank(), p.name() + "." + param.name());
            }
            assertNotNull(p.create(TestParams.of(p, java.util.Map.of())), p.name());
        }
        assertEquals(new TreeSet<>(Set.of("linear-probe", "knn", "similarity-grid", "embeddings", "projection-plot", "report",
                "nearest-neighbours", "tsne-map")), names);
    }
}
