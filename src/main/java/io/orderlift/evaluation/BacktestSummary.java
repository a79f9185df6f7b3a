package io.orderlift.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.common.Percentages;
import io.orderlift.ranking.WeightingProfile;

/**
 * A backtest in words for a merchandiser (the Reports tab and {@code orderlift backtest}): one
 * headline comparing the chosen ranking with "customers also bought", and a warning wherever the
 * chosen ranking loses to it, with the likely reason.
 */
public final class BacktestSummary {

    /**
     * The report in words, as {@code backtest --json} carries it ({@code inWords}).
     *
     * @param headline   the opening sentence
     * @param warnings   one per placement that loses to popularity, or wins within noise or at a cost per order
     * @param unmeasured per placement that cannot be compared, why
     * @param capCost    what the per-category cap costs, when a tenth or more of a placement's RPI; null otherwise
     * @param backoffCost what the category backoff costs, when a tenth or more of a placement's RPI; null otherwise
     */
    public record Words(String headline, List<String> warnings, Map<String, String> unmeasured, String capCost,
                        String backoffCost) {
    }

    private final BacktestReport report;
    private final Money currency;

    public BacktestSummary(BacktestReport report) {
        this.report = report;
        this.currency = new Money(report.currency());
    }

    /**
     * "On this store, ranking by expected revenue earns X per impression on the cart against Y for
     * 'customers also bought' (+Z %), an expected AOV lift of A % against B %; …", with how and on
     * which period the settings were chosen.
     */
    public String headline() {
        return headline(true);
    }

    /**
     * The headline for a view that says each placement's {@link #unmeasured} reason where its chart
     * would be: the same sentences without those reasons, so that none is read twice.
     */
    public String headlineBesideNotes() {
        return headline(false);
    }

    private String headline(boolean sayUnmeasured) {
        Optional<String> cart = comparison("cart", "on the cart");
        Optional<String> confirmation = comparison("confirmation", "on the confirmation page");
        if (cart.isEmpty() && confirmation.isEmpty()) {
            return sayUnmeasured ? unmeasured("cart").orElseThrow() + " " + unmeasured("confirmation").orElseThrow()
                    : "Neither the cart nor the confirmation page can be measured on this store: the notes below say"
                            + " why.";
        }
        StringBuilder text = new StringBuilder(byAcceptance()
                ? "On this store the validation periods chose no price weight (w 0): ranking by acceptance alone earned"
                        + " most there, so the chosen settings rank as \"customers also bought\" does, with the profile's"
                        + " estimate and rules, and earn "
                : "On this store, ranking by expected revenue earns ");
        text.append(cart.orElse(""));
        if (cart.isPresent() && confirmation.isPresent()) {
            text.append("; and ");
        }
        text.append(confirmation.orElse("")).append('.');
        if (sayUnmeasured) {
            unmeasured().values().forEach(why -> text.append(' ').append(why));
        }
        if (report.notChosen() != null) {
            text.append(" The settings are the active profile's: the validation periods could not choose any")
                    .append("; figures from the test period (");
        } else {
            text.append(report.validationPeriods() == 1 ? " Settings chosen on the validation period ("
                            : " Settings chosen on " + report.validationPeriods() + " validation periods (")
                    .append(report.validationFrom(), 0, 10).append(" to ").append(report.testFrom(), 0, 10)
                    .append(", ").append(report.protocol()).append(" replay) for the most revenue per impression")
                    .append(" among the settings that earn at least as much per order as \"customers also bought\"")
                    .append(String.format(Locale.ROOT, " and are bought at least %.0f %% as often as it",
                            100 * SettingsSearch.MIN_HIT_RATE_RATIO))
                    .append(leftOutOfTheChoice())
                    .append("; figures from the test period (");
        }
        text.append(report.testFrom(), 0, 10).append(" to ").append(report.testTo(), 0, 10).append(").");
        if (report.sampled()) {
            text.append(String.format(Locale.ROOT, " Periods of more than %,d orders are replayed on a seeded sample"
                    + " of that many.", report.maxReplayedOrders()));
        }
        return text.toString();
    }

    /**
     * "; the confirmation page, where "customers also bought" was bought fewer than 30 times in them, did not
     * take part", for a measured placement the search left out; empty when both took part.
     */
    private String leftOutOfTheChoice() {
        StringBuilder text = new StringBuilder();
        report.chosen().forEach((placement, chosen) -> {
            // a placement that cannot be compared is said to be so already
            if (!chosen.tookPart() && measured(placement)) {
                text.append(String.format(Locale.ROOT, "; the %s, where \"customers also bought\" was bought fewer"
                        + " than %d times in them, did not take part", placementWords(placement),
                        SettingsSearch.MIN_JUDGING_HITS));
            }
        });
        return text.toString();
    }

