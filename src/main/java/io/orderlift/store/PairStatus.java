package io.orderlift.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.orderlift.common.JsonNames;

/** What the merchandiser decided about a pair on a placement. JSON and command-line names are the lower-case words. */
public enum PairStatus {
    /** Shown where the statistics put it, marked approved. */
    APPROVED("approved"),
    /** Never shown. */
    REJECTED("rejected"),
    /** Shown first, in pin order. */
    PINNED("pinned");

    private final String jsonName;

    PairStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in the store, rule sets, JSON output and the command line. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The status named {@code name}; {@link IllegalArgumentException} naming the valid ones otherwise. */
    @JsonCreator
    public static PairStatus fromJson(String name) {
        return JsonNames.find(values(), PairStatus::jsonName, name, "status");
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
