package io.orderlift.evaluation;

/**
 * How the cart placement is replayed (docs/decisions/0003-replay-protocols.md). The JSON names are
 * read by outside checks.
 */
public enum CartProtocol {
    /**
     * The order's items are revealed one by one in a random order seeded by the order; at each step
     * the revealed items are the cart, and a recommended item that the order holds but the cart does
     * not yet is a hit. Carts of every size from one item, as a storefront's widget sees them. It
     * chooses the settings.
     */
    SEQUENTIAL("sequential"),
    /** Each item hidden in turn, the rest is the cart; a hit is recommending the hidden item. */
    LEAVE_ONE_OUT("leave-one-out");

    private final String jsonName;

    CartProtocol(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
