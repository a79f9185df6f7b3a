package io.orderlift.ui.common;

/**
 * Where a view model's background work runs, as JabRef's {@code TaskExecutor}: the workbench's
 * threads with results handed to the FX thread ({@link TaskRunner}), or the calling thread in tests
 * of view models without a window ({@code CallingThreadTasks}, in the tests). View models take this
 * interface, never a thread pool, so their behaviour is testable with plain JUnit.
 */
public interface TaskExecutor {

    /** Runs {@code task} in the background, followed by the status bar (progress and Cancel). */
    <T> void run(Tasks.Builder<T> task);

    /** Runs {@code task} in the background without the status bar (quick reads, previews). */
    <T> void runQuietly(Tasks.Builder<T> task);

    /**
     * A new executor for one view's re-ranking: while its task runs, of the requests made only the
     * newest runs next ({@link LatestOnly}).
     */
    TaskExecutor latestOnly();
}
