package io.orderlift.ui.common;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.orderlift.common.ProgressMonitor;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the workbench runs work off the FX thread, in the style of Cryptomator's
 * {@code Tasks}: {@code Tasks.create("Importing", m -> work(m)).onSuccess(r -> ...).onError(e -> ...).run(runner)}.
 * Success, error and cancel handlers run on the FX thread.
 */
public final class Tasks {

    private Tasks() {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

    /**
     * What a task without its own error handler does with a failure: the window sets it to show
     * an error dialog; until then (and in tests without a window) the failure is logged only.
     */
    private static volatile BiConsumer<String, Throwable> defaultErrorHandler =
            (title, error) -> LOG.error("{} failed and nobody was told", title, error);

    /** Reports a failure the way a task without a handler does: logged, and shown by the window. */
    public static void report(String title, Throwable error) {
        LOG.warn("{} failed: {}", title, error.toString(), error);
        defaultErrorHandler.accept(title, error);
    }

    /**
     * The error handler a view model holds until its view gives it one: the window's default (an
     * error dialog naming {@code what}). The failure itself is already logged by the task.
     */
    public static Consumer<Throwable> shownByDefault(String what) {
        return error -> defaultErrorHandler.accept(what, error);
    }

    /** Sets what happens to a failure no handler was given for (the window shows it). */
    public static void setDefaultErrorHandler(BiConsumer<String, Throwable> handler) {
        defaultErrorHandler = handler;
    }

    public static <T> Builder<T> create(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    /** Collects the handlers of one task. */
    public static final class Builder<T> {
        private final String title;
        private final Work<T> work;
        private Consumer<T> onSuccess = result -> { };
        private Consumer<Throwable> onError;
        private Runnable onCancelled = () -> { };
        private BooleanSupplier current = () -> true;

        private Builder(String title, Work<T> work) {
            this.title = title;
            this.work = work;
            this.onError = error -> defaultErrorHandler.accept(title, error);
        }

        /** What the task does, as its progress and errors name it. */
        public String title() {
            return title;
        }

        public Builder<T> onSuccess(Consumer<T> handler) {
            this.onSuccess = handler;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> handler) {
            this.onError = handler;
            return this;
        }

        public Builder<T> onCancelled(Runnable handler) {
            this.onCancelled = handler;
            return this;
        }

        /**
         * Drops the outcome when {@code stillWanted} is false by the time it arrives (checked on the FX
         * thread): the view has since asked again, or shows another store. No handler runs (success,
         * error or cancel); a failure is logged only.
         */
        public Builder<T> onlyWhile(BooleanSupplier stillWanted) {
            this.current = stillWanted;
            return this;
        }

        private void succeeded(T result) {
            if (current.getAsBoolean()) {
                onSuccess.accept(result);
            } else {
                LOG.debug("{}: a newer request superseded this result", title);
            }
        }

        private void cancelled() {
            if (current.getAsBoolean()) {
                onCancelled.run();
            }
        }

        private void failed(Throwable error) {
            // every failure is logged, whatever the handler then shows
            LOG.warn("{} failed: {}", title, error.toString(), error);
            if (current.getAsBoolean()) {
                onError.accept(error);
            } else {
                LOG.info("{} failed after a newer request superseded it; not shown", title);
            }
        }

        /** Starts the task on {@code tasks}, which also shows it in the status bar. */
        public void run(TaskExecutor tasks) {
            tasks.run(this);
        }

        /** Starts the task on {@code tasks} without the status bar. */
        public void runQuietly(TaskExecutor tasks) {
            tasks.runQuietly(this);
        }

        /** Starts the task on a plain executor (no status bar). */
        public Task<T> run(Executor executor) {
            Task<T> task = build();
            executor.execute(task);
            return task;
        }

        /** Runs the work and then its handler on the calling thread ({@code CallingThreadTasks} in the tests). */
        void runHere() {
            workHere().run();
        }

        /**
         * Runs the work on the calling thread now and returns what hands its outcome to the handlers:
         * a test can let a read finish and its result arrive later, after the store has changed.
         */
        Runnable workHere() {
            T result;
            try {
                result = work.run(ProgressMonitor.NONE);
            } catch (CancellationException e) {
                return this::cancelled;
            } catch (Exception | Error e) {
                return () -> failed(e);
            }
            return () -> succeeded(result);
        }

        /** The JavaFX task: runs the work on the thread that runs it, the handlers on the FX thread. */
        Task<T> build() {
            BackgroundTask<T> task = new BackgroundTask<>(title, work);
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> succeeded(task.getValue()));
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> cancelled());
            task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
                Throwable error = task.getException();
                if (error instanceof CancellationException) {
                    cancelled();
                } else {
                    failed(error);
                }
            });
            return task;
        }
    }

    /** Core work that reports progress through the monitor and may throw anything. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressMonitor monitor) throws Exception;
    }
}
