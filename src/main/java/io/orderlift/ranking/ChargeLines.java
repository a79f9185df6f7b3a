package io.orderlift.ranking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKey;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.OrderHistory;
import io.orderlift.store.OrderHistory.SoldPriceSpread;
import io.orderlift.store.Store;

/**
 * SKUs that look like charges rather than products: postage, fees, manual adjustments, and gift cards
 * (store credit sold: a liability until spent, not a companion to offer). Real
 * exports hold them as ordinary order lines (a giftware wholesaler's {@code POST}, {@code DOT},
 * {@code M}, {@code AMAZONFEE}), they sit in many orders, and a ranking by revenue would offer them
 * as companions. They are suggested for exclusion; only a person excludes them.
 *
 * <p>Three signs, each shown to the person with the evidence: the title ends by naming a gift card
 * ("Gift Card - $50", "Gutschein 25 €"; not "Gift card holder"); the title (or, without one, the SKU)
 * is a few words and the last names a charge ("DOTCOM POSTAGE", "Bank Charges", not "Manual coffee
 * grinder"), or it is one word that can only be a charge alone ("Manual", not "Trekking pole tip");
 * or the unit price varies tenfold between the product's own sales (its 10th to 90th percentile),
 * which a priced product does not do and a charge worked out per order does.
 */
public final class ChargeLines {

    /** Why a SKU looks like a charge. */
    public enum Reason {
        /** Its title (or SKU) is a few words, the last of which names a charge. */
        TITLE_NAMES_A_CHARGE,
        /** Its unit price varies at least tenfold between its own sales. */
        PRICE_VARIES,
        /** Its title, a few words, ends by naming a gift card: store credit sold, not a product. */
        TITLE_NAMES_A_GIFT_CARD
    }

    /** One SKU suggested for exclusion, with the evidence in words. */
    public record Suggestion(String sku, String title, int lines, Reason reason, String why) {

        /** "POST “POSTAGE” (its title names a charge: postage)". */
        public String describe() {
            return sku + (title == null || title.isBlank() || title.equals(sku) ? "" : " “" + title + "”")
                    + " (" + why + ")";
        }
    }

    /** Words that name a charge as the last of a title of at most {@link #MAX_TITLE_WORDS} words. */
    static final Set<String> CHARGE_WORDS = Set.of("postage", "shipping", "delivery", "carriage", "freight", "fee",
            "fees", "charge", "charges", "surcharge", "commission", "discount", "adjustment", "handling", "insurance");
    /** Words that name a charge only as the whole title ("Manual", "Tip"; not "Trekking pole tip"). */
    static final Set<String> CHARGE_TITLES = Set.of("manual", "tip", "tips", "gratuity");
    static final int MAX_TITLE_WORDS = 5;
    /** Two words that end a gift card's title. */
    static final Set<String> GIFT_CARD_PHRASES = Set.of("gift card", "gift cards", "gift certificate", "gift voucher",
            "gift vouchers", "gift coupon", "carte cadeau", "bon cadeau", "tarjeta regalo", "buono regalo");
    /** One word that ends a gift card's title. */
    static final Set<String> GIFT_CARD_WORDS = Set.of("giftcard", "giftcards", "giftvoucher", "geschenkgutschein",
            "gutschein", "cadeaubon", "presentkort");
    /** How the reason of an exclusion made from a suggestion starts. */
    private static final String REASON_PREFIX = "not a product: ";
    /** Sold lines needed before the price spread says anything. */
    static final int MIN_LINES = 5;
    /** The 90th percentile of the unit price over its 10th from which a SKU looks like a charge. */
    static final double PRICE_SPREAD = 10;

    private ChargeLines() {
    }

    /** The store's SKUs that look like charges and are not excluded yet, the most often sold first. */
    public static List<Suggestion> suggest(Store store) {
        return suggest(new OrderHistory(store).soldPriceSpreads(), excludedSkus(store));
    }

    /** The SKUs already excluded one by one. */
    public static Set<String> excludedSkus(Store store) {
        return excludedSkus(new CurationStore(store).exclusions());
    }

    /** The SKUs {@code exclusions} exclude one by one. */
    public static Set<String> excludedSkus(List<CurationStore.Exclusion> exclusions) {
        return exclusions.stream().filter(e -> e.kind() == ExclusionKind.SKU)
                .map(CurationStore.Exclusion::first).collect(Collectors.toSet());
    }

