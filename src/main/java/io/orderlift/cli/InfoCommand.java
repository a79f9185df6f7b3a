package io.orderlift.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.evaluation.BacktestSummary;
import io.orderlift.evaluation.DateWarning;
import io.orderlift.evaluation.RpiRatio;
import io.orderlift.evaluation.SavedBacktests;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.ImportBatch;
import io.orderlift.store.PublishedVersions;
import io.orderlift.store.Store;
import io.orderlift.store.StoreOverview;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code orderlift info}: the store overview. */
@Command(name = "info", header = "Show the store overview: counts, date range, AOV, imports, the last mining run, backtest and"
        + " rule set published.",
        description = "The store overview: counts, date range, AOV, imports, the last mining run, the active profile,"
                + " the last backtest and the last rule set published.")
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        StoreOverview overview;
        Optional<DateWarning> dates;
        Optional<SavedBacktests.Saved> backtest;
        Optional<WeightingProfile> active;
        Optional<PublishedVersions.Version> published;
        try (Store source = store.open()) {
            overview = new StoreQueries(source).overview();
            dates = json.enabled || overview.noOrders() ? Optional.empty() : DateWarning.in(source);
            backtest = SavedBacktests.last(source);
            active = new Profiles(source).activeSaved();
            published = new PublishedVersions(source).newest();
        }
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("activeProfile", active.orElse(WeightingProfile.defaults()));
        extras.put("lastBacktest", backtest.map(LastBacktest::of).orElse(null));
        extras.put("lastPublished", published.orElse(null));
        json.print(spec, overview, extras, o -> describe(o, dates)
                + describe(active, new Money(o.currency()))
                + backtest.map(InfoCommand::describe).orElse(String.format("%n  backtest   none kept (orderlift backtest)"))
                + published.map(InfoCommand::describe).orElse(String.format("%n  published  never (orderlift publish)")));
        return 0;
    }

    /**
     * The kept backtest in {@code --json}: when it ran, what changed in the store since (empty: it is
     * current), and per placement the chosen ranking's revenue per impression as a multiple of
     * popularity's with its 95 % interval (null where the two could not be compared), and whether the
     * active profile holds the settings it validated (false: those figures are not of the store's ranking).
     */
    record LastBacktest(Instant ranAt, boolean current, List<String> changedSince,
                        Map<String, RpiRatio> versusPopularity, boolean activeUsesChosen) {

        static LastBacktest of(SavedBacktests.Saved saved) {
            Map<String, RpiRatio> ratios = new LinkedHashMap<>();
            saved.report().chosen().forEach((placement, chosen) -> ratios.put(placement, chosen.versusPopularity()));
            return new LastBacktest(saved.ranAt(), saved.current(), saved.changedSince(), ratios,
                    saved.activeUsesChosen());
        }
    }

    /** What ranks the store's recommendations now: the active profile, where it came from, its settings. */
    private static String describe(Optional<WeightingProfile> active, Money money) {
        String source = active.map(p -> p.name() + ", " + p.provenance()).orElse(
                "none active, the built-in settings (a store's first mine, or backtest --apply, chooses from its history)");
        return String.format("%n  profile    %s: %s", source,
                BacktestSummary.settings(active.orElse(WeightingProfile.defaults()), money));
    }

    /** The overview in words; a date warning is said under the date range, as import says it. */
    private static String describe(StoreOverview o, Optional<DateWarning> dates) {
        StringBuilder text = new StringBuilder(String.format(
                "Store %s%n  orders     %,d%n  lines      %,d%n  products   %,d%n  customers  %,d%s%n  currency   %s%n",
                o.name(), o.orders(), o.lines(), o.products(), o.customers(),
                o.guestOrdersInWords().map(guests -> "; " + guests).orElse(""),
                o.currency() == null ? "not known (import --currency CODE)" : o.currency()));
        if (!o.noOrders()) {
            text.append(String.format("  orders from %s to %s%n", when(o.firstOrderAt()), when(o.lastOrderAt())));
            dates.ifPresent(s -> text.append(String.format("  Note: %s%n", s.advice())));
            text.append(String.format("  AOV        %s%n", new Money(o.currency()).format(o.aov().doubleValue())));
        }
        text.append(o.lastMining() == null ? "  mining     never mined (orderlift mine)\n" : String.format(
                "  mining     run %d at %s: window %s, %,d pairs%n", o.lastMining().id(),
                when(o.lastMining().startedAt()), Counted.of(o.lastMining().windowDays(), "day"),
                o.lastMining().pairs()));
        text.append(String.format("  imports    %d", o.imports().size()));
        for (ImportBatch b : o.imports()) {
            text.append(String.format("%n    #%d %s (%s) at %s: %s, %s, %s skipped", b.id(), b.file(), b.formatRead(),
                    when(b.importedAt()), Counted.of(b.orders(), "order"), Counted.of(b.lines(), "line"),
                    Counted.of(b.rowsSkipped(), "row")));
        }
        return text.toString();
    }

    /** The kept backtest in one line: when, the chosen ranking against popularity, and whether it is stale. */
    private static String describe(SavedBacktests.Saved saved) {
        return String.format("%n  backtest   %s: %s; %s%s", when(saved.ranAt()), saved.versusPopularity(),
                saved.current() ? "the store has not changed since"
                        : "stale: since then " + saved.whatChanged(),
                saved.activeUsesChosen() ? "" : "; the active profile holds other settings than the validated ones"
                        + " (backtest --apply)");
    }

    /** The newest published rule set in one line: which version, when, to which file, how large, its note. */
    private static String describe(PublishedVersions.Version v) {
        return String.format("%n  published  version %d at %s to %s (%,d bytes)%s", v.version(), when(v.publishedAt()),
                v.fileName(), v.sizeBytes(), v.note() == null || v.note().isBlank() ? "" : ": \"" + v.note() + "\"");
    }

    /** A moment for people: "2026-12-01 10:17:43 UTC", to the second. */
    static String when(Object instant) {
        Instant at = instant instanceof Instant i ? i
                : instant instanceof OffsetDateTime o ? o.toInstant()
                : Instant.parse(instant.toString());
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
                .withZone(ZoneOffset.UTC).format(at);
    }
}
