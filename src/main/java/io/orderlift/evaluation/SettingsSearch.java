package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;

/**
 * Chooses every ranking setting that moves revenue on the validation periods (docs/measuring.md,
 * docs/decisions/0003-replay-protocols.md): coordinate ascent over the {@link Dimension#swept() swept}
 * {@link #DIMENSIONS}, starting from the given profile, one setting at a time over its grid with the
 * others held, until a round changes nothing: the choice is then a fixed point, and a search started
 * from it (the backtest after a store's first mining) proposes it again. Then the category backoff is
 * {@link #switchBackoff switched}: a second ascent from the other side of it, kept only where it earns
 * more beyond the validation periods' noise.
 *
 * <p>Every figure is relative to the classic popularity baseline on the same orders and summed over
 * the placements and the {@link Fold validation periods}, so one profile serves both placements and
 * neither placement's scale drowns the other; a placement with no replayed orders does not count.
 * The objective is <b>revenue per impression</b>, the number the product lives by, among the
 * settings that pass two guards: the {@link #MIN_HIT_RATE_RATIO relevance floor}, and earning at
 * least as much per replayed order as popularity (so a list does not win per impression by showing
 * less). When no setting passes both, the most revenue per order decides, first among the settings
 * above the relevance floor. A setting of one placement only is replayed for that placement alone.
 */
final class SettingsSearch {

    /**
     * A bound no real search reaches: every round that goes on strictly raises the objective over a
     * finite grid, so the search ends anyway; this only bounds its cost.
     */
    static final int MAX_ROUNDS = 50;

    /**
     * The relevance floor: on each placement, a setting's hit rate must be at least this share of
     * popularity's, and not only as measured but at the lower end of its paired 95 % interval over
     * the validation periods' orders ({@link RpiRatio#ofHitRates}). Revenue alone would take a list
     * that is rarely right but dear when it is; a merchant also needs the widget to look relevant.
     * A floor held at the point estimate would be a coin toss on the next period wherever it decides
     * the choice; held at the lower end it holds there too, all but by chance.
     */
    static final double MIN_HIT_RATE_RATIO = 0.4;

    /**
     * One setting and the values tried: its name (the profile's JSON key), the placement it moves
     * ({@code null}: both), its grid, how to set and read it, and how to say it. {@code swept}: whether
     * the coordinate ascent sweeps its grid; the one that is not (the category backoff) is
     * {@link #switchBackoff switched} after it, and its grid only says its two sides.
     */
    record Dimension(String name, Placement placement, double[] values,
                     BiFunction<WeightingProfile, Double, WeightingProfile> apply,
                     ToDoubleFunction<WeightingProfile> read,
                     BiFunction<WeightingProfile, Money, String> words, boolean swept) {

        /** A setting the ascent sweeps. */
        Dimension(String name, Placement placement, double[] values,
                  BiFunction<WeightingProfile, Double, WeightingProfile> apply, ToDoubleFunction<WeightingProfile> read,
                  BiFunction<WeightingProfile, Money, String> words) {
            this(name, placement, values, apply, read, words, true);
        }

        /** The profile with this setting at the grid value nearest its own; a switched setting keeps its own. */
        WeightingProfile snap(WeightingProfile profile) {
            if (!swept) {
                return profile;
            }
            double own = read.applyAsDouble(profile);
            double nearest = values[0];
            for (double v : values) {
                if (Math.abs(v - own) < Math.abs(nearest - own)) {
                    nearest = v;
                }
            }
            return apply.apply(profile, nearest);
        }

        /** Whether two profiles hold the same value of this setting. */
        boolean same(WeightingProfile a, WeightingProfile b) {
            return Double.compare(read.applyAsDouble(a), read.applyAsDouble(b)) == 0;
        }

        /** {@code to} with this setting taken from {@code from}. */
        WeightingProfile copy(WeightingProfile from, WeightingProfile to) {
            return apply.apply(to, read.applyAsDouble(from));
        }
    }

