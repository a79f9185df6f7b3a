package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ProgressMonitorTest {

    @Test
    void workStopsAtItsNextReportOnceItsResultIsNoLongerWanted() {
        List<String> seen = new ArrayList<>();
        AtomicBoolean stale = new AtomicBoolean();
        ProgressMonitor monitor = ((ProgressMonitor) (message, done, total) -> seen.add(message))
                .cancelledWhen(stale::get);
        monitor.progress("first", 1, 3);
        monitor.checkCancelled();
        stale.set(true);
        assertThrows(CancellationException.class, () -> monitor.progress("second", 2, 3));
        assertThrows(CancellationException.class, monitor::checkCancelled);
        assertEquals(List.of("first"), seen, "nothing is reported after the result stopped being wanted");
    }

    @Test
    void theOuterMonitorsOwnCancelStillStopsTheWork() {
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public void progress(String message, long done, long total) {
            }

            @Override
            public void checkCancelled() {
                throw new CancellationException("the user pressed Cancel");
            }
        };
        assertThrows(CancellationException.class, () -> cancelled.cancelledWhen(() -> false).checkCancelled());
    }
}
