package io.orderlift.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.orderlift.common.Money;
import io.orderlift.ranking.WeightingProfile;
import org.junit.jupiter.api.Test;

class BacktestSummaryTest {

    private static PolicyResult policy(String name, double rpi, double aovLift, int orders, long hits) {
        return new PolicyResult(name, name.equals("popularity") ? null : 1.0, orders == 0 ? 0 : 1_000, hits,
                hits / 1_000.0, rpi, hits == 0 ? 0 : rpi * 1_000 / hits, 0.2, rpi * 0.8, rpi * 1.2, aovLift, orders);
    }

    private static BacktestReport report(List<PolicyResult> cart, List<PolicyResult> confirmation) {
        return report(cart, confirmation, Map.of());
    }

    private static BacktestReport report(List<PolicyResult> cart, List<PolicyResult> confirmation,
                                         Map<String, BacktestReport.Chosen> chosenFigures) {
        return report(cart, confirmation, chosenFigures, WeightingProfile.defaults());
    }

    private static BacktestReport report(List<PolicyResult> cart, List<PolicyResult> confirmation,
                                         Map<String, BacktestReport.Chosen> chosenFigures, WeightingProfile profile) {
        WeightingProfile chosen = profile.withChosenBy("chosen by backtest on 2026-12-01");
        return new BacktestReport(4, new BacktestReport.Lengths(4, 3), 0.2, 30, "sequential", "2025-01-01T00:00:00Z", "2025-10-19T00:00:00Z", 3,
                "2025-12-30T00:00:00Z", "2026-03-31T00:00:00Z", 100, 20, 30, Backtest.MAX_REPLAYED_ORDERS, false,
                Map.of("cart", cart, "confirmation", confirmation), List.of(), chosenFigures, chosen, 1, null, null);
    }

    private static final PolicyResult CART_CHOSEN = policy("chosen", 3.0, 0.21, 100, 50);
    private static final PolicyResult CONFIRMATION_CHOSEN = policy("chosen", 0.6, 0.02, 100, 12);

    /**
     * A report whose chosen settings lead popularity on both placements, with each placement's ratio to it
     * and whether the confirmation page took part in the choice (in placement order, as a report is read back).
     */
    private static BacktestReport leading(RpiRatio cart, RpiRatio confirmation, Boolean confirmationJudged) {
        return report(List.of(policy("popularity", 2.0, 0.05, 100, 80), CART_CHOSEN),
                List.of(policy("popularity", 0.25, 0.01, 100, 9), CONFIRMATION_CHOSEN),
                new TreeMap<>(Map.of("cart", new BacktestReport.Chosen(1, 5, 3.1, CART_CHOSEN, cart, true),
                        "confirmation", new BacktestReport.Chosen(1, 5, 0.5, CONFIRMATION_CHOSEN, confirmation,
                                confirmationJudged))));
    }

    @Test
    void theRatioComesWithItsIntervalAndALeadWithinNoiseIsSaid() {
        BacktestSummary summary = new BacktestSummary(leading(new RpiRatio(1.5, 1.34, 1.68, 1_514),
                new RpiRatio(2.4, 0.97, 3.3, 1_755), true));
        assertTrue(summary.headline().contains("(+50 %, 95 % interval +34 % to +68 %)"), summary.headline());
        assertTrue(summary.headline().contains("(2.4×, 95 % interval 0.97× to 3.3×)"), summary.headline());
        assertEquals(List.of("on the confirmation page the lead over \"customers also bought\" is within the test"
                + " period's noise: the 95 % interval of the ratio runs from 0.97× to 3.3× (1,755 orders, 12 hits). A"
                + " test period of about 3,800 such orders (2.2× this one) tells a lead this large from noise four"
                + " times in five. A longer history, or an A/B test, would tell."), summary.warnings());
    }

    @Test
    void theKeptBacktestInOneLineSaysWhichLeadIsWithinNoise() {
        BacktestReport report = leading(new RpiRatio(1.49, 1.34, 1.66, 1_514), new RpiRatio(1.51, 0.99, 2.31, 1_755),
                true);
        assertEquals("the chosen ranking earns 1.49× popularity's revenue per impression on the cart and 1.51× on the"
                + " confirmation page (within the test period's noise)",
                new SavedBacktests.Saved(report, Instant.EPOCH, List.of(), true).versusPopularity());
    }

