package io.orderlift.ui.pairs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.orderlift.mining.Acceptance;
import io.orderlift.mining.AnchorPairs;
import io.orderlift.mining.CandidatePair;
import io.orderlift.mining.Evidence;
import io.orderlift.mining.PairReports;
import io.orderlift.store.CurationStore;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.Store;
import io.orderlift.ui.common.ProductLabels;
import io.orderlift.ui.common.TaskRunner;
import io.orderlift.ui.common.Tasks;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pairs browser's state: the chosen anchor, evidence kind and price weight, the anchor's
 * candidates with every statistic and their curation status, and the curation actions (approve,
 * reject, pin, undo). Everything touching the store runs in the background; a newer request
 * replaces an older one's result.
 */
public final class PairsViewModel {

    /** One candidate row. */
    public record Row(String sku, String title, String category, int co, int follow, double confidence, double lift,
                      double acceptance, double followAcceptance, int customers, String price, double rpi,
                      int popularityRank, int rpiRank, String status) {

        /** ↑ when revenue ranking moves it up against popularity, ↓ when down. */
        public String movement() {
            return rpiRank < popularityRank ? "↑" : rpiRank > popularityRank ? "↓" : "";
        }
    }

    private final TaskRunner runner;
    private final ObservableList<String> anchors = FXCollections.observableArrayList();
    private final ObjectProperty<String> anchor = new SimpleObjectProperty<>();
    private final ObjectProperty<Evidence> evidence = new SimpleObjectProperty<>(Evidence.SAME_ORDER);
    private final DoubleProperty priceWeight = new SimpleDoubleProperty(1.0);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose an anchor.");
    private Store store;
    private long generation;
    private Consumer<Throwable> onError = e -> { };

    public PairsViewModel(TaskRunner runner) {
        this.runner = runner;
        anchor.addListener((obs, old, now) -> refresh());
        evidence.addListener((obs, old, now) -> refresh());
        priceWeight.addListener((obs, old, now) -> refresh());
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    /** Lists the store's products as "SKU — title" for the anchor search. */
    public void load(Store opened) {
        this.store = opened;
        rows.clear();
        Tasks.create("Reading the catalog", monitor -> new OrderHistory(opened).catalog().stream()
                        .map(ProductLabels::label).toList())
                .onSuccess(anchors::setAll).onError(onError).run(runner::submitPlain);
    }

    /** The placement whose curation the table shows: cart for same-order evidence, confirmation for follow-on. */
    public String placement() {
        return evidence.get() == Evidence.SAME_ORDER ? "cart" : "confirmation";
    }

    private record Loaded(long generation, AnchorPairs pairs, Map<String, String> statuses) {
    }

    /** Reloads the anchor's candidates under the current settings. */
    public void refresh() {
        Store current = store;
        String entry = anchor.get();
        if (current == null || entry == null) {
            return;
        }
        String sku = ProductLabels.skuOf(entry);
        long request = ++generation;
        Evidence kind = evidence.get();
        double w = priceWeight.get();
        String placement = placement();
        Tasks.create("Ranking " + sku, monitor -> {
            AnchorPairs pairs = new PairReports(current).forAnchor(sku, kind, w, Acceptance.DEFAULT_SMOOTHING, 500);
            Map<String, String> statuses = new HashMap<>();
            for (CurationStore.CuratedPair p : new CurationStore(current).pairs()) {
                if (p.placement().equals(placement) && p.anchorSku().equals(sku)) {
                    statuses.put(p.candidateSku(), p.status());
                }
            }
            return new Loaded(request, pairs, statuses);
        }).onSuccess(this::show).onError(onError).run(runner::submitPlain);
    }

    private void show(Loaded loaded) {
        if (loaded.generation() != generation) {
            return;
        }
        AnchorPairs p = loaded.pairs();
        rows.setAll(p.candidates().stream().map(c -> row(c, loaded.statuses().getOrDefault(c.sku(), ""))).toList());
        status.set(String.format("%s in %,d of %,d orders; %d candidates with %s evidence at w = %.2f.  "
                        + "A approve · R reject · P pin · Ctrl+Z undo", p.anchor(), p.orders(), p.N(),
                p.candidates().size(), p.evidence(), p.priceWeight()));
    }

    private static Row row(CandidatePair c, String status) {
        return new Row(c.sku(), c.title(), c.category(), c.co(), c.follow(), c.confidence(), c.lift(), c.acceptance(),
                c.followAcceptance(), c.customers(), c.price() == null ? "–" : c.price().stripTrailingZeros()
                .toPlainString(), c.rpi(), c.popularityRank(), c.rpiRank(), status);
    }

    /** Approves, rejects or pins ({@code approved}, {@code rejected}, {@code pinned}) the given candidates. */
    public void curate(List<String> candidates, String newStatus) {
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
        }).onSuccess(n -> refresh()).onError(onError).run(runner::submitPlain);
    }

    /** Undoes the newest curation change. */
    public void undo() {
        Store current = store;
        if (current == null) {
            return;
        }
        Tasks.create("Undo", monitor -> new CurationStore(current).undo())
                .onSuccess(done -> refresh()).onError(onError).run(runner::submitPlain);
    }

    public ObservableList<String> anchors() {
        return anchors;
    }

    public ObjectProperty<String> anchorProperty() {
        return anchor;
    }

    public ObjectProperty<Evidence> evidenceProperty() {
        return evidence;
    }

    public DoubleProperty priceWeightProperty() {
        return priceWeight;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
