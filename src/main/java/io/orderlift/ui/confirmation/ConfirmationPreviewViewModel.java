package io.orderlift.ui.confirmation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import io.orderlift.common.Money;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CombinedAcceptanceNote;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.PastOrders;
import io.orderlift.store.Store;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import io.orderlift.ui.common.Updates;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The confirmation preview's state: a real past order (picked from the newest ones, or at random)
 * as if it had just been placed, and the one-tap offers the confirmation page would show for it
 * under the working profile, with their explanations. Reading and ranking run in the background.
 */
public final class ConfirmationPreviewViewModel {

    /** How many of the newest orders the picker lists. */
    public static final int LISTED_ORDERS = 2_000;

    private final TaskExecutor tasks;
    private final TaskExecutor ranking;
    private final RankingSession session;
    private final ObservableList<String> orders = FXCollections.observableArrayList();
    private final Map<String, Integer> orderIdByLabel = new LinkedHashMap<>();
    private final ObjectProperty<String> order = new SimpleObjectProperty<>();
    private final ObservableList<PastOrders.Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Recommendation> offers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Pick an order.");
    private final ReadOnlyStringWrapper emptyReason = new ReadOnlyStringWrapper("");
    private final SplittableRandom random = new SplittableRandom();
    private Store store;
    /** Rankings of an order: only the newest one's offers are shown. */
    private final Requests rankings = new Requests();
    /** The order lists asked for: only the newest shows, whichever store each was read from. */
    private final Requests loads = new Requests();
    private Consumer<Throwable> onError = Tasks.shownByDefault("The confirmation preview");

    public ConfirmationPreviewViewModel(TaskExecutor tasks, RankingSession session) {
        this.tasks = tasks;
        this.ranking = tasks.latestOnly();
        this.session = session;
        order.addListener((obs, old, now) -> refresh());
        session.recommenderProperty().addListener((obs, old, now) -> refresh());
        session.profileProperty().addListener((obs, old, now) -> refresh());
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /** Lists the newest orders of {@code opened} and shows the newest (or, for the same store, the one shown). */
    public void load(Store opened) {
        Requests.Request request = loads.next();
        boolean switched = opened != this.store;
        this.store = opened;
        String kept = switched ? null : order.get();
        order.set(null);
        lines.clear();
        offers.clear();
        emptyReason.set("");
        Tasks.create("Reading the newest orders", monitor -> new PastOrders(opened).newest(LISTED_ORDERS))
                .onSuccess(newest -> {
                    orderIdByLabel.clear();
                    newest.forEach(o -> orderIdByLabel.put(label(o), o.id()));
                    orders.setAll(orderIdByLabel.keySet());
                    summary.set(newest.isEmpty() ? "The store has no orders." : "Pick an order.");
                    if (kept != null && orderIdByLabel.containsKey(kept)) {
                        order.set(kept);
                    } else if (!newest.isEmpty()) {
                        // a store opens on its newest order rather than on an empty page
                        order.set(orders.get(0));
                    }
                }).onError(onError).onlyWhile(request::isNewest).runQuietly(tasks);
    }

    /** "#1234 · 2025-03-02 14:05 · 3 items · 123.45". */
    static String label(PastOrders.OrderSummary o) {
        return String.format(Locale.ROOT, "%s · %s · %d item%s · %.2f", o.orderId(),
                o.orderedAt().toString().replace('T', ' '), o.itemCount(), o.itemCount() == 1 ? "" : "s",
                o.orderValue());
    }

    /** Picks one of the listed orders at random. */
    public void pickRandom() {
        if (!orders.isEmpty()) {
            order.set(orders.get(random.nextInt(orders.size())));
        }
    }

    /** The order's lines, the items its offers were ranked for (net of returns), and the offers. */
    private record Shown(List<PastOrders.Line> lines, int items, Recommendations offers) {
    }

    /** Reads the chosen order and ranks its one-tap offers in the background. */
    public void refresh() {
        Store current = store;
        String chosen = order.get();
        if (current == null || chosen == null) {
            return;
        }
        Integer orderId = orderIdByLabel.get(chosen);
        Recommender ranked = session.recommenderProperty().get();
        WeightingProfile profile = session.profileProperty().get();
        Requests.Request request = rankings.next();
        Tasks.create("Ranking one-tap offers", monitor -> {
            List<PastOrders.Line> placed = new PastOrders(current).lines(orderId).orElse(List.of());
            List<CartItem> items = items(placed);
            Recommendations offered = ranked == null || items.isEmpty() ? null
                    : ranked.recommend(Placement.CONFIRMATION, items, profile, 0);
            return new Shown(placed, items.size(), offered);
        }).onSuccess(this::show).onError(onError).onlyWhile(request::isNewest).runQuietly(ranking);
    }

    /**
     * The order's lines as items: net quantity per SKU, returns left out, at catalog prices — as a
     * storefront evaluates the order from the published rule set, which knows catalog prices only
     * (docs/storefront.md), so the preview shows exactly the offers the storefront will.
     */
    static List<CartItem> items(List<PastOrders.Line> placed) {
        List<CartItem> items = new ArrayList<>();
        PastOrders.netQuantities(placed).forEach((sku, quantity) -> items.add(new CartItem(sku, quantity, Double.NaN)));
        return items;
    }

    private void show(Shown shown) {
        Updates.replace(lines, shown.lines());
        Updates.set(emptyReason, shown.offers() == null ? "" : shown.offers().whyEmpty());
        if (shown.offers() == null) {
            offers.clear();
            summary.set(session.recommenderProperty().get() == null ? "Mine the store to see one-tap offers."
                    : "Nothing to offer after this order.");
            return;
        }
        Updates.replace(offers, shown.offers().items());
        WeightingProfile profile = session.profileProperty().get();
        double ceiling = Math.min(profile.oneTapMaxPrice(), profile.oneTapMaxShare() * shown.offers().cartTotal());
        Money money = session.money();
        String caveat = CombinedAcceptanceNote.forList(Placement.CONFIRMATION, shown.items(), shown.offers().items());
        Updates.set(summary, String.format(Locale.ROOT, "Order total at catalog prices %s (what a storefront computes "
                        + "from the rule set). One-tap offers are priced at most %s (%s or %.0f %% of the order); "
                        + "%d offered; their RPI sums to %s, the model's estimate (Reports measures what offers earn).",
                money.orderValue(shown.offers().cartTotal()), money.price(ceiling),
                money.orderValue(profile.oneTapMaxPrice()),
                100 * profile.oneTapMaxShare(), shown.offers().items().size(),
                money.format(shown.offers().items().stream().mapToDouble(Recommendation::rpi).sum()))
                + (caveat.isEmpty() ? "" : " " + caveat));
    }

    /** Why the profile offers nothing after the order shown, or empty. */
    public ReadOnlyStringProperty emptyReasonProperty() {
        return emptyReason.getReadOnlyProperty();
    }

    public RankingSession session() {
        return session;
    }

    public ObservableList<String> orders() {
        return orders;
    }

    public ObjectProperty<String> orderProperty() {
        return order;
    }

    public ObservableList<PastOrders.Line> lines() {
        return lines;
    }

    public ObservableList<Recommendation> offers() {
        return offers;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
