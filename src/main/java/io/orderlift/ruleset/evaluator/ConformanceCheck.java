package io.orderlift.ruleset.evaluator;

import java.util.ArrayList;
import java.util.List;

/** Replays a rule set's conformance cases with the {@link StorefrontEvaluator}. */
public final class ConformanceCheck {

    /** Scores may differ by this much (relative) and still match: printing and parsing doubles is exact in Java. */
    public static final double TOLERANCE = 1e-9;

    private ConformanceCheck() {
    }

    /** The failures, one readable line each; empty when every case matches. */
    public static List<String> failures(RuleSet ruleSet) {
        StorefrontEvaluator evaluator = new StorefrontEvaluator(ruleSet);
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (RuleSet.ConformanceCase c : ruleSet.conformance()) {
            index++;
            List<Answer.Item> got = evaluator.evaluate(c.placement(), c.items(), 0).items();
            List<String> gotSkus = got.stream().map(Answer.Item::sku).toList();
            List<String> wantSkus = c.expected().stream().map(RuleSet.Expected::sku).toList();
            if (!gotSkus.equals(wantSkus)) {
                failures.add("case " + index + " (" + c.placement() + "): expected " + wantSkus + " but got " + gotSkus);
                continue;
            }
            for (int i = 0; i < got.size(); i++) {
                double want = c.expected().get(i).score();
                double have = got.get(i).score();
                if (Math.abs(want - have) > TOLERANCE * Math.max(1, Math.abs(want))) {
                    failures.add("case " + index + " (" + c.placement() + "): " + wantSkus.get(i) + " scored " + have
                            + ", expected " + want);
                }
            }
        }
        return failures;
    }
}
