package io.orderlift.ui.common;

import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import javafx.application.Platform;

/**
 * Measures how long the FX thread keeps the user waiting: every few milliseconds a background
 * thread posts a no-op to the FX thread and records how late it runs. A late ping means the FX
 * thread was busy (a handler, a layout or a render pass) for about that long, so the largest lag
 * bounds the longest FX-thread task. Used by the responsiveness benchmark (docs/benchmarks.md).
 */
public final class FxLagProbe implements AutoCloseable {

    /** Lags observed so far, in milliseconds. */
    public record Summary(int pings, double maxMs, double p99Ms, double medianMs, int over50Ms) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fx-lag-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final LongArrayList lags = new LongArrayList();
    private final AtomicBoolean pending = new AtomicBoolean();

    /** Starts pinging the FX thread every {@code periodMs} milliseconds. */
    public FxLagProbe start(long periodMs) {
        timer.scheduleAtFixedRate(this::ping, 0, periodMs, TimeUnit.MILLISECONDS);
        return this;
    }

    private void ping() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        long posted = System.nanoTime();
        Platform.runLater(() -> {
            long lag = System.nanoTime() - posted;
            synchronized (lags) {
                lags.add(lag);
            }
            pending.set(false);
        });
    }

    /** Forgets the lags seen so far. */
    public void reset() {
        synchronized (lags) {
            lags.clear();
        }
    }

    public Summary summary() {
        long[] sorted;
        synchronized (lags) {
            sorted = lags.toLongArray();
        }
        if (sorted.length == 0) {
            return new Summary(0, 0, 0, 0, 0);
        }
        Arrays.sort(sorted);
        int over = 0;
        for (long lag : sorted) {
            over += lag > 50_000_000L ? 1 : 0;
        }
        return new Summary(sorted.length, sorted[sorted.length - 1] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted[sorted.length / 2] / 1e6, over);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
