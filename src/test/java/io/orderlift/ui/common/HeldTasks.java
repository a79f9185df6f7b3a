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
 * {@link #work()} runs the held tasks' work at once and holds only their outcomes: a read that saw
 * the store before a change, arriving after one that saw it after.
 */
public final class HeldTasks implements TaskExecutor {

    /** A held task, and its outcome once its work has run. */
    private static final class Held {
        private final Tasks.Builder<?> task;
        private Runnable outcome;

        Held(Tasks.Builder<?> task) {
            this.task = task;
        }

        void work() {
            if (outcome == null) {
                outcome = task.workHere();
            }
        }

        void finish() {
            work();
            outcome.run();
        }
    }

    private final List<Held> held = new ArrayList<>();

    @Override
    public <T> void run(Tasks.Builder<T> task) {
        held.add(new Held(task));
    }

    @Override
    public <T> void runQuietly(Tasks.Builder<T> task) {
        held.add(new Held(task));
    }

    /** Names of the tasks started and not yet released, in the order they were started. */
    public List<String> pending() {
        return held.stream().map(h -> h.task.title()).toList();
    }

    /** Runs the held tasks' work now, in the order they were started; their outcomes wait for a release. */
    public void work() {
        held.forEach(Held::work);
    }

    @Override
    public TaskExecutor latestOnly() {
        return this;
    }

    /** Runs the held tasks in the order they were started. */
    public void release() {
        List<Held> now = new ArrayList<>(held);
        held.clear();
        now.forEach(Held::finish);
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
        List<Held> now = new ArrayList<>(held);
        held.clear();
        Collections.reverse(now);
        now.forEach(Held::finish);
    }
}
