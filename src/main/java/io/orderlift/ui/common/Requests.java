package io.orderlift.ui.common;

/**
 * Numbers one view's requests for background work, so that only the newest one's result is shown:
 * a slow read of a store opened before the last one, or a re-rank overtaken by a newer one, is
 * dropped when it ends ({@code Tasks.create(...).onlyWhile(request::isNewest)}). Requests are made
 * on the FX thread; whether one is still the newest may be asked from any thread (a long task
 * stops early when it is not).
 */
public final class Requests {

    private volatile long newest;

    /** A new request; every earlier one is superseded from now on. */
    public Request next() {
        return new Request(++newest);
    }

    /** Supersedes every request made so far without making a new one (the view now shows something else). */
    public void supersede() {
        newest++;
    }

    /** One request. */
    public final class Request {

        private final long number;

        private Request(long number) {
            this.number = number;
        }

        /** Whether no request was made, and nothing superseded, since this one. */
        public boolean isNewest() {
            return number == newest;
        }
    }
}
