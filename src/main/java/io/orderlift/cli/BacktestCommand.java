package io.orderlift.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.evaluation.BacktestSummary;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.evaluation.VersusActive;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift backtest}: offline comparison of ranking policies on a temporal split. */
@Command(name = "backtest", header = "Compare ranking policies offline against \"customers also bought\", with settings chosen on validation periods.",
        description = {
        "Compare ranking policies offline: mine on the past, replay the last part of the history",
        "(cart: reveal each order's items one by one in a seeded random order, and leave-one-out beside it;",
        "confirmation: what the customer bought within the window), and report revenue per impression",
        "and the expected AOV lift, with the chosen ranking's ratio to popularity and its paired 95 %% interval.",
        "Up to three validation periods choose every setting that moves revenue",
        "(w, smoothing, estimator, evidence and lift floors, price ceilings) for the most revenue per",
        "impression among those earning popularity's revenue per order, a placement of few hits weighing",
        "less (one where popularity was bought fewer than 30 times does not judge while the other does:",
        "JSON chosen.PLACEMENT.judged); the category backoff is then switched (off, or back on) only",
        "where that earns more per impression beyond the periods' noise;",
        "--apply saves that choice into the active profile (unless they could choose nothing: no replay",
        "in them saw a recommendation bought).",
        "It says which validated settings the active profile holds otherwise (JSON: activeProfile, applied).",
        "The last rows lift the chosen price ceilings, lift floor, category cap and category backoff to",
        "show what each costs, and one turns the backoff on where the choice has it off; where the cap or",
        "the backoff costs a tenth of a placement's revenue per impression or more, or the backoff would earn",
        "a tenth more per order, it is said (JSON: inWords.capCost, inWords.backoffCost). A row that ranks",
        "exactly as the chosen settings do (the chosen w, a rule they already leave out, the active profile",
        "that holds them) is marked \"(same as chosen)\" (JSON: sameAsChosen).",
        "A period of more than 20,000 orders is replayed on a seeded sample of 20,000 (said in the report).",
        "The report is kept in the store: the workbench's Reports view shows the last one."})
