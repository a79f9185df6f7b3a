package io.orderlift.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on small stores of awkward shapes — one order, returns only, one product, guests only,
 * every order at one moment, one-item or 30-item baskets, free products — answers or refuses in a
 * sentence: exit 0, or 1 with the reason and no "Unexpected error" or stack trace. Outside checks run
 * the product on histories nobody here has seen; the shapes at their edges are where a division by
 * zero or an empty list hides.
 */
class CliShapesTest {

    @TempDir
    Path dir;

    /** A history's shape: how many orders, products and customers (0: guests only), over how many days. */
    record Shape(String name, int orders, int products, int customers, int days, int maxItems, double returns,
                 double[] prices) {
    }

    static final double[] PRICES = {0.5, 9.99, 24, 120, 1500};

    static final List<Shape> SHAPES = List.of(
            new Shape("one order", 1, 5, 1, 10, 3, 0, PRICES),
            new Shape("returns only", 12, 4, 3, 30, 2, 1, PRICES),
            new Shape("one product", 60, 1, 20, 90, 1, 0.1, PRICES),
            new Shape("guests only", 150, 30, 0, 120, 4, 0.1, PRICES),
            new Shape("one moment", 80, 10, 30, 0, 3, 0, PRICES),
            new Shape("one-item baskets", 300, 40, 100, 200, 1, 0.05, PRICES),
            new Shape("long baskets", 120, 60, 40, 200, 30, 0.05, PRICES),
            new Shape("free products", 200, 20, 60, 150, 4, 0, new double[] {0}),
            new Shape("a few regulars", 400, 25, 5, 365, 5, 0.05, PRICES));

    @Test
    void everyCommandAnswersOrRefusesInASentenceOnEveryShape() throws Exception {
        SplittableRandom random = new SplittableRandom(39);
        List<String> failures = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Path csv = dir.resolve(shape.name().replace(' ', '-') + ".csv");
            Files.writeString(csv, history(shape, random));
            String store = dir.resolve(shape.name().replace(' ', '-')).toString();
            String ruleSet = dir.resolve(shape.name().replace(' ', '-') + ".json").toString();
            String items = IntStream.range(0, Math.min(3, shape.products())).mapToObj(CliShapesTest::sku)
                    .collect(Collectors.joining(","));
            List<String[]> commands = List.of(
                    new String[] {"import", "--store", store, "--input", csv.toString()},
                    new String[] {"mine", "--store", store},
                    new String[] {"info", "--store", store, "--json"},
                    new String[] {"pairs", "--store", store, "--anchor", sku(0)},
                    new String[] {"recommend", "--store", store, "--placement", "cart", "--items", items},
                    new String[] {"recommend", "--store", store, "--placement", "confirmation", "--items", items,
                            "--json"},
                    new String[] {"backtest", "--store", store, "--json"},
                    new String[] {"publish", "--store", store, "--out", ruleSet},
                    new String[] {"check-ruleset", ruleSet},
                    new String[] {"evaluate", "--ruleset", ruleSet, "--placement", "cart", "--items", items});
            boolean published = false;
            for (String[] command : commands) {
                Result r = Result.of(opened -> { }, command);
                String said = shape.name() + ", " + command[0] + ": exit " + r.code() + ", " + r.err().strip();
                if (r.code() != 0 && r.code() != OrderliftCli.EXIT_BAD_INPUT
                        || r.err().contains("Unexpected error") || r.err().contains("\tat ")
                        || r.code() != 0 && r.err().isBlank()) {
                    failures.add(said);
                }
                published |= command[0].equals("publish") && r.code() == 0;
                if (command[0].equals("check-ruleset") && published && r.code() != 0) {
                    failures.add("a rule set just published fails its check: " + said);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The shapes are what they say: the generator is checked, so the test above cannot pass on tamer data. */
    @Test
    void theHistoriesHaveTheirShapes() {
        SplittableRandom random = new SplittableRandom(39);
        for (Shape shape : SHAPES) {
            List<String> rows = history(shape, random).lines().skip(1).toList();
            long orders = rows.stream().map(r -> r.split(",")[0]).distinct().count();
            assertEquals(shape.orders(), orders, shape.name());
            long times = rows.stream().map(r -> r.split(",")[2]).distinct().count();
            assertEquals(shape.days() == 0 || shape.orders() == 1, times == 1, shape.name());
            assertEquals(shape.customers() == 0, rows.stream().allMatch(r -> r.split(",")[1].isEmpty()), shape.name());
            assertEquals(shape.returns() == 1, rows.stream().allMatch(r -> r.split(",")[6].startsWith("-")),
                    shape.name());
            assertFalse(rows.stream().anyMatch(r -> Integer.parseInt(r.split(",")[6]) == 0), shape.name());
        }
    }

    private static String history(Shape shape, SplittableRandom random) {
        StringBuilder csv = new StringBuilder("order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n");
        Instant start = Instant.parse("2025-01-01T09:00:00Z");
        for (int o = 0; o < shape.orders(); o++) {
            String customer = shape.customers() == 0 ? "" : "C" + random.nextInt(shape.customers());
            Instant at = start.plusSeconds(shape.days() == 0 ? 0 : random.nextLong((long) shape.days() * 86_400));
            int size = 1 + random.nextInt(Math.min(shape.maxItems(), shape.products()));
            int first = random.nextInt(shape.products());
            for (int i = 0; i < size; i++) {
                int product = (first + i) % shape.products();
                int quantity = random.nextDouble() < shape.returns() ? -1 : 1 + random.nextInt(3);
                double price = shape.prices()[product % shape.prices().length];
                csv.append(String.format(Locale.ROOT, "O%d,%s,%s,%s,Item %d,cat%d,%d,%s%n", o, customer, at, sku(product),
                        product, product % 4, quantity, price));
            }
        }
        return csv.toString();
    }

    private static String sku(int product) {
        return "S" + product;
    }
}
