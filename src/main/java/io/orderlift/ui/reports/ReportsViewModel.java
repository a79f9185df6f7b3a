package io.orderlift.ui.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.orderlift.common.Money;
import io.orderlift.common.Percentages;
import io.orderlift.evaluation.AbAnalysis;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.BacktestSummary;
import io.orderlift.evaluation.Experiment;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.evaluation.VersusActive;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.ui.common.ChartImages;
import io.orderlift.ui.common.Requests;
import io.orderlift.ui.common.TaskExecutor;
import io.orderlift.ui.common.Tasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * The Reports view's state: the backtest (run in the background) with RPI and hit rate against w
 * per placement, the chosen w and "use this w"; the A/B analysis of an experiment file; exports.
 */
public final class ReportsViewModel {

    /** One row of the policy table. */
    public record Row(String placement, String policy, String w, long impressions, long hits, String hitRate,
                      String rpi, String rpiInterval, String avgAcceptedPrice, String aovLift, String coverage) {
    }

    /**
     * One row of the list-length table: the chosen ranking against popularity on a placement of the test
     * period, had every list held only its first {@code length} recommendations ("(shown)" beside the length replayed).
     */
    public record LengthRow(String placement, String length, String rpi, String popularityRpi, String ratio,
                            String aovLift, String popularityAovLift) {
    }

    /** What the A/B section says until an experiment is imported for the open store. */
    public static final String NO_EXPERIMENT = "Import an experiment's results (a CSV of order_id, arm, order_value,"
            + " offer_impressions, offer_accepted_value; one arm named control) to see the confirmation layer's AOV"
            + " lift over control, and how large a lift the test could find. An arm named popularity (\"customers"
            + " also bought\": orderlift publish --popularity) is compared with the others per impression.";
    /** How the view states when a backtest ran: to the minute, in the machine's time zone. */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final TaskExecutor tasks;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Run the backtest to compare ranking policies.");
    private final ReadOnlyObjectWrapper<Image> cartChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> confirmationChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Image> abChart = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<BacktestReport> shownReport = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper abSummary = new ReadOnlyStringWrapper(NO_EXPERIMENT);
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper provenance = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper chosenSettings = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper cartNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper confirmationNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper hasReport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper hasChoice = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper activeUsesChoice = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<LengthRow> lengthRows = FXCollections.observableArrayList();

    private Store store;
    /** {@link #load} calls: a backtest started before the newest belongs to another state of the store. */
    private final Requests loads = new Requests();
    private Requests.Request newestLoad;
    private BacktestReport report;
    /** The report shown as the store keeps it (when it ran, what changed since); null before there is one. */
    private SavedBacktests.Saved kept;
    private byte[] cartPng;
    private byte[] confirmationPng;
    private Consumer<Throwable> onError = Tasks.shownByDefault("Reports");
    private Consumer<String> onInfo = s -> { };
    private Runnable onProfileSaved = () -> { };

    public ReportsViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    public void setOnError(Consumer<Throwable> handler) {
        this.onError = handler;
    }

    public void setOnInfo(Consumer<String> handler) {
        this.onInfo = handler;
    }

    /** Called after "Use these settings" saved the active profile, so every view ranks with it. */
    public void setOnProfileSaved(Runnable handler) {
        this.onProfileSaved = handler;
    }

    public void load(Store opened) {
        this.store = opened;
        newestLoad = loads.next();
        this.report = null;
        this.kept = null;
        shownReport.set(null);
        hasReport.set(false);
        hasChoice.set(false);
        activeUsesChoice.set(false);
        rows.clear();
        lengthRows.clear();
        cartChart.set(null);
        confirmationChart.set(null);
        warning.set("");
        provenance.set("");
        stale.set(false);
        chosenSettings.set("");
        cartNote.set("");
        confirmationNote.set("");
        // an experiment read for the store open before is not this store's
        abChart.set(null);
        abSummary.set(NO_EXPERIMENT);
        summary.set("Run the backtest to compare ranking policies on " + opened.name() + ".");
        Requests.Request of = newestLoad;
        Tasks.create("Reading the last backtest", monitor -> new Loaded(SavedBacktests.last(opened).map(saved ->
                new Rendered(render(saved.report()), saved, provenance(saved), versus(opened, saved.report()))),
                origin(new Profiles(opened).active())))
                .onSuccess(loaded -> loaded.last().ifPresentOrElse(this::show, () -> provenance.set(loaded.origin())))
                .onError(onError).onlyWhile(() -> of.isNewest() && !hasReport.get()).runQuietly(tasks);
    }

