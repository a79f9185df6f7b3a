package io.orderlift.common;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Receives progress from long-running core work (import, mining, backtest) and lets the caller
 * cancel it. Knows nothing of JavaFX: the workbench adapts it to a {@code Task}, the command line
 * and tests use {@link #NONE} or their own.
 */
public interface ProgressMonitor {

    /** A monitor that ignores progress and never cancels. */
    ProgressMonitor NONE = (message, done, total) -> { };

    /**
     * Reports that {@code done} of {@code total} units of the current step are complete.
     * Implementations may throw {@link CancellationException} to stop the work.
     */
    void progress(String message, long done, long total);

    /** Throws {@link CancellationException} if the user asked to stop; the default never does. */
    default void checkCancelled() {
    }

    /**
     * This monitor, also cancelling the work once {@code stale} says its result is no longer
     * wanted (the workbench opened another store while it ran).
     */
    default ProgressMonitor cancelledWhen(BooleanSupplier stale) {
        ProgressMonitor outer = this;
        return new ProgressMonitor() {
            @Override
            public void progress(String message, long done, long total) {
                checkCancelled();
                outer.progress(message, done, total);
            }

            @Override
            public void checkCancelled() {
                if (stale.getAsBoolean()) {
                    throw new CancellationException("no longer wanted");
                }
                outer.checkCancelled();
            }
        };
    }
}
