package io.orderlift.ui.exclusions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.orderlift.ranking.ChargeLines;
import io.orderlift.ranking.ExclusionImpact;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommender;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKey;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.ProductLabels;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The exclusions of the open store (SKUs, categories, category pairs, pairs), each with its reason
 * and what it removes from the mined pairs; adding and removing them. The pairs browser adds them
 * too (its context menu); any change reaches every view through the session.
 */
public final class ExclusionsViewModel {

    /**
     * One exclusion and what it removes; {@code pairs} is -1 while the store is not mined. The titles
     * are the catalog's for the products it names (null for categories, or a SKU the catalog lacks).
     */
    public record Row(ExclusionKind kind, String first, String second, String reason, Instant createdAt, int pairs,
                      int anchors, List<String> strongest, String firstTitle, String secondTitle) {

        /** What it excludes, for a person: products as the other tables name them, "title (SKU)". */
        public String target() {
            return switch (kind) {
                case CATEGORY_PAIR -> first + " → " + second + " (category pair)";
                case PAIR -> ProductLabels.named(firstTitle, first) + " → " + ProductLabels.named(secondTitle, second);
                case SKU -> ProductLabels.named(firstTitle, first);
                case CATEGORY -> first;
            };
        }

        /** What it removes, for a person. */
        public String removes() {
            if (pairs < 0) {
                return "(mine the store to see)";
            }
            if (pairs == 0) {
                return "nothing in the mined pairs";
            }
            return String.format("%,d pair%s of %,d anchor%s, e.g. %s", pairs, pairs == 1 ? "" : "s", anchors,
                    anchors == 1 ? "" : "s", String.join("; ", strongest));
        }
    }

    private final TaskExecutor tasks;
    private final RankingSession session;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> products = FXCollections.observableArrayList();
    /** The add form's choices: a product label or a category name each, null when none. */
    private final ObjectProperty<String> firstChoice = new SimpleObjectProperty<>();
    private final ObjectProperty<String> secondChoice = new SimpleObjectProperty<>();
    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ObservableList<ChargeLines.Suggestion> suggestions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper suggestionText = new ReadOnlyStringWrapper("");
    /**
     * The catalog of the newest load, which reads the sold-price spreads the suggestions follow from
     * once per load (with the catalog's own scan where it takes one). A refresh of another store (one
     * just closed) reads its own.
     */
    private volatile CatalogOnce newestCatalog;
    /** {@link #load} calls: only the newest load's catalog is listed. */
    private final Requests loads = new Requests();
    /** {@link #refresh} calls: only the newest one's rows are shown. */
    private final Requests refreshes = new Requests();
    /**
     * What each exclusion removes from {@link #impactModel}: an approval or a pin changes no
     * exclusion, so a refresh after one computes nothing again. Written by the background refresh.
     */
    private volatile Map<CurationStore.Exclusion, ExclusionImpact.Removed> impacts = Map.of();
    private volatile RankingModel impactModel;
    private Consumer<Throwable> onError = Tasks.shownByDefault("Exclusions");

    public ExclusionsViewModel(TaskExecutor tasks, RankingSession session) {
        this.tasks = tasks;
        this.session = session;
        session.recommenderProperty().addListener((obs, old, now) -> {
            if (old == null || now == null || old.model() != now.model()) {
                refresh();
            }
        });
        session.curationChangesProperty().addListener((obs, old, now) -> refresh());
    }

    private Runnable onChosenWithThem = () -> { };

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /** Loads the catalog's SKUs and categories for the add form, the exclusions, and the suggested ones. */
    public void load(Store opened) {
        load(new CatalogOnce(opened));
    }

