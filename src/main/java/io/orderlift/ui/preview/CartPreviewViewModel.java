package io.orderlift.ui.preview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.CombinedAcceptanceNote;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PastOrders;
import io.orderlift.store.SampleCartStore;
import io.orderlift.store.Store;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.ProductLabels;
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
 * The cart preview's state: a cart built from the catalog (quantities editable), its total and
 * category mix, and what the cart or confirmation placement recommends for it with the session's
 * working profile and curation, each with its explanation, optionally beside what a saved profile
 * recommends for the same cart. Carts can be saved by name per store, or filled from a real past
 * order. Every change re-ranks in the background.
 */
public final class CartPreviewViewModel {

    /** One cart line. */
    public record Line(String sku, String title, String category, int quantity, double price) {
    }

    private final TaskExecutor tasks;
    private final TaskExecutor ranking;
    private final RankingSession session;
    private final ObservableList<String> catalog = FXCollections.observableArrayList();
    private final ObservableList<Line> cart = FXCollections.observableArrayList();
    private final ObservableList<Recommendation> recommendations = FXCollections.observableArrayList();
    /**
     * The products previewed as out of stock, "Trail tent 2P (OUT-TEN-001)" by SKU in the order marked: no
     * list shows them, as a storefront told so; and the line that names them all.
     */
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper unavailableSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<Recommendation> comparison = FXCollections.observableArrayList();
    private final ObservableList<String> savedCarts = FXCollections.observableArrayList();
    private final ObjectProperty<Placement> placement = new SimpleObjectProperty<>(Placement.CART);
    private final ObjectProperty<String> compareWith = new SimpleObjectProperty<>();
    private final ObjectProperty<String> cartName = new SimpleObjectProperty<>();
    /** The catalog entry chosen in the search box, not yet added (a label of {@link #catalog()}). */
    private final ObjectProperty<String> searchChoice = new SimpleObjectProperty<>();
    /** Why a cart of a store never mined gets nothing, under the empty list. */
    static final String NOT_MINED = "The store is not mined yet: Mine pairs… on the Overview counts which products"
            + " are bought together, and the preview ranks from that.";
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Add products to the cart.");
    private final ReadOnlyStringWrapper comparisonSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyReason = new ReadOnlyStringWrapper("");
    private final Map<String, OrderHistory.CatalogEntry> products = new LinkedHashMap<>();
    private Store store;
    private WeightingProfile compared;
    /** The past order that filled the cart and the lines it filled it with, or null; the summary names it while the cart holds them. */
    private FilledFrom filledFrom;
    private final Random random = new Random();
    /** True while the cart takes the name it was just saved under (which must not reopen it). */
    private boolean namingSavedCart;
    /** Re-ranks of the cart: only the newest one's recommendations are shown. */
    private final Requests rankings = new Requests();
    /** The catalog reads asked for: only the newest shows, whichever store each was read from. */
    private final Requests loads = new Requests();
    private Consumer<Throwable> onError = Tasks.shownByDefault("The cart preview");