    /** Everything this summary says, in one record. */
    public Words words() {
        return new Words(headline(), warnings(), unmeasured(), capCost().orElse(null), backoffCost().orElse(null));
    }

    /** Per placement that cannot be compared (cart first), why. */
    private Map<String, String> unmeasured() {
        Map<String, String> why = new LinkedHashMap<>();
        for (String placement : List.of("cart", "confirmation")) {
            unmeasured(placement).ifPresent(text -> why.put(placement, text));
        }
        return why;
    }

    /**
     * Why a placement cannot be compared, in words, or empty when it can: the test period holds no
     * order to replay on it, or neither the chosen settings nor popularity recommended anything that
     * was then bought (a comparison of nothing with nothing, which a chart of zeros would hide).
     */
    public Optional<String> unmeasured(String placement) {
        boolean cart = placement.equals("cart");
        PolicyResult chosen = report.policy(placement, BacktestReport.CHOSEN).orElse(null);
        if (chosen == null || chosen.orders() == 0) {
            return Optional.of(cart
                    ? "The cart cannot be measured here: no test order holds two or more products, so no cart has a"
                            + " product still to come."
                    : "The confirmation page cannot be measured here: no test order is from a known customer whose "
                            + report.windowDays() + "-day window ends inside the history (guest orders, or too short"
                            + " a history).");
        }
        Optional<PolicyResult> popularity = report.policy(placement, BacktestReport.POPULARITY);
        if (chosen.hits() > 0 || popularity.map(PolicyResult::hits).orElse(0L) > 0) {
            return Optional.empty();
        }
        if (chosen.impressions() == 0 && popularity.map(PolicyResult::impressions).orElse(0L) == 0) {
            return Optional.of(String.format(Locale.ROOT, "The %s cannot be compared here: on its %,d test orders"
                    + " neither the chosen settings nor \"customers also bought\" could show anything: %s.",
                    placementWords(placement), chosen.orders(),
                    noCompanion(report.chosenProfile().minCustomers(), "the test period")));
        }
        return Optional.of(cart
                ? String.format(Locale.ROOT, "The cart cannot be compared here: in %,d test orders of two or more"
                        + " products, neither the chosen settings nor \"customers also bought\" recommended a product"
                        + " that the order went on to hold.", chosen.orders())
                : String.format(Locale.ROOT, "The confirmation page cannot be compared here: none of the %,d test"
                        + " orders' customers bought, within %s, a product that the chosen settings or"
                        + " \"customers also bought\" offered.", chosen.orders(),
                        Counted.of(report.windowDays(), "day")));
    }

    /**
     * Why no policy shows anything on some orders, {@code before} naming when their history ends: "none
     * of their products has a companion that may be offered (…)".
     */
    static String noCompanion(int minCustomers, String before) {
        return "none of their products has a companion that may be offered (one with a price, not excluded, and"
                + " backed by at least " + minCustomers + " known customers before " + before + ": the privacy floor,"
                + " to which a guest order adds no customer)";
    }

    /** Why the chosen ranking itself loses, when neither its rules nor too few purchases explain it. */
    private String rankingReason() {
        return byAcceptance()
                ? "with w 0 the chosen settings rank by the profile's smoothed acceptance, and on this store plain"
                        + " co-purchase counts rank companions better"
                : "on this store, what sells beside an item is mostly what sells anyway, and the price of a companion"
                        + " does not make up for its lower acceptance";
    }

    /** Whether the chosen settings leave price out of the ranking (w 0): the popularity-like choice. */
    private boolean byAcceptance() {
        return report.chosenProfile().priceWeight() == 0;
    }

    /** Whether the placement can be compared: it had orders to replay, and a recommendation was bought. */
    public boolean measured(String placement) {
        return unmeasured(placement).isEmpty();
    }

    private Optional<String> comparison(String placement, String where) {
        if (!measured(placement)) {
            return Optional.empty();
        }
        PolicyResult chosen = report.policy(placement, BacktestReport.CHOSEN).orElseThrow();
        PolicyResult popularity = report.policy(placement, BacktestReport.POPULARITY).orElseThrow();
        String change = versusPopularity(placement)
                .map(r -> change(r.ratio(), r.ratio()) + ", 95 % interval " + interval(r))
                .orElse(popularity.rpi() > 0 ? change(chosen.rpi() / popularity.rpi(), chosen.rpi() / popularity.rpi())
                        : "no baseline");
        return Optional.of(String.format(Locale.ROOT,
                "%s per impression %s against %s for \"customers also bought\" (%s), an expected AOV lift of %s "
                        + "against %s", money(chosen.rpi()), where, money(popularity.rpi()), change,
                Percentages.of(chosen.aovLift()), Percentages.of(popularity.aovLift())));
    }

