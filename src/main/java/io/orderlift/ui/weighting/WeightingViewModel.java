package io.orderlift.ui.weighting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.orderlift.common.Money;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.VersusActive;
import io.orderlift.ranking.CartItem;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.Recommendation;
import io.orderlift.ranking.Recommendations;
import io.orderlift.ranking.Recommender;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.SharedCompanions;
import io.orderlift.ui.common.ProductLabels;
import io.orderlift.ui.common.RankingSession;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import io.orderlift.ui.common.Updates;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The weighting view's state: every setting of the working profile as a property. A change is
 * applied at once to the session's working profile (so the pairs browser and the previews re-rank),
 * and the effect table compares, for the store's best-selling products as one-item carts, what the
 * saved profile and the working profile recommend. That comparison runs in the background.
 */
public final class WeightingViewModel {

    /** How many best sellers the effect table compares. */
    public static final int EFFECT_ANCHORS = 15;

    /** One best seller's list under the saved and the working profile; {@code changed} when they differ. */
    public record EffectRow(String anchor, String saved, double savedRpi, String working, double workingRpi,
                            boolean changed, String anchorTitle, String workingTitles) {

        /** A row without titles (the SKUs stand in). */
        public EffectRow(String anchor, String saved, double savedRpi, String working, double workingRpi,
                         boolean changed) {
            this(anchor, saved, savedRpi, working, workingRpi, changed, anchor, working);
        }

        /** What the working profile changes in the list: "+ADDED −DROPPED", "reordered", or "". */
        public String change() {
            if (!changed) {
                return "";
            }
            List<String> before = List.of(saved.split(", "));
            List<String> after = List.of(working.split(", "));
            StringBuilder text = new StringBuilder();
            after.stream().filter(s -> !before.contains(s)).forEach(s -> text.append("+").append(s).append(' '));
            before.stream().filter(s -> !after.contains(s)).forEach(s -> text.append("−").append(s).append(' '));
            return text.length() == 0 ? "reordered" : text.toString().strip();
        }
    }

    private final TaskExecutor tasks;
    private final TaskExecutor ranking;
    private final RankingSession session;
    private final DoubleProperty priceWeight = new SimpleDoubleProperty();
    private final DoubleProperty smoothing = new SimpleDoubleProperty();
    private final ObjectProperty<Integer> minEvidence = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> backoffBelowOrders = new SimpleObjectProperty<>(0);
    private final DoubleProperty maxPriceRatio = new SimpleDoubleProperty();
    private final DoubleProperty oneTapMaxPrice = new SimpleDoubleProperty();
    private final DoubleProperty oneTapMaxShare = new SimpleDoubleProperty();
    private final ObjectProperty<Integer> perCategoryCap = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> cartLength = new SimpleObjectProperty<>(1);
    private final ObjectProperty<Integer> confirmationLength = new SimpleObjectProperty<>(1);
    private final DoubleProperty minLift = new SimpleDoubleProperty();
    private final ObjectProperty<Estimator> estimator =
            new SimpleObjectProperty<>(Estimator.BASE_RATE);
    private final ObjectProperty<ConfirmationEvidence> confirmationEvidence =
            new SimpleObjectProperty<>(ConfirmationEvidence.BOTH);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper versusValidated = new ReadOnlyStringWrapper("");
    /** The backtest the Reports view shows, whose validated settings the working profile is held against; null: none. */
    private final ObjectProperty<BacktestReport> lastBacktest = new SimpleObjectProperty<>();
    private final ObjectProperty<Placement> placement = new SimpleObjectProperty<>(Placement.CART);
    private final ObservableList<EffectRow> effect = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Mine the store to see the effect.");
    private boolean syncing;
    /** Comparisons: only the newest one's table is shown. */
    private final Requests comparisons = new Requests();

    public WeightingViewModel(TaskExecutor tasks, RankingSession session) {
        this.tasks = tasks;
        this.ranking = tasks.latestOnly();
        this.session = session;
        show(session.profileProperty().get());
        session.profileProperty().addListener((obs, old, now) -> {
            show(now);
            compare();
            sayVersusValidated();
        });
        lastBacktest.addListener((obs, old, now) -> sayVersusValidated());
        session.savedProperty().addListener((obs, old, now) -> compare());
        session.recommenderProperty().addListener((obs, old, now) -> compare());
        placement.addListener((obs, old, now) -> compare());
        for (Property<?> setting : settings()) {
            setting.addListener((obs, old, now) -> apply());
        }
    }

    private List<Property<?>> settings() {
        return List.of(priceWeight, smoothing, minEvidence, backoffBelowOrders, maxPriceRatio, oneTapMaxPrice,
                oneTapMaxShare, perCategoryCap, cartLength, confirmationLength, minLift, estimator,
                confirmationEvidence);
    }