    /** What opening the tab found: the last backtest kept with the store, and where the active profile comes from. */
    private record Loaded(Optional<Rendered> last, String origin) {
    }

    /**
     * Before any backtest: where the active profile's settings come from, and what the backtest does
     * with them (a first {@code mine} chooses them on the validation periods but keeps no report).
     */
    static String origin(WeightingProfile active) {
        String profile = "The active profile, " + active.name() + ", ";
        if (active.chosenBy() != null) {
            return profile + "was " + active.chosenBy() + ": its settings earned the most on those orders. The"
                    + " backtest scores them on the later orders of the test period against \"customers also bought\".";
        }
        return profile + (active.equals(WeightingProfile.defaults()) ? "holds the built-in settings" : "is set by hand")
                + "; the backtest scores it against \"customers also bought\" and chooses settings from this store's"
                + " history.";
    }

    /**
     * Says again whether the report shown still describes the store: after a curation or profile
     * change, which the report does not follow by itself (an import or mining reloads the view).
     */
    public void recheck() {
        Store current = store;
        SavedBacktests.Saved shown = kept;
        if (current == null) {
            return;
        }
        Requests.Request of = newestLoad;
        if (shown == null) {
            Tasks.create("Reading the active profile", monitor -> origin(new Profiles(current).active()))
                    .onSuccess(provenance::set).onError(onError)
                    .onlyWhile(() -> of.isNewest() && kept == null).runQuietly(tasks);
            return;
        }
        BacktestReport shownReport = report;
        Tasks.create("Checking the last backtest", monitor -> new Rechecked(SavedBacktests.recheck(current, shown),
                        versus(current, shownReport)))
                .onSuccess(again -> {
                    again.kept().ifPresent(k -> {
                        kept = k;
                        provenance.set(provenance(k));
                        stale.set(!k.current());
                    });
                    showVersus(again.versus());
                }).onError(onError).onlyWhile(() -> of.isNewest() && kept == shown).runQuietly(tasks);
    }

    /** A kept report checked again: whether it still describes the store, and the active profile against it. */
    private record Rechecked(Optional<SavedBacktests.Saved> kept, VersusActive versus) {
    }

    /** The store's active profile against the report's validated settings; null when they chose nothing. */
    private static VersusActive versus(Store store, BacktestReport r) {
        return r.notChosen() != null ? null
                : VersusActive.of(new Profiles(store).active(), r.chosenProfile(), new Money(r.currency()));
    }

    /** A report with its words and charts, ready to show. */
    private record Report(BacktestReport report, BacktestSummary words, byte[] cart, byte[] confirmation) {
    }

    /** A report to show, as the store keeps it, where it comes from in words, and the active profile against it. */
    private record Rendered(Report report, SavedBacktests.Saved kept, String provenance, VersusActive versus) {
    }

    private static Report render(BacktestReport r) {
        BacktestSummary words = new BacktestSummary(r);
        return new Report(r, words, chart(r, words, "cart"), chart(r, words, "confirmation"));
    }

    /** When a kept backtest ran, with which settings if not the workbench's, and whether the store changed since. */
    private static String provenance(SavedBacktests.Saved saved) {
        BacktestReport r = saved.report();
        Backtest.Settings defaults = Backtest.Settings.defaults();
        BacktestReport.Lengths lengths = r.listLengths();
        String settings = lengths.equals(defaults.lengths(r.chosenProfile())) && r.split() == defaults.split()
                && r.windowDays() == defaults.windowDays()
                ? "" : String.format(Locale.ROOT, " with lists of %d (cart) and %d (confirmation), the last %.0f %% as"
                + " test period and a %d-day window", lengths.cart(), lengths.confirmation(), r.split() * 100,
                r.windowDays());
        String when = "The last backtest, of " + WHEN.format(saved.ranAt()) + settings;
        return saved.current() ? when + " (kept with the store); the store has not changed since."
                : when + ": since then " + saved.whatChanged()
                + ", so it no longer describes the store as it is. Run the backtest again.";
    }