    /** As {@link #load(Store)}, with a catalog other views may read too. */
    public void load(CatalogOnce shared) {
        Requests.Request load = loads.next();
        if (newestCatalog == null || newestCatalog.store() != shared.store()) {
            // another store: the form never excludes the previous one's product here (and its boxes are
            // emptied before their lists change under them)
            firstChoice.set(null);
            secondChoice.set(null);
        }
        newestCatalog = shared;
        suggestions.clear();
        suggestionText.set("");
        Tasks.create("Reading the catalog", monitor -> shared.entries()).onSuccess(catalog -> {
            products.setAll(catalog.stream().sorted(Comparator.comparing(OrderHistory.CatalogEntry::sku))
                    .map(ProductLabels::label).toList());
            TreeSet<String> names = new TreeSet<>();
            catalog.stream().map(OrderHistory.CatalogEntry::category).filter(c -> c != null).forEach(names::add);
            categories.setAll(names);
        }).onError(onError).onlyWhile(load::isNewest).runQuietly(tasks); // another store's is not listed
        refresh();
    }

    private record Loaded(List<Row> rows, List<ChargeLines.Suggestion> suggestions) {
    }

    /** The line under the table: how many exclusions, and what they remove from the mined pairs. */
    static String summarize(List<Row> rows) {
        if (rows.isEmpty()) {
            return "Nothing is excluded.";
        }
        String counted = rows.size() == 1 ? "1 exclusion" : rows.size() + " exclusions";
        if (rows.stream().anyMatch(r -> r.pairs() < 0)) {
            return counted + "; mine the store to see what " + (rows.size() == 1 ? "it removes." : "they remove.");
        }
        int removed = rows.stream().mapToInt(Row::pairs).sum();
        return String.format("%s; %s up to %,d mined pair%s.", counted, rows.size() == 1 ? "it removes"
                : "together they remove", removed, removed == 1 ? "" : "s");
    }

    /** The suggestions in words, the first eight of them; empty when there are none. */
    private static String describe(List<ChargeLines.Suggestion> found) {
        if (found.isEmpty()) {
            return "";
        }
        String head = ChargeLines.headline(found.size()) + ": ";
        String listed = found.stream().limit(8).map(ChargeLines.Suggestion::describe)
                .collect(Collectors.joining("; "));
        return head + listed + (found.size() > 8 ? String.format("; and %,d more.", found.size() - 8) : ".");
    }

    /** Excludes every suggested SKU, each with the evidence as its reason. */
    public void excludeSuggested() {
        Store current = session.storeProperty().get();
        List<ChargeLines.Suggestion> found = List.copyOf(suggestions);
        if (current == null || found.isEmpty()) {
            return;
        }
        Map<ExclusionKey, String> reasons = ChargeLines.exclusions(found, null);
        Tasks.create("Excluding the suggested SKUs", monitor -> {
            new CurationStore(current).excludeAll(reasons);
            return ChargeLines.profileChosenWithThem(current);
        }).onSuccess(chosenWithThem -> {
            session.reloadCuration();
            if (chosenWithThem) {
                onChosenWithThem.run();
            }
        }).onError(onError).runQuietly(tasks);
    }

    /**
     * Called after the suggested SKUs were excluded from a store whose active profile the backtest
     * chose while they counted as revenue ({@link ChargeLines#CHOSEN_WITH_THEM}).
     */
    public void setOnChosenWithThem(Runnable handler) {
        this.onChosenWithThem = handler;
    }

    /** SKUs that look like charges rather than products and are not excluded yet. */
    public ObservableList<ChargeLines.Suggestion> suggestions() {
        return suggestions;
    }

    /** The suggestions in words for the banner; empty when there are none. */
    public ReadOnlyStringProperty suggestionTextProperty() {
        return suggestionText.getReadOnlyProperty();
    }

