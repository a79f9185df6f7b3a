package io.orderlift.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.orderlift.common.PlainNumbers;

/**
 * Every setting of the ranking, as one named profile (docs/ranking.md explains each default).
 *
 * @param name               the profile's name
 * @param priceWeight        w in score = acceptance × price^w (0: popularity baseline, 1: revenue per impression)
 * @param smoothing          m of the smoothed acceptance
 * @param minEvidence        a pair is used only when its count (co, or follow for follow-on) reaches this
 * @param backoffBelowOrders an anchor in fewer orders than this speaks through its category's pairs
 * @param maxPriceRatio      cart placement: candidates priced above this × the cart total are dropped
 * @param oneTapMaxPrice     confirmation placement: the highest price offered for one tap
 * @param oneTapMaxShare     confirmation placement: the highest price as a share of the order total
 * @param perCategoryCap     at most this many candidates of one category in a list (pins excepted)
 * @param cartLength         how many recommendations the cart placement shows
 * @param confirmationLength how many offers the confirmation placement shows
 * @param minLift            a pair is used only when its acceptance exceeds this × the candidate's base
 *                           rate: at 1 the anchor must make the candidate more likely than it is anyway
 * @param minCustomers       pairs backed by fewer distinct customers are not used (privacy: the same
 *                           floor the published rule set applies, so the preview shows what will ship)
 * @param estimator          how a pair's acceptance is estimated from its count (base rate if absent)
 * @param confirmationEvidence which evidence the confirmation placement combines (both if absent)
 * @param chosenBy           where the settings come from, for people ("chosen by backtest on 2026-12-01
 *                           …"); null when set by hand
 */
