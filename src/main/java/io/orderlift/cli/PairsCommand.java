package io.orderlift.cli;

import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.mining.Acceptance;
import io.orderlift.mining.AnchorPairs;
import io.orderlift.mining.CandidatePair;
import io.orderlift.mining.Evidence;
import io.orderlift.mining.PairReports;
import io.orderlift.ranking.Profiles;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift pairs}: an anchor's candidates with every statistic. */
@Command(name = "pairs", header = "List one anchor's ranked candidates with every statistic.",
        description = {
        "Ranked candidates for one anchor with all statistics, the popularity rank (by co) beside",
        "the rank by revenue per impression (price weight 1)."})
final class PairsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--anchor", required = true, paramLabel = "SKU", description = "The anchor product.")
    String anchor;

    @Option(names = "--evidence", defaultValue = "same-order", paramLabel = "same-order|follow-on",
            description = "Which acceptance ranks the list. Default: ${DEFAULT-VALUE}.")
    String evidence;

    @Option(names = "--price-weight", defaultValue = "1", paramLabel = "W",
            description = "score = acceptance × price^W; 0 ranks by acceptance, 1 by revenue per impression. Default: ${DEFAULT-VALUE}.")
    double priceWeight;

    @Option(names = "--smoothing", defaultValue = "" + Acceptance.DEFAULT_SMOOTHING, paramLabel = "M",
            description = "Smoothing strength m of the acceptance. Default: ${DEFAULT-VALUE}.")
    double smoothing;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "K", description = "At most K candidates. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        OptionChecks.limit(limit);
        OptionChecks.atLeastZero("--smoothing", smoothing);
        OptionChecks.atLeastZero("--price-weight", priceWeight);
        AnchorPairs pairs;
        int minCustomers;
        try (Store source = store.open()) {
            pairs = new PairReports(source).forAnchor(anchor, Evidence.fromCli(evidence), priceWeight, smoothing, limit);
            minCustomers = new Profiles(source).active().minCustomers();
        }
        json.print(spec, pairs, p -> describe(p, minCustomers));
        return 0;
    }

    /** The list for a person; {@code minCustomers}: the active profile's privacy floor, said of the pairs under it. */
    private static String describe(AnchorPairs p, int minCustomers) {
        StringBuilder text = new StringBuilder(String.format(
                "%s %s: in %,d of %,d orders; follow-on base %,d (window %s). %s evidence, price weight %s, m %s;"
                        + " %s%s%s%n",
                p.anchor(), p.title() == null ? "" : "(" + p.title() + ")", p.orders(), p.N(), p.followBase(),
                Counted.of(p.windowDays(), "day"), p.evidence(), trim(p.priceWeight()), trim(p.smoothing()),
                p.candidatesInWords(),
                p.cut() ? " (--limit shows more)" : "", p.underCustomerFloorInWords(minCustomers)));
        text.append(String.format("%-4s %-4s %-22s %7s %6s %7s %7s %6s %7s %7s %5s %9s %8s%n", "rank", "pop", "sku",
                "co", "follow", "conf", "lift", "accept", "f-acc", "price", "cust", "rpi", "score"));
        int rank = 1;
        for (CandidatePair c : p.candidates()) {
            text.append(String.format("%-4d %-4s %-22s %7d %6d %7.3f %7.2f %6.3f %7.3f %7s %5d %9.3f %8.3f%n", rank++,
                    c.coRank() + arrow(c), c.sku(), c.co(), c.follow(), c.confidence(), c.lift(),
                    c.acceptance(), c.followAcceptance(), c.price() == null ? "–" : c.price().stripTrailingZeros()
                            .toPlainString(), c.customers(), c.rpi(), c.score()));
        }
        if (p.candidates().isEmpty()) {
            text.append("  (no candidates with ").append(p.evidence()).append(" evidence)\n");
        }
        return text.toString().stripTrailing();
    }

    private static String arrow(CandidatePair c) {
        return c.rpiRank() < c.coRank() ? "↑" : c.rpiRank() > c.coRank() ? "↓" : "";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
