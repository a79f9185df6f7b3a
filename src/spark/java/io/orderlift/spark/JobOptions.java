package io.orderlift.spark;

import java.util.ArrayList;
import java.util.List;

import io.orderlift.mining.MiningSettings;

/**
 * The mining job's command line.
 *
 * @param inputs             order-line files or folders in the generic format (CSV, optionally gzipped, or Parquet)
 * @param output             the folder to write the result to; must not exist yet
 * @param master             the Spark master ({@code local[2]}, {@code yarn}, …), or null to take spark-submit's
 * @param settings           the mining settings, as {@code orderlift mine} takes them
 * @param parquet            whether the inputs are Parquet (otherwise CSV)
 * @param shufflePartitions  partitions of the pair aggregation's shuffle, or 0 for Spark's setting
 */
record JobOptions(List<String> inputs, String output, String master, MiningSettings settings, boolean parquet,
                  int shufflePartitions) {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: MineJob --input PATH [--input PATH ...] --output DIR [--master URL]",
            "               [--window-days N] [--max-basket N] [--min-co N] [--format csv|parquet]",
            "               [--shuffle-partitions N]",
            "",
            "Mines purchase pairs from order lines in Orderlift's generic format with exactly the rules of",
            "`orderlift mine`, and writes DIR/products, DIR/pairs and DIR/run.json for `orderlift import-pairs`.",
            "",
            "  --input PATH             a CSV file (.csv or .csv.gz), a Parquet file, or a folder of them; repeatable",
            "  --output DIR             where to write the result (must not exist)",
            "  --master URL             Spark master, e.g. local[2]; left out under spark-submit",
            "  --window-days N          follow-on window in days (× 24 h); default 30",
            "  --max-basket N           ignore orders with more than N distinct items; 0 (default) for no cap",
            "  --min-co N               keep only pairs seen in at least N orders; default 1 (all)",
            "  --format csv|parquet     the inputs' format; default: parquet when the first input ends in .parquet",
            "  --shuffle-partitions N   partitions of the pair aggregation; default: Spark's setting");

    /** Parses the arguments; throws {@link IllegalArgumentException} with a one-line reason. */
    static JobOptions parse(String[] args) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        String master = null;
        String format = null;
        int windowDays = MiningSettings.DEFAULT_WINDOW_DAYS;
        int maxBasket = 0;
        int minCo = 1;
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Missing a value after " + name);
            }
            String value = args[++i];
            switch (name) {
                case "--input" -> inputs.add(value);
                case "--output" -> output = value;
                case "--master" -> master = value;
                case "--format" -> format = value;
                case "--window-days" -> windowDays = number(name, value);
                case "--max-basket" -> maxBasket = number(name, value);
                case "--min-co" -> minCo = number(name, value);
                case "--shuffle-partitions" -> partitions = number(name, value);
                default -> throw new IllegalArgumentException("Unknown option " + name + " (see --help)");
            }
        }
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("Missing --input PATH (the order lines)");
        }
        if (output == null) {
            throw new IllegalArgumentException("Missing --output DIR (where to write the pairs)");
        }
        if (format != null && !format.equals("csv") && !format.equals("parquet")) {
            throw new IllegalArgumentException("--format is csv or parquet, not " + format);
        }
        boolean parquet = format == null ? inputs.get(0).endsWith(".parquet") : format.equals("parquet");
        return new JobOptions(List.copyOf(inputs), output, master, new MiningSettings(windowDays, maxBasket, minCo),
                parquet, partitions);
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + value);
        }
    }

    /** {@code --help} was given. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
