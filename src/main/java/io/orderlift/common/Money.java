package io.orderlift.common;

import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * Amounts for people in the store's currency: "$1,234.56", "€12.30", "12.30 SEK"; two decimals,
 * three below 1 (an RPI of 0.07 needs them). Without a known currency, the plain number.
 *
 * @param currency the ISO 4217 code, or null when the store's currency is not known
 */
public record Money(String currency) {

    /** No currency known: plain numbers. */
    public static final Money PLAIN = new Money(null);

    public Money {
        if (currency != null) {
            String given = currency;
            currency = parse(given).orElseThrow(() -> new IllegalArgumentException(
                    "'" + given + "' is not a currency code (ISO 4217, such as USD, EUR or GBP)"));
        }
    }

    /** The ISO 4217 code {@code text} names (any case, spaces aside), if it is one. */
    public static Optional<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(text.strip().toUpperCase(Locale.ROOT)).getCurrencyCode());
        } catch (IllegalArgumentException notACode) {
            return Optional.empty();
        }
    }

    /** {@code amount} with the currency's symbol (or code) and two decimals (three below 1). */
    public String format(double amount) {
        return decorated(amount, Math.abs(amount) < 1 && amount != 0 ? "%.3f" : "%,.2f");
    }

    /**
     * A price with the currency's symbol (or code): two decimals ("$0.75", not the "$0.750" an RPI
     * gets), three only where a price holds a fraction of a cent ("$0.065").
     */
    public String price(double amount) {
        double cents = Math.abs(amount) * 100;
        return decorated(amount, Math.abs(cents - Math.rint(cents)) < 1e-6 ? "%,.2f" : "%,.3f");
    }

    /**
     * An order value or a difference of two ("$191.78", "+$0.72"): always two decimals, so that an
     * interval from $0.72 to $17.49 reads in one precision.
     */
    public String orderValue(double amount) {
        return decorated(amount, "%,.2f");
    }

    /** A rounded amount with the currency's symbol (or code) and no decimals ("$250"), for a setting. */
    public String whole(double amount) {
        return decorated(Math.rint(amount), "%,.0f");
    }

    private String decorated(double amount, String pattern) {
        if (Double.isNaN(amount)) {
            return "–";
        }
        String number = String.format(Locale.ROOT, pattern, amount);
        if (currency == null) {
            return number;
        }
        String symbol = Currency.getInstance(currency).getSymbol(Locale.US);
        if (symbol.length() == 1 || "US$".equals(symbol)) {
            String sign = amount < 0 ? "-" : "";
            return sign + ("US$".equals(symbol) ? "$" : symbol) + (amount < 0 ? number.substring(1) : number);
        }
        return number + " " + currency;
    }
}