    /** Runs the backtest in the background with progress in the status bar. */
    public void runBacktest() {
        Store backtested = store;
        if (backtested == null) {
            return;
        }
        summary.set("Running the backtest…");
        // a backtest of the store as it was (another store opened since, or this one imported into
        // or mined) stops at its next progress report and is not shown: its report and its "Use
        // these settings" would not be this store's
        Requests.Request of = newestLoad;
        Tasks.create("Backtest", monitor -> {
            SavedBacktests.Saved ran = SavedBacktests.run(backtested, Backtest.Settings.defaults(),
                    monitor.cancelledWhen(() -> !of.isNewest()));
            return new Rendered(render(ran.report()), ran, "Backtest of " + WHEN.format(ran.ranAt())
                    + ", kept with the store.", versus(backtested, ran.report()));
        }).onSuccess(this::show).onError(e -> {
            summary.set("The backtest did not finish.");
            onError.accept(e);
        }).onCancelled(() -> summary.set("Backtest cancelled.")).onlyWhile(of::isNewest).run(tasks);
    }

    /** The placement's RPI-against-w chart as PNG, or null when it cannot be compared (its note says why). */
    private static byte[] chart(BacktestReport r, BacktestSummary words, String placement) {
        return words.measured(placement)
                ? ChartImages.png(ReportCharts.rpiAgainstW(placement, r.placements().get(placement), r.chosen().get(placement)))
                : null;
    }

    private void show(Rendered shown) {
        Report rendered = shown.report();
        kept = shown.kept();
        provenance.set(shown.provenance());
        stale.set(!kept.current());
        report = rendered.report();
        shownReport.set(report);
        cartPng = rendered.cart();
        confirmationPng = rendered.confirmation();
        cartChart.set(cartPng == null ? null : ChartImages.image(cartPng));
        confirmationChart.set(confirmationPng == null ? null : ChartImages.image(confirmationPng));
        BacktestSummary words = rendered.words();
        cartNote.set(words.unmeasured("cart").orElse(""));
        confirmationNote.set(words.unmeasured("confirmation").orElse(""));
        List<Row> table = new ArrayList<>();
        for (Map.Entry<String, List<PolicyResult>> placement : report.placements().entrySet()) {
            for (PolicyResult p : placement.getValue()) {
                table.add(new Row(placement.getKey(), p.label(),
                        p.w() == null ? "" : String.format(Locale.ROOT, "%.2f", p.w()),
                        p.impressions(), p.hits(), String.format(Locale.ROOT, "%.2f %%", p.hitRate() * 100),
                        words.money(p.rpi()),
                        words.money(p.rpiLow()) + " – " + words.money(p.rpiHigh()),
                        words.money(p.avgAcceptedPrice()),
                        Percentages.of(p.aovLift()), Percentages.of(p.coverage())));
            }
        }
        rows.setAll(table);
        lengthRows.setAll(lengthRows(report, words));
        summary.set(words.headlineBesideNotes());
        warning.set(words.warnings().stream().map(w -> "⚠ " + Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining("\n")));
        hasReport.set(true);
        hasChoice.set(report.notChosen() == null);
        showVersus(shown.versus());
    }

    /** One shorter list of a placement's report; {@code shown} marks the length replayed (the last). */
    private record PlacedLength(String placement, BacktestReport.AtLength at, boolean shown) {
    }

    /** Every placement's shorter lists, shortest first: the rows of the table and of its CSV. */
    private static List<PlacedLength> placedLengths(BacktestReport report) {
        List<PlacedLength> all = new ArrayList<>();
        for (Map.Entry<String, BacktestReport.Chosen> placement : report.chosen().entrySet()) {
            List<BacktestReport.AtLength> lengths = placement.getValue().listLengths();
            for (BacktestReport.AtLength at : lengths) {
                all.add(new PlacedLength(placement.getKey(), at, at.length() == lengths.size()));
            }
        }
        return all;
    }

    /** The list-length table: every placement whose report says its shorter lists' figures. */
    private static List<LengthRow> lengthRows(BacktestReport report, BacktestSummary words) {
        List<LengthRow> table = new ArrayList<>();
        for (PlacedLength row : placedLengths(report)) {
            BacktestReport.AtLength at = row.at();
            double ratio = at.versusPopularity();
            table.add(new LengthRow(row.placement(), at.length() + (row.shown() ? " (shown)" : ""),
                    words.money(at.rpi()), words.money(at.popularityRpi()),
                    Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%.2f×", ratio),
                    Percentages.of(at.aovLift()), Percentages.of(at.popularityAovLift())));
        }
        return table;
    }

