package io.orderlift.ui.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.StoredCuration;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.ui.common.ProductLabels;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.common.Tasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The cart preview's state: a cart built from the catalog (quantities editable), its total and
 * category mix, and what the cart or confirmation placement recommends for it with the active
 * profile and curation, each with its explanation. The ranking model is loaded once per store (or
 * mining run) in the background; every cart change re-ranks in the background.
 */
public final class CartPreviewViewModel {

    /** One cart line. */
    public record Line(String sku, String title, String category, int quantity, double price) {
    }

    private final TaskRunner runner;
    private final ObservableList<String> catalog = FXCollections.observableArrayList();
    private final ObservableList<Line> cart = FXCollections.observableArrayList();
    private final ObservableList<Recommendation> recommendations = FXCollections.observableArrayList();
    private final ObjectProperty<Placement> placement = new SimpleObjectProperty<>(Placement.CART);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Add products to the cart.");
    private final Map<String, OrderHistory.CatalogEntry> products = new LinkedHashMap<>();
    private Recommender recommender;
    private WeightingProfile profile;
    private long generation;
    private Consumer<Throwable> onError = e -> { };

    public CartPreviewViewModel(TaskRunner runner) {
        this.runner = runner;
        placement.addListener((obs, old, now) -> rerank());
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    private record Loaded(List<OrderHistory.CatalogEntry> catalog, Recommender recommender, WeightingProfile profile) {
    }

    /** Loads the catalog and the ranking model of {@code store} (its active mining run, profile and curation). */
    public void load(Store store) {
        Tasks.create("Loading the preview", monitor -> {
            List<OrderHistory.CatalogEntry> entries = new OrderHistory(store).catalog();
            WeightingProfile active = new Profiles(store).active();
            Recommender ranked = null;
            try {
                RankingModel model = RankingModels.load(store, active.minCustomers());
                ranked = new Recommender(model, StoredCuration.load(store, model));
            } catch (io.orderlift.store.StoreException notMined) {
                // the preview lists the catalog but recommends nothing until the store is mined
            }
            return new Loaded(entries, ranked, active);
        }).onSuccess(loaded -> {
            products.clear();
            loaded.catalog().forEach(p -> products.put(p.sku(), p));
            catalog.setAll(loaded.catalog().stream().map(ProductLabels::label).toList());
            recommender = loaded.recommender();
            profile = loaded.profile();
            rerank();
        }).onError(onError).run(runner::submitPlain);
    }

    /** Adds one of the chosen "SKU — title" entry to the cart. */
    public void add(String entry) {
        if (entry == null) {
            return;
        }
        String sku = ProductLabels.skuOf(entry);
        OrderHistory.CatalogEntry product = products.get(sku);
        if (product == null) {
            return;
        }
        for (int i = 0; i < cart.size(); i++) {
            if (cart.get(i).sku().equals(sku)) {
                changeQuantity(i, 1);
                return;
            }
        }
        cart.add(new Line(sku, product.title(), product.category(), 1,
                product.price() == null ? 0 : product.price().doubleValue()));
        rerank();
    }

    /** Changes line {@code index}'s quantity by {@code delta}; at zero the line goes. */
    public void changeQuantity(int index, int delta) {
        if (index < 0 || index >= cart.size()) {
            return;
        }
        Line line = cart.get(index);
        int quantity = line.quantity() + delta;
        if (quantity <= 0) {
            cart.remove(index);
        } else {
            cart.set(index, new Line(line.sku(), line.title(), line.category(), quantity, line.price()));
        }
        rerank();
    }

    /** Recommends for the current cart in the background. */
    public void rerank() {
        Recommender ranked = recommender;
        List<CartItem> items = cart.stream().map(l -> new CartItem(l.sku(), l.quantity(), Double.NaN)).toList();
        summary.set(describeCart());
        if (ranked == null || items.isEmpty()) {
            recommendations.clear();
            if (ranked == null && !products.isEmpty()) {
                summary.set(describeCart() + "  (Mine the store to see recommendations.)");
            }
            return;
        }
        long request = ++generation;
        Placement where = placement.get();
        WeightingProfile using = profile;
        Tasks.create("Recommending", monitor -> ranked.recommend(where, items, using, 0))
                .onSuccess(result -> show(request, result)).onError(onError).run(runner::submitPlain);
    }

    private void show(long request, Recommendations result) {
        if (request == generation) {
            recommendations.setAll(result.items());
        }
    }

    private String describeCart() {
        double total = cart.stream().mapToDouble(l -> l.quantity() * l.price()).sum();
        Map<String, Integer> mix = new LinkedHashMap<>();
        cart.forEach(l -> mix.merge(l.category() == null ? "no category" : l.category(), l.quantity(), Integer::sum));
        List<String> parts = new ArrayList<>();
        mix.forEach((category, count) -> parts.add(count + " × " + category));
        return cart.isEmpty() ? "The cart is empty." : String.format(Locale.ROOT, "Total %.2f · %s", total,
                String.join(", ", parts));
    }

    /** The explanation of a recommendation, for a person. */
    public static String explain(Recommendation r) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%s: acceptance %.3f × price %.2f = %.3f per impression; popularity rank %d.", r.sku(),
                r.acceptance(), r.price(), r.rpi(), r.popularityRank()));
        r.anchors().forEach(a -> text.append(String.format(Locale.ROOT, "%n  %s, %s evidence %s: %.3f (co %d, follow %d)",
                a.sku(), a.evidence(), a.via(), a.acceptance(), a.co(), a.follow())));
        if (!r.rules().isEmpty()) {
            text.append("\n  rules: ").append(String.join(", ", r.rules()));
        }
        return text.toString();
    }

    public ObservableList<String> catalog() {
        return catalog;
    }

    public ObservableList<Line> cart() {
        return cart;
    }

    public ObservableList<Recommendation> recommendations() {
        return recommendations;
    }

    public ObjectProperty<Placement> placementProperty() {
        return placement;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
