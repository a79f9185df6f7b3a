package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.orderlift.store.CurationStore.Exclusion;

/**
 * Which exclusion applies to a pair, and what each exclusion removes from a ranking model. An
 * excluded SKU or category is never recommended; a category pair {@code A → B} keeps products of
 * {@code B} away from carts holding {@code A}; a pair keeps one candidate away from one anchor.
 */
public final class ExclusionImpact {

    /** What one exclusion removes: pairs of the model, the anchors they belong to, and the strongest few. */
    public record Removed(Exclusion exclusion, int pairs, int anchors, List<String> strongest) {
    }

    private ExclusionImpact() {
    }

    /** Whether {@code e} removes the candidate from the anchor's lists. */
    public static boolean applies(Exclusion e, String anchorSku, String anchorCategory, String candidateSku,
                                  String candidateCategory) {
        return switch (e.kind()) {
            case SKU -> e.first().equals(candidateSku);
            case CATEGORY -> e.first().equals(candidateCategory);
            case CATEGORY_PAIR -> e.first().equals(anchorCategory) && e.second().equals(candidateCategory);
            case PAIR -> e.first().equals(anchorSku) && e.second().equals(candidateSku);
        };
    }

    /** The first of {@code exclusions} that removes the pair, if any. */
    public static Optional<Exclusion> first(List<Exclusion> exclusions, String anchorSku, String anchorCategory,
                                            String candidateSku, String candidateCategory) {
        return exclusions.stream().filter(e -> applies(e, anchorSku, anchorCategory, candidateSku, candidateCategory))
                .findFirst();
    }

    /**
     * For each exclusion, the model's pairs it removes (counted on its own, whether or not another
     * exclusion removes them too), with the three strongest by co-purchases as "ANCHOR → CANDIDATE".
     */
    public static List<Removed> of(RankingModel model, List<Exclusion> exclusions) {
        int n = exclusions.size();
        int[] pairs = new int[n];
        int[] anchors = new int[n];
        List<List<long[]>> strongest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            strongest.add(new ArrayList<>());
        }
        for (int a = 0; a < model.productCount(); a++) {
            String anchorSku = model.sku(a);
            if (anchorSku == null) {
                continue;
            }
            String anchorCategory = model.categoryName(a);
            boolean[] touched = new boolean[n];
            int anchor = a;
            model.forEachPairOf(a, (c, co, follow) -> {
                for (int i = 0; i < n; i++) {
                    if (applies(exclusions.get(i), anchorSku, anchorCategory, model.sku(c), model.categoryName(c))) {
                        pairs[i]++;
                        touched[i] = true;
                        keepStrongest(strongest.get(i), new long[] {co + follow, anchor, c});
                    }
                }
            });
            for (int i = 0; i < n; i++) {
                if (touched[i]) {
                    anchors[i]++;
                }
            }
        }
        List<Removed> removed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            removed.add(new Removed(exclusions.get(i), pairs[i], anchors[i], strongest.get(i).stream()
                    .map(p -> model.sku((int) p[1]) + " → " + model.sku((int) p[2])).toList()));
        }
        return removed;
    }

    private static void keepStrongest(List<long[]> top, long[] pair) {
        top.add(pair);
        top.sort(Comparator.comparingLong((long[] p) -> -p[0]).thenComparingLong(p -> p[1]).thenComparingLong(p -> p[2]));
        if (top.size() > 3) {
            top.remove(3);
        }
    }
}
