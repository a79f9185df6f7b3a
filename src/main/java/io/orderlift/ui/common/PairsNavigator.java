package io.orderlift.ui.common;

import io.orderlift.mining.Evidence;
import io.orderlift.ranking.Placement;

/** Opens the Pairs view, where companions are curated, from another view. */
public interface PairsNavigator {

    /** Shows {@code sku}'s candidates. */
    void anchor(String sku);

    /**
     * Shows {@code anchorSku}'s candidates of {@code evidence} whose curation {@code placement} reads,
     * {@code candidateSku} selected (or, when that list does not hold it, the status line saying why).
     */
    void pair(String anchorSku, Placement placement, Evidence evidence, String candidateSku);
}
