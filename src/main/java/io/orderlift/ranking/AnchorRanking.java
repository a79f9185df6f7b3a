package io.orderlift.ranking;

import io.orderlift.mining.Acceptance;
import it.unimi.dsi.fastutil.ints.IntArrays;

/**
 * One anchor's candidates re-scored under a profile, without explanations: what a table of an
 * anchor's pairs needs when a slider moves. Uses the anchor's own pairs only (no backoff, no
 * curation): {@code score = acceptance × price^w} with the smoothed acceptance of the chosen
 * evidence, sorted best first (ties by SKU).
 */
public final class AnchorRanking {

    private final RankingModel model;

    public AnchorRanking(RankingModel model) {
        this.model = model;
    }

    /** The anchor's ranked list. */
    public Ranked rank(int anchor, boolean followOn, WeightingProfile profile) {
        double[] weighted = model.weightedPrices(profile.priceWeight());
        int from = model.pairStart[anchor];
        int to = model.pairStart[anchor + 1];
        int[] order = new int[to - from];
        double[] score = new double[to - from];
        int total = followOn ? model.followBase[anchor] : model.orders[anchor];
        for (int i = from; i < to; i++) {
            int c = model.candidate[i];
            int count = followOn ? model.follow[i] : model.co[i];
            double acceptance = Acceptance.smoothed(count, total, model.baseRate(c), profile.smoothing());
            double price = weighted[c];
            score[i - from] = Double.isNaN(price) ? 0 : acceptance * price;
            order[i - from] = i - from;
        }
        IntArrays.quickSort(order, (x, y) -> {
            int cmp = Double.compare(score[y], score[x]);
            return cmp != 0 ? cmp : Integer.compare(model.skuOrder[model.candidate[from + x]],
                    model.skuOrder[model.candidate[from + y]]);
        });
        int[] candidates = new int[order.length];
        double[] scores = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            candidates[r] = model.candidate[from + order[r]];
            scores[r] = score[order[r]];
        }
        return new Ranked(candidates, scores);
    }

    /** Candidate ids, best first, with their scores. */
    public record Ranked(int[] candidates, double[] scores) {
    }
}
