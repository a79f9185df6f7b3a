package io.orderlift.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.orderlift.store.Store;

/**
 * What a view-model test without a window works on: the {@link MinedTestStore}, tasks run on the
 * calling thread, a ranking session, and the errors any task reported; {@link #close()} checks that
 * none did.
 */
public final class ViewModelSession implements AutoCloseable {

    public final Store store;
    public final CallingThreadTasks tasks = new CallingThreadTasks();
    public final RankingSession session = new RankingSession(tasks);
    public final List<Throwable> errors = new ArrayList<>();

    /** A mined store in {@code dir}, not yet loaded into the session. */
    public ViewModelSession(Path dir) throws IOException {
        store = MinedTestStore.create(dir);
        session.setOnError(errors::add);
    }

    /** Loads the store into the session. */
    public ViewModelSession load() {
        session.load(store);
        return this;
    }

    @Override
    public void close() {
        store.close();
        assertEquals(List.of(), errors, "no task failed");
    }
}
