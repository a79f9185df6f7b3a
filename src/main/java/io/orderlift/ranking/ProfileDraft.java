package io.orderlift.ranking;

/**
 * A weighting profile's settings as plain fields, while they are set one by one: by a wither that
 * changes one of them, or by the stored profile's reader key by key. {@link #profile()} checks them
 * as any new profile is checked.
 */
final class ProfileDraft {
    String name;
    double priceWeight;
    double smoothing;
    int minEvidence;
    int backoffBelowOrders;
    double maxPriceRatio;
    double oneTapMaxPrice;
    double oneTapMaxShare;
    int perCategoryCap;
    int cartLength;
    int confirmationLength;
    double minLift;
    int minCustomers;
    Estimator estimator;
    ConfirmationEvidence confirmationEvidence;
    String chosenBy;

    /** Every setting 0 or null, as a reader finds them before any key. */
    ProfileDraft() {
    }

    /** A copy of {@code p}'s settings. */
    ProfileDraft(WeightingProfile p) {
        name = p.name();
        priceWeight = p.priceWeight();
        smoothing = p.smoothing();
        minEvidence = p.minEvidence();
        backoffBelowOrders = p.backoffBelowOrders();
        maxPriceRatio = p.maxPriceRatio();
        oneTapMaxPrice = p.oneTapMaxPrice();
        oneTapMaxShare = p.oneTapMaxShare();
        perCategoryCap = p.perCategoryCap();
        cartLength = p.cartLength();
        confirmationLength = p.confirmationLength();
        minLift = p.minLift();
        minCustomers = p.minCustomers();
        estimator = p.estimator();
        confirmationEvidence = p.confirmationEvidence();
        chosenBy = p.chosenBy();
    }

    WeightingProfile profile() {
        return new WeightingProfile(name, priceWeight, smoothing, minEvidence, backoffBelowOrders, maxPriceRatio,
                oneTapMaxPrice, oneTapMaxShare, perCategoryCap, cartLength, confirmationLength, minLift, minCustomers,
                estimator, confirmationEvidence, chosenBy);
    }
}
