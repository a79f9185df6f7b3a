package io.orderlift.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.orderlift.evaluation.AbAnalysis;
import io.orderlift.evaluation.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRecorderTest {

    @TempDir
    Path dir;

    private DemoRecorder recorder(double controlShare) throws Exception {
        return new DemoRecorder(dir, Map.of("TENT", 300.0, "STAKES", 9.0, "FOOT", 54.0), controlShare, 7, false);
    }

    @Test
    void ordersOffersAndTapsBecomeTheFileAbtestReads() throws Exception {
        DemoRecorder recorder = recorder(0.5);
        int control = 0;
        for (int i = 0; i < 40; i++) {
            DemoRecorder.Placed placed = recorder.place(List.of(new DemoRecorder.Line("TENT", 1),
                    new DemoRecorder.Line("STAKES", 2)));
            assertEquals(318.0, placed.value());
            if (placed.arm().equals(DemoRecorder.CONTROL)) {
                control++;
                String order = placed.orderId();
                assertThrows(IllegalArgumentException.class, () -> recorder.impression(
                        new DemoRecorder.Impression("c" + order, "confirmation", "FOOT", order)),
                        "the control arm shows no offers");
                continue;
            }
            recorder.impression(new DemoRecorder.Impression("i" + i, "confirmation", "FOOT", placed.orderId()));
            if (i % 3 == 0) {
                assertEquals(372.0, recorder.accept("i" + i).orderValue());
                assertFalse(recorder.accept("i" + i).counted(), "a second tap counts once");
            }
        }
        assertTrue(control > 5 && control < 35, control + " of 40 in control");
        Experiment experiment = Experiment.read(recorder.experiment());
        assertEquals(control, experiment.arms().get("control").size());
        assertTrue(experiment.arms().get("treatment").stream().allMatch(r -> r.offerImpressions() == 1));
        AbAnalysis.Report report = new AbAnalysis().analyse(experiment);
        assertEquals(2, report.arms().size());
        assertTrue(Files.readAllLines(recorder.events()).size() > 40);
    }

    @Test
    void withABaselineTheOrdersOutsideControlSplitEvenlyIntoTreatmentAndPopularity() throws Exception {
        DemoRecorder recorder = new DemoRecorder(dir, Map.of("TENT", 300.0), 0.2, 11, true);
        Map<String, Integer> arms = new java.util.TreeMap<>();
        for (int i = 0; i < 1_200; i++) {
            arms.merge(recorder.place(List.of(new DemoRecorder.Line("TENT", 1))).arm(), 1, Integer::sum);
        }
        assertEquals(List.of("control", "popularity", "treatment"), List.copyOf(arms.keySet()));
        // 240, 480 and 480 expected; five standard deviations either way
        assertTrue(Math.abs(arms.get("control") - 240) < 70, arms.toString());
        assertTrue(Math.abs(arms.get("popularity") - 480) < 85, arms.toString());
        assertTrue(Math.abs(arms.get("treatment") - 480) < 85, arms.toString());
    }

    @Test
    void badEventsAreRefusedWithAReason() throws Exception {
        DemoRecorder recorder = recorder(0);
        String order = recorder.place(List.of(new DemoRecorder.Line("TENT", 1))).orderId();
        assertThrows(IllegalArgumentException.class, () -> recorder.place(List.of()));
        assertThrows(IllegalArgumentException.class, () -> recorder.place(List.of(new DemoRecorder.Line("NOPE", 1))));
        assertThrows(IllegalArgumentException.class, () -> recorder.place(List.of(new DemoRecorder.Line("TENT", 0))));
        recorder.impression(new DemoRecorder.Impression("a", "cart", "FOOT", null));
        assertThrows(IllegalArgumentException.class, () -> recorder.impression(
                new DemoRecorder.Impression("a", "cart", "FOOT", null)), "ids are unique");
        assertThrows(IllegalArgumentException.class, () -> recorder.impression(
                new DemoRecorder.Impression("b", "sidebar", "FOOT", null)));
        assertThrows(IllegalArgumentException.class, () -> recorder.impression(
                new DemoRecorder.Impression("c", "confirmation", "FOOT", "demo-999999")));
        assertThrows(IllegalArgumentException.class, () -> recorder.accept("never-shown"));
        assertTrue(recorder.accept("a").counted());
        assertEquals(2, Files.readAllLines(recorder.experiment()).size(), "the header and one treatment order");
        assertEquals(order, "demo-000001");
    }
}