    /** The validated settings in words, and whether the active profile already ranks with them. */
    private void showVersus(VersusActive now) {
        BacktestSummary words = new BacktestSummary(report);
        chosenSettings.set((now != null ? "Validated settings: " : "The active profile's settings (not validated): ")
                + words.chosenSettings() + "." + (now == null ? "" : " " + now.inWords())
                + words.capCost().map(cost -> " " + cost).orElse("")
                + words.backoffCost().map(cost -> " " + cost).orElse(""));
        activeUsesChoice.set(now != null && now.usesChosen());
    }

    /**
     * Saves every validated setting into the active profile (its name kept), which then says it was
     * chosen by backtest; every view ranks with it from then on.
     */
    public void useChosenSettings() {
        Store current = store;
        BacktestReport r = report;
        if (current == null || r == null) {
            return;
        }
        Tasks.create("Saving the validated settings", monitor -> {
            Profiles profiles = new Profiles(current);
            WeightingProfile active = profiles.active();
            profiles.save(VersusActive.applied(r.chosenProfile(), active), true);
            return active.name();
        }).onSuccess(name -> {
            onInfo.accept("Profile " + name + " now uses the validated settings: "
                    + new BacktestSummary(r).chosenSettings() + ".");
            onProfileSaved.run();
            recheck();
        }).onError(onError).run(tasks);
    }

