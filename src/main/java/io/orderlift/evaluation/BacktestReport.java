package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.orderlift.ranking.Placement;
import io.orderlift.ranking.WeightingProfile;

/**
 * The backtest: per placement ({@code cart}, {@code confirmation}) every policy's figures on the
 * test period, and what the validation periods chose. JSON names are read by outside checks.
 *
 * @param k                the cart's list length (kept from before the placements' lengths were told apart)
 * @param lengths          recommendations per list on each placement: the active profile's lengths, or
 *                         {@code --k} on both (null in a report kept before they were told apart: k on both)
 * @param protocol         the cart replay behind {@code placements.cart} and the choice ({@code sequential})
 * @param trainOrders      orders mined for the test (training period, validation included)
 * @param validationFrom   where the earliest validation period starts (they run to {@code testFrom})
 * @param validationPeriods how many validation periods the settings were chosen on (1 to 3)
 * @param validationOrders orders of the validation periods (the last part of the training period)
 * @param testOrders       orders of the test period
 * @param maxReplayedOrders orders replayed per period at most; a longer period is replayed on a
 *                         seeded sample of this many
 * @param sampled          whether a period (validation or test) was replayed on such a sample
 * @param placements       per placement, every policy on the test period
 * @param leaveOneOut      the cart's main policies replayed leave-one-out, beside the sequential replay
 * @param chosen           per placement, the chosen profile's figures
 * @param chosenProfile    every setting the validation period chose, saved by {@code backtest --apply}
 * @param currency         the store's currency code, or null when not known (money in words uses it)
 * @param notChosen        why the validation periods could choose nothing (no purchase in them that any
 *                         ranking recommended), the active profile then standing as {@code chosenProfile};
 *                         null when they chose
 */
public record BacktestReport(int k, Lengths lengths, double split, int windowDays, String protocol, String trainFrom,
                             String validationFrom, int validationPeriods, String testFrom, String testTo,
                             int trainOrders, int validationOrders, int testOrders, int maxReplayedOrders,
                             boolean sampled, Map<String, List<PolicyResult>> placements,
                             List<PolicyResult> leaveOneOut, Map<String, Chosen> chosen,
                             WeightingProfile chosenProfile, long durationMs, String currency,
                             String notChosen) {

    /** The policy name of the classic widget, and the one the comparison in words is against. */
    public static final String POPULARITY = "popularity";
    /** The policy name of popularity under the chosen profile's rules. */
    public static final String POPULARITY_UNDER_RULES = "popularity+rules";
    /** The policy name of the validated choice. */
    public static final String CHOSEN = "chosen";

    /**
     * What the validation period picked for a placement, and how it did on the test period.
     *
     * @param w             the chosen price weight
     * @param smoothing     the chosen smoothing
     * @param validationRpi its RPI on the validation period
     * @param test          its figures on the test period
     * @param versusPopularity its RPI on the test period as a multiple of popularity's on the same
     *                      orders, with a paired 95 % interval; null when either earned nothing
     * @param judged        whether the placement took part in the choice: false where popularity was bought
     *                      fewer than 30 times on it in the validation periods while the other placement
     *                      was bought more (null in a report kept before it was said: it took part)
     * @param byLength      the test period had every list, the chosen ranking's and popularity's, stopped at
     *                      1, 2, … of the placement's length (null in a report kept before it was said)
     */
    public record Chosen(double w, double smoothing, double validationRpi, PolicyResult test,
                         RpiRatio versusPopularity, Boolean judged, List<AtLength> byLength) {

        /** Figures without the shorter lists' (as in a report kept before they were said). */
        public Chosen(double w, double smoothing, double validationRpi, PolicyResult test, RpiRatio versusPopularity,
                      Boolean judged) {
            this(w, smoothing, validationRpi, test, versusPopularity, judged, null);
        }

        /**
         * The figures by list length, shortest first, to show beside the policy table: none for a list of one
         * (the table says it all) and none in a report kept before they were said.
         */
        public List<AtLength> listLengths() {
            return byLength == null || byLength.size() < 2 ? List.of() : byLength;
        }

        /** Whether the placement took part in the choice (a report kept before it was said: it did). */
        public boolean tookPart() {
            return judged == null || judged;
        }
    }

    /** The same report with its amounts stated in {@code code} (the store's currency as it is now). */
    public BacktestReport withCurrency(String code) {
        return new BacktestReport(k, lengths, split, windowDays, protocol, trainFrom, validationFrom, validationPeriods, testFrom,
                testTo, trainOrders, validationOrders, testOrders, maxReplayedOrders, sampled, placements, leaveOneOut,
                chosen, chosenProfile, durationMs, code, notChosen);
    }

    /**
     * The chosen ranking and popularity on the test period had every list of a placement held only its first
     * {@code length} recommendations (each ranks best first, so a shorter list is the longer one's
     * beginning). JSON names are read by outside checks.
     *
     * @param rpi               the chosen ranking's revenue per impression
     * @param popularityRpi     popularity's
     * @param aovLift           the chosen ranking's expected AOV lift
     * @param popularityAovLift popularity's
     */
    public record AtLength(int length, double rpi, double popularityRpi, double aovLift, double popularityAovLift) {

        /** The chosen ranking's revenue per impression as a multiple of popularity's (NaN when popularity earned nothing). */
        public double versusPopularity() {
            return popularityRpi > 0 ? rpi / popularityRpi : Double.NaN;
        }

        /**
         * Pairs the chosen ranking's figures with popularity's, length by length; none where no order was
         * replayed (a placement that cannot be measured says so in words instead).
         */
        static List<AtLength> of(Replay.Run chosen, Replay.Run popularity) {
            if (chosen.result().orders() == 0) {
                return List.of();
            }
            return of(chosen.byLength(), popularity.byLength());
        }

        private static List<AtLength> of(List<ListLength> chosen, List<ListLength> popularity) {
            List<AtLength> lengths = new ArrayList<>();
            for (int i = 0; i < Math.min(chosen.size(), popularity.size()); i++) {
                ListLength c = chosen.get(i);
                ListLength p = popularity.get(i);
                lengths.add(new AtLength(c.length(), c.rpi(), p.rpi(), c.aovLift(), p.aovLift()));
            }
            return lengths;
        }
    }

    /** Recommendations per list replayed on each placement. JSON names are read by outside checks. */
    public record Lengths(int cart, int confirmation) {

        public int of(Placement placement) {
            return placement == Placement.CART ? cart : confirmation;
        }
    }

    /** The lengths replayed: as kept, or k on both placements in a report kept before they were told apart. */
    public Lengths listLengths() {
        return lengths != null ? lengths : new Lengths(k, k);
    }

    /** The report in words: the sentences the Reports tab and {@code backtest} show ({@code inWords} in JSON). */
    @JsonProperty("inWords")
    public BacktestSummary.Words inWords() {
        return new BacktestSummary(this).words();
    }

    /** The named policy's figures in a placement, if it was replayed. */
    public Optional<PolicyResult> policy(String placement, String name) {
        return placements.getOrDefault(placement, List.of()).stream().filter(r -> r.policy().equals(name)).findFirst();
    }
}
