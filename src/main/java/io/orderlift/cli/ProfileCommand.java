package io.orderlift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.orderlift.ranking.ConfirmationEvidence;
import io.orderlift.ranking.Estimator;
import io.orderlift.ranking.Profiles;
import io.orderlift.ranking.WeightingProfile;
import io.orderlift.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orderlift profile}: the store's weighting profiles (several per store, one active). */
@Command(name = "profile", header = "List, show, save or activate the store's weighting profiles.",
        description = {
        "Weighting profiles:",
        "  profile --store DIR list [--json]",
        "  profile --store DIR show [NAME] [--json]      (the active one without NAME)",
        "  profile --store DIR save NAME [--from NAME] [setting options] [--activate] [--json]",
        "  profile --store DIR activate NAME [--json]   (--json: the profile saved or activated)"})
final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, show, save or activate")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME")
    String name;

    @Option(names = "--from", paramLabel = "NAME", description = "Start from this profile (default: the active one).")
    String from;

    @Option(names = "--activate", description = "Make the saved profile the active one.")
    boolean activate;

    @Option(names = "--price-weight", paramLabel = "W",
            description = "score = acceptance × price^W: 0 ranks by acceptance, 1 by expected revenue.")
    Double priceWeight;
    @Option(names = "--smoothing", paramLabel = "M",
            description = "Prior strength m: acceptance is shrunk toward the candidate's base rate by M orders.")
    Double smoothing;
    @Option(names = "--min-evidence", paramLabel = "N",
            description = "Leave out pairs seen in fewer than N orders (N later orders for follow-on pairs).")
    Integer minEvidence;
    @Option(names = "--backoff-below", paramLabel = "ORDERS",
            description = "An anchor in fewer orders than this borrows its category's evidence.")
    Integer backoffBelowOrders;
    @Option(names = "--max-price-ratio", paramLabel = "R",
            description = "Cart: leave out candidates priced above R × the cart's total.")
    Double maxPriceRatio;
    @Option(names = "--one-tap-max-price", paramLabel = "P",
            description = "Confirmation page: leave out candidates priced above P.")
    Double oneTapMaxPrice;
    @Option(names = "--one-tap-max-share", paramLabel = "S",
            description = "Confirmation page: leave out candidates priced above S × the order's total.")
    Double oneTapMaxShare;
    @Option(names = "--category-cap", paramLabel = "K",
            description = "At most K candidates of one category in a list (pins excepted).")
    Integer perCategoryCap;
    @Option(names = "--cart-length", paramLabel = "K", description = "Recommendations shown for a cart.")
    Integer cartLength;
    @Option(names = "--confirmation-length", paramLabel = "K",
            description = "One-tap offers shown on the confirmation page.")
    Integer confirmationLength;
    @Option(names = "--min-lift", paramLabel = "L",
            description = "Leave out pairs whose lift (confidence / base rate) is below L.")
    Double minLift;
    @Option(names = "--min-customers", paramLabel = "N",
            description = "Leave out pairs bought by fewer than N distinct customers (the privacy floor).")
    Integer minCustomers;
    @Option(names = "--estimator", paramLabel = "NAME",
            description = "base-rate (the smoothed mean) or lower-bound (less 1.96 standard errors).")
    String estimator;
    @Option(names = "--confirmation-evidence", paramLabel = "NAME",
            description = "same-order-and-follow-on, or follow-on (later purchases only).")
    String confirmationEvidence;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store target = store.open()) {
            Profiles profiles = new Profiles(target);
            switch (action) {
                case "list" -> {
                    var all = profiles.all();
                    String active = profiles.active().name();
                    out.println(json.enabled ? Json.write(all) : all.isEmpty()
                            ? "No saved profiles; the defaults are in use (profile show)."
                            : String.join("\n", all.stream().map(p -> (p.name().equals(active) ? "* " : "  ") + p.name())
                            .toList()));
                }
                case "show" -> {
                    WeightingProfile profile = name == null ? profiles.active() : profiles.named(name);
                    out.println(json.enabled ? Json.write(profile) : describe(profile));
                }
                case "save" -> {
                    requireName();
                    WeightingProfile base = from == null ? profiles.active() : profiles.named(from);
                    WeightingProfile saved = edit(base.withName(name.strip()));
                    profiles.save(saved, activate);
                    out.println(json.enabled ? Json.write(saved)
                            : "Saved profile " + saved.name() + (activate ? " and made it active." : "."));
                }
                case "activate" -> {
                    requireName();
                    profiles.activate(name.strip());
                    out.println(json.enabled ? Json.write(profiles.active())
                            : "Profile " + name.strip() + " is active.");
                }
                default -> throw new IllegalArgumentException("'" + action + "' is not list, show, save or activate");
            }
        }
        out.flush();
        return 0;
    }

    private void requireName() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(action + " needs a profile NAME");
        }
    }

    /** The profile with the given options applied; edited settings are no longer the backtest's choice. */
    private WeightingProfile edit(WeightingProfile p) {
        WeightingProfile edited = new WeightingProfile(p.name(), or(priceWeight, p.priceWeight()),
                or(smoothing, p.smoothing()), or(minEvidence, p.minEvidence()),
                or(backoffBelowOrders, p.backoffBelowOrders()), or(maxPriceRatio, p.maxPriceRatio()),
                or(oneTapMaxPrice, p.oneTapMaxPrice()), or(oneTapMaxShare, p.oneTapMaxShare()),
                or(perCategoryCap, p.perCategoryCap()), or(cartLength, p.cartLength()),
                or(confirmationLength, p.confirmationLength()), or(minLift, p.minLift()),
                or(minCustomers, p.minCustomers()), estimator == null ? p.estimator() : Estimator.fromJson(estimator),
                confirmationEvidence == null ? p.confirmationEvidence()
                        : ConfirmationEvidence.fromJson(confirmationEvidence), p.chosenBy());
        return edited.rankingOnly().equals(p.rankingOnly()) ? edited : edited.withChosenBy(null);
    }

    /** One setting per line, as a person reads them. */
    private static String describe(WeightingProfile p) {
        return String.join("\n", "name: " + p.name(), "priceWeight: " + p.priceWeight(),
                "smoothing: " + p.smoothing(), "estimator: " + p.estimator().jsonName(),
                "minEvidence: " + p.minEvidence(), "backoffBelowOrders: " + p.backoffBelowOrders(),
                "maxPriceRatio: " + p.maxPriceRatio(), "oneTapMaxPrice: " + p.oneTapMaxPrice(),
                "oneTapMaxShare: " + p.oneTapMaxShare(), "perCategoryCap: " + p.perCategoryCap(),
                "cartLength: " + p.cartLength(), "confirmationLength: " + p.confirmationLength(),
                "minLift: " + p.minLift(), "minCustomers: " + p.minCustomers(),
                "confirmationEvidence: " + p.confirmationEvidence().jsonName(),
                "source: " + p.provenance());
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
