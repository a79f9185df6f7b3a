package io.orderlift.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean …": the known names closest to a misspelt one, for error messages. */
public final class Suggestions {

    private static final int MAX = 3;

    private Suggestions() {
    }

    /**
     * Up to three of {@code known} closest to {@code wanted} by edit distance (ignoring case), closest
     * first, ties in alphabetical order; only those within a third of the name's length (at least
     * one edit, at most three), so that an unrelated name is never suggested.
     */
    public static List<String> closest(String wanted, Collection<String> known) {
        String target = wanted.strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, target.length() / 3));
        record Scored(String name, int distance) {
        }
        List<Scored> near = new ArrayList<>();
        for (String name : known) {
            if (name == null) {
                continue;
            }
            int d = distance(target, name.toLowerCase(Locale.ROOT), limit);
            if (d <= limit) {
                near.add(new Scored(name, d));
            }
        }
        near.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return near.stream().limit(MAX).map(Scored::name).toList();
    }

    /**
     * "No product with SKU 'X' in the store. Did you mean A or B?" (the second sentence when any is near;
     * each SKU written as {@code --items} takes it, {@link CommaList#written}).
     */
    public static String unknownSku(String sku, Collection<String> known) {
        List<String> near = nearSkus(sku, known);
        String message = "No product with SKU '" + sku.strip() + "' in the store";
        return near.isEmpty() ? message + " (SKUs are case-sensitive)."
                : message + ". Did you mean " + orList(near) + "?";
    }

    /** Up to three SKUs of {@code known} closest to {@code sku}, each written as {@code --items} takes it. */
    public static List<String> nearSkus(String sku, Collection<String> known) {
        return closest(sku, known).stream().map(CommaList::written).toList();
    }

    private static String orList(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
