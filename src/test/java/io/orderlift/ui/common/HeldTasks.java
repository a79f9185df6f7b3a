package io.orderlift.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import io.orderlift.store.Store;

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

    /**
     * Opens a mined store in {@code dir}/a, then gives {@code load} it and {@code second} in turn and
     * finishes their tasks newest first: the first store's read finishing after the second's.
     */
    public void loadBothFinishingNewestFirst(Path dir, Consumer<Store> load, Store second) throws IOException {
        try (Store first = MinedTestStore.create(Files.createDirectories(dir.resolve("a")))) {
            load.accept(first);
            load.accept(second);
            releaseNewestFirst();
        }
    }

    /** Runs the held tasks newest first: a slow early task finishing after a quick later one. */
    public void releaseNewestFirst() {
        List<Tasks.Builder<?>> now = new ArrayList<>(held);
        held.clear();
        Collections.reverse(now);
        now.forEach(Tasks.Builder::runHere);
    }
}