    /** {@code n} to two significant figures (3,782 → 3,800): a forecast, not a count. */
    static long roundedToTwoFigures(long n) {
        if (n < 100) {
            return n;
        }
        long unit = (long) Math.pow(10, (long) Math.floor(Math.log10(n)) - 1);
        return Math.round((double) n / unit) * unit;
    }

    /** The chosen profile's RPI as a multiple of popularity's in the placement, with its interval. */
    private Optional<RpiRatio> versusPopularity(String placement) {
        return Optional.ofNullable(report.chosen().get(placement)).map(BacktestReport.Chosen::versusPopularity);
    }

    /**
     * At most one warning per placement: where the chosen ranking earns less per impression than
     * popularity; or more, but within the test period's noise, or less per order (it shows fewer
     * recommendations), or both.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (report.notChosen() != null) {
            warnings.add("the validation periods could not choose settings: " + report.notChosen() + ". The active"
                    + " profile's settings stay, and the test period replays them as the chosen ones.");
        }
        for (String placement : report.placements().keySet()) {
            if (!measured(placement)) {
                continue;
            }
            PolicyResult chosen = report.policy(placement, BacktestReport.CHOSEN).orElseThrow();
            PolicyResult popularity = report.policy(placement, BacktestReport.POPULARITY).orElseThrow();
            String where = placementWords(placement);
            if (chosen.rpi() >= popularity.rpi()) {
                // one warning per placement: the noise first, then what it costs per order
                List<String> said = new ArrayList<>();
                versusPopularity(placement).filter(r -> !r.differs()).ifPresent(r -> said.add(String.format(
                        Locale.ROOT, "on the %s the lead over \"customers also bought\" is within the test period's "
                                + "noise: the 95 %% interval of the ratio runs from %s (%,d orders, %,d hits). %s"
                                + "A longer history, or an A/B test, would tell.", where, interval(r), r.orders(),
                        chosen.hits(), r.ordersToTellLead().stream().mapToObj(n -> String.format(Locale.ROOT,
                                "A test period of about %,d such orders (%.1f× this one) tells a lead this large from"
                                        + " noise four times in five. ", roundedToTwoFigures(n), (double) n / r.orders()))
                                .findFirst().orElse(""))));
                if (chosen.aovLift() < popularity.aovLift()) {
                    said.add(String.format(Locale.ROOT, "%s %.0f %% less per order (an expected AOV lift of "
                                    + "%s): they show %,d recommendations where it shows %,d. They were chosen "
                                    + "for earning at least as much per order over both placements together.",
                            said.isEmpty() ? "on the " + where + " the chosen settings earn more per impression than"
                                    + " \"customers also bought\" but" : "The chosen settings also earn",
                            100 * (1 - chosen.aovLift() / popularity.aovLift()),
                            percentsApart(chosen.aovLift(), popularity.aovLift()), chosen.impressions(),
                            popularity.impressions()));
                }
                if (!said.isEmpty()) {
                    warnings.add(String.join(" ", said));
                }
                continue;
            }
            // on a handful of purchases either way, what a relaxed rule earned says no more than the loss does
            String reason = Math.max(chosen.hits(), popularity.hits()) < SettingsSearch.MIN_JUDGING_HITS
                    ? tooFewPurchases(chosen, popularity)
                    : report.policy(placement, Backtest.WITHOUT_RULES)
                    .filter(free -> free.rpi() > popularity.rpi())
                    .map(free -> String.format(Locale.ROOT, "the profile's price ceilings and lift floor hold it back "
                            + "(without them it earns %s)", money(free.rpi())))
                    .or(() -> report.policy(placement, Backtest.WITHOUT_CATEGORY_BACKOFF)
                            .filter(own -> own.rpi() > popularity.rpi())
                            .map(own -> String.format(Locale.ROOT, "the category backoff holds it back: products in"
                                    + " fewer than %d orders recommend from their category's pairs, and with their own"
                                    + " it earns %s", report.chosenProfile().backoffBelowOrders(), money(own.rpi()))))
                    .orElse(chosen.hits() < SettingsSearch.MIN_JUDGING_HITS ? tooFewPurchases(chosen, popularity)
                            : rankingReason());
            String noise = versusPopularity(placement).filter(r -> !r.differs())
                    .map(r -> " The difference is within the test period's noise (95 % interval of the ratio "
                            + interval(r) + ").")
                    .orElse("");
            warnings.add(String.format(Locale.ROOT, "on the %s the chosen settings earn less per impression than "
                    + "\"customers also bought\" (%s against %s). Likely reason: %s.%s%s", where, money(chosen.rpi()),
                    money(popularity.rpi()), reason, noise, moreFilledLists(chosen, popularity, "")
                            .map(more -> " They earn more per order, though: " + more + ".").orElse("")));
        }
        return warnings;
    }

    /** "too few purchases to tell policies apart (2 hits in the test period, 3 for "customers also bought")". */
    private static String tooFewPurchases(PolicyResult chosen, PolicyResult popularity) {
        return String.format(Locale.ROOT, "too few purchases to tell policies apart (%s in the test period, %,d for"
                + " \"customers also bought\")", Counted.of(chosen.hits(), "hit"), popularity.hits());
    }

