package io.orderlift.common;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Jackson mapper with its default settings, for the JSON the store keeps (profiles, the curation
 * audit trail, sample carts, skipped rows) and the demo shop exchanges. It is made on first use, so a
 * command that reads or writes none of that JSON loads none of Jackson's data binding: some 500 classes,
 * 0.23 s of a fresh {@code recommend} on the wholesale store (docs/benchmarks.md, session 38).
 */
public final class PlainJson {

    private PlainJson() {
    }

    /** The mapper; safe to share between threads. */
    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
