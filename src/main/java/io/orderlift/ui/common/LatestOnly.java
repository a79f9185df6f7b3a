package io.orderlift.ui.common;

import java.util.concurrent.Executor;

import javafx.animation.PauseTransition;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.util.Duration;

/**
 * Runs one view's background tasks one at a time, and of the requests made meanwhile only the
 * newest: a slider drag of a hundred steps costs as many re-ranks as the user can see results of,
 * not a queue of a hundred that keeps both cores and the FX thread busy long after the drag.
 * Starts are at least {@code spacing} apart, so the FX thread lays out and paints a view a few
 * times a second during a drag rather than on every pulse. Use from the FX thread with {@code Tasks.create(...).run(latestOnly)}; the tasks must be
 * JavaFX {@link Task}s.
 */
public final class LatestOnly implements Executor {

    /** The spacing the views use: about seven updates a second while a slider is dragged. */
    public static final Duration VIEW_SPACING = Duration.millis(140);

    private final Executor executor;
    private final Duration spacing;
    /** True from a start until the spacing after the task's end has passed. */
    private boolean busy;
    private Task<?> waiting;
    private long lastStart;

    public LatestOnly(Executor executor, Duration spacing) {
        this.executor = executor;
        this.spacing = spacing;
    }

    /** At {@link #VIEW_SPACING}. */
    public LatestOnly(Executor executor) {
        this(executor, VIEW_SPACING);
    }

    @Override
    public void execute(Runnable command) {
        Task<?> task = (Task<?>) command;
        if (busy) {
            waiting = task;
        } else {
            start(task);
        }
    }

    private void start(Task<?> task) {
        busy = true;
        lastStart = System.nanoTime();
        task.stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED) {
                if (waiting != null) {
                    startWaitingLater();
                } else {
                    busy = false;
                }
            }
        });
        executor.execute(task);
    }

    /** Starts the waiting task once {@code spacing} has passed since the last start; newer requests replace it meanwhile. */
    private void startWaitingLater() {
        double elapsedMs = (System.nanoTime() - lastStart) / 1e6;
        Duration delay = spacing.subtract(Duration.millis(elapsedMs));
        PauseTransition pause = new PauseTransition(delay.greaterThan(Duration.ZERO) ? delay : Duration.ONE);
        pause.setOnFinished(e -> {
            Task<?> next = waiting;
            waiting = null;
            start(next);
        });
        pause.play();
    }
}