    /**
     * The grid: finite values only, as every chosen setting is published in a rule set. The one-tap
     * ceilings stop at $250 and twice the order: the confirmation replay credits any later purchase,
     * which for an expensive product is mostly demand an offer did not create (decision 0003).
     */
    static final List<Dimension> DIMENSIONS = List.of(
            new Dimension("priceWeight", null, new double[] {0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 2},
                    WeightingProfile::withPriceWeight, WeightingProfile::priceWeight,
                    (p, money) -> SettingWords.priceWeight(p)),
            new Dimension("smoothing", null, new double[] {1, 5, 20, 50}, WeightingProfile::withSmoothing,
                    WeightingProfile::smoothing, (p, money) -> SettingWords.smoothing(p)),
            new Dimension("estimator", null, new double[] {0, 1},
                    (p, v) -> p.withEstimator(Estimator.values()[v.intValue()]), p -> p.estimator().ordinal(),
                    (p, money) -> SettingWords.estimator(p)),
            new Dimension("minEvidence", null, new double[] {1, 2, 3, 5, 8, 13, 21, 34},
                    (p, v) -> p.withMinEvidence(v.intValue()), WeightingProfile::minEvidence,
                    (p, money) -> SettingWords.minEvidence(p)),
            new Dimension("minLift", null, new double[] {0, 1, 1.5}, WeightingProfile::withMinLift,
                    WeightingProfile::minLift, (p, money) -> SettingWords.minLift(p)),
            new Dimension("maxPriceRatio", Placement.CART, new double[] {0.5, 1, 2, 4, 10, 100},
                    WeightingProfile::withMaxPriceRatio, WeightingProfile::maxPriceRatio,
                    (p, money) -> SettingWords.maxPriceRatio(p)),
            new Dimension("oneTapMaxPrice", Placement.CONFIRMATION, new double[] {30, 60, 120, 250},
                    WeightingProfile::withOneTapMaxPrice, WeightingProfile::oneTapMaxPrice,
                    SettingWords::oneTapMaxPrice),
            new Dimension("oneTapMaxShare", Placement.CONFIRMATION, new double[] {0.25, 0.5, 1, 2},
                    WeightingProfile::withOneTapMaxShare, WeightingProfile::oneTapMaxShare,
                    (p, money) -> SettingWords.oneTapMaxShare(p)),
            new Dimension("confirmationEvidence", Placement.CONFIRMATION, new double[] {0, 1},
                    (p, v) -> p.withConfirmationEvidence(ConfirmationEvidence.values()[v.intValue()]),
                    p -> p.confirmationEvidence().ordinal(), (p, money) -> SettingWords.confirmationEvidence(p)),
            new Dimension("backoffBelowOrders", null,
                    new double[] {0, WeightingProfile.defaults().backoffBelowOrders()},
                    (p, v) -> p.withBackoffBelowOrders(v.intValue()), WeightingProfile::backoffBelowOrders,
                    (p, money) -> SettingWords.backoff(p), false));

    /** The settings the coordinate ascent sweeps. */
    private static final List<Dimension> SWEPT = DIMENSIONS.stream().filter(Dimension::swept).toList();

    /** A profile's replay of one placement of the validation period, with what each order earned. */
    @FunctionalInterface
    interface Replayer {
        Replay.Run replay(Placement placement, WeightingProfile profile);
    }

    /**
     * The search's answer: the profile, its objective and its figures on the latest validation period.
     * {@code informed} is false when no replay, popularity's or a setting's, saw a recommended product
     * bought: every setting then scores alike, and the profile is only where the search started.
     * {@code judges}: the placements that took part in the choice ({@link #MIN_JUDGING_HITS}).
     */
    record Choice(WeightingProfile profile, double objective, Map<Placement, PolicyResult> validation,
                  int evaluations, boolean informed, Set<Placement> judges) {
    }

