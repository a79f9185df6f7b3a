package io.orderlift.ranking;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import io.orderlift.store.CurationStore;
import io.orderlift.store.CurationStore.CuratedPair;
import io.orderlift.store.CurationStore.Exclusion;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;

/** Compiles a store's curation into {@link CurationRules} for a model; SKUs the model does not know are skipped. */
public final class StoredCuration {

    private StoredCuration() {
    }

    public static CurationRules load(Store store, RankingModel model) {
        CurationStore curation = new CurationStore(store);
        CurationRules rules = new CurationRules();
        for (CuratedPair pair : curation.pairs()) {
            OptionalInt anchor = model.idOf(pair.anchorSku());
            OptionalInt candidate = model.idOf(pair.candidateSku());
            if (anchor.isEmpty() || candidate.isEmpty()) {
                continue;
            }
            Placement placement = Placement.fromCli(pair.placement());
            switch (pair.status()) {
                case APPROVED -> rules.approve(placement, anchor.getAsInt(), candidate.getAsInt());
                case REJECTED -> rules.reject(placement, anchor.getAsInt(), candidate.getAsInt());
                case PINNED -> rules.pin(placement, anchor.getAsInt(), candidate.getAsInt());
            }
        }
        for (Exclusion e : curation.exclusions()) {
            switch (e.kind()) {
                case SKU -> model.idOf(e.first()).ifPresent(rules::excludeSku);
                case CATEGORY -> {
                    int category = model.categoryIndex(e.first());
                    if (category >= 0) {
                        rules.excludeCategory(category);
                    }
                }
                case CATEGORY_PAIR -> {
                    int from = model.categoryIndex(e.first());
                    int to = model.categoryIndex(e.second());
                    if (from >= 0 && to >= 0) {
                        rules.excludeCategoryPair(from, to);
                    }
                }
                case PAIR -> {
                    OptionalInt a = model.idOf(e.first());
                    OptionalInt c = model.idOf(e.second());
                    if (a.isPresent() && c.isPresent()) {
                        rules.excludePair(a.getAsInt(), c.getAsInt());
                    }
                }
            }
        }
        return rules;
    }

    /**
     * The products of {@code catalog} (by store id) that no recommendation may offer whatever the
     * cart: excluded one by one or with their category. Pair and category-pair exclusions, which
     * depend on the cart, are not in it.
     */
    public static BitSet excludedProducts(Store store, List<OrderHistory.CatalogEntry> catalog) {
        Set<String> skus = new HashSet<>();
        Set<String> categories = new HashSet<>();
        for (Exclusion e : new CurationStore(store).exclusions()) {
            if (e.kind() == ExclusionKind.SKU) {
                skus.add(e.first());
            } else if (e.kind() == ExclusionKind.CATEGORY) {
                categories.add(e.first());
            }
        }
        BitSet excluded = new BitSet();
        for (OrderHistory.CatalogEntry p : catalog) {
            if (skus.contains(p.sku()) || p.category() != null && categories.contains(p.category())) {
                excluded.set(p.id());
            }
        }
        return excluded;
    }

    /** Curation that only excludes {@code products} (store ids, as every model of one store numbers them). */
    public static CurationRules excluding(BitSet products) {
        CurationRules rules = new CurationRules();
        products.stream().forEach(rules::excludeSku);
        return rules;
    }
}
