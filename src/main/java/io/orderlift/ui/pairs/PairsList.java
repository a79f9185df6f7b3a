package io.orderlift.ui.pairs;

import io.orderlift.mining.Evidence;
import io.orderlift.ranking.Placement;

/**
 * Which of an anchor's lists the pairs browser shows: the evidence its candidates are counted on, and
 * the placement whose curation (approve, reject, pin) it edits. The confirmation page combines both
 * kinds of evidence (unless the profile uses follow-on evidence alone), so it has a list of each.
 */
public enum PairsList {
    CART(Evidence.SAME_ORDER, Placement.CART, "Same order (cart)"),
    CONFIRMATION_FOLLOW_ON(Evidence.FOLLOW_ON, Placement.CONFIRMATION, "Follow-on (confirmation)"),
    CONFIRMATION_SAME_ORDER(Evidence.SAME_ORDER, Placement.CONFIRMATION, "Same order (confirmation)");

    private final Evidence evidence;
    private final Placement placement;
    private final String label;

    PairsList(Evidence evidence, Placement placement, String label) {
        this.evidence = evidence;
        this.placement = placement;
        this.label = label;
    }

    public Evidence evidence() {
        return evidence;
    }

    public Placement placement() {
        return placement;
    }

    /** The words the list's chooser shows. */
    public String label() {
        return label;
    }

    /** The list of {@code evidence} whose curation {@code placement} reads. */
    public static PairsList of(Evidence evidence, Placement placement) {
        for (PairsList list : values()) {
            if (list.evidence == evidence && list.placement == placement) {
                return list;
            }
        }
        // the cart reads same-order evidence only
        return CART;
    }
}
