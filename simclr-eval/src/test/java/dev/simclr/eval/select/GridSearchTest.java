package dev.simclr.eval.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridSearchTest {

    private static final GridSearch.Axis K = new GridSearch.Axis("k", new double[] {50, 20, 10});
    private static final GridSearch.Axis T = new GridSearch.Axis("temperature", new double[] {0.05, 0.1, 0.2});

    @Test
    void findsTheBestPointOfTheProductAndVisitsTheLastAxisFastest() throws Exception {
        List<String> visited = new ArrayList<>();
        GridSearch.Result r = GridSearch.search(List.of(K, T), p -> {
            visited.add(GridSearch.fmt(p[0]) + "/" + p[1]);
            return -Math.abs(p[0] - 20) - Math.abs(p[1] - 0.1);
        });
        assertEquals(Map.of("k", 20.0, "temperature", 0.1), r.selected());
        assertEquals(List.of("50/0.05", "50/0.1", "50/0.2", "20/0.05"), visited.subList(0, 4));
        assertEquals(9, visited.size());
        assertTrue(r.searched());
        assertNull(r.edgeWarning("knn"), "an inner choice needs no warning");
    }

    @Test
    void ofEqualScoresTheFirstVisitedWins() throws Exception {
        GridSearch.Result r = GridSearch.search(List.of(K), p -> p[0] == 10 ? 0.5 : 0.9);
        assertEquals(50.0, r.value("k", -1));
    }

    @Test
    void aChoiceAtTheEdgeOfItsGridIsOneWarningLineNamingTheAxis() throws Exception {
        GridSearch.Result r = GridSearch.search(List.of(K, T), p -> p[1] - Math.abs(p[0] - 20));
        String w = r.edgeWarning("knn@raw-pixels");
        assertTrue(w.contains("knn@raw-pixels") && w.contains("temperature 0.2 is the largest of its grid"), w);
        assertFalse(w.contains("\n"));
        assertFalse(w.contains("k 20"), "k is inside its grid: " + w);
    }

    @Test
    void aGridOfOneIsTakenAsItIsWithoutScoring() {
        GridSearch.Result r = GridSearch.only(List.of(new GridSearch.Axis("weight-decay", new double[] {1e-3})));
        assertEquals(1e-3, r.value("weight-decay", -1));
        assertEquals(7.0, r.value("lr", 7.0), "an axis the grid lacks falls back");
        assertFalse(r.searched());
        assertNull(r.edgeWarning("linear-probe"));
    }
}
