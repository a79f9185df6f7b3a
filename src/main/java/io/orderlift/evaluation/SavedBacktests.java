package io.orderlift.evaluation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.BacktestStore;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backtest as the workbench and {@code orderlift backtest} run it: the report is kept in the store,
 * so that the Reports view shows it when the store is opened again — and says when the orders, the
 * exclusions or the active profile have changed since, since it then no longer describes the store.
 */
public final class SavedBacktests {

    private static final Logger LOG = LoggerFactory.getLogger(SavedBacktests.class);
    /** Reads back what {@code backtest --json} writes, whose computed {@code inWords} is not a component. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * A saved report.
     *
     * @param report       the report as it was shown then
     * @param ranAt        when the backtest started
     * @param changedSince what has changed in the store since, in words ("orders were imported"); empty when
     *                     the report is of the store as it is
     * @param activeUsesChosen whether the active profile holds every setting the report validated (or it
     *                     validated none), so that its figures for "the chosen ranking" are the store's ranking
     */
    public record Saved(BacktestReport report, Instant ranAt, List<String> changedSince, boolean activeUsesChosen) {

        /** Whether the report is of the store as it is now. */
        public boolean current() {
            return changedSince.isEmpty();
        }

        /** What changed since, in one phrase: "the exclusions changed and the active profile changed". */
        public String whatChanged() {
            return String.join(" and ", changedSince);
        }

        /**
         * The chosen ranking against the classic widget in words: "the chosen ranking earns 1.49×
         * popularity's revenue per impression on the cart and 1.51× on the confirmation page (within the
         * test period's noise)" (a placement whose interval holds 1 says so; one that could not be
         * compared is "not measured").
         */
        public String versusPopularity() {
            List<String> compared = new ArrayList<>();
            List<String> unmeasured = new ArrayList<>();
            report.chosen().forEach((placement, chosen) -> {
                String where = placement.equals("cart") ? "the cart" : "the " + placement + " page";
                if (chosen.versusPopularity() == null) {
                    unmeasured.add(where);
                } else {
                    compared.add(String.format(Locale.ROOT, compared.isEmpty()
                            ? "%.2f× popularity's revenue per impression on %s%s" : "%.2f× on %s%s",
                            chosen.versusPopularity().ratio(), where,
                            chosen.versusPopularity().differs() ? "" : " (within the test period's noise)"));
                }
            });
            String text = compared.isEmpty() ? "" : "the chosen ranking earns " + String.join(" and ", compared);
            return unmeasured.isEmpty() ? text : text + (text.isEmpty() ? "" : "; ")
                    + String.join(" and ", unmeasured) + " not measured";
        }
    }

    private SavedBacktests() {
    }

    /** Runs the backtest and keeps its report as the store's last, with what it read; returns it as kept. */
    public static Saved run(Store store, Backtest.Settings settings, ProgressMonitor monitor) {
        BacktestStore saved = new BacktestStore(store);
        WeightingProfile active = new Profiles(store).active();
        BacktestStore.Inputs read = saved.current(settingsOf(active));
        // to the millisecond, as the store keeps it: a recheck knows the kept run by this time
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        BacktestReport report = new Backtest().run(store, settings, monitor);
        try {
            saved.save(started, read, JSON.writeValueAsString(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The backtest report could not be written as JSON", e);
        }
        return new Saved(report, started, List.of(), usesChosen(active, report));
    }

    /**
     * {@code shown} with what has changed in the store since it ran, if it is still the store's kept
     * backtest: its fingerprints compared again, without reading the report back.
     */
    public static Optional<Saved> recheck(Store store, Saved shown) {
        BacktestStore saved = new BacktestStore(store);
        WeightingProfile active = new Profiles(store).active();
        return saved.last().filter(s -> s.ranAt().equals(shown.ranAt())).map(s -> new Saved(shown.report(),
                s.ranAt(), changes(s.inputs(), saved.current(settingsOf(active)), shown.report().chosenProfile()),
                usesChosen(active, shown.report())));
    }

    /**
     * The store's last backtest, its amounts in the store's currency, if one was kept and can be read (a report kept by a version whose
     * report had another shape is passed over, with a warning in the log: running it again replaces it).
     */
    public static Optional<Saved> last(Store store) {
        BacktestStore saved = new BacktestStore(store);
        return saved.last().flatMap(s -> {
            try {
                BacktestReport report = JSON.readValue(s.json(), BacktestReport.class);
                if (report.placements() == null || report.chosen() == null || report.chosenProfile() == null
                        || report.leaveOneOut() == null) {
                    throw new IllegalArgumentException("the report lacks its placements or its choice");
                }
                WeightingProfile active = new Profiles(store).active();
                BacktestStore.Inputs now = saved.current(settingsOf(active));
                // the amounts are the store's prices: stated in its currency as it is now, which an import may
                // have named since (import --currency), without changing an order
                return Optional.of(new Saved(report.withCurrency(new StoreQueries(store).currency().orElse(null)),
                        s.ranAt(), changes(s.inputs(), now, report.chosenProfile()), usesChosen(active, report)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warn("The backtest kept in {} cannot be read; it is ignored", store.name(), e);
                return Optional.empty();
            }
        });
    }

    /**
     * What has changed since the backtest read {@code then}. The active profile counts as unchanged
     * when it holds the settings the report chose: "Use these settings" and {@code --apply} do not
     * make the report that chose them stale.
     */
    private static List<String> changes(BacktestStore.Inputs then, BacktestStore.Inputs now, WeightingProfile chosen) {
        List<String> changes = new ArrayList<>();
        if (!then.orders().equals(now.orders())) {
            changes.add("orders were imported");
        }
        if (!then.exclusions().equals(now.exclusions())) {
            changes.add("the exclusions changed");
        }
        if (!then.profile().equals(now.profile())
                && !BacktestStore.fingerprint(settingsOf(chosen)).equals(now.profile())) {
            changes.add("the active profile changed");
        }
        return List.copyOf(changes);
    }

    /** Whether {@code active} holds every setting {@code report} validated (true when it validated none). */
    private static boolean usesChosen(WeightingProfile active, BacktestReport report) {
        return report.notChosen() != null || VersusActive.of(active, report.chosenProfile(), Money.PLAIN).usesChosen();
    }

    /** A profile's settings as text, equal exactly when the settings are: its name and notes left out. */
    private static String settingsOf(WeightingProfile profile) {
        return profile.rankingOnly().toString();
    }
}
