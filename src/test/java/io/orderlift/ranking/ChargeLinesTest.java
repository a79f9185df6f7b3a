package io.orderlift.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import io.orderlift.store.OrderHistory.SoldPriceSpread;
import org.junit.jupiter.api.Test;

class ChargeLinesTest {

    private static SoldPriceSpread sold(String sku, String title, int lines, String low, String high) {
        return new SoldPriceSpread(sku, title, lines, new BigDecimal(low), new BigDecimal(high));
    }

    /** The hand-written split gives what the regular expression it replaced gave, on random titles. */
    @Test
    void aTitlesWordsAreItsRunsOfLettersLowerCasedAsTheRegularExpressionSplitThem() {
        String[] pieces = {"a", "Z", "é", "Ü", "ß", "İ", "\uD835\uDC00", "\u0301", "7", " ", "-", "'", "$", "£", "  ",
            "Gift", "CARD", "\t", "日本", ".", "_"};
        Random random = new Random(11);
        for (int t = 0; t < 20_000; t++) {
            StringBuilder title = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                title.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected = Arrays.stream(title.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                    .filter(w -> !w.isEmpty()).toList();
            assertEquals(expected.size() > ChargeLines.MAX_TITLE_WORDS ? List.of() : expected,
                    ChargeLines.shortTitleWords(title.toString()), title::toString);
        }
    }

    @Test
    void aShortTitleEndingInAChargeWordIsACharge() {
        assertEquals("postage", ChargeLines.chargeWord("DOTCOM POSTAGE"));
        assertEquals("charges", ChargeLines.chargeWord("Bank Charges"));
        assertEquals("fee", ChargeLines.chargeWord("AMAZON FEE"));
        assertEquals("manual", ChargeLines.chargeWord("Manual"));
        assertEquals("delivery", ChargeLines.chargeWord("Next-day delivery"));
        assertEquals("insurance", ChargeLines.chargeWord("Shipping insurance"));
        assertNull(ChargeLines.chargeWord("Manual coffee grinder"), "the charge word must end the title");
        assertNull(ChargeLines.chargeWord("Shipping box"));
        assertNull(ChargeLines.chargeWord("Felt tip pens"));
        assertNull(ChargeLines.chargeWord("Trekking pole tip"), "tip ends a product's title too: only alone");
        assertEquals("tip", ChargeLines.chargeWord("Tip"));
        assertNull(ChargeLines.chargeWord("Set of six enamel mugs with free delivery"), "more than five words");
        assertNull(ChargeLines.chargeWord("Postage stamps"));
    }

    @Test
    void suggestsChargesByTitleOrByAPriceThatVariesTenfoldMostSoldFirst() {
        List<SoldPriceSpread> spreads = List.of(
                sold("85123A", "WHITE HANGING HEART T-LIGHT HOLDER", 2_000, "2.55", "2.95"),
                sold("POST", "POSTAGE", 1_100, "18", "40"),
                sold("M", null, 400, "0.19", "38.00"),
                sold("SALE", "Tent, end of season", 30, "50", "300"),
                sold("RARE", "Odd lot", 4, "1", "100"),
                sold("DOT", "DOTCOM POSTAGE", 700, "1.5", "900"));
        List<ChargeLines.Suggestion> found = ChargeLines.suggest(spreads, Set.of());
        assertEquals(List.of("POST", "DOT", "M"), found.stream().map(ChargeLines.Suggestion::sku).toList(),
                "a sixfold sale price and four sales are not enough; most often sold first");
        assertEquals(ChargeLines.Reason.TITLE_NAMES_A_CHARGE, found.get(0).reason());
        assertEquals("POST “POSTAGE” (its title names a charge: postage)", found.get(0).describe());
        assertEquals(ChargeLines.Reason.PRICE_VARIES, found.get(2).reason());
        assertEquals("M (its unit price varies from 0.19 to 38.00 between its 400 sales)", found.get(2).describe());
        assertEquals(List.of("POST", "M"), ChargeLines.suggest(spreads, Set.of("DOT")).stream()
                .map(ChargeLines.Suggestion::sku).toList(), "an excluded SKU is not suggested again");
    }

    @Test
    void withoutATitleTheSkuIsRead() {
        List<ChargeLines.Suggestion> found = ChargeLines.suggest(List.of(sold("SHIPPING", "", 10, "5", "5")),
                Set.of());
        assertEquals("SHIPPING (its title names a charge: shipping)", found.get(0).describe());
    }

    @Test
    void aShortTitleEndingInAGiftCardIsStoreCreditNotAProduct() {
        assertEquals("gift card", ChargeLines.giftCardWords("Gift Card - $50"));
        assertEquals("gift card", ChargeLines.giftCardWords("E-Gift Card"));
        assertEquals("gift voucher", ChargeLines.giftCardWords("Gift Voucher £25"));
        assertEquals("gutschein", ChargeLines.giftCardWords("Gutschein 25 €"));
        assertEquals("carte cadeau", ChargeLines.giftCardWords("Carte cadeau 50 €"));
        assertNull(ChargeLines.giftCardWords("Gift card holder"), "the gift card must end the title");
        assertNull(ChargeLines.giftCardWords("Gift box"));
        assertNull(ChargeLines.giftCardWords("Card"));
        assertNull(ChargeLines.giftCardWords("Set of twelve Christmas greeting cards and a gift card"),
                "more than five words");

        List<ChargeLines.Suggestion> found = ChargeLines.suggest(List.of(
                sold("Gift Card - $50", "Gift Card - $50", 40, "50", "50"),
                sold("GB-1", "Gift box", 90, "4", "5")), Set.of());
        assertEquals(1, found.size());
        assertEquals(ChargeLines.Reason.TITLE_NAMES_A_GIFT_CARD, found.get(0).reason());
        assertEquals("Gift Card - $50 (its title names a gift card: store credit, not a product)",
                found.get(0).describe(), "a Shopify gift card has no SKU: its title is its key, said once");
    }
}