    @Test
    void whatTheCategoryCapCostsIsSaidFromATenthOfTheRevenuePerImpression() {
        BacktestSummary costly = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.57, 0.21, 100, 50),
                        policy(Backtest.WITHOUT_CATEGORY_CAP, 4.16, 0.24, 100, 55)),
                List.of(policy("popularity", 0.4, 0.01, 100, 9), policy("chosen", 1.0, 0.03, 100, 12),
                        policy(Backtest.WITHOUT_CATEGORY_CAP, 1.05, 0.03, 100, 12))));
        assertEquals(Optional.of("The per-category cap (at most 2 of one category in a list) costs 14 % of the revenue"
                + " per impression on the cart (4.16 without it, against 3.57). It keeps the lists varied, which no"
                + " replay can value: raise it in Weighting if variety matters less here."), costly.capCost(),
                "the confirmation page's 5 % is not said");
        BacktestSummary cheap = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.5, 0.21, 100, 50),
                        policy(Backtest.WITHOUT_CATEGORY_CAP, 3.6, 0.22, 100, 52)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertEquals(Optional.empty(), cheap.capCost());
    }

    /**
     * A long-tail store whose thin products recommend from their category's pairs: the backoff's cost is
     * said with what to do, and named as the likely reason of a loss it explains.
     */
    @Test
    void whatTheCategoryBackoffCostsIsSaidAndNamedAsTheReasonOfALoss() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 6.13, 0.49, 100, 80), policy("chosen", 4.67, 0.43, 100, 50),
                        policy(Backtest.WITHOUT_RULES, 4.67, 0.43, 100, 50),
                        policy(Backtest.WITHOUT_CATEGORY_BACKOFF, 6.69, 0.41, 100, 60)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertEquals(Optional.of("The category backoff (products in fewer than 30 orders recommend from their"
                + " category's pairs) costs 30 % of the revenue per impression on the cart (6.69 without it, against"
                + " 4.67). In the test period a product's own pairs forecast better than its category's. The validation"
                + " periods, which choose the settings, did not show that beyond their noise. Set the backoff to 0"
                + " in Weighting (or profile --backoff-below 0) and run the backtest again."), summary.backoffCost());
        assertEquals(summary.backoffCost().orElseThrow(), summary.words().backoffCost());
        assertTrue(summary.warnings().get(0).contains("Likely reason: the category backoff holds it back: products in"
                + " fewer than 30 orders recommend from their category's pairs, and with their own it earns 6.69."),
                summary.warnings().get(0));
        assertEquals(Optional.empty(), summary.capCost());
        BacktestSummary cheap = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.5, 0.21, 100, 50),
                        policy(Backtest.WITHOUT_CATEGORY_BACKOFF, 3.4, 0.22, 100, 52)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertEquals(Optional.empty(), cheap.backoffCost(), "a backoff that earns is not a cost");
    }

    /**
     * A loss per impression from filling slots that "customers also bought" leaves empty, with more earned per
     * order: both the warning and the backoff's cost say so, since a merchandiser weighs the two.
     */
    @Test
    void fullerListsThatEarnMorePerOrderAreSaidBesideALossPerImpression() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(new PolicyResult("popularity", null, 2_828, 408, 0.1443, 5.85, 40.56, 0.16, 4.8, 6.9, 0.447, 1_200),
                        new PolicyResult("chosen", 2.0, 3_634, 388, 0.1068, 5.34, 49.98, 0.13, 4.2, 6.5, 0.523, 1_200),
                        new PolicyResult(Backtest.WITHOUT_CATEGORY_BACKOFF, 2.0, 2_534, 359, 0.1417, 6.86, 48.45, 0.13,
                                5.4, 8.3, 0.470, 1_200)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertTrue(summary.warnings().get(0).endsWith("and with their own it earns 6.86. They earn more per order,"
                + " though: an expected AOV lift of 52.3 % against 44.7 %, from 3,634 recommendations against 2,828."),
                summary.warnings().get(0));
        assertEquals(Optional.of("The category backoff (products in fewer than 30 orders recommend from their"
                + " category's pairs) costs 22 % of the revenue per impression on the cart (6.86 without it, against"
                + " 5.34), though with it the lists earn more per order: an expected AOV lift of 52.3 % against 47.0 %,"
                + " from 3,634 recommendations against 2,534 without it. In the test period a product's own pairs"
                + " forecast better than its category's. The validation periods, which choose the settings, did not"
                + " show that beyond their noise. Set the backoff to 0 in Weighting (or profile --backoff-below 0) and"
                + " run the backtest again."), summary.backoffCost());
    }

    /**
     * Where the chosen profile has the backoff off (the search switched it off), its other side is said: the
     * backoff's fuller lists earn more per order (a consumer catalog of one-item orders: 15.0 % against
     * 12.3 %), which the choice for revenue per impression gave up; a gain under a tenth is not said.
     */
    @Test
    void whatTheBackoffWouldEarnPerOrderIsSaidWhereItIsOff() {
        List<PolicyResult> confirmation = List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0));
        PolicyResult chosen = new PolicyResult("chosen", 0.75, 2_010, 190, 0.0945, 8.59, 90.9, 0.01, 7.0, 10.2, 0.123,
                1_500);
        for (double withLift : new double[] {0.150, 0.133}) {
            BacktestSummary summary = new BacktestSummary(report(List.of(
                    new PolicyResult("popularity", null, 2_600, 240, 0.0923, 6.19, 67.0, 0.02, 5.0, 7.4, 0.105, 1_500),
                    chosen, new PolicyResult(Backtest.WITH_CATEGORY_BACKOFF, 0.75, 6_950, 420, 0.0604, 5.61, 92.8,
                            0.30, 4.6, 6.6, withLift, 1_500)), confirmation, Map.of(),
                    WeightingProfile.defaults().withBackoffBelowOrders(0)));
            assertEquals(withLift == 0.150 ? Optional.of("With the category backoff off, as the validation periods"
                    + " chose for the most revenue per impression, products in fewer than 30 orders recommend only from"
                    + " their own pairs. With it the lists would earn more per order: on the cart an expected AOV lift"
                    + " of 15.0 % against 12.3 %, from 6,950 recommendations against 2,010 without it, at 5.61 per"
                    + " impression against 8.59. Set the backoff to 30 in Weighting (or profile --backoff-below 30) if"
                    + " fuller lists matter more here.") : Optional.empty(), summary.backoffCost(), withLift + "");
        }
    }

    @Test
    void theHeadlineComparesWithCustomersAlsoBought() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.5, 0.21, 100, 50)),
                List.of(policy("popularity", 0.4, 0.01, 100, 9), policy("chosen", 1.0, 0.03, 100, 12))));
        assertEquals("On this store, ranking by expected revenue earns 3.50 per impression on the cart against 2.00"
                + " for \"customers also bought\" (+75 %), an expected AOV lift of 21.0 % against 5.0 %; and 1.00 per"
                + " impression on the confirmation page against 0.400 for \"customers also bought\" (2.5×), an"
                + " expected AOV lift of 3.0 % against 1.0 %. Settings chosen on 3 validation periods (2025-10-19 to"
                + " 2025-12-30, sequential replay) for the most revenue per impression among the settings that earn"
                + " at least as much per order as \"customers also bought\" and are bought at least 40 % as often as"
                + " it; figures from the test period (2025-12-30 to 2026-03-31).",
                summary.headline());
        assertEquals(List.of(), summary.warnings());
    }

    @Test
    void aLossIsWarnedWithItsLikelyReasonAndMissingOrdersAreSaidInWords() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 1.5, 0.04, 100, 50),
                        policy(Backtest.WITHOUT_RULES, 2.6, 0.06, 100, 60)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertTrue(summary.headline().contains("The confirmation page cannot be measured here"), summary.headline());
        assertEquals(summary.headline().replace(" " + summary.unmeasured("confirmation").orElseThrow(), ""),
                summary.headlineBesideNotes(), "said once, where the chart would be");
        assertEquals(1, summary.warnings().size());
        assertTrue(summary.warnings().get(0).contains("the profile's price ceilings and lift floor hold it back "
                + "(without them it earns 2.60)"), summary.warnings().get(0));
        assertTrue(summary.warnings().get(0).endsWith("(without them it earns 2.60)."), "no interval, no word on noise");
    }

    /**
     * On a page of a handful of purchases either way, the likely reason of a loss is that handful, not the
     * relaxed rule that happened on one more of them.
     */
    @Test
    void aLossOnAHandfulOfPurchasesBlamesNoRule() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.5, 0.21, 100, 50)),
                List.of(policy("popularity", 0.077, 0.002, 100, 3), policy("chosen", 0.023, 0.001, 100, 1),
                        policy(Backtest.WITHOUT_RULES, 0.099, 0.002, 100, 2))));
        assertEquals(List.of("on the confirmation page the chosen settings earn less per impression than \"customers"
                + " also bought\" (0.023 against 0.077). Likely reason: too few purchases to tell policies apart (1 hit"
                + " in the test period, 3 for \"customers also bought\")."), summary.warnings());
    }

    /** A placement the search left out (too few purchases in the validation periods) is said in the headline. */
    @Test
    void aPlacementLeftOutOfTheChoiceIsSaid() {
        String leftOut = "; the confirmation page, where \"customers also bought\" was bought fewer than 30 times in"
                + " them, did not take part; figures from the test period";
        for (Boolean judged : new Boolean[] {false, true, null}) {
            String headline = new BacktestSummary(leading(null, null, judged)).headline();
            assertEquals(Boolean.FALSE.equals(judged), headline.contains(leftOut), judged + ": " + headline);
        }
    }

    @Test
    void aLossWithinNoiseSaysSo() {
        PolicyResult cartChosen = policy("chosen", 1.94, 0.13, 100, 50);
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.10, 100, 80), cartChosen),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0)),
                Map.of("cart", new BacktestReport.Chosen(1, 5, 2.1, cartChosen, new RpiRatio(0.97, 0.82, 1.14, 900), true))));
        assertTrue(summary.headline().contains("(-3 %, 95 % interval -18 % to +14 %)"), summary.headline());
        assertTrue(summary.warnings().get(0).endsWith(" The difference is within the test period's noise (95 % interval"
                + " of the ratio -18 % to +14 %)."), summary.warnings().get(0));
    }

    @Test
    void moreEarnedPerImpressionButLessPerOrderIsWarnedToo() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.0, 0.06, 100, 50)),
                List.of(policy("popularity", 0.25, 0.0100, 100, 9),
                        new PolicyResult("chosen", 1.0, 700, 8, 8 / 700.0, 0.31, 27, 0.2, 0.2, 0.4, 0.0096, 100))));
        assertEquals(List.of("on the confirmation page the chosen settings earn more per impression than \"customers"
                + " also bought\" but 4 % less per order (an expected AOV lift of 0.96 % against 1.00 %): they show 700"
                + " recommendations where it shows 1,000. They were chosen for earning at least as much per order over"
                + " both placements together."), summary.warnings());
    }

    @Test
    void aLeadWithinNoiseThatAlsoEarnsLessPerOrderIsOneWarning() {
        PolicyResult confirmationChosen = new PolicyResult("chosen", 1.0, 700, 8, 8 / 700.0, 0.31, 27, 0.2, 0.2,
                0.4, 0.0096, 100);
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.0, 0.06, 100, 50)),
                List.of(policy("popularity", 0.25, 0.0100, 100, 9), confirmationChosen),
                Map.of("confirmation", new BacktestReport.Chosen(1, 5, 0.5, confirmationChosen,
                        new RpiRatio(1.24, 0.96, 1.60, 1_755), true))));
        assertEquals(List.of("on the confirmation page the lead over \"customers also bought\" is within the test"
                + " period's noise: the 95 % interval of the ratio runs from -4 % to +60 % (1,755 orders, 8 hits). A"
                + " test period of about 5,100 such orders (2.9× this one) tells a lead this large from noise four"
                + " times in five. A longer history, or an A/B test, would tell. The chosen settings also earn 4 % less"
                + " per order (an expected AOV lift of 0.96 % against 1.00 %): they show 700 recommendations where it shows 1,000."
                + " They were chosen for earning at least as much per order over both placements together."),
                summary.warnings());
    }

    @Test
    void aPlacementWhereNothingRecommendedWasBoughtIsSaidInWordsNotCompared() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 1.13, 0.027, 1_800, 33), policy("chosen", 1.07, 0.058, 1_800, 64)),
                List.of(policy("popularity", 0, 0, 5_960, 0), policy("chosen", 0, 0, 5_960, 0))));
        assertEquals(Optional.of("The confirmation page cannot be compared here: none of the 5,960 test orders'"
                + " customers bought, within 30 days, a product that the chosen settings or \"customers also bought\""
                + " offered."), summary.unmeasured("confirmation"));
        assertTrue(summary.measured("cart"));
        assertTrue(summary.headline().startsWith("On this store, ranking by expected revenue earns 1.07 per impression"
                + " on the cart against 1.13 for \"customers also bought\" (-5 %), an expected AOV lift of 5.8 % against"
                + " 2.7 %. The confirmation page cannot be compared here: "), summary.headline());
        assertEquals(1, summary.warnings().size(), "the cart's loss only: " + summary.warnings());
        assertTrue(summary.warnings().get(0).startsWith("on the cart "), summary.warnings().get(0));
    }

    @Test
    void aPopularityLikeChoiceIsSaidPlainly() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 1.13, 0.027, 1_800, 33), policy("chosen", 1.07, 0.058, 1_800, 64)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0)), Map.of(),
                WeightingProfile.defaults().withPriceWeight(0)));
        assertTrue(summary.headline().startsWith("On this store the validation periods chose no price weight (w 0):"
                + " ranking by acceptance alone earned most there, so the chosen settings rank as \"customers also"
                + " bought\" does, with the profile's estimate and rules, and earn 1.07 per impression on the cart"
                + " against 1.13"), summary.headline());
        assertTrue(summary.warnings().get(0).contains("Likely reason: with w 0 the chosen settings rank by the"
                + " profile's smoothed acceptance, and on this store plain co-purchase counts rank companions better."),
                summary.warnings().get(0));
    }

    @Test
    void aPlacementThatWinsAloneIsStillCompared() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 2.0, 0.05, 100, 80), policy("chosen", 3.5, 0.21, 100, 50)),
                List.of(policy("popularity", 0, 0, 100, 0), policy("chosen", 0.2, 0.01, 100, 2))));
        assertTrue(summary.measured("confirmation"));
        assertTrue(summary.headline().contains("0.200 per impression on the confirmation page against 0.00 for"
                + " \"customers also bought\" (no baseline)"), summary.headline());
    }

    @Test
    void withNeitherPlacementMeasurableTheHeadlineSaysWhyForEach() {
        BacktestSummary summary = new BacktestSummary(report(
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0)),
                List.of(policy("popularity", 0, 0, 0, 0), policy("chosen", 0, 0, 0, 0))));
        assertEquals("The cart cannot be measured here: no test order holds two or more products, so no cart has a"
                + " product still to come. The confirmation page cannot be measured here: no test order is from a known"
                + " customer whose 30-day window ends inside the history (guest orders, or too short a history).",
                summary.headline());
        assertEquals("Neither the cart nor the confirmation page can be measured on this store: the notes below say"
                + " why.", summary.headlineBesideNotes());
        assertEquals(List.of(), summary.warnings());
        assertEquals(Optional.empty(), summary.capCost());
    }

    @Test
    void theSettingsInWordsGiveTheOneTapCeilingInTheStoresCurrency() {
        WeightingProfile profile = WeightingProfile.defaults();
        String plain = BacktestSummary.settings(profile, Money.PLAIN);
        String dollars = BacktestSummary.settings(profile, new Money("USD"));
        assertTrue(plain.contains(String.format(Locale.ROOT, "one-tap ceiling %,.2f and", profile.oneTapMaxPrice())),
                plain);
        assertTrue(dollars.contains(String.format(Locale.ROOT, "one-tap ceiling $%,.2f and", profile.oneTapMaxPrice())),
                dollars);
    }
}
