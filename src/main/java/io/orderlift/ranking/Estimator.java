package io.orderlift.ranking;

import io.orderlift.common.JsonNames;
import io.orderlift.mining.Acceptance;

/**
 * How a pair's acceptance {@code p(c|a)} is estimated from its count (docs/ranking.md). Every
 * estimator shrinks {@code count / total} toward a prior with strength {@code m} (the profile's
 * smoothing), a beta-binomial posterior mean; they differ in the prior and in how they treat thin
 * evidence. The JSON names are part of the rule set.
 */
public enum Estimator implements Acceptance.Formula {
    /** {@code (count + m·base(c)) / (total + m)}: toward the candidate's base rate {@code orders(c)/N}. */
    BASE_RATE("base-rate"),
    /**
     * The same mean less 1.96 of its binomial standard errors
     * ({@code sqrt(p(1−p)/(total + m))}), at least 0: a candidate seen twice ranks by what the
     * evidence guarantees, so a $500 item seen twice does not outrank a well-evidenced one.
     */
    LOWER_BOUND("lower-bound");

    private final String jsonName;

    Estimator(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name used in profiles, rule sets and on the command line. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** The estimator called {@code name} in JSON or on the command line. */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Estimator fromJson(String name) {
        return JsonNames.find(values(), Estimator::jsonName, name, "estimator");
    }

    @Override
    public double estimate(int count, int total, double baseRate, double smoothing) {
        return fromMean(Acceptance.smoothed(count, total, baseRate, smoothing), total, smoothing);
    }

    /**
     * The estimate from the smoothed mean {@code (count + m·base(c)) / (total + m)}, which is never
     * below it: a pair whose mean cannot rank needs no estimate.
     */
    double fromMean(double mean, int total, double smoothing) {
        return this == LOWER_BOUND ? Acceptance.lowerBound(mean, total, smoothing) : mean;
    }
}
