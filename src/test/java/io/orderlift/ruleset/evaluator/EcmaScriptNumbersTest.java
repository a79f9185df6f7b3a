package io.orderlift.ruleset.evaluator;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Doubles written as JavaScript's {@code String(x)} writes them. The expected strings below are
 * Node's; the random ones are written to the storefront fixtures, where the JavaScript package's
 * tests compare each with {@code String(x)} of the same bits (src/main/js/storefront/test).
 */
class EcmaScriptNumbersTest {

    @Test
    void writesWhatJavaScriptWrites() {
        String[][] cases = {
                {"548.0", "548"}, {"0.1", "0.1"}, {"0.25", "0.25"}, {"-12.5", "-12.5"}, {"0.0", "0"}, {"-0.0", "0"},
                {"1e21", "1e+21"}, {"1.5e21", "1.5e+21"}, {"123456789012345680000", "123456789012345680000"},
                {"1e-6", "0.000001"}, {"1.5e-6", "0.0000015"}, {"1e-7", "1e-7"}, {"1.25e-7", "1.25e-7"},
                {"3.2e-5", "0.000032"}, {"0.30000000000000004", "0.30000000000000004"},
                {"9007199254740992", "9007199254740992"}, {"4.9e-324", "5e-324"},
                {"1.7976931348623157e308", "1.7976931348623157e+308"}, {"100", "100"}, {"2e-3", "0.002"},
                // Java 17's Double.toString writes a digit too many for these (JDK-4511638)
                {"2.0E-3", "0.002"}, {"1.0E23", "1e+23"}, {"2.0E23", "2e+23"},
                {"5.0E-324", "5e-324"}, {"1.1754943508222875E-38", "1.1754943508222875e-38"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], EcmaScriptNumbers.format(Double.parseDouble(c[0])), c[0]);
        }
        assertThrows(IllegalArgumentException.class, () -> EcmaScriptNumbers.format(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> EcmaScriptNumbers.format(Double.POSITIVE_INFINITY));
    }

    /**
     * Schubfach's digits, corrected where ECMAScript keeps one digit, are the exact search's on every
     * kind of double: any bits, prices, acceptances, weights, whole numbers and two-digit decimals (where
     * the correction applies).
     */
    @Test
    void theFastPathWritesWhatTheExactSearchWrites() {
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 300_000; i++) {
            double x = switch (i % 6) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> Math.round(random.nextDouble(0, 2_000) * 100) / 100.0;
                case 2 -> random.nextDouble();
                case 3 -> Math.pow(random.nextDouble(1, 900), random.nextInt(5) * 0.25);
                case 4 -> random.nextInt(1, 100) * Math.pow(10, random.nextInt(-330, 310));
                default -> Double.longBitsToDouble(random.nextLong(1, 1L << 20)); // subnormals
            };
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            assertEquals(EcmaScriptNumbers.formatExactly(x), EcmaScriptNumbers.format(x), () -> Double.toString(x));
        }
    }

    /**
     * Every written number reads back as the same double, with no more significant digits than Java's
     * own form; written to the fixtures so the package's tests hold each against Node's String(x).
     */
    @Test
    void everyNumberReadsBackAndNodeWritesTheSame() throws IOException {
        SplittableRandom random = new SplittableRandom(20261204);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double x = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bits: every magnitude
                case 1 -> Math.round(random.nextDouble(0, 2_000) * 100) / 100.0; // a price
                case 2 -> random.nextDouble(); // an acceptance
                default -> Math.pow(random.nextDouble(1, 900), random.nextInt(5) * 0.25); // a weight
            };
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                continue;
            }
            String written = EcmaScriptNumbers.format(x);
            assertEquals(x == 0 ? 0.0 : x, Double.parseDouble(written), written);
            assertTrue(new BigDecimal(written).stripTrailingZeros().precision()
                    <= new BigDecimal(Double.toString(x)).stripTrailingZeros().precision(), written);
            lines.add(Long.toHexString(Double.doubleToRawLongBits(x)) + " " + written);
        }
        Path out = Files.createDirectories(Path.of("target", "storefront-fixtures"));
        Files.write(out.resolve("numbers.txt"), lines);
    }
}
