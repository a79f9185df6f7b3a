package io.orderlift.common;

import java.util.Locale;

/** A count with its noun for a sentence: "1 order", "21,047 orders", "1 evidence entry", "2 evidence entries". */
public final class Counted {

    private Counted() {
    }

    /** For nouns whose plural adds an s. */
    public static String of(long n, String noun) {
        return of(n, noun, noun + "s");
    }

    /** {@code singular} for one, {@code plural} otherwise. */
    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }
}
