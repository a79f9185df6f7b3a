package io.orderlift.common;

import java.util.Locale;

/**
 * What to tell a person whose command ran out of memory: how much the Java heap was allowed, and
 * the three ways to go on (a larger heap, a basket cap, mining on Spark). Said by the command line
 * and the workbench alike, instead of "Java heap space".
 */
public final class OutOfMemory {

    private OutOfMemory() {
    }

    /** Whether {@code error} or one of its causes is an {@link OutOfMemoryError}. */
    public static boolean in(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof OutOfMemoryError) {
                return true;
            }
            if (e.getCause() == e) {
                break;
            }
        }
        return false;
    }

    /** The advice for this JVM, whose heap may grow to {@code Runtime.maxMemory()}. */
    public static String advice() {
        return advice(Runtime.getRuntime().maxMemory());
    }

    /** The advice for a heap limited to {@code maxHeapBytes}. */
    public static String advice(long maxHeapBytes) {
        double gib = maxHeapBytes / (1024.0 * 1024 * 1024);
        long suggested = Math.max(2, (long) Math.ceil(gib * 2));
        String limit = gib < 1 ? String.format(Locale.ROOT, "%,d MB", maxHeapBytes / (1024 * 1024))
                : String.format(Locale.ROOT, "%.1f GB", gib);
        return "Out of memory: this needed more than the " + limit + " Java may use here. Nothing was saved by"
                + " the step that ran out. Start Orderlift with more, for example with the environment variable"
                + " JAVA_TOOL_OPTIONS=-Xmx" + suggested + "g (the installed launchers read it too); for mining, "
                + "`mine --max-basket N` leaves out orders of more than N items, and a history beyond one "
                + "machine mines on Apache Spark (docs/scale.md).";
    }
}
