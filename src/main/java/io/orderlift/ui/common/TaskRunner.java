package io.orderlift.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;

/**
 * Runs the workbench's long tasks on background threads and exposes the latest one, so the
 * status bar can show its message and progress and offer to cancel it.
 */
public final class TaskRunner implements TaskExecutor, AutoCloseable {

    private final ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "orderlift-background");
        thread.setDaemon(true);
        return thread;
    });
    private final ReadOnlyObjectWrapper<Task<?>> current = new ReadOnlyObjectWrapper<>();

    /** Starts {@code task} and makes it the one the status bar follows. Call on the FX thread. */
    public void submit(Task<?> task) {
        if (executor.isShutdown()) {
            return;
        }
        current.set(task);
        task.stateProperty().addListener((obs, old, state) -> {
            if (state != Worker.State.RUNNING && state != Worker.State.SCHEDULED && current.get() == task) {
                current.set(null);
            }
        });
        executor.execute(task);
    }

    /**
     * Runs {@code work} in the background without showing it in the status bar (quick reads,
     * previews). Work submitted after {@link #close()} (a late timer while the window closes) is dropped.
     */
    public void submitPlain(Runnable work) {
        if (!executor.isShutdown()) {
            executor.execute(work);
        }
    }

    @Override
    public <T> void run(Tasks.Builder<T> task) {
        submit(task.build());
    }

    @Override
    public <T> void runQuietly(Tasks.Builder<T> task) {
        submitPlain(task.build());
    }

    @Override
    public TaskExecutor latestOnly() {
        LatestOnly latest = new LatestOnly(this::submitPlain);
        return new TaskExecutor() {
            @Override
            public <T> void run(Tasks.Builder<T> task) {
                latest.execute(task.build());
            }

            @Override
            public <T> void runQuietly(Tasks.Builder<T> task) {
                latest.execute(task.build());
            }

            @Override
            public TaskExecutor latestOnly() {
                return TaskRunner.this.latestOnly();
            }
        };
    }

    /** The task the status bar shows, or null when idle. */
    public ReadOnlyObjectProperty<Task<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
