package io.orderlift.ruleset;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.Backtest;
import io.orderlift.evaluation.BacktestReport;
import io.orderlift.evaluation.PolicyResult;
import io.orderlift.ranking.CurationRules;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.RankingModel;
import io.orderlift.ranking.RankingModels;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.store.Store;

/**
 * What the bound on the rule set's lists costs: for several {@code topK}, the rule set's size and
 * the backtest's revenue per impression (test period) of the profile and of the chosen policy, next
 * to the unbounded lists. docs/decisions/0002 records a run.
 *
 * <pre>
 * java -cp target/orderlift.jar:target/test-classes io.orderlift.ruleset.TopKSweep STORE_DIR 4 8 16 0
 * </pre>
 * (0 stands for unbounded.)
 */
public final class TopKSweep {

    private TopKSweep() {
    }

    public static void main(String[] args) throws Exception {
        try (Store store = Store.open(Path.of(args[0]))) {
            WeightingProfile profile = new Profiles(store).active();
            RankingModel model = RankingModels.load(store, profile.minCustomers());
            for (int i = 1; i < args.length; i++) {
                int k = Integer.parseInt(args[i]) == 0 ? Integer.MAX_VALUE : Integer.parseInt(args[i]);
                String size = "-";
                if (k != Integer.MAX_VALUE) {
                    byte[] bytes = RuleSetJson.toBytes(new RuleSetBuilder(model, CurationRules.NONE, profile, List.of(), k)
                            .build(1, "sweep", null, Instant.EPOCH, ""));
                    ByteArrayOutputStream gz = new ByteArrayOutputStream();
                    try (var out = new GZIPOutputStream(gz)) {
                        out.write(bytes);
                    }
                    size = String.format("%,d bytes (%,d gzipped)", bytes.length, gz.size());
                }
                BacktestReport report = new Backtest(k).run(store, Backtest.Settings.defaults(), ProgressMonitor.NONE);
                StringBuilder line = new StringBuilder(String.format("topK %s: rule set %s;",
                        k == Integer.MAX_VALUE ? "unbounded" : Integer.toString(k), size));
                for (String placement : List.of("cart", "confirmation")) {
                    for (PolicyResult r : report.placements().get(placement)) {
                        if (r.policy().startsWith("profile:") || r.policy().equals("chosen")
                                || r.policy().equals("popularity")) {
                            line.append(String.format(" %s %s RPI %.3f [%.3f, %.3f];", placement, r.policy(), r.rpi(),
                                    r.rpiLow(), r.rpiHigh()));
                        }
                    }
                }
                System.out.println(line);
            }
        }
    }
}
