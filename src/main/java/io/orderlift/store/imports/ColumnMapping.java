package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which header column holds each {@link OrderField}: the format's default names, overridden by
 * the user's {@code --map target=source} entries. Header names match case-insensitively.
 */
public final class ColumnMapping {

    private final Map<OrderField, Integer> indexes;
    private final Map<OrderField, String> columnNames;
    private final List<String> header;

    private ColumnMapping(List<String> header, Map<OrderField, Integer> indexes, Map<OrderField, String> columnNames) {
        this.header = header;
        this.indexes = indexes;
        this.columnNames = columnNames;
    }

    /**
     * Resolves the mapping for {@code header}.
     *
     * @throws ImportRejectedException naming every required column that is missing
     */
    public static ColumnMapping resolve(String fileName, List<String> header, ImportFormat format,
                                        Map<OrderField, String> overrides) {
        Map<OrderField, Integer> indexes = match(header, format, overrides);
        Map<OrderField, String> names = new EnumMap<>(OrderField.class);
        indexes.forEach((field, index) -> names.put(field, header.get(index).strip()));
        List<RowProblem> missing = new ArrayList<>();
        // a column named twice would silently use the first: ambiguous, so refused
        indexes.forEach((field, index) -> {
            long named = header.stream().filter(h -> normalise(h).equals(normalise(header.get(index)))).count();
            if (named > 1) {
                missing.add(new RowProblem(1, header.get(index).strip(), "", "the header names this column "
                        + named + " times; which one holds the " + field.key() + " is ambiguous"));
            }
        });
        Map<OrderField, String> guesses = ColumnGuesses.suggest(header, names);
        List<OrderField> absent = new ArrayList<>();
        for (OrderField field : OrderField.values()) {
            if (!indexes.containsKey(field) && (field.required() || overrides.containsKey(field))) {
                absent.add(field);
            }
        }
        String whole = wholeMap(absent, overrides, guesses);
        for (OrderField field : absent) {
            String wanted = overrides.getOrDefault(field, format.defaultColumn(field));
            missing.add(new RowProblem(1, wanted, "", "required column is missing from the header"
                    + " (columns found: " + String.join(", ", header) + "; " + mapHint(field, guesses.get(field))
                    + (field == absent.get(0) && whole != null ? "; every column at once: " + whole : "") + ")"));
        }
        if (!missing.isEmpty()) {
            Optional<ImportFormat> detected = ImportFormat.detect(header);
            if (overrides.isEmpty() && detected.isPresent() && detected.get() != format) {
                // the whole file is in another layout: say which, instead of listing its columns as missing
                throw new ImportRejectedException(fileName, List.of(new RowProblem(1, "", "", "the header is "
                        + (detected.get() == ImportFormat.SHOPIFY ? "Shopify's orders export" : "the generic CSV")
                        + ", not the " + format.cliName() + " format: import it with --format "
                        + detected.get().cliName() + " (in the workbench, choose that format in the import dialog)")),
                        1);
            }
            throw new ImportRejectedException(fileName, missing, missing.size());
        }
        return new ColumnMapping(List.copyOf(header), indexes, names);
    }

    /**
     * One {@code --map} for the whole file, the user's own entries and every column that looks like an
     * unmapped field, when each of {@code absent} has one; null when some has none. Quoted when a name
     * holds a space, as a shell needs it.
     */
    private static String wholeMap(List<OrderField> absent, Map<OrderField, String> overrides,
                                   Map<OrderField, String> guesses) {
        if (absent.stream().anyMatch(f -> !usable(guesses.get(f)))) {
            return null;
        }
        Map<OrderField, String> all = new EnumMap<>(OrderField.class);
        all.putAll(overrides);
        guesses.forEach((field, column) -> {
            if (usable(column) && (!overrides.containsKey(field) || absent.contains(field))) {
                all.put(field, column);
            }
        });
        List<String> entries = new ArrayList<>();
        all.forEach((field, column) -> entries.add(field.key() + "=" + column));
        String map = String.join(",", entries);
        return "--map " + (map.contains(" ") ? "\"" + map + "\"" : map);
    }

