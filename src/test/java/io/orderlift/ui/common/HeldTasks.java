package io.orderlift.ui.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Holds every task until {@link #release()} runs them on the calling thread, handlers included: a
 * test can change the view model's state while a task is "running" and see what its late result does.
 */
public final class HeldTasks implements TaskExecutor {

    private final List<Tasks.Builder<?>> held = new ArrayList<>();

    @Override
    public <T> void run(Tasks.Builder<T> task) {
        held.add(task);
    }

    @Override
    public <T> void runQuietly(Tasks.Builder<T> task) {
        held.add(task);
    }

    @Override
    public TaskExecutor latestOnly() {
        return this;
    }

    /** Runs the held tasks in the order they were started. */
    public void release() {
        List<Tasks.Builder<?>> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Tasks.Builder::runHere);
    }

    /** Runs the held tasks newest first: a slow early task finishing after a quick later one. */
    public void releaseNewestFirst() {
        List<Tasks.Builder<?>> now = new ArrayList<>(held);
        held.clear();
        java.util.Collections.reverse(now);
        now.forEach(Tasks.Builder::runHere);
    }
}
