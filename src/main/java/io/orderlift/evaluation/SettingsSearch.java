package io.orderlift.evaluation;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;

/**
 * Chooses every ranking setting that moves revenue on the validation period (docs/measuring.md):
 * coordinate ascent over {@link #DIMENSIONS}, starting from the given profile, one setting at a
 * time over its grid with the others held, until a round changes nothing (at most
 * {@link #MAX_ROUNDS}). The objective is the sum over placements of the profile's accepted revenue
 * per replayed order (its expected AOV lift) relative to the classic popularity baseline's on the
 * same orders, so one profile serves both placements and neither placement's scale drowns the
 * other; a placement with no replayed orders does not count. Revenue per order, not per
 * impression: RPI alone rewards showing nothing whenever the evidence is not overwhelming
 * (docs/decisions/0003-replay-protocols.md gives the measurement).
 * A setting of one placement only is replayed for that placement alone. A setting whose hit rate
 * falls below {@link #MIN_HIT_RATE_RATIO} of popularity's on a placement yields to any that does not.
 */
final class SettingsSearch {

    static final int MAX_ROUNDS = 3;

    /**
     * The relevance floor: a setting is chosen only if, on each placement, its validation hit rate is at
     * least this share of popularity's; among settings above it the objective decides (when none is,
     * the best objective). Revenue per order alone would take a list that is rarely right but dear when
     * it is; a merchant also needs the widget to look relevant.
     */
    static final double MIN_HIT_RATE_RATIO = 0.4;

    /** One setting and the values tried; {@code placement} null when it moves both placements. */
    record Dimension(String name, Placement placement, double[] values,
                     BiFunction<WeightingProfile, Double, WeightingProfile> apply,
                     java.util.function.ToDoubleFunction<WeightingProfile> read) {

        /** The profile with this setting at the grid value nearest its own. */
        WeightingProfile snap(WeightingProfile profile) {
            double own = read.applyAsDouble(profile);
            double nearest = values[0];
            for (double v : values) {
                if (Math.abs(v - own) < Math.abs(nearest - own)) {
                    nearest = v;
                }
            }
            return apply.apply(profile, nearest);
        }
    }

    /**
     * The grid: finite values only, as every chosen setting is published in a rule set. The one-tap
     * ceilings stop at $250 and twice the order: the confirmation replay credits any later purchase,
     * which for an expensive product is mostly demand an offer did not create (decision 0003).
     */
    static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("w", null, new double[] {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2},
                    WeightingProfile::withPriceWeight, WeightingProfile::priceWeight),
            new Dimension("smoothing", null, new double[] {1, 5, 20, 50}, WeightingProfile::withSmoothing,
                    WeightingProfile::smoothing),
            new Dimension("estimator", null, new double[] {0, 1},
                    (p, v) -> p.withEstimator(Estimator.values()[v.intValue()]), p -> p.estimator().ordinal()),
            new Dimension("minLift", null, new double[] {0, 1, 1.5}, WeightingProfile::withMinLift,
                    WeightingProfile::minLift),
            new Dimension("maxPriceRatio", Placement.CART, new double[] {0.5, 1, 2, 4, 10, 100},
                    WeightingProfile::withMaxPriceRatio, WeightingProfile::maxPriceRatio),
            new Dimension("oneTapMaxPrice", Placement.CONFIRMATION, new double[] {30, 60, 120, 250},
                    WeightingProfile::withOneTapMaxPrice, WeightingProfile::oneTapMaxPrice),
            new Dimension("oneTapMaxShare", Placement.CONFIRMATION, new double[] {0.25, 0.5, 1, 2},
                    WeightingProfile::withOneTapMaxShare, WeightingProfile::oneTapMaxShare),
            new Dimension("confirmationEvidence", Placement.CONFIRMATION, new double[] {0, 1},
                    (p, v) -> p.withConfirmationEvidence(ConfirmationEvidence.values()[v.intValue()]),
                    p -> p.confirmationEvidence().ordinal()));

    /** The RPI of a profile on one placement of the validation period. */
    @FunctionalInterface
    interface Replayer {
        PolicyResult replay(Placement placement, WeightingProfile profile);
    }

    /** The search's answer: the profile, its objective and its validation figures per placement. */
    record Choice(WeightingProfile profile, double objective, Map<Placement, PolicyResult> validation,
                  int evaluations) {
    }

    private final Replayer replayer;
    private final Map<Placement, PolicyResult> baseline;
    private final Map<Placement, Map<WeightingProfile, PolicyResult>> seen = new EnumMap<>(Placement.class);
    private int evaluations;

    /** @param baseline popularity's validation figures per placement */
    SettingsSearch(Replayer replayer, Map<Placement, PolicyResult> baseline) {
        this.replayer = replayer;
        this.baseline = baseline;
        for (Placement p : Placement.values()) {
            seen.put(p, new HashMap<>());
        }
    }

    /** The most evaluations a search can take (for progress). */
    static int maxEvaluations() {
        return MAX_ROUNDS * DIMENSIONS.stream().mapToInt(d -> d.values().length).sum();
    }

    Choice search(WeightingProfile start, ProgressMonitor monitor, String message, int[] done, int total) {
        // a start outside the grid (a profile set by hand, or chosen on an older grid) is moved onto it
        WeightingProfile best = start.rankingOnly();
        for (Dimension d : DIMENSIONS) {
            best = d.snap(best);
        }
        Score bestScore = score(best);
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Dimension d : DIMENSIONS) {
                for (double v : d.values()) {
                    monitor.checkCancelled();
                    monitor.progress(message, ++done[0], total);
                    WeightingProfile candidate = d.apply().apply(best, v);
                    Score score = score(candidate);
                    if (score.beats(bestScore)) {
                        best = candidate;
                        bestScore = score;
                        changed = true;
                    }
                }
            }
            if (!changed) {
                break;
            }
        }
        Map<Placement, PolicyResult> figures = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            figures.put(p, result(p, best));
        }
        return new Choice(best.withName(start.name()), bestScore.objective(), figures, evaluations);
    }

    /** A setting's standing: whether it clears the relevance floor everywhere, then its objective. */
    private record Score(boolean relevant, double objective) {

        boolean beats(Score other) {
            return relevant != other.relevant ? relevant : objective > other.objective + 1e-9;
        }
    }

    private Score score(WeightingProfile profile) {
        double sum = 0;
        boolean relevant = true;
        for (Placement p : Placement.values()) {
            PolicyResult r = result(p, profile);
            PolicyResult base = baseline.get(p);
            if (r.orders() > 0) {
                sum += base != null && base.aovLift() > 0 ? r.aovLift() / base.aovLift() : r.aovLift();
                relevant &= base == null || r.hitRate() >= MIN_HIT_RATE_RATIO * base.hitRate();
            }
        }
        return new Score(relevant, sum);
    }

    private PolicyResult result(Placement placement, WeightingProfile profile) {
        WeightingProfile key = relevantTo(placement, profile);
        return seen.get(placement).computeIfAbsent(key, k -> {
            evaluations++;
            return replayer.replay(placement, k);
        });
    }

    /** The profile with the other placement's own settings at their defaults: what this placement depends on. */
    private static WeightingProfile relevantTo(Placement placement, WeightingProfile profile) {
        WeightingProfile d = WeightingProfile.defaults();
        return placement == Placement.CART
                ? profile.withOneTapMaxPrice(d.oneTapMaxPrice()).withOneTapMaxShare(d.oneTapMaxShare())
                        .withConfirmationEvidence(d.confirmationEvidence())
                : profile.withMaxPriceRatio(d.maxPriceRatio());
    }
}