    /** "cart" or "confirmation page": a placement's JSON name as a sentence says it. */
    private static String placementWords(String placement) {
        return placement.equals("cart") ? "cart" : "confirmation page";
    }

    /** How much revenue per impression a rule (the category cap, the backoff) must cost on a placement before it is said. */
    static final double RULE_COST_SAID = 0.10;

    /**
     * What the per-category cap costs, when it is {@link #RULE_COST_SAID} or more of a placement's
     * revenue per impression: "The per-category cap (at most 2 of one category in a list) costs 14 %
     * of the revenue per impression on the cart …". The cap is the merchandiser's (a list of different
     * things, which no replay can value), so this is said, not chosen.
     */
    public Optional<String> capCost() {
        return costs(Backtest.WITHOUT_CATEGORY_CAP).map(costs -> String.format(Locale.ROOT, "The per-category cap"
                + " (at most %d of one category in a list) costs %s. It keeps the lists varied, which no replay can"
                + " value: raise it in Weighting if variety matters less here.",
                report.chosenProfile().perCategoryCap(), costs));
    }

    /**
     * What the category backoff costs, when it is {@link #RULE_COST_SAID} or more of a placement's revenue
     * per impression: "The category backoff (products in fewer than 30 orders recommend from their
     * category's pairs) costs 31 % …". The search switches the backoff off only where the validation periods
     * show it costing beyond their noise (decision 0003), so a cost the test period alone measures is said.
     */
    public Optional<String> backoffCost() {
        if (report.chosenProfile().backoffBelowOrders() == 0) {
            return backoffForgone();
        }
        String validation = report.notChosen() != null ? ""
                : " The validation periods, which choose the settings, did not show that beyond their noise.";
        return costs(Backtest.WITHOUT_CATEGORY_BACKOFF).map(costs -> String.format(Locale.ROOT, "The category"
                + " backoff (products in fewer than %d orders recommend from their category's pairs) costs %s. In the"
                + " test period a product's own pairs forecast better than its category's.%s Set the backoff to 0 in"
                + " Weighting (or profile --backoff-below 0) and run the backtest again.",
                report.chosenProfile().backoffBelowOrders(), costs, validation));
    }

    /**
     * Where the chosen profile has the backoff off, what its fuller lists would have earned per order, when that
     * is {@link #RULE_COST_SAID} or more above the chosen lists' on a placement of enough purchases to tell (see
     * {@link SettingsSearch#MIN_JUDGING_HITS}): "With the category
     * backoff off, as the validation periods chose … With it the lists would earn more per order: on the cart
     * an expected AOV lift of 15.0 % against 12.3 % …". Revenue per impression chose; this is the other side.
     */
    private Optional<String> backoffForgone() {
        List<String> gains = new ArrayList<>();
        int threshold = report.chosenProfile().withCategoryBackoff().backoffBelowOrders();
        for (String placement : report.placements().keySet()) {
            if (!measured(placement)) {
                continue;
            }
            PolicyResult chosen = report.policy(placement, BacktestReport.CHOSEN).orElseThrow();
            report.policy(placement, Backtest.WITH_CATEGORY_BACKOFF)
                    .filter(with -> with.aovLift() >= (1 + RULE_COST_SAID) * chosen.aovLift()
                            && Math.max(with.hits(), chosen.hits()) >= SettingsSearch.MIN_JUDGING_HITS)
                    .flatMap(with -> moreFilledLists(with, chosen, " without it").map(more -> String.format(
                            Locale.ROOT, "on the %s %s, at %s per impression against %s", placementWords(placement),
                            more, money(with.rpi()), money(chosen.rpi()))))
                    .ifPresent(gains::add);
        }
        String chosenHow = report.notChosen() != null ? ""
                : ", as the validation periods chose for the most revenue per impression,";
        return gains.isEmpty() ? Optional.empty() : Optional.of(String.format(Locale.ROOT, "With the category backoff"
                + " off%s products in fewer than %d orders recommend only from their own pairs. With it the lists"
                + " would earn more per order: %s. Set the backoff to %d in Weighting (or profile --backoff-below %d)"
                + " if fuller lists matter more here.", chosenHow, threshold, String.join(" and ", gains), threshold,
                threshold));
    }

