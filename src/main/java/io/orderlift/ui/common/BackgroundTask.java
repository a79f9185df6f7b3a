package io.orderlift.ui.common;

import java.util.concurrent.CancellationException;

import io.orderlift.common.ProgressMonitor;
import javafx.concurrent.Task;

/**
 * A JavaFX {@link Task} running core work that reports through a {@link ProgressMonitor}: progress
 * and messages go to the task's properties, and {@link #cancel()} stops the work at its next check.
 */
final class BackgroundTask<T> extends Task<T> {

    private final Tasks.Work<T> work;

    BackgroundTask(String title, Tasks.Work<T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(title);
    }

    @Override
    protected T call() throws Exception {
        return work.run(new ProgressMonitor() {
            @Override
            public void progress(String message, long done, long total) {
                checkCancelled();
                updateMessage(message);
                updateProgress(done, total);
            }

            @Override
            public void checkCancelled() {
                if (isCancelled()) {
                    throw new CancellationException("cancelled");
                }
            }
        });
    }
}
