package io.orderlift.ruleset;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;

/**
 * A rule set cut into small documents for storefronts that can only hold small values (a Shopify
 * metafield, a CDN key): {@code header.json} with the parameters and exclusions, and per product
 * {@code anchors/SKU.json} with the product, its lists (a thin anchor's category lists inline), its
 * pins, and every product those mention, lists re-indexed into the slice. A storefront fetches the
 * header and the slices of the cart's items and gets the answer the whole file gives
 * ({@code evaluateSlices} in the JavaScript package). Each slice stays under {@link #MAX_BYTES}.
 */
public final class RuleSetSlices {

    /** The largest slice a storefront must be able to hold. */
    public static final int MAX_BYTES = 10 * 1024;

    private RuleSetSlices() {
    }

    /** The shared part: everything but the products and their lists. */
    public record Header(int schemaVersion, long version, String store,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String currency, String publishedAt,
                         String contentHash,
                         RuleSet.Parameters parameters, List<RuleSet.CategoryPair> excludedCategoryPairs,
                         RuleSet.Exclusions exclusions) {
    }

    /**
     * One product's slice: {@code products[0]} is the product itself; the lists refer to
     * {@code products} by index.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slice(String sku, long version, List<RuleSet.Product> products, RuleSet.Evidence cart,
                        RuleSet.Evidence confirmation, Map<String, List<String>> pins) {
    }

    /** What was written. */
    public record Written(int slices, int largestBytes, long totalBytes) {
    }

    /** Writes the slices of {@code ruleSet} into {@code dir} (header.json and anchors/). */
    public static Written write(RuleSet ruleSet, Path dir) throws IOException {
        Path anchors = Files.createDirectories(dir.resolve("anchors"));
        Files.write(dir.resolve("header.json"), RuleSetJson.bytesOf(new Header(ruleSet.schemaVersion(), ruleSet.version(),
                ruleSet.store(), ruleSet.currency(), ruleSet.publishedAt(), ruleSet.contentHash(), ruleSet.parameters(),
                ruleSet.excludedCategoryPairs(), ruleSet.exclusions())));
        Map<String, RuleSet.Anchor> anchorOf = new HashMap<>();
        ruleSet.anchors().forEach(a -> anchorOf.put(a.sku(), a));
        Map<String, RuleSet.CategoryEvidence> categories = new HashMap<>();
        ruleSet.categories().forEach(c -> categories.put(c.name(), c));
        Map<String, Map<String, List<String>>> pins = new HashMap<>();
        ruleSet.pins().forEach(p -> pins.computeIfAbsent(p.anchor(), k -> new LinkedHashMap<>())
                .put(p.placement(), p.candidates()));
        Map<String, RuleSet.Product> bySku = new HashMap<>();
        ruleSet.products().forEach(p -> bySku.put(p.sku(), p));
        int largest = 0;
        long total = 0;
        for (RuleSet.Product product : ruleSet.products()) {
            RuleSet.Anchor anchor = anchorOf.get(product.sku());
            RuleSet.Evidence cart = null;
            RuleSet.Evidence confirmation = null;
            if (anchor != null) {
                RuleSet.CategoryEvidence shared = anchor.backoff() == null ? null : categories.get(anchor.backoff());
                cart = shared == null ? anchor.cart() : shared.cart();
                confirmation = shared == null ? anchor.confirmation() : shared.confirmation();
            }
            List<RuleSet.Product> products = new ArrayList<>(List.of(product));
            Map<Integer, Integer> local = new HashMap<>();
            Map<String, List<String>> pinned = pins.get(product.sku());
            if (pinned != null) {
                pinned.values().forEach(skus -> skus.forEach(sku -> {
                    if (products.stream().noneMatch(p -> p.sku().equals(sku))) {
                        products.add(bySku.get(sku));
                    }
                }));
            }
            Slice slice = new Slice(product.sku(), ruleSet.version(), products,
                    reindex(cart, ruleSet.products(), products, local), reindex(confirmation, ruleSet.products(),
                    products, local), pinned);
            byte[] bytes = RuleSetJson.bytesOf(slice);
            if (bytes.length > MAX_BYTES) {
                throw new IllegalStateException("The slice of " + product.sku() + " is " + bytes.length
                        + " bytes, more than " + MAX_BYTES);
            }
            Files.write(anchors.resolve(fileName(product.sku())), bytes);
            largest = Math.max(largest, bytes.length);
            total += bytes.length;
        }
        return new Written(ruleSet.products().size(), largest, total);
    }

    /** The longest percent-encoded SKU a slice's name holds whole (file systems allow 255 bytes a name). */
    static final int LONGEST_NAME = 200;
    /** How much of a longer encoded SKU a name keeps before its hash. */
    static final int KEPT_OF_LONG_NAME = 150;

    /**
     * The slice's file name for {@code sku}: percent-encoded, so any SKU is a safe file name. An encoded
     * SKU over {@link #LONGEST_NAME} characters (a long product name standing in for a SKU, or one in a
     * script of three bytes a character) keeps its first {@link #KEPT_OF_LONG_NAME} (never half an escape),
     * then {@code ~} and the 64-bit FNV-1a hash of its UTF-8 bytes in hex: {@code ~} is encoded everywhere
     * else, so such a name is never another SKU's. The JavaScript package's {@code sliceFileName} is the same.
     */
    public static String fileName(String sku) {
        String encoded = URLEncoder.encode(sku, StandardCharsets.UTF_8).replace("*", "%2A").replace("+", "%20");
        encoded = encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded;
        if (encoded.length() > LONGEST_NAME) {
            int cut = KEPT_OF_LONG_NAME;
            int escape = encoded.lastIndexOf('%', cut - 1);
            if (escape >= 0 && escape > cut - 3) {
                cut = escape;
            }
            encoded = encoded.substring(0, cut) + "~" + fnv1a64(sku.getBytes(StandardCharsets.UTF_8));
        }
        return encoded + ".json";
    }

    /** The 64-bit FNV-1a hash of {@code bytes}, 16 hex digits. */
    private static String fnv1a64(byte[] bytes) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return String.format("%016x", hash);
    }

    private static RuleSet.Evidence reindex(RuleSet.Evidence list, List<RuleSet.Product> all,
                                            List<RuleSet.Product> products, Map<Integer, Integer> local) {
        if (list == null) {
            return null;
        }
        int[] c = new int[list.c().length];
        for (int i = 0; i < c.length; i++) {
            int global = list.c()[i];
            Integer at = local.get(global);
            if (at == null) {
                RuleSet.Product p = all.get(global);
                int existing = products.indexOf(p);
                at = existing >= 0 ? existing : products.size();
                if (existing < 0) {
                    products.add(p);
                }
                local.put(global, at);
            }
            c[i] = at;
        }
        return new RuleSet.Evidence(c, list.co(), list.follow(), list.sameOrder(), list.total(), list.followTotal(),
                list.approved(), list.category());
    }
}