    /** The suggestions among {@code spreads}, leaving out {@code excluded}; the most often sold first. */
    public static List<Suggestion> suggest(List<SoldPriceSpread> spreads, Set<String> excluded) {
        List<Suggestion> found = new ArrayList<>();
        for (SoldPriceSpread s : spreads) {
            if (excluded.contains(s.sku())) {
                continue;
            }
            String name = s.title() == null || s.title().isBlank() ? s.sku() : s.title();
            List<String> words = shortTitleWords(name);
            String word = chargeWord(words);
            String giftCard = giftCardWords(words);
            if (giftCard != null) {
                found.add(new Suggestion(s.sku(), s.title(), s.lines(), Reason.TITLE_NAMES_A_GIFT_CARD,
                        "its title names a gift card: store credit, not a product"));
            } else if (word != null) {
                found.add(new Suggestion(s.sku(), s.title(), s.lines(), Reason.TITLE_NAMES_A_CHARGE,
                        "its title names a charge: " + word));
            } else if (s.lines() >= MIN_LINES && s.low().signum() > 0
                    && s.high().compareTo(s.low().multiply(BigDecimal.valueOf(PRICE_SPREAD))) >= 0) {
                found.add(new Suggestion(s.sku(), s.title(), s.lines(), Reason.PRICE_VARIES,
                        "its unit price varies from " + plain(s.low()) + " to " + plain(s.high())
                                + " between its " + s.lines() + " sales"));
            }
        }
        found.sort(Comparator.comparingInt(Suggestion::lines).reversed().thenComparing(Suggestion::sku));
        return found;
    }

    /** "2 SKUs look like charges or gift cards rather than products; a ranking by revenue would offer them". */
    public static String headline(int count) {
        return count == 1
                ? "1 SKU looks like a charge or a gift card rather than a product; a ranking by revenue would offer it"
                : count + " SKUs look like charges or gift cards rather than products; a ranking by revenue would"
                        + " offer them";
    }

    /**
     * Whether the store's active profile was chosen by the backtest, which (before these SKUs were
     * excluded) counted them as revenue: then the settings should be chosen again without them.
     */
    public static boolean profileChosenWithThem(Store store) {
        return new Profiles(store).active().chosenBy() != null;
    }

    /** What to tell a person after excluding charges from a store whose profile the backtest chose. */
    public static final String CHOSEN_WITH_THEM = "The active profile was chosen by the backtest while these SKUs"
            + " counted as revenue";

    /**
     * The exclusions that keep {@code found} out of every recommendation, in order, each with
     * {@code reason} or, when it is null, the evidence.
     */
    public static Map<ExclusionKey, String> exclusions(List<Suggestion> found, String reason) {
        Map<ExclusionKey, String> reasons = new LinkedHashMap<>();
        found.forEach(s -> reasons.put(new ExclusionKey(ExclusionKind.SKU, s.sku(), ""),
                reason != null ? reason : REASON_PREFIX + s.why()));
        return reasons;
    }

    /** The charge word that ends a short title, or null. */
    static String chargeWord(String title) {
        return chargeWord(shortTitleWords(title));
    }

    /** The charge word that ends a title of {@code real} words ({@link #shortTitleWords}), or null. */
    private static String chargeWord(List<String> real) {
        if (real.isEmpty()) {
            return null;
        }
        String last = real.get(real.size() - 1);
        return CHARGE_WORDS.contains(last) || real.size() == 1 && CHARGE_TITLES.contains(last) ? last : null;
    }

    /**
     * The words naming a gift card that end a short title ("Gift Card - $50", "E-Gift Voucher £25":
     * digits and signs are not words), or null ("Gift card holder" is a product).
     */
    static String giftCardWords(String title) {
        return giftCardWords(shortTitleWords(title));
    }

    /** The words naming a gift card that end a title of {@code real} words ({@link #shortTitleWords}), or null. */
    private static String giftCardWords(List<String> real) {
        if (real.isEmpty()) {
            return null;
        }
        String last = real.get(real.size() - 1);
        if (real.size() == 1) {
            return GIFT_CARD_WORDS.contains(last) ? last : null;
        }
        String lastTwo = real.get(real.size() - 2) + " " + last;
        return GIFT_CARD_PHRASES.contains(lastTwo) ? lastTwo : GIFT_CARD_WORDS.contains(last) ? last : null;
    }

    /**
     * A title's words of letters, lower case, or none when it has more than {@link #MAX_TITLE_WORDS}: read
     * by hand, as a regular expression's split cost more than the import it follows on a large catalog.
     */
    static List<String> shortTitleWords(String anyCase) {
        String title = anyCase.toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>(MAX_TITLE_WORDS);
        int start = -1;
        for (int i = 0; i <= title.length(); ) {
            int c = i < title.length() ? title.codePointAt(i) : ' ';
            if (Character.isLetter(c)) {
                start = start < 0 ? i : start;
            } else if (start >= 0) {
                if (words.size() == MAX_TITLE_WORDS) {
                    return List.of();
                }
                words.add(title.substring(start, i));
                start = -1;
            }
            i += i < title.length() ? Character.charCount(c) : 1;
        }
        return words;
    }

    private static String plain(BigDecimal amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.setScale(2, RoundingMode.HALF_UP));
    }
}