    /**
     * Writes the policy table as CSV, and the shorter lists' figures beside it ({@code NAME-lengths.csv})
     * when the report has any.
     */
    public void exportCsv(Path file) {
        exportPolicies(file);
        String lengths = lengthsCsv(report);
        if (!lengths.isEmpty()) {
            write(sibling(file, "-lengths", ".csv"), lengths.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The shorter lists as CSV, one row a placement and length ({@code shown} marks the length replayed),
     * figures unformatted; empty when no placement has them.
     */
    static String lengthsCsv(BacktestReport report) {
        StringBuilder csv = new StringBuilder();
        for (PlacedLength row : placedLengths(report)) {
            BacktestReport.AtLength at = row.at();
            double ratio = at.versusPopularity();
            csv.append(String.format(Locale.ROOT, "%s,%d,%b,%.6f,%.6f,%s,%.6f,%.6f%n", row.placement(), at.length(),
                    row.shown(), at.rpi(), at.popularityRpi(),
                    Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.6f", ratio), at.aovLift(),
                    at.popularityAovLift()));
        }
        return csv.isEmpty() ? "" : "placement,length,shown,rpi,popularityRpi,versusPopularity,aovLift,"
                + "popularityAovLift\n" + csv;
    }

    private void exportPolicies(Path file) {
        StringBuilder csv = new StringBuilder("placement,policy,w,impressions,hits,hitRate,rpi,rpiLow,rpiHigh,"
                + "avgAcceptedPrice,aovLift,coverage,orders,sameAsChosen\n");
        for (Map.Entry<String, List<PolicyResult>> placement : report.placements().entrySet()) {
            for (PolicyResult p : placement.getValue()) {
                csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%d,%b%n",
                        placement.getKey(), p.policy(), p.w() == null ? "" : p.w().toString(), p.impressions(),
                        p.hits(), p.hitRate(), p.rpi(), p.rpiLow(), p.rpiHigh(), p.avgAcceptedPrice(), p.aovLift(),
                        p.coverage(), p.orders(), p.sameAsChosen()));
            }
        }
        write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the cart chart (and the confirmation chart beside it, "-confirmation") as PNG; a placement
     * that cannot be compared has no chart, and says so.
     */
    public void exportPng(Path file) {
        Path confirmationFile = sibling(file, "-confirmation", ".png");
        if (cartPng == null && confirmationPng == null) {
            onInfo.accept("No chart to export: " + cartNote.get() + " " + confirmationNote.get());
            return;
        }
        if (cartPng != null) {
            write(file, cartPng);
        }
        if (confirmationPng != null) {
            write(confirmationFile, confirmationPng);
        }
    }

    /** The file beside {@code file} whose name adds {@code suffix} before the {@code extension}: backtest-lengths.csv. */
    private static Path sibling(Path file, String suffix, String extension) {
        String name = file.getFileName().toString();
        String base = name.endsWith(extension) ? name.substring(0, name.length() - extension.length()) : name;
        return file.resolveSibling(base + suffix + extension);
    }

    private void write(Path file, byte[] content) {
        Tasks.create("Exporting " + file.getFileName(), monitor -> Files.write(file, content))
                .onSuccess(written -> onInfo.accept("Wrote " + written))
                .onError(onError).runQuietly(tasks);
    }

    /** An experiment's analysis, its chart, and the open store's currency to state its amounts in. */
    private record AbRendered(AbAnalysis.Report report, byte[] png, Money money) {
    }

    /** Reads and analyses an experiment file in the background. */
    public void analyseExperiment(Path file) {
        Store current = store;
        Tasks.create("A/B analysis", monitor -> {
            AbAnalysis.Report r = new AbAnalysis().analyse(Experiment.read(file));
            Money money = current == null ? Money.PLAIN : new Money(new StoreQueries(current).currency().orElse(null));
            return new AbRendered(r, ChartImages.png(ReportCharts.aovByArm(r)), money);
        }).onSuccess(result -> {
            AbAnalysis.Report r = result.report();
            abChart.set(ChartImages.image(result.png()));
            List<String> lines = new ArrayList<>(List.of(file.getFileName().toString()));
            Money money = result.money();
            r.arms().forEach(a -> lines.add(String.format(Locale.ROOT, "%s: %,d orders, AOV %s, acceptance %.1f %%,"
                    + " RPI %s", a.arm(), a.orders(), money.orderValue(a.aov()), a.acceptanceRate() * 100,
                    money.format(a.rpi()))));
            r.lifts().forEach(l -> lines.add(String.format(Locale.ROOT, "%s vs control: AOV %s%s (%+.1f %%), 95 %% "
                    + "interval %s to %s, %s. %s.", l.arm(), l.aovLift() < 0 ? "" : "+", money.orderValue(l.aovLift()),
                    l.aovLiftPercent(), money.orderValue(l.ciLow()), money.orderValue(l.ciHigh()),
                    l.significant() ? "significant" : "not significant", l.powerInWords(money))));
            r.rpiVersusPopularity().forEach(v -> lines.add(v.inWords() + "."));
            abSummary.set(String.join("\n", lines));
        }).onError(onError).onlyWhile(() -> store == current).run(tasks); // another store opened: not its experiment
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> cartChartProperty() {
        return cartChart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> confirmationChartProperty() {
        return confirmationChart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Image> abChartProperty() {
        return abChart.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty abSummaryProperty() {
        return abSummary.getReadOnlyProperty();
    }

    /** When the report shown ran and whether the store has changed since; empty before there is one. */
    public ReadOnlyStringProperty provenanceProperty() {
        return provenance.getReadOnlyProperty();
    }

    /** Whether the report shown was kept from before the store last changed (its provenance says how). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The warnings where the chosen ranking loses to popularity; empty when there are none. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    /** The validated settings in words, once the backtest ran. */
    public ReadOnlyStringProperty chosenSettingsProperty() {
        return chosenSettings.getReadOnlyProperty();
    }

    /** Why the cart has no chart, when it has none. */
    public ReadOnlyStringProperty cartNoteProperty() {
        return cartNote.getReadOnlyProperty();
    }

    /** Why the confirmation page has no chart, when it has none. */
    public ReadOnlyStringProperty confirmationNoteProperty() {
        return confirmationNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasReportProperty() {
        return hasReport.getReadOnlyProperty();
    }

    /** Whether the report holds a validated choice to use (its validation periods could choose). */
    public ReadOnlyBooleanProperty hasChoiceProperty() {
        return hasChoice.getReadOnlyProperty();
    }

    /** The backtest shown (the last one kept with the open store, or the one just run); null before there is one. */
    public ReadOnlyObjectProperty<BacktestReport> reportProperty() {
        return shownReport.getReadOnlyProperty();
    }

    /** Whether the active profile already ranks with the validated settings ("Use these settings" has nothing to do). */
    public ReadOnlyBooleanProperty activeUsesChoiceProperty() {
        return activeUsesChoice.getReadOnlyProperty();
    }

    /** The list-length table's rows (empty before a backtest, and for a report kept before it was said). */
    public ObservableList<LengthRow> lengthRows() {
        return lengthRows;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
