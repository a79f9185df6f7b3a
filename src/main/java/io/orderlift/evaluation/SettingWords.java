package io.orderlift.evaluation;

import java.util.Locale;

import io.orderlift.common.Money;
import io.orderlift.common.PlainNumbers;
import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.WeightingProfile;

/**
 * Each setting the validation search chooses, in words for people ("w 0.50", "pairs seen at least
 * 3 times"): one wording for the backtest's chosen settings and for how a profile differs from them.
 */
final class SettingWords {

    private SettingWords() {
    }

    static String priceWeight(WeightingProfile p) {
        return String.format(Locale.ROOT, "w %.2f", p.priceWeight());
    }

    static String smoothing(WeightingProfile p) {
        return "smoothing " + number(p.smoothing());
    }

    static String estimator(WeightingProfile p) {
        return p.estimator().jsonName() + " estimate";
    }

    static String minEvidence(WeightingProfile p) {
        return "pairs seen at least " + p.minEvidence() + (p.minEvidence() == 1 ? " time" : " times");
    }

    static String minLift(WeightingProfile p) {
        return "lift floor " + number(p.minLift());
    }

    static String maxPriceRatio(WeightingProfile p) {
        return "cart ceiling " + number(p.maxPriceRatio()) + "× the cart";
    }

    static String oneTapMaxPrice(WeightingProfile p, Money money) {
        return "one-tap ceiling " + money.price(p.oneTapMaxPrice());
    }

    static String oneTapMaxShare(WeightingProfile p) {
        return "one-tap ceiling " + number(p.oneTapMaxShare()) + "× the order";
    }

    /** Both one-tap ceilings in one phrase: "one-tap ceiling $60.00 and 0.5× the order". */
    static String oneTapCeilings(WeightingProfile p, Money money) {
        return oneTapMaxPrice(p, money) + " and " + number(p.oneTapMaxShare()) + "× the order";
    }

    static String confirmationEvidence(WeightingProfile p) {
        return "one-tap offers from " + (p.confirmationEvidence() == ConfirmationEvidence.BOTH
                ? "same-order and follow-on" : "follow-on") + " evidence";
    }

    static String backoff(WeightingProfile p) {
        return p.backoffBelowOrders() == 0 ? "no category backoff"
                : "category backoff under " + p.backoffBelowOrders() + " orders";
    }

    /** A setting's number for people; "none" for an open ceiling. */
    private static String number(double v) {
        return Double.isInfinite(v) ? "none" : PlainNumbers.of(v);
    }
}
