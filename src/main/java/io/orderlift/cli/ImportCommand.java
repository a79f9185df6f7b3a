package io.orderlift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.orderlift.common.Counted;
import io.orderlift.common.Money;
import io.orderlift.common.ProgressMonitor;
import io.orderlift.evaluation.DateWarning;
import io.orderlift.ranking.ChargeLines;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.csv.TextEncoding;
import io.orderlift.store.imports.ColumnMapping;
import io.orderlift.store.imports.DateFormat;
import io.orderlift.store.imports.ImportFormat;
import io.orderlift.store.imports.ImportReport;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift import}: loads an order file into a store, all or nothing. */
@Command(name = "import", header = "Load orders and the products in them into a store, creating the store if it is new.",
        description = {
        "Load orders (and the products in them) into the store at DIR, creating it if new.",
        "All or nothing: a file with bad rows writes nothing unless --skip-bad-rows is given.",
        "Importing the same file again changes nothing.",
        "A Shopify export's cancelled, voided, expired and fully refunded orders are left out (and",
        "with --replace removed, when an earlier import stored them); its line items without a SKU",
        "are keyed by their Lineitem name.",
        "Afterwards lists the SKUs that look like charges (postage, fees, gift cards) rather than products;",
        "curate exclude --suggested excludes them. Notes order times that defeat the backtest's split by",
        "time: a few orders dated far from the rest, or every order at one moment."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The orders CSV (may be .csv.gz).")
    Path input;

    @Option(names = "--format", paramLabel = "generic|shopify", converter = FormatConverter.class,
            description = "generic: DESIGN.md's CSV; shopify: Shopify's orders export. Default: recognised from the"
                    + " file's header (generic when neither layout is complete).")
    ImportFormat format;

    @Option(names = "--map", paramLabel = "TARGET=SOURCE,...",
            description = "Read a field from a differently named column, e.g. --map order_id=Order,sku=Item code"
                    + " (or --map order_id=Order --map \"sku=Item code\").")
    List<String> map = List.of();

    @Option(names = "--date-format", paramLabel = "PATTERN",
            description = "How the file writes its order times when not ISO-8601, as a java.time pattern:"
                    + " M/d/yyyy H:mm reads 12/1/2010 8:26, dd.MM.yyyy HH:mm reads 01.12.2010 08:26. Times without"
                    + " an offset are UTC.")
    String dateFormat;

    @Option(names = "--encoding", paramLabel = "CHARSET",
            description = "The file's text encoding, such as UTF-8, windows-1252, ISO-8859-15 or windows-1250."
                    + " Default: UTF-8, or windows-1252 for a file that is not UTF-8 (a file mixing the two is refused"
                    + " where it changes).")
    String encoding;

    @Option(names = "--skip-bad-rows", description = "Import the good rows; report and record the bad ones.")
    boolean skipBadRows;

    @Option(names = "--replace", description = "Overwrite orders already in the store whose content differs, and"
            + " remove those the file marks cancelled or refunded in full.")
    boolean replace;

    @Option(names = "--currency", paramLabel = "CODE",
            description = "The store's currency (ISO 4217, such as USD or EUR). Default: the code most orders name"
                    + " in the file's Currency column, if it has one (several codes are counted and noted; prices are"
                    + " never converted).")
    String currency;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        String code = currency == null ? null : Money.parse(currency).orElseThrow(() ->
                new IllegalArgumentException("--currency '" + currency + "' is not a currency code (ISO 4217, such"
                        + " as USD, EUR or GBP)"));
        TextEncoding text = TextEncoding.of(encoding);
        ImportFormat chosen = format != null ? format : new OrderImporter().detectFormat(input, text);
        ImportRequest request = new ImportRequest(input, chosen, ColumnMapping.parseOverrides(String.join(",", map)),
                skipBadRows, replace, DateFormat.of(dateFormat), text);
        ImportReport report;
        List<ChargeLines.Suggestion> charges = List.of();
        Optional<DateWarning> dates = Optional.empty();
        Optional<String> currencies;
        boolean isNew = !Store.exists(store.directory);
        boolean folderIsNew = !Files.exists(store.directory);
        try {
            try (Store target = store.openOrCreate()) {
                report = new OrderImporter().importFile(target, request, ProgressMonitor.NONE);
                if (code != null) {
                    new StoreQueries(target).setCurrency(code);
                }
                currencies = OrderImporter.currencyWarning(target, report);
                if (!report.unchanged()) {
                    charges = ChargeLines.suggest(target);
                    dates = DateWarning.in(target);
                }
            }
        } catch (RuntimeException | IOException e) {
            if (isNew) {
                // a rejected first import leaves no empty store behind (nor the folder, if it made it)
                Store.discardNew(store.directory, folderIsNew);
            }
            throw e;
        }
        List<ChargeLines.Suggestion> suggested = charges;
        String datesNote = dates.map(s -> String.format("%n  Note: %s", s.advice())).orElse("")
                + currencies.map(c -> String.format("%n  Note: %s", c)).orElse("");
        json.print(spec, report, "suggestedExclusions", suggested, r -> describe(r, text) + datesNote + (suggested.isEmpty() ? ""
                : String.format("%n%s%nTo exclude: curate --store %s exclude --suggested (or one by one: exclude"
                + " --sku S)", CurateCommand.describe(suggested), store.directory)));
        return 0;
    }

    private static String describe(ImportReport r, TextEncoding asked) {
        StringBuilder text = new StringBuilder();
        if (r.unchanged()) {
            text.append(r.file()).append(": already in the store, nothing changed (")
                    .append(Counted.of(r.ordersUnchanged(), "order")).append(").");
        } else {
            text.append(String.format("Imported %s (%s): %s, %s, %s, %s.", r.file(), r.format(),
                    Counted.of(r.orders(), "order"), Counted.of(r.lines(), "line"),
                    Counted.of(r.products(), "new product"), Counted.of(r.customers(), "new customer")));
            if (r.ordersReplaced() > 0) {
                text.append(String.format("%n  %s replaced.", Counted.of(r.ordersReplaced(), "order")));
            }
            if (r.ordersUnchanged() > 0) {
                text.append(String.format("%n  %s already in the store.", Counted.of(r.ordersUnchanged(), "order")));
            }
        }
        if (r.ordersLeftOut() > 0) {
            text.append(String.format("%n  %s left out as never purchased: cancelled, voided, expired or refunded in"
                    + " full (the export's Cancelled at and Financial Status)%s.", Counted.of(r.ordersLeftOut(), "order"),
                    r.ordersRemoved() == 0 ? "" : "; " + r.ordersRemoved() + " of them, stored by an earlier import,"
                            + " removed"));
        }
        if (r.linesKeyedByTitle() > 0) {
            text.append(String.format("%n  %s without a SKU (an empty Lineitem sku): each product is keyed by its"
                    + " Lineitem name instead, and a storefront names it so in a cart.",
                    Counted.of(r.linesKeyedByTitle(), "line")));
        }
        if (asked.fellBack(r.encoding())) {
            text.append(String.format("%n  The file is not UTF-8: it was read as %s. If its titles look wrong, give its"
                    + " encoding with --encoding.", r.encoding()));
        }
        if (!r.skippedRows().isEmpty()) {
            text.append(String.format("%n  %s skipped:", Counted.of(r.skippedRows().size(), "row")));
            r.skippedRows().stream().limit(20).forEach(p -> text.append("\n    ").append(p.describe(r.file())));
            if (r.skippedRows().size() > 20) {
                text.append(String.format("%n    … and %,d more (all are kept in the import record)",
                        r.skippedRows().size() - 20));
            }
        }
        return text.toString();
    }

    /** Accepts the lower-case format names. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            for (ImportFormat f : ImportFormat.values()) {
                if (f.cliName().equalsIgnoreCase(value.strip())) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not generic or shopify");
        }
    }
}