    /**
     * Each measured placement where the chosen profile relaxed as {@code policy} earns {@link #RULE_COST_SAID}
     * or more above it per impression, joined by "and": "14 % of the revenue per impression on the cart (4.16
     * without it, against 3.57)"; empty when there is none.
     */
    private Optional<String> costs(String policy) {
        List<String> costs = new ArrayList<>();
        for (String placement : report.placements().keySet()) {
            if (!measured(placement)) {
                continue;
            }
            PolicyResult chosen = report.policy(placement, BacktestReport.CHOSEN).orElseThrow();
            report.policy(placement, policy)
                    .filter(free -> free.rpi() > 0 && 1 - chosen.rpi() / free.rpi() >= RULE_COST_SAID)
                    .ifPresent(free -> costs.add(String.format(Locale.ROOT, "%.0f %% of the revenue per impression"
                                    + " on the %s (%s without it, against %s)%s", 100 * (1 - chosen.rpi() / free.rpi()),
                            placementWords(placement), money(free.rpi()), money(chosen.rpi()),
                            moreFilledLists(chosen, free, " without it")
                                    .map(more -> ", though with it the lists earn more per order: " + more).orElse(""))));
        }
        return costs.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", costs));
    }

    /**
     * When {@code fuller} shows more recommendations than {@code other} on the same orders and earns more
     * per order with them (what a lower revenue per impression can hide): "an expected AOV lift of 52.3 %
     * against 44.7 %, from 3,634 recommendations against 2,828" and {@code otherSaid}.
     */
    private static Optional<String> moreFilledLists(PolicyResult fuller, PolicyResult other, String otherSaid) {
        if (fuller.impressions() <= other.impressions() || fuller.aovLift() <= other.aovLift()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "an expected AOV lift of %s, from %,d recommendations against"
                + " %,d%s", percentsApart(fuller.aovLift(), other.aovLift()), fuller.impressions(), other.impressions(),
                otherSaid));
    }

    /** The validated settings in words, the one-tap ceiling in the store's currency. */
    public String chosenSettings() {
        return settings(report.chosenProfile(), currency);
    }

    /**
     * The chosen settings for people: "w 0.50, smoothing 5, base-rate estimate, …", the one-tap ceiling
     * in {@code money}.
     */
    public static String settings(WeightingProfile p, Money money) {
        return String.join(", ", SettingWords.priceWeight(p), SettingWords.smoothing(p), SettingWords.estimator(p),
                SettingWords.minEvidence(p), SettingWords.minLift(p), SettingWords.backoff(p), SettingWords.maxPriceRatio(p),
                SettingWords.oneTapCeilings(p, money), SettingWords.confirmationEvidence(p));
    }

    /** A money amount for people in the store's currency: two decimals, three below 1. */
    public String money(double amount) {
        return currency.format(amount);
    }

    /** "0.96 % against 1.00 %": as many decimals (one to three) as it takes to tell two shares apart. */
    private static String percentsApart(double share, double other) {
        for (int decimals = 1; ; decimals++) {
            String a = String.format(Locale.ROOT, "%." + decimals + "f %%", share * 100);
            String b = String.format(Locale.ROOT, "%." + decimals + "f %%", other * 100);
            if (!a.equals(b) || decimals == 3) {
                return a + " against " + b;
            }
        }
    }

    /** The ratio's 95 % interval for people: "+34 % to +66 %", "0.97× to 3.3×". */
    private static String interval(RpiRatio r) {
        return change(r.low(), r.ratio()) + " to " + change(r.high(), r.ratio());
    }

    /**
     * A ratio to popularity for people: "+49 %", or "2.5×" from twice on; {@code scale} is the
     * ratio whose form a range follows, so both ends of an interval read like its middle (the end
     * below 2× with two decimals: "0.97× to 3.3×").
     */
    private static String change(double ratio, double scale) {
        if (scale < 2) {
            return String.format(Locale.ROOT, "%+.0f %%", (ratio - 1) * 100);
        }
        return String.format(Locale.ROOT, ratio < 2 ? "%.2f×" : "%.1f×", ratio);
    }
}
