package io.orderlift.ui.common;

/**
 * Runs every task at once on the calling thread, handlers included: view models driven by plain
 * JUnit tests, without a window or the JavaFX toolkit, see their results as soon as a call returns.
 */
public final class CallingThreadTasks implements TaskExecutor {

    @Override
    public <T> void run(Tasks.Builder<T> task) {
        task.runHere();
    }

    @Override
    public <T> void runQuietly(Tasks.Builder<T> task) {
        task.runHere();
    }

    @Override
    public TaskExecutor latestOnly() {
        return this;
    }
}
