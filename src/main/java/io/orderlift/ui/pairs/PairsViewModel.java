package io.orderlift.ui.pairs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderlift.common.CsvFields;
import io.orderlift.common.Money;
import io.orderlift.mining.AnchorPairs;
import io.orderlift.mining.CandidatePair;
import io.orderlift.mining.Evidence;
import io.orderlift.mining.PairReports;
import io.orderlift.mining.PairSnapshot;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.ExclusionImpact;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKey;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.NotMinedException;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.PairStatisticsStore.ProductStat;
import io.orderlift.store.PairStatus;
import io.orderlift.store.Store;
import io.orderlift.ui.common.CatalogOnce;
import io.orderlift.ui.common.ChartImages;
import io.orderlift.ui.common.ProductLabels;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import io.orderlift.ui.common.Updates;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.image.Image;

/**
 * The pairs browser's state: the chosen anchor and which of its lists (evidence and placement), the
 * anchor's candidates with every statistic and their curation status, filters by category and status, the scatter plot,
 * and the curation actions (approve, reject, pin, exclude, undo). The price weight and smoothing
 * are the session's working profile: moving the slider here moves it everywhere. Everything
 * touching the store runs in the background; a newer request replaces an older one's result.
 */
public final class PairsViewModel {

    /** Status filter value that keeps every row. */
    public static final String ALL = "all";
    /** Status filter value for rows nobody has curated yet. */
    public static final String UNCURATED = "uncurated";
    /** Category filter value that keeps every row. */
    public static final String ALL_CATEGORIES = "All categories";
    /** The state of a row an exclusion removes starts with this word. */
    static final String EXCLUDED = "excluded";
    public static final List<String> STATUS_FILTERS = List.of(ALL, UNCURATED, PairStatus.APPROVED.jsonName(),
            PairStatus.REJECTED.jsonName(), PairStatus.PINNED.jsonName(),
            "excluded");

    /**
     * One candidate row; {@code status} is approved, rejected, pinned, excluded (…) or empty.
     *
     * @param rank its place in the anchor's list, ranked by acceptance × price^w at the price weight
     *             shown (the rows' own order), not by RPI at w = 1 as {@code pairs --json}'s {@code rpiRank}
     */
    public record Row(String sku, String title, String category, int co, int follow, double confidence, double lift,
                      double acceptance, double followAcceptance, int customers, double price, double rpi,
                      int coRank, int rank, String status) {

        /** ↑ when revenue ranking moves it up against popularity, ↓ when down. */
        public String movement() {
            return rank < coRank ? "↑" : rank > coRank ? "↓" : "";
        }
    }

    private final TaskExecutor tasks;
    private final TaskExecutor ranking;
    private final RankingSession session;
    private final ObservableList<String> anchors = FXCollections.observableArrayList();
    private final ObjectProperty<String> anchor = new SimpleObjectProperty<>();
    /** The anchor this view chose on its own when the store opened, until another is chosen. */
    private String bestSellerLabel;
    private final ObjectProperty<PairsList> list = new SimpleObjectProperty<>(PairsList.CART);
    private final DoubleProperty priceWeight = new SimpleDoubleProperty(1.0);
    private final ObservableList<Row> allRows = FXCollections.observableArrayList();
    private final FilteredList<Row> rows = new FilteredList<>(allRows);
    private final ObservableList<String> categories = FXCollections.observableArrayList(ALL_CATEGORIES);
    private final ObjectProperty<String> categoryFilter = new SimpleObjectProperty<>(ALL_CATEGORIES);
    private final ObjectProperty<String> statusFilter = new SimpleObjectProperty<>(ALL);
    /** The status line before an anchor is chosen, on a mined store and on one that is not mined yet. */
    static final String CHOOSE_AN_ANCHOR = "Choose an anchor: search by SKU or title above.";
    /** Opens the status line while the anchor is the one the view chose: the store's best seller. */
    static final String BEST_SELLER = "The store's best seller: ";
    /** Said in the status line when the profile ranks by the lower bound of acceptance. */
    static final String LOWER_BOUND = ", acceptance at its lower 95 % bound (the profile's estimator)";
    static final String NOT_MINED = "This store is not mined yet: Mine pairs… on the Overview computes the pairs.";
    /** Said on the confirmation page's same-order list while the profile offers on follow-on evidence alone. */
    static final String UNUSED_ON_CONFIRMATION = "The profile's confirmation page offers on follow-on evidence alone:"
            + " these pairs count there only when pinned";

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(CHOOSE_AN_ANCHOR);
    /** The pair another view asked to show, until its anchor's rows are shown (null: none). */
    private WantedPair wanted;
    /** The candidate the table selects and scrolls to, set once its anchor's rows are shown. */
    private final ReadOnlyObjectWrapper<String> candidateToSelect = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> scatter = new ReadOnlyObjectWrapper<>();
    private final Map<String, String> categoryOfSku = new HashMap<>();
    private Store store;
    /** The open store's mined pairs in memory, once read (null before, or when it is not mined). */
    private PairSnapshot mined;
    /** Re-ranks: only the newest one's candidates are shown. */
    private final Requests rankings = new Requests();
    /** The catalog reads asked for: only the newest shows, whichever store each was read from. */
    private final Requests loads = new Requests();
    private boolean syncing;
    /** The key of the plot on screen; written on the FX thread when a plot is shown, read by the re-rank. */
    private volatile ScatterKey plotted;
    private Consumer<Throwable> onError = Tasks.shownByDefault("The pairs browser");

