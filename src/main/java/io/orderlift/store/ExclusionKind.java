package io.orderlift.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.orderlift.common.JsonNames;

/** What an exclusion keeps out of every recommendation. JSON and command-line names are the hyphenated words. */
public enum ExclusionKind {
    /** A SKU, never recommended. */
    SKU("sku", false, false),
    /** Every SKU of a category. */
    CATEGORY("category", false, true),
    /** Candidates of the second category never shown against anchors of the first. */
    CATEGORY_PAIR("category-pair", true, true),
    /** One candidate never shown against one anchor, on every placement. */
    PAIR("pair", true, false);

    private final String jsonName;
    private final boolean twoKeys;
    private final boolean categories;

    ExclusionKind(String jsonName, boolean twoKeys, boolean categories) {
        this.jsonName = jsonName;
        this.twoKeys = twoKeys;
        this.categories = categories;
    }

    /** The name in the store, rule sets, JSON output and the command line. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** Whether the exclusion names two keys (anchor side, candidate side). */
    public boolean twoKeys() {
        return twoKeys;
    }

    /** Whether its keys are categories rather than SKUs. */
    public boolean categories() {
        return categories;
    }

    /** The kind named {@code name}; {@link IllegalArgumentException} naming the valid ones otherwise. */
    @JsonCreator
    public static ExclusionKind fromJson(String name) {
        return JsonNames.find(values(), ExclusionKind::jsonName, name, "exclusion kind");
    }

    @Override
    public String toString() {
        return jsonName;
    }
}
