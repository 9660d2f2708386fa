package dev.simclr.train.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepGridTest {

    @Test
    void everyCombinationRunsTheLastAxisFastestAndListValuesStayWhole() {
        SweepGrid g = SweepGrid.parse(List.of("loss.temperature=0.1,0.5", "augment[0].random-resized-crop.scale=[0.08,1.0],[0.5, 1.0]"));
        assertEquals(List.of("[0.08,1.0]", "[0.5, 1.0]"), g.axes().get(1).values());
        List<Map<String, String>> c = g.combinations();
        assertEquals(4, c.size());
        assertEquals(Map.of("loss.temperature", "0.1", "augment[0].random-resized-crop.scale", "[0.5, 1.0]"), c.get(1));
        List<SweepPoint> points = SweepPoint.of(g);
        assertEquals(List.of("temperature-0.1_scale-0.08-1.0", "temperature-0.1_scale-0.5-1.0", "temperature-0.5_scale-0.08-1.0",
                "temperature-0.5_scale-0.5-1.0"), points.stream().map(SweepPoint::name).toList());
        assertEquals(List.of("loss.temperature=0.1", "augment[0].random-resized-crop.scale=[0.08,1.0]"), points.get(0).overrides());
    }

    @Test
    void onlyKeysWithSeveralValuesNameTheRunsAndWholeKeysTellApartTwoOfOneName() {
        SweepGrid g = SweepGrid.parse(List.of("train.epochs=3", "train.lr=0.001,0.01", "probe.lr=0.1,1"));
        assertEquals(List.of("train.lr", "probe.lr"), g.varied());
        assertEquals("train.lr-0.001_probe.lr-0.1", SweepPoint.of(g).get(0).name());
        assertEquals("run", SweepPoint.of(SweepGrid.parse(List.of("train.epochs=3"))).get(0).name());
    }

    @Test
    void unreadableGridsAreRefusedWithWhatIsExpected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of())).getMessage().contains("at least one --grid"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("a=1", "a=2"))).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("a=1,,2"))).getMessage().contains("empty value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepGrid.parse(List.of("a=1,1"))).getMessage().contains("listed twice"));
        SweepGrid clash = SweepGrid.parse(List.of("a=x y,x-y"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepPoint.of(clash)).getMessage().contains("share the folder a-x-y"));
    }
}
