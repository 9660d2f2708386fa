package dev.simclr.train.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.simclr.api.TestProviders;
import dev.simclr.api.config.ComponentConfig;
import dev.simclr.api.config.ConfigError;
import dev.simclr.api.config.ConfigException;
import dev.simclr.api.config.RunConfig;
import dev.simclr.api.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    private final ConfigValidator validator = new ConfigValidator(PluginRegistry.of(TestProviders.all()));

    /** A valid run tree; tests break one thing each. */
    private static Map<String, Object> valid() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("seed", 7);
        t.put("data", map("train", map("name", "idx", "path", "/data", "split", "train"), "test", map("name", "idx", "path", "/data", "split", "test")));
        List<Object> augment = new ArrayList<>();
        augment.add(map("horizontal-flip", map("p", 0.5)));
        augment.add(map("color-jitter", map("brightness", 0.8, "hue", 0.2)));
        augment.add("normalize");
        t.put("augment", augment);
        t.put("model", map("encoder", map("name", "resnet18", "stem", "cifar"), "head", "mlp"));
        t.put("train", map("epochs", 3, "batch-size", 64));
        return t;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Map<String, Object> tree, String key) {
        return (T) tree.get(key);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private List<String> errors(Map<String, Object> tree) {
        ConfigException e = assertThrows(ConfigException.class, () -> validator.validate(tree));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void validTreeResolvesWithEveryDefaultFilledIn() {
        RunConfig rc = validator.validate(valid());
        assertEquals(7, rc.seed());
        assertEquals("pytorch", rc.backend().name());
        assertEquals("cpu", rc.backend().params().getString("device"));
        assertEquals(3, rc.train().getInt("epochs"));
        assertEquals("adam", rc.train().getString("optimizer"));
        assertEquals(0.8, rc.augment().get(1).params().getDouble("p"));
        assertEquals(List.of("linear-probe"), rc.evaluate().stream().map(ComponentConfig::name).toList());
        assertEquals(0.5, rc.loss().params().getDouble("temperature"));
        Map<String, Object> resolved = rc.toTree();
        assertEquals(List.of("seed", "backend", "data", "augment", "model", "loss", "train", "evaluate", "output"), List.copyOf(resolved.keySet()));
    }

    @Test
    void resolvedTreeValidatesAgainToTheSameConfig() {
        RunConfig rc = validator.validate(valid());
        assertEquals(rc.toTree(), validator.validate(rc.toTree()).toTree());
    }

    @Test
    void misspelledTrainKeyNamesItsPathAndSuggestsTheKnownKey() {
        Map<String, Object> t = valid();
        Map<String, Object> train = at(t, "train");
        train.put("epocs", 5);
        assertEquals(List.of("train.epocs: unknown key, did you mean epochs?"), errors(t));
    }

    @Test
    void wrongTypeNamesPathValueAndWhatIsAllowed() {
        Map<String, Object> t = valid();
        Map<String, Object> train = at(t, "train");
        train.put("epochs", "ten");
        assertEquals(List.of("train.epochs: wrong type: got the string 'ten'; expected an integer in [1, 1000000]"), errors(t));
    }

    @Test
    void valueOutOfRangeInAListItemNamesTheIndexedPath() {
        Map<String, Object> t = valid();
        List<Object> augment = at(t, "augment");
        augment.set(1, map("color-jitter", map("hue", 0.7)));
        assertEquals(List.of("augment[1].color-jitter.hue: value 0.7 is out of range; expected a number in [0, 0.5]"), errors(t));
    }

    @Test
    void unknownProviderNameListsKnownOnes() {
        Map<String, Object> t = valid();
        Map<String, Object> model = at(t, "model");
        model.put("encoder", map("name", "resnet81"));
        assertEquals(List.of("model.encoder.name: unknown encoder 'resnet81', did you mean resnet18? (known: resnet18)"), errors(t));
    }

    @Test
    void unknownAugmentationInTheListNamesItsIndex() {
        Map<String, Object> t = valid();
        List<Object> augment = at(t, "augment");
        augment.add("solarise");
        List<String> errs = errors(t);
        assertEquals(1, errs.size());
        assertTrue(errs.get(0).startsWith("augment[3]: unknown augmentation 'solarise'"), errs.get(0));
    }

    @Test
    void missingRequiredDatasetPathIsReported() {
        Map<String, Object> t = valid();
        Map<String, Object> data = at(t, "data");
        data.put("train", map("name", "idx"));
        assertEquals(List.of("data.train.path: missing; expected a string (folder)"), errors(t));
    }

    @Test
    void everyProblemIsReportedTogether() {
        Map<String, Object> t = valid();
        t.put("sed", 1);
        Map<String, Object> train = at(t, "train");
        train.put("epocs", 5);
        train.put("batch-size", 1);
        train.put("optimizer", "adamw");
        Map<String, Object> data = at(t, "data");
        data.put("train", map("name", "idx", "path", "/d", "per-class", 0));
        List<String> errs = errors(t);
        assertEquals(List.of(
                "sed: unknown key, did you mean seed?",
                "data.train.per-class: value 0 is out of range; expected an integer >= 1",
                "train.epocs: unknown key, did you mean epochs?",
                "train.batch-size: value 1 is out of range; expected an integer in [2, 1048576]",
                "train.optimizer: value 'adamw' is not allowed; expected one of [adam, sgd, lars] (did you mean adam?)"), errs);
    }

    @Test
    void listItemsMustBeANameOrOneNameWithSettings() {
        Map<String, Object> t = valid();
        List<Object> augment = at(t, "augment");
        augment.add(map("horizontal-flip", map("p", 0.1), "normalize", map()));
        List<String> errs = errors(t);
        assertTrue(errs.get(0).startsWith("augment[3]: expected a augmentation name, or one name with its settings"), errs.get(0));
    }

    @Test
    void aSectionOfTheWrongShapeIsReported() {
        Map<String, Object> t = valid();
        t.put("train", List.of(1, 2));
        assertEquals(List.of("train: wrong type: got a list; expected a map of settings"), errors(t));
    }

    @Test
    void listParameterElementsAreChecked() {
        Map<String, Object> t = valid();
        List<Object> augment = at(t, "augment");
        augment.set(2, map("normalize", map("std", List.of(0.5, 0.0))));
        assertEquals(List.of("augment[2].normalize.std[1]: value 0 is out of range; expected a list of numbers >= 1.0E-6"), errors(t));
    }

    @Test
    void evaluatorsWithoutTestDataAreReported() {
        Map<String, Object> t = valid();
        Map<String, Object> data = at(t, "data");
        data.remove("test");
        assertEquals(List.of("data.test: missing; the evaluators need labelled test data (or set evaluate: [])"), errors(t));
    }

    @Test
    void aProvidersOwnCheckIsReportedWithItsPath() {
        Map<String, Object> t = valid();
        t.put("backend", map("name", "pytorch", "device", "gpux"));
        assertEquals(List.of("backend.device: expected cpu or gpu"), errors(t));
    }

    @Test
    void nesterovWithoutMomentumIsRefused() {
        Map<String, Object> t = valid();
        Map<String, Object> train = at(t, "train");
        train.put("optimizer", "sgd");
        train.put("nesterov", true);
        train.put("momentum", 0.0);
        assertEquals(List.of("train.nesterov: needs train.momentum > 0 (it is 0)"), errors(t));
    }
}