final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--k", paramLabel = "K", description = "Recommendations per list, on both placements. Default: as"
            + " many as the active profile shows on each (its cart and confirmation lengths; 4 and 3 built in), as"
            + " a storefront serving its rule set does.")
    Integer k;

    @Option(names = "--split", defaultValue = "0.2", paramLabel = "F",
            description = "The last F of the date range is the test period. Default: ${DEFAULT-VALUE}.")
    double split;

    @Option(names = "--window-days", defaultValue = "30", paramLabel = "N", description = "Follow-on window. Default: ${DEFAULT-VALUE}.")
    int windowDays;

    @Option(names = "--apply", description = "Save the validated settings into the active profile.")
    boolean apply;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        BacktestReport report;
        VersusActive versus = null;
        try (Store source = store.open()) {
            report = SavedBacktests.run(source, new Backtest.Settings(k, split, windowDays), ProgressMonitor.NONE)
                    .report();
            // validation periods that chose nothing leave the active profile as it is (the report says why)
            if (report.notChosen() == null) {
                Profiles profiles = new Profiles(source);
                WeightingProfile active = profiles.active();
                versus = VersusActive.of(active, report.chosenProfile(), new Money(report.currency()));
                if (apply) {
                    profiles.save(VersusActive.applied(report.chosenProfile(), active), true);
                }
            }
        }
        VersusActive againstActive = versus;
        boolean applied = apply && versus != null;
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("activeProfile", versus);
        extras.put("applied", applied);
        json.print(spec, report, extras, r -> describe(r, againstActive, applied));
        return 0;
    }

    private static String describe(BacktestReport r, VersusActive versus, boolean applied) {
        BacktestSummary summary = new BacktestSummary(r);
        StringBuilder text = new StringBuilder(String.format(
                "Trained on %,d orders from %s; validation from %s (%,d orders, %d period%s); test %s to %s (%,d"
                        + " orders). Lists of %d (cart) and %d (confirmation), window %s, %,d ms.%n",
                r.trainOrders(), r.trainFrom().substring(0, 10),
                r.validationFrom().substring(0, 10), r.validationOrders(), r.validationPeriods(),
                r.validationPeriods() == 1 ? "" : "s", r.testFrom().substring(0, 10),
                r.testTo().substring(0, 10), r.testOrders(), r.listLengths().cart(), r.listLengths().confirmation(),
                Counted.of(r.windowDays(), "day"), r.durationMs()));
        text.append(String.format("%n%s%n", summary.headline()));
        summary.warnings().forEach(w -> text.append(String.format("Warning: %s%n", w)));
        text.append(r.notChosen() == null
                ? String.format("Chosen: %s (%s).%n", summary.chosenSettings(), r.chosenProfile().chosenBy())
                : String.format("The active profile's settings, not validated: %s.%n", summary.chosenSettings()));
        if (versus != null) {
            text.append(versus.inWords()).append(versus.usesChosen() ? "" : applied
                    ? " --apply saved the validated ones into it." : " backtest --apply saves the validated ones into it.")
                    .append(System.lineSeparator());
        }
        summary.capCost().ifPresent(cost -> text.append(cost).append(System.lineSeparator()));
        summary.backoffCost().ifPresent(cost -> text.append(cost).append(System.lineSeparator()));
        for (Map.Entry<String, List<PolicyResult>> placement : r.placements().entrySet()) {
            String protocol = placement.getKey().equals("cart") ? r.protocol() + " replay" : "purchases within the window";
            text.append(String.format("%n%s (%s)%n", placement.getKey(), protocol));
            table(text, placement.getValue());
            BacktestReport.Chosen chosen = r.chosen().get(placement.getKey());
            if (chosen != null) {
                byLength(text, chosen.listLengths());
            }
        }
        text.append(String.format("%ncart (leave-one-out replay, for comparison)%n"));
        table(text, r.leaveOneOut());
        return text.toString().stripTrailing();
    }

    /** The chosen ranking against popularity had every list held only its first n recommendations. */
    private static void byLength(StringBuilder text, List<BacktestReport.AtLength> lengths) {
        if (lengths.isEmpty()) {
            return;
        }
        text.append(String.format("%n  chosen against popularity, had every list held only its first n:%n"));
        text.append(String.format("  %3s %9s %11s %7s %9s %11s%n", "n", "RPI", "popularity", "ratio", "AOV lift",
                "popularity"));
        for (BacktestReport.AtLength at : lengths) {
            double ratio = at.versusPopularity();
            text.append(String.format("  %3d %9.3f %11.3f %7s %8.1f%% %10.1f%%%n", at.length(), at.rpi(),
                    at.popularityRpi(), Double.isNaN(ratio) ? "-" : String.format("%.2fx", ratio), at.aovLift() * 100,
                    at.popularityAovLift() * 100));
        }
    }

    /** One row per policy; the first column as wide as the longest policy name (a profile's name is the user's). */
    private static void table(StringBuilder text, List<PolicyResult> results) {
        int width = results.stream().mapToInt(p -> p.label().length()).max().orElse(0);
        String name = "  %-" + Math.max(19, width) + "s";
        text.append(String.format(name + " %11s %7s %9s %9s %17s %10s %9s %9s%n", "policy", "impressions", "hits",
                "hit rate", "RPI", "95% interval", "avg price", "AOV lift", "coverage"));
        for (PolicyResult p : results) {
            text.append(String.format(name + " %,11d %,7d %8.2f%% %9.3f %17s %10.2f %8.1f%% %8.1f%%%n", p.label(),
                    p.impressions(), p.hits(), p.hitRate() * 100, p.rpi(),
                    String.format("%.3f–%.3f", p.rpiLow(), p.rpiHigh()), p.avgAcceptedPrice(), p.aovLift() * 100,
                    p.coverage() * 100));
        }
    }
}
