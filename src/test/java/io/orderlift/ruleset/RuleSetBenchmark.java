package io.orderlift.ruleset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;

/**
 * A published rule set's size and the storefront evaluator's latency on it: 10-item carts drawn
 * from its anchors, percentiles after warm-up. Not a test: run it by hand (see docs/benchmarks.md).
 *
 * <pre>java -cp target/orderlift.jar:target/test-classes io.orderlift.ruleset.RuleSetBenchmark FILE</pre>
 */
public final class RuleSetBenchmark {

    private RuleSetBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        byte[] bytes = Files.readAllBytes(file);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(bytes);
        }
        long start = System.nanoTime();
        RuleSet rules = RuleSetJson.read(bytes, file.getFileName().toString());
        long readMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %,d products, %,d anchors, %,d bytes (%,d gzipped); read and validated in %,d ms%n",
                file.getFileName(), rules.products().size(), rules.anchors().size(), bytes.length, zipped.size(), readMs);
        StorefrontEvaluator evaluator = new StorefrontEvaluator(rules);
        List<String> anchors = rules.anchors().stream().map(RuleSet.Anchor::sku).toList();
        SplittableRandom random = new SplittableRandom(3);
        List<List<RuleSet.Item>> carts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            List<RuleSet.Item> cart = new ArrayList<>();
            for (int k = 0; k < 10; k++) {
                cart.add(new RuleSet.Item(anchors.get(random.nextInt(anchors.size())), 1));
            }
            carts.add(cart);
        }
        for (String placement : List.of("cart", "confirmation")) {
            for (int i = 0; i < 5_000; i++) {
                evaluator.evaluate(placement, carts.get(i), 0);
            }
            long[] nanos = new long[15_000];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                evaluator.evaluate(placement, carts.get(5_000 + i), 0);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("storefront %s, 10-item cart: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs%n", placement,
                    nanos[nanos.length / 2] / 1e3, nanos[nanos.length * 9 / 10] / 1e3,
                    nanos[nanos.length * 99 / 100] / 1e3);
        }
    }
}
