package io.orderlift.common;

import java.util.Locale;

/** A count with its noun for a sentence: "1 order", "21,047 orders" (nouns whose plural adds an s). */
public final class Counted {

    private Counted() {
    }

    public static String of(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }
}