    public CartPreviewViewModel(TaskExecutor tasks, RankingSession session) {
        this.tasks = tasks;
        this.ranking = tasks.latestOnly();
        this.session = session;
        placement.addListener((obs, old, now) -> rerank());
        compareWith.addListener((obs, old, now) -> loadCompared());
        session.savedProperty().addListener((obs, old, now) -> loadCompared());
        session.recommenderProperty().addListener((obs, old, now) -> rerank());
        session.profileProperty().addListener((obs, old, now) -> rerank());
        cartName.addListener((obs, old, now) -> {
            if (now != null && !namingSavedCart) {
                openCart(now);
            }
        });
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    private record Loaded(List<OrderHistory.CatalogEntry> catalog, List<String> carts) {
    }

    /**
     * Loads the catalog and the saved sample carts of {@code opened}; the ranking comes from the
     * session. Another store starts with no comparison, on its first saved sample cart (by name) or,
     * when it has none, with an empty cart; the same store (after an import or a mining run) keeps
     * the cart and re-prices it from the new catalog.
     */
    public void load(Store opened) {
        load(new CatalogOnce(opened));
    }

    /** As {@link #load(Store)}, with a catalog other views may read too. */
    public void load(CatalogOnce shared) {
        Store opened = shared.store();
        Requests.Request request = loads.next();
        boolean switched = opened != this.store;
        this.store = opened;
        if (switched) {
            // before the catalog goes: a choice left in the search box is the other store's product, and a
            // search box whose list is emptied under its choice fails (IndexOutOfBoundsException in JavaFX)
            searchChoice.set(null);
            compareWith.set(null);
            cartName.set(null);
            cart.clear();
            unavailable.clear();
            unavailableSummary.set("");
            filledFrom = null;
            products.clear();
            catalog.clear();
            savedCarts.clear();
            recommendations.clear();
            comparison.clear();
        }
        Tasks.create("Loading the preview", monitor -> new Loaded(shared.entries(),
                        cartNames(opened)))
                .onSuccess(loaded -> {
                    products.clear();
                    loaded.catalog().forEach(p -> products.put(p.sku(), p));
                    catalog.setAll(loaded.catalog().stream().map(ProductLabels::label).toList());
                    savedCarts.setAll(loaded.carts());
                    if (switched && cart.isEmpty() && cartName.get() == null && !loaded.carts().isEmpty()) {
                        // a store with sample carts opens on one rather than on an empty cart
                        cartName.set(loaded.carts().get(0));
                    }
                    rerank();
                }).onError(onError).onlyWhile(request::isNewest).runQuietly(tasks);
    }

    private static List<String> cartNames(Store store) {
        return new SampleCartStore(store).all().stream().map(SampleCartStore.SampleCart::name).toList();
    }

    /**
     * Saves the cart as the sample cart {@code name} of this store (overwriting one of that name);
     * the cart then shows that name.
     */
    public void saveCart(String name) {
        Store current = store;
        if (current == null || name == null || name.isBlank()) {
            return;
        }
        namingSavedCart = true;
        cartName.set(name.strip());
        namingSavedCart = false;
        List<SampleCartStore.Item> items = cart.stream().map(l -> new SampleCartStore.Item(l.sku(), l.quantity()))
                .toList();
        Tasks.create("Saving the cart", monitor -> {
            new SampleCartStore(current).save(new SampleCartStore.SampleCart(name.strip(), items));
            return cartNames(current);
        }).onSuccess(savedCarts::setAll).onError(onError).onlyWhile(showing(current)).runQuietly(tasks);
    }

    /** Replaces the cart with the saved sample cart {@code name}; SKUs no longer in the catalog are left out. */
    public void openCart(String name) {
        Store current = store;
        if (current == null || name == null) {
            return;
        }
        Tasks.create("Opening the cart", monitor -> new SampleCartStore(current).all().stream()
                        .filter(c -> c.name().equals(name)).findFirst().map(SampleCartStore.SampleCart::items)
                        .orElse(List.of()))
                .onSuccess(items -> {
                    List<Line> lines = new ArrayList<>();
                    items.forEach(item -> addIfInCatalog(lines, item.sku(), item.quantity()));
                    cart.setAll(lines);
                    rerank();
                }).onError(onError).onlyWhile(showing(current)).runQuietly(tasks);
    }

    /** Deletes the saved sample cart {@code name}; the cart stays, under no name. */
    public void deleteCart(String name) {
        Store current = store;
        if (current == null || name == null) {
            return;
        }
        if (name.equals(cartName.get())) {
            cartName.set(null);
        }
        Tasks.create("Deleting the cart", monitor -> {
            new SampleCartStore(current).delete(name);
            return cartNames(current);
        }).onSuccess(savedCarts::setAll).onError(onError).onlyWhile(showing(current)).runQuietly(tasks);
    }

    /**
     * Whether {@code of} is still the store shown: a read, a saved cart or a list of saved carts of
     * the store opened before never lands in this one's.
     */
    private BooleanSupplier showing(Store of) {
        return () -> store == of;
    }

    /** Empties the cart. */
    public void clear() {
        cart.clear();
        cartName.set(null);
        rerank();
    }

    /** The newest orders among which {@link #fillFromPastOrder()} picks. */
    static final int RECENT_ORDERS = 200;

    /** A past order and what it holds, net of returns. */
    private record PastOrder(PastOrders.OrderSummary summary, Map<String, Integer> items) {
    }

    /** The past order that filled the cart, and the lines it filled it with. */
    private record FilledFrom(PastOrders.OrderSummary order, List<Line> lines) {
    }

    /**
     * Replaces the cart with a real order of the store: one of its {@value #RECENT_ORDERS} newest
     * orders holding two or more products, at random (one of the newest when none holds two), with
     * its net quantities at catalog prices, as a storefront's cart holds it. SKUs no longer in the
     * catalog are left out.
     */
    public void fillFromPastOrder() {
        Store current = store;
        if (current == null) {
            return;
        }
        int draw = random.nextInt(Integer.MAX_VALUE);
        Tasks.create("Reading a past order", monitor -> {
            PastOrders past = new PastOrders(current);
            List<PastOrders.OrderSummary> newest = past.newest(RECENT_ORDERS);
            List<PastOrders.OrderSummary> several = newest.stream().filter(o -> o.itemCount() >= 2).toList();
            List<PastOrders.OrderSummary> from = several.isEmpty() ? newest : several;
            if (from.isEmpty()) {
                return Optional.<PastOrder>empty();
            }
            PastOrders.OrderSummary chosen = from.get(draw % from.size());
            return Optional.of(new PastOrder(chosen, PastOrders.netQuantities(past.lines(chosen.id()).orElse(List.of()))));
        }).onSuccess(found -> found.ifPresent(order -> {
            List<Line> lines = new ArrayList<>();
            order.items().forEach((sku, quantity) -> addIfInCatalog(lines, sku, quantity));
            cartName.set(null);
            filledFrom = new FilledFrom(order.summary(), List.copyOf(lines));
            cart.setAll(lines);
            rerank();
        })).onError(onError).onlyWhile(showing(current)).runQuietly(tasks);
    }

    /**
     * The saved cart the preview shows, or null for a cart not saved under a name; setting another
     * name opens that saved cart.
     */
    public ObjectProperty<String> cartNameProperty() {
        return cartName;
    }

    /** Adds {@code sku} at its catalog price to {@code lines}, unless the catalog no longer holds it. */
    private void addIfInCatalog(List<Line> lines, String sku, int quantity) {
        OrderHistory.CatalogEntry product = products.get(sku);
        if (product != null) {
            lines.add(line(product, quantity));
        }
    }

    private static Line line(OrderHistory.CatalogEntry product, int quantity) {
        return new Line(product.sku(), product.title(), product.category(), quantity,
                product.price() == null ? 0 : product.price().doubleValue());
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
        cart.add(line(product, 1));
        rerank();
    }

    /** Takes line {@code index} out of the cart, whatever its quantity (an index out of range changes nothing). */
    public void removeLine(int index) {
        if (index >= 0 && index < cart.size()) {
            changeQuantity(index, -cart.get(index).quantity());
        }
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

    private record Ranked(Recommendations working, Recommendations compared, String comparedName) {
    }

    /** Recommends for the current cart in the background, under the working profile and the compared one. */
    public void rerank() {
        Recommender ranked = session.recommenderProperty().get();
        List<CartItem> items = cart.stream().map(l -> new CartItem(l.sku(), l.quantity(), Double.NaN)).toList();
        summary.set(describeCart());
        Requests.Request request = rankings.next();
        if (ranked == null || items.isEmpty()) {
            recommendations.clear();
            comparison.clear();
            comparisonSummary.set("");
            emptyReason.set("");
            if (ranked == null && !products.isEmpty()) {
                summary.set(describeCart() + " (Mine the store to see recommendations.)");
                emptyReason.set(NOT_MINED);
            }
            return;
        }
        Placement where = placement.get();
        WeightingProfile using = session.profileProperty().get();
        WeightingProfile other = compared != null && compared.name().equals(compareWith.get()) ? compared : null;
        Set<String> outOfStock = Set.copyOf(unavailable.keySet());
        Tasks.create("Recommending", monitor -> {
            Recommendations working = ranked.recommend(where, items, using, 0, outOfStock);
            Recommendations alternative = other == null ? null : ranked.recommend(where, items, other, 0, outOfStock);
            return new Ranked(working, alternative, other == null ? null : other.name());
        }).onSuccess(this::show).onError(onError).onlyWhile(request::isNewest).runQuietly(ranking);
    }

    /** Reads the saved profile to compare with (once per choice, and again when profiles are saved). */
    private void loadCompared() {
        String name = compareWith.get();
        if (name == null) {
            compared = null;
            rerank();
            return;
        }
        Tasks.create("Reading profile " + name, monitor -> session.readProfile(name)).onSuccess(profile -> {
            if (name.equals(compareWith.get())) {
                compared = profile;
                rerank();
            }
        }).onError(onError).runQuietly(tasks);
    }

    private void show(Ranked result) {
        Updates.replace(recommendations, result.working().items());
        Updates.set(summary, describeCart()); // the caveat reads the list shown
        Updates.set(emptyReason, result.working().whyEmpty());
        if (result.compared() == null) {
            comparison.clear();
            comparisonSummary.set("");
            return;
        }
        Updates.replace(comparison, result.compared().items());
        Updates.set(comparisonSummary, String.format(Locale.ROOT, "Revenue per impression of the list: %.2f working · %.2f "
                        + "with '%s'", listRpi(result.working()), listRpi(result.compared()), result.comparedName()));
    }

    private static double listRpi(Recommendations r) {
        return r.items().stream().mapToDouble(Recommendation::rpi).sum();
    }

    /** Categories the cart's summary names at most; a longer mix names its largest and counts the rest. */
    static final int MIX_SHOWN = 6;

    private String describeCart() {
        double total = cart.stream().mapToDouble(l -> l.quantity() * l.price()).sum();
        // named while the cart holds what the past order filled it with: any change makes it the user's own
        String from = filledFrom != null && cart.equals(filledFrom.lines()) ? String.format(Locale.ROOT,
                "Order %s of %s · ", filledFrom.order().orderId(), filledFrom.order().orderedAt().toLocalDate()) : "";
        // until a re-rank's list arrives the caveat reads the list still shown, so that it does not blink
        String caveat = CombinedAcceptanceNote.forList(placement.get(), cart.size(), recommendations);
        return cart.isEmpty() ? "The cart is empty." : String.format(Locale.ROOT, "%sTotal %s · %s%s", from,
                session.money().orderValue(total), mixInWords(cart), caveat.isEmpty() ? "" : ". " + caveat);
    }

    /**
     * The cart's category mix by quantity, "2 × Tents, 1 × Accessories", in the order the categories
     * come; a mix of more than {@value #MIX_SHOWN} names its largest and counts the rest ("and 15 more
     * categories"), as a long order's would fill the pane.
     */
    static String mixInWords(List<Line> cart) {
        Map<String, Integer> mix = new LinkedHashMap<>();
        cart.forEach(l -> mix.merge(l.category() == null ? "no category" : l.category(), l.quantity(), Integer::sum));
        List<Map.Entry<String, Integer>> shown = new ArrayList<>(mix.entrySet());
        if (shown.size() > MIX_SHOWN) {
            shown.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
            shown = shown.subList(0, MIX_SHOWN - 1);
        }
        List<String> parts = new ArrayList<>();
        shown.forEach(e -> parts.add(e.getValue() + " × " + e.getKey()));
        if (mix.size() > MIX_SHOWN) {
            parts.add("and " + (mix.size() - shown.size()) + " more categories");
        }
        return String.join(", ", parts);
    }

    /** What the search box holds: a label of {@link #catalog()} to add, or null; cleared when another store opens. */
    public ObjectProperty<String> searchChoiceProperty() {
        return searchChoice;
    }

    public ObservableList<String> catalog() {
        return catalog;
    }

    public ObservableList<Line> cart() {
        return cart;
    }

    /** The SKUs previewed as out of stock, in the order marked ({@link #markUnavailable}, {@link #restock}). */
    public List<String> unavailable() {
        return List.copyOf(unavailable.keySet());
    }

    /** "Out of stock in this preview: Trail tent 2P (OUT-TEN-001), …", empty while nothing is. */
    public ReadOnlyStringProperty unavailableSummaryProperty() {
        return unavailableSummary.getReadOnlyProperty();
    }

    /**
     * Previews the cart as if {@code product} were out of stock: no list shows it, pinned or not, and each
     * fills from the next best — what a storefront shows when it tells the evaluator so (docs/storefront.md).
     */
    public void markUnavailable(Recommendation product) {
        if (unavailable.putIfAbsent(product.sku(), ProductLabels.named(product.title(), product.sku())) == null) {
            unavailableSummary.set("Out of stock in this preview: " + String.join(", ", unavailable.values()));
            rerank();
        }
    }

    /** Every product back in stock in the preview. */
    public void restock() {
        if (!unavailable.isEmpty()) {
            unavailable.clear();
            unavailableSummary.set("");
            rerank();
        }
    }

    public ObservableList<Recommendation> recommendations() {
        return recommendations;
    }

    public ObservableList<Recommendation> comparison() {
        return comparison;
    }

    public ObservableList<String> savedCarts() {
        return savedCarts;
    }

    /** The saved profile to compare the working one with, or null for no comparison. */
    public ObjectProperty<String> compareWithProperty() {
        return compareWith;
    }

    public ReadOnlyStringProperty comparisonSummaryProperty() {
        return comparisonSummary.getReadOnlyProperty();
    }

    public RankingSession session() {
        return session;
    }

    public ObjectProperty<Placement> placementProperty() {
        return placement;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the working profile recommends nothing for the cart, or empty. */
    public ReadOnlyStringProperty emptyReasonProperty() {
        return emptyReason.getReadOnlyProperty();
    }
}
