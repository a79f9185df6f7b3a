package io.orderlift.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void amountsCarryTheStoresCurrency() {
        assertEquals("$1,234.56", new Money("USD").format(1234.56));
        assertEquals("€12.30", new Money("eur").format(12.3));
        assertEquals("£0.070", new Money("GBP").format(0.07), "an RPI below 1 keeps three decimals");
        assertEquals("12.30 SEK", new Money("SEK").format(12.3));
        assertEquals("-$5.00", new Money("USD").format(-5));
        assertEquals("1,234.56", Money.PLAIN.format(1234.56));
        assertEquals("–", Money.PLAIN.format(Double.NaN));
    }

    @Test
    void pricesKeepTwoDecimalsUnlessTheyHoldAFractionOfACent() {
        assertEquals("$0.75", new Money("USD").price(0.75), "not the RPI's $0.750");
        assertEquals("$0.065", new Money("USD").price(0.065));
        assertEquals("$1,234.50", new Money("USD").price(1234.5));
        assertEquals("0.85", Money.PLAIN.price(0.85));
        assertEquals("–", Money.PLAIN.price(Double.NaN));
        assertEquals("$1,000", new Money("USD").whole(999.6), "a setting, rounded");
        assertEquals("250 SEK", new Money("SEK").whole(250));
    }

    @Test
    void orderValuesAndTheirDifferencesKeepTwoDecimals() {
        assertEquals("$0.72", new Money("USD").orderValue(0.721), "not the RPI's $0.721, beside $17.49");
        assertEquals("$17.49", new Money("USD").orderValue(17.4912));
        assertEquals("-$0.50", new Money("USD").orderValue(-0.5));
        assertEquals("1,191.78", Money.PLAIN.orderValue(1191.78));
    }

    @Test
    void onlyCurrencyCodesAreAccepted() {
        assertEquals(Optional.of("EUR"), Money.parse(" eur "));
        assertEquals(Optional.empty(), Money.parse("Euros"));
        assertThrows(IllegalArgumentException.class, () -> new Money("XYZW"));
    }
}