    /** Re-reads the exclusions and what each removes, in the background. */
    public void refresh() {
        Store current = session.storeProperty().get();
        if (current == null) {
            return;
        }
        Recommender ranked = session.recommenderProperty().get();
        Requests.Request request = refreshes.next();
        CatalogOnce catalog = newestCatalog;
        Tasks.create("Reading the exclusions", monitor -> {
            List<CurationStore.Exclusion> exclusions = new CurationStore(current).exclusions();
            List<OrderHistory.SoldPriceSpread> sold = catalog != null && catalog.store() == current
                    ? catalog.spreads() : new OrderHistory(current).soldPriceSpreads();
            List<ChargeLines.Suggestion> suggested = ChargeLines.suggest(sold, ChargeLines.excludedSkus(exclusions));
            Map<String, String> titles = new HashMap<>();
            if (catalog != null && catalog.store() == current) {
                catalog.entries().stream().filter(p -> p.title() != null).forEach(p -> titles.put(p.sku(), p.title()));
            }
            if (ranked == null) {
                return new Loaded(exclusions.stream().map(e -> row(e, -1, 0, List.of(), titles)).toList(), suggested);
            }
            Map<CurationStore.Exclusion, ExclusionImpact.Removed> known = impactModel == ranked.model() ? impacts
                    : Map.of();
            Map<CurationStore.Exclusion, ExclusionImpact.Removed> now = new HashMap<>();
            List<CurationStore.Exclusion> missing = new ArrayList<>();
            for (CurationStore.Exclusion e : exclusions) {
                if (known.containsKey(e)) {
                    now.put(e, known.get(e));
                } else {
                    missing.add(e);
                }
            }
            ExclusionImpact.of(ranked.model(), missing).forEach(r -> now.put(r.exclusion(), r));
            impacts = now;
            impactModel = ranked.model();
            return new Loaded(exclusions.stream().map(now::get).map(r -> row(r.exclusion(), r.pairs(), r.anchors(),
                    r.strongest(), titles)).toList(), suggested);
        }).onSuccess(loaded -> {
            rows.setAll(loaded.rows());
            suggestions.setAll(loaded.suggestions());
            suggestionText.set(describe(loaded.suggestions()));
            summary.set(summarize(loaded.rows()));
        }).onError(onError).onlyWhile(request::isNewest).runQuietly(tasks);
    }

    /**
     * Adds an exclusion; {@code second} is needed for category-pair and pair only. A product is given as
     * its SKU or as its label in {@link #products()}.
     */
    public void add(ExclusionKind kind, String first, String second, String reason) {
        Store current = session.storeProperty().get();
        if (current == null) {
            return;
        }
        boolean twoKeys = kind.twoKeys();
        if (first == null || first.isBlank() || twoKeys && (second == null || second.isBlank())) {
            onError.accept(new IllegalArgumentException(twoKeys ? "Choose both sides of the " + kind + "."
                    : "Choose the " + kind + " to exclude."));
            return;
        }
        String key = key(kind, first);
        String other = twoKeys ? key(kind, second) : "";
        Tasks.create("Excluding", monitor -> {
            new CurationStore(current).exclude(kind, key, other, reason == null || reason.isBlank() ? null
                    : reason.strip());
            return true;
        }).onSuccess(done -> session.reloadCuration()).onError(onError).runQuietly(tasks);
    }

    private static Row row(CurationStore.Exclusion e, int pairs, int anchors, List<String> strongest,
                           Map<String, String> titles) {
        boolean products = !e.kind().categories();
        return new Row(e.kind(), e.first(), e.second(), e.reason(), e.createdAt(), pairs, anchors, strongest,
                products ? titles.get(e.first()) : null, products ? titles.get(e.second()) : null);
    }

    /** The stored key of one side of an exclusion: a category as named, a product by its SKU. */
    static String key(ExclusionKind kind, String chosen) {
        return (kind.categories() ? chosen : ProductLabels.skuOf(chosen)).strip();
    }

    /** Removes the exclusion of {@code row}. */
    public void remove(Row row) {
        Store current = session.storeProperty().get();
        if (current == null || row == null) {
            return;
        }
        Tasks.create("Removing the exclusion", monitor -> new CurationStore(current).include(row.kind(), row.first(),
                row.second())).onSuccess(done -> session.reloadCuration()).onError(onError).runQuietly(tasks);
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /**
     * The catalog for the add form, as the other views' search boxes show it ({@code SKU — title}, by SKU):
     * a merchandiser finds a product by its name as well as its SKU.
     */
    public ObservableList<String> products() {
        return products;
    }

    /** The add form's first choice (a product label, or a category); cleared when another store opens. */
    public ObjectProperty<String> firstChoiceProperty() {
        return firstChoice;
    }

    /** The add form's second choice, for a pair or a category pair. */
    public ObjectProperty<String> secondChoiceProperty() {
        return secondChoice;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