    private void show(WeightingProfile p) {
        syncing = true;
        try {
            priceWeight.set(p.priceWeight());
            smoothing.set(p.smoothing());
            minEvidence.set(p.minEvidence());
            backoffBelowOrders.set(p.backoffBelowOrders());
            maxPriceRatio.set(p.maxPriceRatio());
            oneTapMaxPrice.set(p.oneTapMaxPrice());
            oneTapMaxShare.set(p.oneTapMaxShare());
            perCategoryCap.set(p.perCategoryCap());
            cartLength.set(p.cartLength());
            confirmationLength.set(p.confirmationLength());
            minLift.set(p.minLift());
            estimator.set(p.estimator());
            confirmationEvidence.set(p.confirmationEvidence());
            source.set(source(p));
        } finally {
            syncing = false;
        }
    }

    static final String BUILT_IN = "The built-in settings: Reports' Use these settings chooses them from this"
            + " store's history.";

    /** Where the working settings come from: "Settings chosen by backtest on …", the built-in ones, or "Set by hand." */
    static String source(WeightingProfile p) {
        return p.chosenBy() != null ? "Settings " + p.chosenBy() + "."
                : p.equals(WeightingProfile.defaults()) ? BUILT_IN : "Set by hand.";
    }

    /**
     * The settings as a profile under the working profile's name; every setting is kept (the
     * estimator and the confirmation evidence too), and settings edited here are no longer the
     * backtest's choice.
     */
    public WeightingProfile profile() {
        WeightingProfile current = session.profileProperty().get();
        WeightingProfile edited = new WeightingProfile(current.name(), priceWeight.get(), smoothing.get(),
                minEvidence.get(), backoffBelowOrders.get(), maxPriceRatio.get(), oneTapMaxPrice.get(),
                oneTapMaxShare.get(), perCategoryCap.get(), cartLength.get(), confirmationLength.get(), minLift.get(),
                current.minCustomers(), estimator.get(), confirmationEvidence.get(), current.chosenBy());
        return edited.rankingOnly().equals(current.rankingOnly()) ? edited : edited.withChosenBy(null);
    }

    public ObjectProperty<Estimator> estimatorProperty() {
        return estimator;
    }

    public ObjectProperty<ConfirmationEvidence> confirmationEvidenceProperty() {
        return confirmationEvidence;
    }

    /** The backtest whose validated settings the working profile is held against (the one Reports shows). */
    public ObjectProperty<BacktestReport> lastBacktestProperty() {
        return lastBacktest;
    }

    /**
     * How the working profile stands against the last backtest's validated settings: "The last backtest
     * validated these settings.", or which of them differ; empty without a backtest that chose.
     */
    public ReadOnlyStringProperty versusValidatedProperty() {
        return versusValidated.getReadOnlyProperty();
    }

