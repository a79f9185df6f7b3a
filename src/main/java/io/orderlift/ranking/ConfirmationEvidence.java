package io.orderlift.ranking;

import io.orderlift.common.JsonNames;

/**
 * Which evidence the confirmation placement combines. A one-tap offer is a later purchase: the
 * follow-on pairs (the same customer bought the candidate within the window after an order holding
 * the anchor) measure exactly that, while same-order pairs measure what is bought together — and
 * the order just placed already shows what this customer bought together. The validation period
 * chooses (docs/decisions/0003). The JSON names are part of profiles and rule sets.
 */
public enum ConfirmationEvidence {
    /** Same-order and follow-on evidence together (DESIGN.md's default). */
    BOTH("same-order-and-follow-on"),
    /** Follow-on evidence only. */
    FOLLOW_ON("follow-on");

    private final String jsonName;

    ConfirmationEvidence(String jsonName) {
        this.jsonName = jsonName;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
        return jsonName;
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static ConfirmationEvidence fromJson(String name) {
        return JsonNames.find(values(), ConfirmationEvidence::jsonName, name, "confirmation evidence");
    }
}