    public PairsViewModel(TaskExecutor tasks, RankingSession session) {
        this.tasks = tasks;
        this.ranking = tasks.latestOnly();
        this.session = session;
        priceWeight.set(session.profileProperty().get().priceWeight());
        anchor.addListener((obs, old, now) -> refresh());
        list.addListener((obs, old, now) -> refresh());
        priceWeight.addListener((obs, old, now) -> {
            if (!syncing) {
                session.profileProperty().set(session.profileProperty().get().withPriceWeight(now.doubleValue()));
            }
        });
        session.profileProperty().addListener((obs, old, now) -> {
            syncing = true;
            priceWeight.set(now.priceWeight());
            syncing = false;
            // every ranking setting moves what the anchor alone shows (the marked candidates)
            if (old == null || !old.rankingOnly().equals(now.rankingOnly())) {
                refresh();
            }
        });
        session.recommenderProperty().addListener((obs, old, now) -> refresh());
        categoryFilter.addListener((obs, old, now) -> applyFilter());
        statusFilter.addListener((obs, old, now) -> applyFilter());
        session.curationChangesProperty().addListener((obs, old, now) -> refresh());
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /**
     * Lists the store's products as "SKU — title" for the anchor search. Another store starts with
     * no anchor; the same store (after an import or a mining run) keeps its anchor and re-ranks it.
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
        rankings.supersede();
        if (switched) {
            anchor.set(null);
            status.set(CHOOSE_AN_ANCHOR);
            allRows.clear();
            scatter.set(null);
            plotted = null;
        }
        mined = null;
        Tasks.create("Reading the catalog and the mined pairs", monitor -> new Catalog(
                        shared.entries(), snapshotOf(opened)))
                .onSuccess(read -> {
                    mined = read.mined();
                    if (anchor.get() == null) {
                        status.set(mined == null ? NOT_MINED : CHOOSE_AN_ANCHOR);
                    }
                    List<OrderHistory.CatalogEntry> catalog = read.entries();
                    categoryOfSku.clear();
                    catalog.forEach(p -> categoryOfSku.put(p.sku(), p.category()));
                    String kept = anchor.get();
                    anchors.setAll(catalog.stream().map(ProductLabels::label).toList());
                    if (!switched && kept != null) {
                        // a search list whose items are replaced drops its choice: the same store keeps it
                        anchor.set(kept);
                        refresh();
                    } else if (anchor.get() == null && mined != null) {
                        // a mined store opens on its best seller rather than on an empty table
                        bestSellerLabel = bestSeller(catalog, mined).orElse(null);
                        anchor.set(bestSellerLabel);
                    }
                }).onError(onError).onlyWhile(request::isNewest).runQuietly(tasks);
    }

    /**
     * Shows {@code sku}'s candidates, as choosing it in the anchor search does (another view's "Open in
     * Pairs"); a SKU the catalog does not list changes nothing.
     */
    public void showAnchor(String sku) {
        labelOf(sku).ifPresent(anchor::set);
    }

    /** The anchor search's label of {@code sku}, when the catalog lists it. */
    private Optional<String> labelOf(String sku) {
        return anchors.stream().filter(label -> ProductLabels.skuOf(label).equals(sku)).findFirst();
    }

    /**
     * Shows {@code anchorSku}'s list of {@code evidence} whose curation {@code placement} reads, every
     * filter cleared, and {@code candidateSku} selected once it is ranked; when the list does not hold
     * it, the status line says so. A SKU the catalog does not list changes nothing.
     */
    public void showPair(String anchorSku, Placement placement, Evidence evidence, String candidateSku) {
        Optional<String> label = labelOf(anchorSku);
        if (label.isEmpty()) {
            return;
        }
        PairsList shown = PairsList.of(evidence, placement);
        wanted = new WantedPair(anchorSku, shown, candidateSku);
        candidateToSelect.set(null);
        categoryFilter.set(ALL_CATEGORIES);
        statusFilter.set(ALL);
        boolean shownAlready = label.get().equals(anchor.get()) && list.get() == shown;
        list.set(shown);
        anchor.set(label.get());
        if (shownAlready) {
            refresh(); // the rows on screen may be a re-rank behind; the pair is selected in the fresh ones
        }
    }

    /** A pair asked for by {@link #showPair}. */
    private record WantedPair(String anchorSku, PairsList list, String candidateSku) {

        boolean isFor(String shownAnchor, PairsList shownList) {
            return anchorSku.equals(shownAnchor) && list == shownList;
        }
    }

    /** The label of the product in the most orders (the first in catalog order among equals). */
    static Optional<String> bestSeller(List<OrderHistory.CatalogEntry> catalog, PairSnapshot mined) {
        OrderHistory.CatalogEntry best = null;
        int most = 0;
        for (OrderHistory.CatalogEntry entry : catalog) {
            int orders = mined.product(entry.sku()).map(ProductStat::orders).orElse(0);
            if (orders > most) {
                best = entry;
                most = orders;
            }
        }
        return Optional.ofNullable(best).map(ProductLabels::label);
    }

    /** The catalog and, when the store is mined, its pairs in memory. */
    private record Catalog(List<OrderHistory.CatalogEntry> entries, PairSnapshot mined) {
    }

    private static PairSnapshot snapshotOf(Store opened) {
        try {
            return PairSnapshot.load(opened);
        } catch (NotMinedException notYet) {
            return null;
        }
    }

    /** The placement whose curation the table shows. */
    public String placement() {
        return list.get().placement().cliName();
    }

    /**
     * @param scatter      the new plot, or null when it would look the same as the one shown
     * @param minCustomers the profile's privacy floor: pairs backed by fewer known customers are never shown
     * @param aloneEmpty   why the placement shows nothing for the anchor alone ("Alone in a cart: …", "Alone in an
     *                     order: …" on the confirmation page), and that the list's pairs go unused there (the
     *                     confirmation page's same-order list under a profile of follow-on evidence alone); null
     *                     when there is nothing to say (or the ranking is not loaded yet)
     */
    private record Loaded(AnchorPairs pairs, Map<String, String> statuses, Image scatter,
                          ScatterKey key, List<Row> rows, List<String> categoryChoices, int minCustomers,
                          String aloneEmpty) {
    }

    /** What the scatter plot depends on: the same key draws the same plot (the price weight only moves the marks). */
    private record ScatterKey(String anchor, PairsList list, double smoothing, Estimator estimator, int candidates,
                              Set<String> shown, Money money) {
    }

    /** Reloads the anchor's candidates under the current settings. */
    public void refresh() {
        Store current = store;
        String entry = anchor.get();
        if (current == null || entry == null) {
            return;
        }
        String sku = ProductLabels.skuOf(entry);
        Requests.Request request = rankings.next();
        PairsList shownList = list.get();
        Evidence kind = shownList.evidence();
        WeightingProfile profile = session.profileProperty().get();
        Placement placement = shownList.placement();
        String anchorCategory = categoryOfSku.get(sku);
        PairSnapshot inMemory = mined;
        Recommender recommender = session.recommenderProperty().get();
        Money money = money();
        Tasks.create("Ranking " + sku, monitor -> {
            // from the pairs held in memory; before they are read (or when the store is not mined) from the store
            // acceptance as the profile estimates it, so the table ranks as the preview does
            double w = profile.priceWeight();
            double m = profile.smoothing();
            Estimator estimator = profile.estimator();
            AnchorPairs pairs = inMemory != null
                    ? PairReports.forAnchor(inMemory, current, sku, kind, w, m, estimator, 500)
                    : new PairReports(current).forAnchor(sku, kind, w, m, estimator, 500);
            CurationStore curation = new CurationStore(current);
            Map<String, String> statuses = new HashMap<>();
            for (CurationStore.CuratedPair p : curation.pairs()) {
                if (p.placement().equals(placement.cliName()) && p.anchorSku().equals(sku)) {
                    statuses.put(p.candidateSku(), p.status().jsonName());
                }
            }
            List<CurationStore.Exclusion> exclusions = curation.exclusions();
            for (CandidatePair c : pairs.candidates()) {
                ExclusionImpact.first(exclusions, sku, anchorCategory, c.sku(), c.category())
                        .ifPresent(e -> statuses.put(c.sku(), EXCLUDED + " (" + e.kind() + ")"));
            }
            // what the preview shows for the anchor alone, under every rule of the profile (its floors, the
            // ceilings, the curation): the candidates marked in the plot
            Recommendations alone = recommender == null ? null
                    : recommender.recommend(placement, List.of(new CartItem(sku, 1, Double.NaN)), profile, 0);
            Set<String> shown = alone == null ? Set.of()
                    : alone.items().stream().map(Recommendation::sku).collect(Collectors.toUnmodifiableSet());
            String aloneEmpty = alone == null || alone.emptyReason() == null ? null
                    : (placement == Placement.CART ? "Alone in a cart: " : "Alone in an order: ")
                            + withoutFinalStop(alone.emptyReason().text());
            if (shownList == PairsList.CONFIRMATION_SAME_ORDER
                    && profile.confirmationEvidence() == ConfirmationEvidence.FOLLOW_ON) {
                aloneEmpty = (aloneEmpty == null ? "" : aloneEmpty + ". ") + UNUSED_ON_CONFIRMATION;
            }
            ScatterKey key = new ScatterKey(sku, shownList, m, estimator, pairs.candidates().size(), shown, money);
            Image plot = key.equals(plotted) ? null : ChartImages.image(ChartImages.png(PairsScatter.chart(sku,
                    pairs.candidates(), kind == Evidence.FOLLOW_ON, estimator == Estimator.LOWER_BOUND, shown, money)));
            // rows and category choices built here, off the FX thread: 500 rows of formatted numbers
            List<CandidatePair> ranked = pairs.candidates();
            List<Row> built = IntStream.range(0, ranked.size()).mapToObj(i -> row(ranked.get(i),
                    i + 1, statuses.getOrDefault(ranked.get(i).sku(), ""))).toList();
            TreeSet<String> names = new TreeSet<>();
            built.forEach(r -> names.add(r.category() == null ? "" : r.category()));
            List<String> choices = new ArrayList<>(List.of(ALL_CATEGORIES));
            choices.addAll(names);
            return new Loaded(pairs, statuses, plot, key, built, choices, profile.minCustomers(),
                    aloneEmpty);
        }).onSuccess(this::show).onError(onError).onlyWhile(request::isNewest).runQuietly(ranking);
    }

    private void show(Loaded loaded) {
        AnchorPairs p = loaded.pairs();
        Updates.replace(allRows, loaded.rows());
        List<String> choices = loaded.categoryChoices();
        if (!choices.equals(categories)) {
            String chosen = categoryFilter.get();
            categories.setAll(choices);
            categoryFilter.set(choices.contains(chosen) ? chosen : ALL_CATEGORIES);
        }
        if (loaded.scatter() != null) {
            scatter.set(loaded.scatter());
            plotted = loaded.key();
        }
        applyFilter();
        Updates.set(status, String.format((Objects.equals(anchor.get(), bestSellerLabel) ? BEST_SELLER : "")
                        + "%s in %,d of %,d orders; %s with %s evidence at w = %.2f%s%s.\n"
                        + "A approve · R reject · P pin · Ctrl+Z undo · Ctrl+Y redo · right-click to exclude", p.anchor(), p.orders(),
                p.N(), p.candidatesInWords(), p.evidence(), p.priceWeight(),
                loaded.key().estimator() == Estimator.LOWER_BOUND ? LOWER_BOUND : "",
                p.underCustomerFloorInWords(loaded.minCustomers())
                        + (loaded.aloneEmpty() == null ? "" : ". " + loaded.aloneEmpty())));
        selectWanted(p, loaded.key().list());
    }

    /** Selects the pair {@link #showPair} asked for once its rows are shown, or says why they do not hold it. */
    private void selectWanted(AnchorPairs shown, PairsList shownList) {
        WantedPair pair = wanted;
        if (pair == null) {
            return;
        }
        wanted = null;
        if (!pair.isFor(shown.anchor(), shownList)) {
            return; // another anchor was chosen since
        }
        if (allRows.stream().anyMatch(r -> r.sku().equals(pair.candidateSku()))) {
            candidateToSelect.set(pair.candidateSku());
        } else {
            status.set(status.get() + "\n" + notListed(pair.candidateSku(), shown));
        }
    }

    /** Why {@code candidate}, recommended beside the anchor, is not among the rows of {@code shown}. */
    static String notListed(String candidate, AnchorPairs shown) {
        if (shown.candidates().size() < shown.candidateCount()) {
            return candidate + " is not among the " + shown.candidates().size() + " best candidates listed here.";
        }
        return candidate + " has no " + shown.evidence() + " pair with " + shown.anchor() + ": it is recommended"
                + " through the anchor's category. Exclude the pair (Exclusions) to stop it.";
    }

    /** The sentence without its full stop, for a summary that ends it. */
    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private void applyFilter() {
        String category = categoryFilter.get();
        String wanted = statusFilter.get();
        rows.setPredicate(r -> (category == null || ALL_CATEGORIES.equals(category)
                || category.equals(r.category() == null ? "" : r.category()))
                && (wanted == null || ALL.equals(wanted) || (UNCURATED.equals(wanted) && r.status().isEmpty())
                || r.status().startsWith(wanted)));
    }

    /** The row of the candidate in place {@code rank} of the list sorted by score. */
    private static Row row(CandidatePair c, int rank, String status) {
        return new Row(c.sku(), c.title(), c.category(), c.co(), c.follow(), c.confidence(), c.lift(), c.acceptance(),
                c.followAcceptance(), c.customers(), c.price() == null ? Double.NaN : c.price().doubleValue(), c.rpi(),
                c.coRank(), rank, status);
    }

    /** The rows shown (filters applied) as CSV, in the given order, every statistic included. */
    public static String csv(List<Row> shown) {
        StringBuilder csv = new StringBuilder("rank,popularity_rank,sku,title,category,price,acceptance,rpi,"
                + "status,co,follow,lift,confidence,follow_acceptance,customers\n");
        for (Row r : shown) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%.6f,%.6f,%s,%d,%d,%.6f,%.6f,%.6f,%d%n",
                    r.rank(), r.coRank(), field(r.sku()), field(r.title()), field(r.category()),
                    Double.isNaN(r.price()) ? "" : String.format(Locale.ROOT, "%.2f", r.price()), r.acceptance(),
                    r.rpi(), field(r.status()), r.co(), r.follow(), r.lift(), r.confidence(), r.followAcceptance(),
                    r.customers()));
        }
        return csv.toString();
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String field(String value) {
        if (value == null) {
            return "";
        }
        return CsvFields.field(value);
    }

    /** Writes {@code shown} as CSV to {@code file} in the background. */
    public void exportCsv(List<Row> shown, Path file, Consumer<String> done) {
        String content = csv(List.copyOf(shown));
        Tasks.create("Exporting " + file.getFileName(), monitor -> Files.writeString(file, content))
                .onSuccess(written -> done.accept("Wrote " + shown.size() + " rows to " + written))
                .onError(onError).runQuietly(tasks);
    }

    /** Approves, rejects or pins the given candidates. */
    public void curate(List<String> candidates, PairStatus newStatus) {
        Store current = store;
        String entry = anchor.get();
        if (current == null || entry == null || candidates.isEmpty()) {
            return;
        }
        String sku = ProductLabels.skuOf(entry);
        String placement = placement();
        Tasks.create("Curating", monitor -> {
            CurationStore curation = new CurationStore(current);
            candidates.forEach(c -> curation.setPair(placement, sku, c, newStatus, null));
            return candidates.size();
        }).onSuccess(n -> curationChanged()).onError(onError).runQuietly(tasks);
    }

    /** Whether a row's curation state ("rejected", "excluded (sku)", …) keeps the candidate off the list. */
    public static boolean blocks(String state) {
        return state.equals(PairStatus.REJECTED.jsonName()) || state.startsWith(EXCLUDED);
    }

    /** What the pairs browser can exclude from a candidate row. */
    public enum ExclusionTarget { CANDIDATE_SKU, PAIR, CANDIDATE_CATEGORY, CATEGORY_PAIR }

    /** The exclusion {@code target} of {@code row}, or null when it has no category. */
    public ExclusionKey exclusionOf(Row row, ExclusionTarget target) {
        String anchorSku = anchor.get() == null ? null : ProductLabels.skuOf(anchor.get());
        String anchorCategory = anchorSku == null ? null : categoryOfSku.get(anchorSku);
        return switch (target) {
            case CANDIDATE_SKU -> new ExclusionKey(ExclusionKind.SKU, row.sku(), "");
            case PAIR -> anchorSku == null ? null : new ExclusionKey(ExclusionKind.PAIR, anchorSku, row.sku());
            case CANDIDATE_CATEGORY -> row.category() == null ? null
                    : new ExclusionKey(ExclusionKind.CATEGORY, row.category(), "");
            case CATEGORY_PAIR -> anchorCategory == null || row.category() == null ? null
                    : new ExclusionKey(ExclusionKind.CATEGORY_PAIR, anchorCategory, row.category());
        };
    }

    /** Adds the exclusion with {@code reason}, then re-ranks everything. */
    public void exclude(ExclusionKey exclusion, String reason) {
        Store current = store;
        if (current == null || exclusion == null) {
            return;
        }
        Tasks.create("Excluding", monitor -> {
            new CurationStore(current).exclude(exclusion.kind(), exclusion.first(), exclusion.second(), reason);
            return true;
        }).onSuccess(done -> curationChanged()).onError(onError).runQuietly(tasks);
    }

    /** Curation changed here: the session tells every view, this one included (it refreshes on the count). */
    private void curationChanged() {
        session.reloadCuration();
    }

    /** The open store's prices for people, in its currency. */
    public Money money() {
        return session.money();
    }

    public ObservableList<String> anchors() {
        return anchors;
    }

    /** The candidate the table should select and scroll to (null between requests). */
    public ReadOnlyObjectProperty<String> candidateToSelectProperty() {
        return candidateToSelect.getReadOnlyProperty();
    }

    public ObjectProperty<String> anchorProperty() {
        return anchor;
    }

    /** Which of the anchor's lists is shown: its evidence, and the placement whose curation it edits. */
    public ObjectProperty<PairsList> listProperty() {
        return list;
    }

    public DoubleProperty priceWeightProperty() {
        return priceWeight;
    }

    /** The candidates that pass the filters, best score first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** Every candidate of the anchor, filters ignored. */
    public ObservableList<Row> allRows() {
        return allRows;
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObjectProperty<String> categoryFilterProperty() {
        return categoryFilter;
    }

    public ObjectProperty<String> statusFilterProperty() {
        return statusFilter;
    }

    public ReadOnlyObjectProperty<Image> scatterProperty() {
        return scatter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