    private void sayVersusValidated() {
        BacktestReport r = lastBacktest.get();
        WeightingProfile working = session.profileProperty().get();
        if (r == null || r.notChosen() != null || working == null) {
            versusValidated.set("");
            return;
        }
        VersusActive versus = VersusActive.of(working, r.chosenProfile(), new Money(r.currency()));
        int n = versus.differences().size();
        versusValidated.set(versus.usesChosen() ? "The last backtest validated these settings."
                : String.format(Locale.ROOT, "%s from the last backtest's validated ones: %s.",
                n == 1 ? "1 setting differs" : n + " settings differ", versus.differencesInWords()));
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    private void apply() {
        if (!syncing) {
            session.profileProperty().set(profile());
        }
    }

    /** Recomputes the effect table in the background. */
    public void compare() {
        Recommender ranked = session.recommenderProperty().get();
        if (ranked == null) {
            effect.clear();
            summary.set("Mine the store to see the effect of the settings.");
            return;
        }
        Requests.Request request = comparisons.next();
        WeightingProfile before = session.savedProperty().get();
        WeightingProfile after = session.profileProperty().get();
        Placement where = placement.get();
        Tasks.create("Re-ranking", monitor -> effectOf(ranked, where, before, after))
                .onSuccess(this::showEffect).onlyWhile(request::isNewest).runQuietly(ranking);
    }

    /** For the best sellers as one-item carts: the lists under {@code before} and {@code after}. */
    public static List<EffectRow> effectOf(Recommender ranked, Placement where, WeightingProfile before,
                                           WeightingProfile after) {
        RankingModel model = ranked.model();
        List<Integer> best = IntStream.range(0, model.productCount()).filter(p -> model.sku(p) != null)
                .boxed().sorted(Comparator.comparingInt(model::ordersOf).reversed()).limit(EFFECT_ANCHORS).toList();
        List<EffectRow> rows = new ArrayList<>();
        for (int anchor : best) {
            List<CartItem> cart = List.of(new CartItem(model.sku(anchor), 1, Double.NaN));
            Recommendations was = ranked.recommend(where, cart, before, 0);
            Recommendations now = ranked.recommend(where, cart, after, 0);
            String wasList = list(was);
            String nowList = list(now);
            rows.add(new EffectRow(model.sku(anchor), wasList, rpi(was), nowList, rpi(now), !wasList.equals(nowList),
                    model.title(anchor) == null ? "" : model.title(anchor), titles(now)));
        }
        return rows;
    }

    /** The list's titles (a SKU where a product has none), as a person reads it. */
    private static String titles(Recommendations r) {
        return r.items().isEmpty() ? "–" : r.items().stream()
                .map(i -> i.title() == null || i.title().isBlank() ? i.sku() : i.title())
                .collect(Collectors.joining(" · "));
    }

    private static String list(Recommendations r) {
        return r.items().isEmpty() ? "–" : r.items().stream().map(Recommendation::sku).collect(Collectors.joining(", "));
    }

    private static double rpi(Recommendations r) {
        return r.items().stream().mapToDouble(Recommendation::rpi).sum();
    }

    private void showEffect(List<EffectRow> rows) {
        Updates.replace(effect, rows);
        long changed = rows.stream().filter(EffectRow::changed).count();
        double before = rows.stream().mapToDouble(EffectRow::savedRpi).sum();
        double after = rows.stream().mapToDouble(EffectRow::workingRpi).sum();
        Money money = session.money();
        Recommender ranked = session.recommenderProperty().get();
        String shared = sharedCompanion(rows).map(c -> String.format(Locale.ROOT, " %s is in %d of the %d lists that"
                + " show something.", ranked == null ? c.sku() : titled(ranked.model(), c.sku()), c.lists(), c.of()))
                .orElse("");
        Updates.set(summary, String.format(Locale.ROOT, "%d of %d best-seller lists change; their summed revenue per "
                        + "impression goes from %s to %s (%+.1f %%).%s", changed, rows.size(),
                money.format(before), money.format(after), before == 0 ? 0 : 100 * (after - before) / before, shared));
    }

    /** A companion and how many of the {@code of} working lists that show something hold it. */
    record SharedCompanion(String sku, int lists, int of) {
    }

    /**
     * The companion in the most working lists, when it is in half or more of those that show something (three at
     * least): said where the settings that put the same few companions everywhere are edited.
     */
    static Optional<SharedCompanion> sharedCompanion(List<EffectRow> rows) {
        Map<String, Integer> lists = new TreeMap<>();
        int showing = 0;
        for (EffectRow row : rows) {
            if (!row.working().equals("–")) {
                showing++;
                for (String sku : row.working().split(", ")) {
                    lists.merge(sku, 1, Integer::sum);
                }
            }
        }
        int of = showing;
        return lists.entrySet().stream().max(Map.Entry.comparingByValue())
                .filter(e -> of >= 3 && SharedCompanions.inHalfOrMore(e.getValue(), of))
                .map(e -> new SharedCompanion(e.getKey(), e.getValue(), of));
    }

    /** "Title (SKU)", or the SKU where the product has no title. */
    private static String titled(RankingModel model, String sku) {
        return ProductLabels.named(model.idOf(sku).stream().mapToObj(model::title).findFirst().orElse(null), sku);
    }

    public DoubleProperty priceWeightProperty() {
        return priceWeight;
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public ObjectProperty<Integer> minEvidenceProperty() {
        return minEvidence;
    }

    public ObjectProperty<Integer> backoffBelowOrdersProperty() {
        return backoffBelowOrders;
    }

    public DoubleProperty maxPriceRatioProperty() {
        return maxPriceRatio;
    }

    public DoubleProperty oneTapMaxPriceProperty() {
        return oneTapMaxPrice;
    }

    public DoubleProperty oneTapMaxShareProperty() {
        return oneTapMaxShare;
    }

    public ObjectProperty<Integer> perCategoryCapProperty() {
        return perCategoryCap;
    }

    public ObjectProperty<Integer> cartLengthProperty() {
        return cartLength;
    }

    public ObjectProperty<Integer> confirmationLengthProperty() {
        return confirmationLength;
    }

    public DoubleProperty minLiftProperty() {
        return minLift;
    }

    public ObjectProperty<Placement> placementProperty() {
        return placement;
    }

    public ObservableList<EffectRow> effect() {
        return effect;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the working profile differs from the saved one. */
    public BooleanBinding unsavedBinding() {
        return session.unsavedBinding();
    }

    public RankingSession session() {
        return session;
    }
}
