package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import io.orderlift.common.ProgressMonitor;
import org.junit.jupiter.api.Test;

class PhasedProgressTest {

    private final List<Long> shown = new ArrayList<>();

    @Test
    void eachPhaseFillsItsShareAndWaitsAtItsEndPastTheStepsItExpected() {
        PhasedProgress bar = new PhasedProgress((message, done, total) -> shown.add(done));
        PhasedProgress.Phase first = bar.begin("first", 0.2, 4);
        first.step();
        first.advance(2);
        first.advance(5); // more steps than expected
        first.end();
        PhasedProgress.Phase second = bar.begin("second", 0.6, 400);
        second.step();
        second.end();
        bar.finish("done");
        assertEquals(List.of(0L, 50L, 150L, 200L, 200L, 200L, 201L, 600L, 1000L), shown);
    }

    @Test
    void aPhaseEndingBelowWhereTheBarStandsNeverMovesItBack() {
        PhasedProgress bar = new PhasedProgress((message, done, total) -> shown.add(done));
        bar.begin("far", 0.7, 1).end();
        PhasedProgress.Phase behind = bar.begin("behind", 0.5, 3);
        behind.step();
        behind.end();
        assertEquals(List.of(0L, 700L, 700L, 700L, 700L), shown);
    }

    @Test
    void aPhaseAsAMonitorFillsItsShareByTheWorksOwnCount() {
        List<String> messages = new ArrayList<>();
        PhasedProgress bar = new PhasedProgress((message, done, total) -> {
            shown.add(done);
            messages.add(message);
        });
        bar.begin("before", 0.1, 1).end();
        ProgressMonitor reading = bar.begin("Reading orders", 0.5, 1).asMonitor();
        reading.progress("Reading order lines", 0, 70_000);
        reading.progress("Reading order lines", 35_000, 70_000);
        reading.progress("Reading order lines", 90_000, 70_000);
        assertEquals(List.of(0L, 100L, 100L, 100L, 300L, 500L), shown);
        assertEquals(List.of("Reading orders"), messages.subList(2, 6).stream().distinct().toList(),
                "said as the phase");
    }

    @Test
    void aCancelStopsTheNextStep() {
        boolean[] cancelled = {false};
        PhasedProgress bar = new PhasedProgress(new ProgressMonitor() {
            @Override
            public void progress(String message, long done, long total) {
                shown.add(done);
            }

            @Override
            public void checkCancelled() {
                if (cancelled[0]) {
                    throw new CancellationException("cancelled");
                }
            }
        });
        PhasedProgress.Phase phase = bar.begin("work", 1, 10);
        phase.step();
        cancelled[0] = true;
        assertThrows(CancellationException.class, phase::step);
        assertThrows(CancellationException.class, () -> bar.begin("next", 1, 1));
        assertEquals(List.of(0L, 100L), shown);
    }
}