    private static boolean usable(String column) {
        // --map splits its entries on commas and on the first '=': such a name cannot be given there
        return column != null && !column.contains(",") && !column.contains("\"");
    }

    /** How to map {@code field}: with the column that looks like it ({@link ColumnGuesses}) when there is one. */
    private static String mapHint(OrderField field, String guess) {
        return !usable(guess) ? "map it with --map " + field.key() + "=COLUMN"
                : "map it with --map " + field.key() + "=" + guess + ", the column that looks like it";
    }

    /**
     * Field → header name for every field whose column is present, even when required ones are
     * missing; a starting point for the user's own mapping.
     */
    public static Map<OrderField, String> partial(List<String> header, ImportFormat format,
                                                  Map<OrderField, String> overrides) {
        Map<OrderField, String> names = new EnumMap<>(OrderField.class);
        match(header, format, overrides).forEach((field, index) -> names.put(field, header.get(index).strip()));
        return names;
    }

    private static Map<OrderField, Integer> match(List<String> header, ImportFormat format,
                                                  Map<OrderField, String> overrides) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            byName.put(normalise(header.get(i)), i);
        }
        Map<OrderField, Integer> indexes = new EnumMap<>(OrderField.class);
        for (OrderField field : OrderField.values()) {
            Integer index = byName.get(normalise(overrides.getOrDefault(field, format.defaultColumn(field))));
            if (index != null) {
                indexes.put(field, index);
            }
        }
        return indexes;
    }

    /** Parses {@code target=source,...} as given to {@code --map} (repeated, its values joined by commas). */
    public static Map<OrderField, String> parseOverrides(String spec) {
        Map<OrderField, String> result = new EnumMap<>(OrderField.class);
        if (spec == null || spec.isBlank()) {
            return result;
        }
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--map entry '" + entry + "' is not target=source");
            }
            String target = entry.substring(0, eq);
            OrderField field = OrderField.byKey(target).orElseThrow(() -> new IllegalArgumentException(
                    "--map target '" + target.strip() + "' is not one of " + fieldKeys()));
            String column = entry.substring(eq + 1).strip();
            String earlier = result.put(field, column);
            if (earlier != null && !earlier.equals(column)) {
                throw new IllegalArgumentException("--map reads " + field.key() + " from two columns, '" + earlier
                        + "' and '" + column + "': name one");
            }
        }
        return result;
    }

    private static String fieldKeys() {
        List<String> keys = new ArrayList<>();
        for (OrderField field : OrderField.values()) {
            keys.add(field.key());
        }
        return String.join(", ", keys);
    }

    /**
     * A header name as compared: stripped, lower case, a hyphen read as a space (Shopify's export
     * has written "Lineitem compare at price" and "Lineitem compare-at price").
     */
    public static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('-', ' ');
    }

    /** The index of the column {@code header} names {@code name} (as {@link #normalise} compares), or -1. */
    public static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (normalise(header.get(i)).equals(normalise(name))) {
                return i;
            }
        }
        return -1;
    }

    /** The column index holding {@code field}, or empty when the file lacks that optional column. */
    public Optional<Integer> index(OrderField field) {
        return Optional.ofNullable(indexes.get(field));
    }

    /** The header name of the column holding {@code field}, or the field's key when absent. */
    public String columnName(OrderField field) {
        return columnNames.getOrDefault(field, field.key());
    }

    /** The header name of column {@code index}. */
    public String headerName(int index) {
        return index < header.size() ? header.get(index).strip() : "column " + (index + 1);
    }

    public List<String> header() {
        return Collections.unmodifiableList(header);
    }

    /** Field → header name, for showing the mapping before an import. */
    public Map<OrderField, String> columnNames() {
        return Collections.unmodifiableMap(columnNames);
    }
}
