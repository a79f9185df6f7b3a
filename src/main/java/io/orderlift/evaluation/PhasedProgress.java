package io.orderlift.evaluation;

import io.orderlift.common.ProgressMonitor;

/**
 * One progress bar over work in phases of unlike cost and count: each phase fills its own share of
 * the bar, step by step up to the steps it expects, and ends at the end of its share however many
 * steps it took. Counting every step of a backtest against one total left the bar still while the
 * validation history was mined (five seconds on the wholesale store) and sent it from 42 % to done at
 * the end, since the search takes fewer steps than it may.
 */
final class PhasedProgress {

    /** The bar's length in the units reported to the monitor. */
    static final int SCALE = 1000;

    private final ProgressMonitor monitor;
    private long reached;

    PhasedProgress(ProgressMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * A phase said as {@code message}, filling the bar from where it stands up to {@code end} (a share
     * of the whole, 0 to 1) in {@code expectedSteps} steps.
     */
    Phase begin(String message, double end, int expectedSteps) {
        long to = Math.max(reached, Math.round(end * SCALE));
        Phase phase = new Phase(message, reached, to, Math.max(1, expectedSteps));
        monitor.checkCancelled();
        monitor.progress(message, reached, SCALE);
        return phase;
    }

    /** The whole bar filled, said as {@code message}. */
    void finish(String message) {
        reached = SCALE;
        monitor.progress(message, SCALE, SCALE);
    }

    /** A phase's share of the bar, from {@code from} to {@code to} in {@code expected} steps. */
    final class Phase {
        private final String message;
        private final long from;
        private final long to;
        private final int expected;
        private long steps;

        private Phase(String message, long from, long to, int expected) {
            this.message = message;
            this.from = from;
            this.to = to;
            this.expected = expected;
        }

        /** One step more, unless cancelled; past the steps expected the bar waits at the phase's end. */
        void step() {
            advance(1);
        }

        /** {@code count} steps more, unless cancelled. */
        void advance(int count) {
            steps += count;
            fill(steps, expected);
        }

        /**
         * The phase as a monitor of work that counts its own units: {@code done} of {@code total} fills
         * that part of the phase's share, said with the phase's message; its cancel is the bar's.
         */
        ProgressMonitor asMonitor() {
            return new ProgressMonitor() {
                @Override
                public void progress(String ignored, long done, long total) {
                    fill(done, total);
                }

                @Override
                public void checkCancelled() {
                    monitor.checkCancelled();
                }
            };
        }

        /** Unless cancelled, the bar {@code done} of {@code of} into the phase's share, at most at its end. */
        private void fill(long done, long of) {
            monitor.checkCancelled();
            show(from + (to - from) * Math.min(done, of) / Math.max(1, of));
        }

        /** The phase done: the bar at the end of its share. */
        void end() {
            show(to);
        }

        private void show(long at) {
            reached = Math.max(reached, at);
            monitor.progress(message, reached, SCALE);
        }
    }
}