    /**
     * One validation period: its replayer, popularity's replay of it per placement, and how its model
     * takes a profile ({@code onModel}: the profile as replayed there, such as its evidence floor scaled to
     * a thinner model; profiles it maps alike are replayed once).
     */
    record Fold(Replayer replayer, Map<Placement, Replay.Run> baseline, UnaryOperator<WeightingProfile> onModel) {

        /** A period whose model takes every profile as it is. */
        Fold(Replayer replayer, Map<Placement, Replay.Run> baseline) {
            this(replayer, baseline, UnaryOperator.identity());
        }
    }

    private final List<Fold> folds;
    /**
     * Each placement that judges the settings, with its weight in the objective, fixed by popularity's hits
     * over the folds (see {@link #MIN_JUDGING_HITS}).
     */
    private final Map<Placement, Double> weights = new EnumMap<>(Placement.class);
    private final List<Map<Placement, Map<WeightingProfile, Replay.Run>>> seen = new ArrayList<>();
    private int evaluations;

    /** @param baseline popularity's validation replay per placement */
    SettingsSearch(Replayer replayer, Map<Placement, Replay.Run> baseline) {
        this(List.of(new Fold(replayer, baseline)));
    }

    /** A search scored on several validation periods at once, the first being the latest. */
    SettingsSearch(List<Fold> folds) {
        this.folds = List.copyOf(folds);
        for (int i = 0; i < folds.size(); i++) {
            Map<Placement, Map<WeightingProfile, Replay.Run>> byPlacement = new EnumMap<>(Placement.class);
            for (Placement p : Placement.values()) {
                byPlacement.put(p, new HashMap<>());
            }
            seen.add(byPlacement);
        }
        Map<Placement, Long> hits = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            hits.put(p, popularityHits(p));
        }
        // where no placement can tell settings apart, each says what little it can, by its credibility
        boolean anyJudges = hits.values().stream().anyMatch(h -> h >= MIN_JUDGING_HITS);
        hits.forEach((p, h) -> {
            if (h >= MIN_JUDGING_HITS || !anyJudges) {
                weights.put(p, credibility(h));
            }
        });
    }

    /** The evaluations of one round (one sweep of every setting's grid): the unit a search's progress is sized in. */
    static int evaluationsPerRound() {
        return SWEPT.stream().mapToInt(d -> d.values().length).sum();
    }

    /** The best setting found from {@code start}, with no progress shown. */
    Choice search(WeightingProfile start) {
        return search(start, new PhasedProgress(ProgressMonitor.NONE).begin("", 1, evaluationsPerRound()));
    }

    /** The best setting found from {@code start}, each evaluation a step of {@code progress}. */
    Choice search(WeightingProfile start, PhasedProgress.Phase progress) {
        // a start outside the grid (a profile set by hand, or chosen on an older grid) is moved onto it
        WeightingProfile best = start.rankingOnly();
        for (Dimension d : DIMENSIONS) {
            best = d.snap(best);
        }
        Ascent chosen = switchBackoff(ascend(new Ascent(best, score(best)), progress), progress);
        best = chosen.profile();
        Map<Placement, PolicyResult> figures = new EnumMap<>(Placement.class);
        for (Placement p : Placement.values()) {
            figures.put(p, result(0, p, best).result());
        }
        return new Choice(best.withName(start.name()), chosen.score().objective(), figures, evaluations, anyHit(),
                Set.copyOf(weights.keySet()));
    }

    /** Where an ascent stands: a profile and its score. */
    private record Ascent(WeightingProfile profile, Score score) {
    }

    /** Coordinate ascent over the swept settings from {@code from} until a round changes nothing. */
    private Ascent ascend(Ascent from, PhasedProgress.Phase progress) {
        WeightingProfile best = from.profile();
        Score bestScore = from.score();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean changed = false;
            for (Dimension d : SWEPT) {
                for (double v : d.values()) {
                    progress.step();
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
        return new Ascent(best, bestScore);
    }

    /**
     * The category backoff, switched: a second ascent from the ascent's choice with the backoff off (or, where
     * it was off, at the built-in threshold), kept only when it scores higher and earns more per impression
     * beyond noise — on no judging placement less beyond its paired 95 % interval over the validation
     * periods' orders, and on at least one more. The backoff changes how every thin product's list is made,
     * so which side is right is a property of the store (whether a product's own thin pairs or its
     * category's forecast better); swept as one more setting it moved the sample stores' choices as much
     * up as down, within noise (decision 0003), so only a lead beyond noise moves it.
     */
    private Ascent switchBackoff(Ascent first, PhasedProgress.Phase progress) {
        WeightingProfile held = first.profile();
        WeightingProfile other = held.backoffBelowOrders() != 0 ? held.withBackoffBelowOrders(0)
                : held.withCategoryBackoff();
        Ascent second = ascend(new Ascent(other, score(other)), progress);
        return second.score().beats(first.score()) && aheadBeyondNoise(second.profile(), held) ? second : first;
    }

    /**
     * Whether {@code challenger} earns more per impression than {@code incumbent} beyond the validation
     * periods' noise: on no judging placement less (the paired interval of the ratio below 1), on at least
     * one more (above 1). False where no paired interval can be had.
     */
    private boolean aheadBeyondNoise(WeightingProfile challenger, WeightingProfile incumbent) {
        boolean ahead = false;
        for (Placement p : weights.keySet()) {
            Optional<RpiRatio> ratio = RpiRatio.of(pooledOverFolds(p, challenger), pooledOverFolds(p, incumbent));
            if (ratio.isEmpty()) {
                continue;
            }
            if (ratio.get().high() < 1) {
                return false;
            }
            ahead |= ratio.get().low() > 1;
        }
        return ahead;
    }

    /** A profile's replays of a placement in every validation period, as one run over all their orders. */
    private Replay.Run pooledOverFolds(Placement placement, WeightingProfile profile) {
        List<Replay.Run> runs = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            runs.add(result(f, placement, profile));
        }
        return pooled(runs);
    }

    /** Whether any replay of any validation period, popularity's or a setting's, has a hit. */
    private boolean anyHit() {
        for (int f = 0; f < folds.size(); f++) {
            for (Placement p : Placement.values()) {
                Replay.Run baseline = folds.get(f).baseline().get(p);
                if (baseline != null && baseline.result().hits() > 0
                        || seen.get(f).get(p).values().stream().anyMatch(run -> run.result().hits() > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Which guards a setting passes, worst first. */
    private enum Tier { NEITHER, RELEVANT, PASSES_BOTH }

    /**
     * A setting's standing: its tier, then within the tier its objective (revenue per impression
     * for settings that pass both guards, revenue per order for the others; each relative to
     * popularity's, summed over the periods and the placements, a placement weighted by its
     * {@link #credibility(long)}).
     */
    private record Score(Tier tier, double objective) {

        boolean beats(Score other) {
            return tier != other.tier ? tier.compareTo(other.tier) > 0 : objective > other.objective + 1e-9;
        }
    }

    /**
     * Popularity's hits on a placement, pooled over the validation periods, at which its figures count in
     * full: {@code (1.96 / 0.1)²}, the count whose Poisson noise is within ±10 % at 95 % (the full-credibility
     * standard of limited-fluctuation credibility).
     */
    static final double FULL_CREDIBILITY_HITS = 384;

    /**
     * How much a placement's figures weigh in the objective: {@code sqrt(hits / 384)} of popularity's hits on
     * it over the validation periods, at most 1 (and as if it had one hit when it has none), so that a
     * placement of a handful of hits — a confirmation page of few returning customers, where popularity's one
     * hit makes any later purchase a ratio of 2 — does not choose the settings it shares with a well-measured one.
     */
    static double credibility(long popularityHits) {
        return Math.sqrt(Math.min(1, Math.max(1, popularityHits) / FULL_CREDIBILITY_HITS));
    }

    /**
     * Popularity's hits on a placement over the validation periods below which the placement does not judge
     * the settings while another one does: neither in the objective nor in either guard. Below it a ratio
     * against popularity rests on a handful of purchases (a second hit against its one reads as twice its
     * revenue, and a setting that happened on none fails the relevance floor), the noise that
     * {@link BacktestSummary} calls "too few purchases to tell policies apart".
     */
    static final int MIN_JUDGING_HITS = 30;

    private long popularityHits(Placement placement) {
        long hits = 0;
        for (Fold f : folds) {
            Replay.Run baseline = f.baseline().get(placement);
            hits += baseline == null ? 0 : baseline.result().hits();
        }
        return hits;
    }

    private Score score(WeightingProfile profile) {
        double perImpression = 0;
        double perOrder = 0;
        double measured = 0;
        boolean relevant = true;
        for (Map.Entry<Placement, Double> judging : weights.entrySet()) {
            Placement p = judging.getKey();
            double hitRatio = 0;
            double weight = judging.getValue();
            List<Replay.Run> runs = new ArrayList<>();
            List<Replay.Run> baselines = new ArrayList<>();
            for (int f = 0; f < folds.size(); f++) {
                Replay.Run run = result(f, p, profile);
                PolicyResult r = run.result();
                Replay.Run baseRun = folds.get(f).baseline().get(p);
                PolicyResult base = baseRun == null ? null : baseRun.result();
                if (r.orders() > 0) {
                    perImpression += weight * ratio(r.rpi(), base == null ? 0 : base.rpi());
                    perOrder += weight * ratio(r.aovLift(), base == null ? 0 : base.aovLift());
                    hitRatio += base == null || base.hitRate() == 0 ? 1 : r.hitRate() / base.hitRate();
                    runs.add(run);
                    baselines.add(baseRun);
                }
            }
            if (!runs.isEmpty()) {
                measured += weight * runs.size();
                double pointRatio = hitRatio / runs.size();
                // the lower end of the paired interval over every period's orders; the measured ratio where
                // none can be had (popularity or the setting hit nothing, or no per-order figures were kept)
                double floorRatio = baselines.contains(null) ? pointRatio
                        : RpiRatio.ofHitRates(pooled(runs), pooled(baselines)).map(RpiRatio::low).orElse(pointRatio);
                relevant &= floorRatio >= MIN_HIT_RATE_RATIO;
            }
        }
        boolean earnsPerOrder = perOrder >= measured - 1e-9;
        return relevant && earnsPerOrder ? new Score(Tier.PASSES_BOTH, perImpression)
                : new Score(relevant ? Tier.RELEVANT : Tier.NEITHER, perOrder);
    }

    /** {@code value} relative to popularity's, or as it is when popularity earned nothing. */
    private static double ratio(double value, double popularity) {
        return popularity > 0 ? value / popularity : value;
    }

    /** The runs' per-order figures one after another, as one run over all their orders. */
    private static Replay.Run pooled(List<Replay.Run> runs) {
        if (runs.size() == 1) {
            return runs.get(0);
        }
        int length = runs.stream().mapToInt(r -> r.impressions().length).sum();
        double[] revenue = new double[length];
        int[] impressions = new int[length];
        int[] hits = new int[length];
        int at = 0;
        for (Replay.Run r : runs) {
            int n = r.impressions().length;
            System.arraycopy(r.revenue(), 0, revenue, at, n);
            System.arraycopy(r.impressions(), 0, impressions, at, n);
            System.arraycopy(r.hits(), 0, hits, at, n);
            at += n;
        }
        return new Replay.Run(null, revenue, impressions, hits);
    }

    private Replay.Run result(int fold, Placement placement, WeightingProfile profile) {
        WeightingProfile key = relevantTo(placement, folds.get(fold).onModel().apply(profile));
        return seen.get(fold).get(placement).computeIfAbsent(key, k -> {
            evaluations++;
            return folds.get(fold).replayer().replay(placement, k);
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