public record WeightingProfile(String name, double priceWeight, double smoothing, int minEvidence,
                               int backoffBelowOrders, double maxPriceRatio, double oneTapMaxPrice,
                               double oneTapMaxShare, int perCategoryCap, int cartLength, int confirmationLength,
                               double minLift, int minCustomers, Estimator estimator,
                               ConfirmationEvidence confirmationEvidence, String chosenBy) {

    public static final String DEFAULT_NAME = "default";
    /**
     * The privacy floor: DESIGN.md's promise to a shop's customers that no pair backed by fewer
     * distinct customers leaves the store. A profile may raise it, never lower it.
     */
    public static final int PRIVACY_FLOOR = 3;
    /** The name of {@link #classicPopularity}. */
    public static final String POPULARITY_NAME = "popularity";
    /** A price ceiling no price reaches, where "none" must still be a number a rule set can publish. */
    static final double NO_CEILING = 1e9;

    /** A profile set by hand with the base-rate estimator. */
    public WeightingProfile(String name, double priceWeight, double smoothing, int minEvidence,
                            int backoffBelowOrders, double maxPriceRatio, double oneTapMaxPrice,
                            double oneTapMaxShare, int perCategoryCap, int cartLength, int confirmationLength,
                            double minLift, int minCustomers) {
        this(name, priceWeight, smoothing, minEvidence, backoffBelowOrders, maxPriceRatio, oneTapMaxPrice,
                oneTapMaxShare, perCategoryCap, cartLength, confirmationLength, minLift, minCustomers,
                Estimator.BASE_RATE, ConfirmationEvidence.BOTH, null);
    }

    public WeightingProfile {
        if (estimator == null) {
            estimator = Estimator.BASE_RATE;
        }
        if (confirmationEvidence == null) {
            confirmationEvidence = ConfirmationEvidence.BOTH;
        }
        if (minCustomers < PRIVACY_FLOOR) {
            throw new IllegalArgumentException("profile " + name + ": --min-customers must be at least "
                    + PRIVACY_FLOOR + " (the privacy floor: no pair backed by fewer customers may be published), not "
                    + minCustomers);
        }
        List<String> outOfRange = new ArrayList<>();
        atLeast(outOfRange, "priceWeight", priceWeight, 0);
        atLeast(outOfRange, "smoothing", smoothing, 0);
        atLeast(outOfRange, "minEvidence", minEvidence, 1);
        atLeast(outOfRange, "backoffBelowOrders", backoffBelowOrders, 0);
        positive(outOfRange, "maxPriceRatio", maxPriceRatio);
        positive(outOfRange, "oneTapMaxPrice", oneTapMaxPrice);
        positive(outOfRange, "oneTapMaxShare", oneTapMaxShare);
        atLeast(outOfRange, "perCategoryCap", perCategoryCap, 1);
        atLeast(outOfRange, "cartLength", cartLength, 1);
        atLeast(outOfRange, "confirmationLength", confirmationLength, 1);
        atLeast(outOfRange, "minLift", minLift, 0);
        if (!outOfRange.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + ": " + String.join("; ", outOfRange));
        }
    }

    /** Adds "NAME must be at least MIN, not VALUE" to {@code problems} when {@code value} is below {@code min} (or NaN). */
    private static void atLeast(List<String> problems, String setting, double value, double min) {
        if (!(value >= min)) {
            problems.add(setting + " must be at least " + PlainNumbers.of(min) + ", not " + PlainNumbers.of(value));
        }
    }

    private static void positive(List<String> problems, String setting, double value) {
        if (!(value > 0)) {
            problems.add(setting + " must be above 0, not " + PlainNumbers.of(value));
        }
    }

    /** The defaults, explained in docs/ranking.md. */
    public static WeightingProfile defaults() {
        return new WeightingProfile(DEFAULT_NAME, 1.0, 5, 3, 30, 1.0, 60, 0.5, 2, 4, 3, 1.0, 3);
    }

    /**
     * "Customers also bought" as a profile, for the popularity arm of a live test: price weight 0 and no
     * smoothing, so a one-item cart's list is its companions by how many orders held both; no evidence or
     * lift floor, no price ceiling, no category cap and no category backoff. The lengths and the customer
     * floor are {@code shown}'s, so both arms show as many items and publish no pair the other would not.
     * Over several anchors it combines confidences (1 − Π(1 − co/orders)) where the backtest's classic
     * policy sums counts: docs/measuring.md measures the two alike.
     */
    public static WeightingProfile classicPopularity(WeightingProfile shown) {
        return new WeightingProfile(POPULARITY_NAME, 0, 0, 1, 0, NO_CEILING, NO_CEILING, NO_CEILING,
                Math.max(shown.cartLength(), shown.confirmationLength()), shown.cartLength(),
                shown.confirmationLength(), 0, shown.minCustomers(), Estimator.BASE_RATE, ConfirmationEvidence.BOTH,
                "customers also bought: ranked by how often bought together (w 0, no smoothing, floors, ceilings,"
                        + " category cap or backoff)");
    }

    public WeightingProfile withPriceWeight(double w) {
        return with(d -> d.priceWeight = w);
    }

    public WeightingProfile withSmoothing(double m) {
        return with(d -> d.smoothing = m);
    }

    public WeightingProfile withMinEvidence(int count) {
        return with(d -> d.minEvidence = count);
    }

    /** The same with the category backoff on: at its own threshold, or at the built-in one where it is off. */
    public WeightingProfile withCategoryBackoff() {
        return backoffBelowOrders > 0 ? this : withBackoffBelowOrders(defaults().backoffBelowOrders());
    }

    /** The same with anchors in fewer than {@code orders} orders speaking through their category (0: none does). */
    public WeightingProfile withBackoffBelowOrders(int orders) {
        return with(d -> d.backoffBelowOrders = orders);
    }

    public WeightingProfile withName(String newName) {
        return with(d -> d.name = newName);
    }

    /** The same without price ceilings: no cart-total ratio, no one-tap price or share limit (for measuring what they cost). */
    public WeightingProfile withoutPriceCeilings() {
        double none = Double.POSITIVE_INFINITY;
        return withMaxPriceRatio(none).withOneTapMaxPrice(none).withOneTapMaxShare(none);
    }

    /** The same without the per-category cap (a cap of the longer list's length), for measuring what it costs. */
    public WeightingProfile withoutCategoryCap() {
        return with(d -> d.perCategoryCap = Math.max(cartLength, confirmationLength));
    }

    public WeightingProfile withMinLift(double lift) {
        return with(d -> d.minLift = lift);
    }

    public WeightingProfile withMaxPriceRatio(double ratio) {
        return with(d -> d.maxPriceRatio = ratio);
    }

    public WeightingProfile withOneTapMaxPrice(double price) {
        return with(d -> d.oneTapMaxPrice = price);
    }

    public WeightingProfile withOneTapMaxShare(double share) {
        return with(d -> d.oneTapMaxShare = share);
    }

    public WeightingProfile withEstimator(Estimator e) {
        return with(d -> d.estimator = e);
    }

    public WeightingProfile withConfirmationEvidence(ConfirmationEvidence evidence) {
        return with(d -> d.confirmationEvidence = evidence);
    }

    /** Where the settings come from, in words: {@link #chosenBy()}, or "set by hand". */
    public String provenance() {
        return chosenBy == null ? "set by hand" : chosenBy;
    }

    /** The same settings with a new note on where they come from (null: set by hand). */
    public WeightingProfile withChosenBy(String note) {
        return with(d -> d.chosenBy = note);
    }

    /** The same ranking settings, whatever the name and provenance: what the rankings depend on. */
    public WeightingProfile rankingOnly() {
        return withName(DEFAULT_NAME).withChosenBy(null);
    }

    /**
     * Whether a pair seen {@code evidence} times in {@code total} orders passes the evidence floor and the
     * lift floor (an acceptance above {@code minLift} × the candidate's {@code baseRate}).
     */
    public boolean admits(int evidence, int total, double baseRate) {
        return evidence >= minEvidence
                && estimator().estimate(evidence, total, baseRate, smoothing) > minLift * baseRate;
    }

    /** The list length of {@code placement}. */
    public int length(Placement placement) {
        return placement == Placement.CART ? cartLength : confirmationLength;
    }

    /** This profile with {@code change} made to a copy of its settings, checked as any new profile is. */
    private WeightingProfile with(Consumer<ProfileDraft> change) {
        ProfileDraft draft = new ProfileDraft(this);
        change.accept(draft);
        return draft.profile();
    }
}
