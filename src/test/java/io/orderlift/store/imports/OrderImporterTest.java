package io.orderlift.store.imports;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.ImportBatch;
import io.orderlift.store.Store;
import io.orderlift.store.StoreOverview;
import io.orderlift.store.StoreQueries;
import io.orderlift.store.csv.TextEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderImporterTest {

    static final String HEADER = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n";
    static final String GOOD = HEADER
            + "O1,C1,2025-01-05T10:00:00Z,TENT,Trail tent,Tents,1,199.00\n"
            + "O1,C1,2025-01-05T10:00:00Z,STAKES,\"Stakes, 8 pack\",Accessories,2,8.99\n"
            + "O2,C2,2025-01-06 11:30,TENT,Trail tent,Tents,1,189.00\n"
            + "O3,,2025-01-07,STOVE,Stove,Cooking,1,0\n";

    @TempDir
    Path dir;
    Store store;
    final OrderImporter importer = new OrderImporter();

    @BeforeEach
    void openStore() {
        store = Store.openOrCreate(dir.resolve("store"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    ImportReport importText(String content) throws IOException {
        return importer.importFile(store, ImportRequest.of(file("orders.csv", content)), ProgressMonitor.NONE);
    }

    StoreOverview overview() {
        return new StoreQueries(store).overview();
    }

    ImportRejectedException rejected(String content) {
        return assertThrows(ImportRejectedException.class, () -> importText(content));
    }

    void assertStoreEmpty() {
        StoreOverview o = overview();
        assertEquals(0, o.orders());
        assertEquals(0, o.lines());
        assertEquals(0, o.products());
        assertEquals(0, o.imports().size());
    }

    @Test
    void importsOrdersLinesProductsAndCustomers() throws IOException {
        ImportReport report = importText(GOOD);
        assertEquals(3, report.orders());
        assertEquals(4, report.lines());
        assertEquals(3, report.products());
        assertEquals(2, report.customers());
        StoreOverview o = overview();
        assertEquals(3, o.orders());
        assertEquals(4, o.lines());
        assertEquals(2, o.customers());
        assertEquals(new BigDecimal("135.33"), o.aov(), "(216.98 + 189 + 0) / 3");
        assertEquals("Stakes, 8 pack", store.read(ctx -> ctx.select(PRODUCTS.TITLE).from(PRODUCTS)
                .where(PRODUCTS.SKU.eq("STAKES")).fetchOne(PRODUCTS.TITLE)));
        assertEquals(1, o.imports().size());
    }

    @Test
    void headerIsCaseInsensitiveInAnyOrderAndOptionalColumnsMayBeMissing() throws IOException {
        ImportReport report = importText("SKU,Quantity,Unit_Price,Ordered_At,Order_ID\n"
                + " A ,1,5,2025-02-01T08:00:00+01:00,X1\n");
        assertEquals(1, report.orders());
        assertEquals("A", store.read(ctx -> ctx.select(PRODUCTS.SKU).from(PRODUCTS).fetchOne(PRODUCTS.SKU)),
                "SKUs are trimmed");
        assertEquals(LocalDateTime.of(2025, 2, 1, 7, 0), store.read(ctx -> ctx.select(ORDERS.ORDERED_AT)
                .from(ORDERS).fetchOne(ORDERS.ORDERED_AT)), "offsets are converted to UTC");
    }

    @Test
    void columnMapReadsDifferentlyNamedColumns() throws IOException {
        Path csv = file("export.csv", "Order,When,Item,Qty,Price\nA1,2025-03-01,S1,2,3.50\n");
        ImportRequest request = ImportRequest.of(csv).withColumnMap(
                ColumnMapping.parseOverrides("order_id=Order,ordered_at=When,sku=Item,quantity=Qty,unit_price=Price"));
        assertEquals(1, importer.importFile(store, request, ProgressMonitor.NONE).orders());
    }

    @Test
    void whenEveryDateThatIsNotIsoReadsOneWayTheRejectionSaysWhichFormatToImportWith() throws IOException {
        String header = "order_id,customer_id,ordered_at,sku,quantity,unit_price\n";
        ImportRejectedException settled = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("us.csv", header + "O1,C1,12/1/2010 8:26,A,1,2\nO2,C2,12/13/2010 9:41,B,1,3\n"
                        + "O3,C3,2010-12-14 10:00,A,1,2\n")), ProgressMonitor.NONE));
        assertTrue(settled.getMessage().endsWith("Every order time in the file that is not ISO reads as M/d/yyyy H:mm:"
                + " import it with --date-format \"M/d/yyyy H:mm\" (the import dialog: Date format)."),
                settled.getMessage());
        assertFalse(settled.skippable(), "a date format reads the rows: skipping them would lose them");
        ImportRejectedException open = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("either.csv", header + "O1,C1,12/1/2010,A,1,2\nO2,C2,3/4/2010,B,1,3\n")),
                ProgressMonitor.NONE));
        assertTrue(open.getMessage().endsWith("reads both as M/d/yyyy (month first) and as d/M/yyyy (day first): give"
                + " the one the shop writes with --date-format (the import dialog: Date format)."), open.getMessage());
        ImportRejectedException mixed = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("mixed.csv", header + "O1,C1,13/1/2010,A,1,2\nO2,C2,1/13/2010,B,1,3\n")),
                ProgressMonitor.NONE));
        assertFalse(mixed.getMessage().contains("Every order time"), "day first and month first: no one format");
        assertStoreEmpty();
    }

    /**
     * The UCI Online Retail file as it is published (its own column names, US dates without seconds,
     * an invoice number prefixed C for a cancellation) imports with --map and --date-format.
     */
    @Test
    void aFileWithItsOwnColumnsAndDateFormatImportsWithMapAndDateFormat() throws IOException {
        Path csv = file("Online Retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                + "CustomerID,Country\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,United Kingdom\n"
                + "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom\n"
                + "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom\n"
                + "536381,22139,RETROSPOT TEA SET CERAMIC 11 PC,1,12/10/2010 14:05,4.95,15311,United Kingdom\n");
        ImportRequest request = ImportRequest.of(csv).withColumnMap(ColumnMapping.parseOverrides(
                "order_id=InvoiceNo,sku=StockCode,title=Description,quantity=Quantity,ordered_at=InvoiceDate,"
                        + "unit_price=UnitPrice,customer_id=CustomerID"));
        ImportRejectedException iso = assertThrows(ImportRejectedException.class,
                () -> importer.importFile(store, request, ProgressMonitor.NONE));
        assertTrue(iso.getMessage().contains("line 2, column InvoiceDate (\"12/1/2010 8:26\")"), iso.getMessage());
        assertTrue(iso.getMessage().contains("it reads as M/d/yyyy H:mm (month first, as US exports write it) or as"
                + " d/M/yyyy H:mm (day first): give the file's date format (import --date-format, or the import"
                + " dialog's Date format)"), iso.getMessage());
        assertStoreEmpty();

        ImportReport report = importer.importFile(store, request.withDateFormat(DateFormat.of("M/d/yyyy H:mm")),
                ProgressMonitor.NONE);
        assertEquals(3, report.orders(), "the cancellation is stored as it is; mining ignores it (no item left)");
        assertEquals(List.of(LocalDateTime.of(2010, 12, 1, 8, 26), LocalDateTime.of(2010, 12, 1, 9, 41),
                        LocalDateTime.of(2010, 12, 10, 14, 5)),
                store.read(ctx -> ctx.select(ORDERS.ORDERED_AT).from(ORDERS).orderBy(ORDERS.ORDERED_AT)
                        .fetch(ORDERS.ORDERED_AT)));
    }

    /** A problem found across rows (a second customer, an order changed since) names the file's own column. */
    @Test
    void problemsAcrossRowsNameTheColumnsAsTheFileDoes() throws IOException {
        String header = "Invoice,Buyer,Date,Item,Qty,Price\n";
        ImportRequest request = ImportRequest.of(file("mapped.csv", header + "536365,17850,2025-01-05,A,1,5\n"
                + "536365,14527,2025-01-05,B,1,5\n")).withColumnMap(ColumnMapping.parseOverrides(
                "order_id=Invoice,customer_id=Buyer,ordered_at=Date,sku=Item,quantity=Qty,unit_price=Price"));
        ImportRejectedException second = assertThrows(ImportRejectedException.class,
                () -> importer.importFile(store, request, ProgressMonitor.NONE));
        assertTrue(second.getMessage().contains("line 3, column Buyer (\"14527\"): differs from the customer on line 2"
                + " for order 536365"), second.getMessage());

        importer.importFile(store, ImportRequest.of(file("mapped.csv", header + "536365,17850,2025-01-05,A,1,5\n"))
                .withColumnMap(request.columnMap()), ProgressMonitor.NONE);
        ImportRejectedException changed = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("mapped.csv", header + "536365,17850,2025-01-05,A,2,5\n"))
                        .withColumnMap(request.columnMap()), ProgressMonitor.NONE));
        assertTrue(changed.getMessage().contains("line 2, column Invoice (\"536365\"): this order is already in the"
                + " store"), changed.getMessage());
    }

    @Test
    void aDateFormatReadsDatesAloneAndOffsetsAndNamesTheRowItCannotRead() throws IOException {
        Path csv = file("orders.csv", HEADER + "O1,C1,05.01.2025,A,,,1,1\nO2,C1,06.01.2025 23:30 +0100,A,,,1,1\n"
                + "O3,C1,2025-01-07,A,,,1,1\n");
        ImportRequest request = ImportRequest.of(csv).withDateFormat(DateFormat.of("dd.MM.yyyy[ HH:mm Z]"));
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importer.importFile(store, request, ProgressMonitor.NONE));
        assertEquals(1, e.problemCount());
        assertTrue(e.getMessage().contains("line 4, column ordered_at (\"2025-01-07\"): does not match the date"
                + " format dd.MM.yyyy[ HH:mm Z]"), e.getMessage());
        importer.importFile(store, request.withSkipBadRows(true), ProgressMonitor.NONE);
        assertEquals(List.of(LocalDateTime.of(2025, 1, 5, 0, 0), LocalDateTime.of(2025, 1, 6, 22, 30)),
                store.read(ctx -> ctx.select(ORDERS.ORDERED_AT).from(ORDERS).orderBy(ORDERS.ORDERED_AT)
                        .fetch(ORDERS.ORDERED_AT)), "a date alone is its midnight; an offset is converted to UTC");
    }

    /**
     * A spreadsheet saved where the decimal mark is a comma: semicolons between fields, prices as
     * {@code 12,50}, a title holding a comma in quotes. Read as it is, with the same figures as the
     * comma-separated file.
     */
    @Test
    void aSemicolonSeparatedFileWithDecimalCommasImports() throws IOException {
        Path csv = file("export.csv", "\uFEFForder_id;customer_id;ordered_at;sku;title;category;quantity;unit_price\r\n"
                + "O1;C1;2025-01-05T10:00:00Z;TENT;Trail tent;Tents;1;199,00\r\n"
                + "O1;C1;2025-01-05T10:00:00Z;STAKES;\"Stakes, 8 pack\";Accessories;2;8.99\r\n"
                + "O2;C2;2025-01-06 11:30;TENT;Trail tent;Tents;1;189,5\r\n");
        ImportReport report = importer.importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
        assertEquals(2, report.orders());
        assertEquals(3, report.lines());
        assertEquals(List.of(new BigDecimal("8.99"), new BigDecimal("189.5"), new BigDecimal("199")),
                store.read(ctx -> ctx.select(ORDER_LINES.UNIT_PRICE).from(ORDER_LINES).orderBy(ORDER_LINES.UNIT_PRICE)
                        .fetch(ORDER_LINES.UNIT_PRICE)).stream().map(p -> new BigDecimal(p.toString()).stripTrailingZeros())
                        .toList());

        ImportRejectedException thousands = rejected(
                "order_id;ordered_at;sku;quantity;unit_price\nO9;2025-01-05;A;1;1.234,50\n");
        assertTrue(thousands.getMessage().contains("column unit_price (\"1.234,50\"): is not a number (one decimal mark,"),
                thousands.getMessage());
        ImportRejectedException spreadsheet = rejected(
                "order_id,ordered_at,sku,quantity,unit_price\nO9,2025-01-05,A,1,\"1,234.50\"\n");
        assertTrue(spreadsheet.getMessage().contains("column unit_price (\"1,234.50\"): is not a number (a dot for"
                + " decimals; no thousands separator or currency sign)"), spreadsheet.getMessage());
    }

    @Test
    void aTabSeparatedFileImportsWithCommasInsideItsFields() throws IOException {
        Path tsv = file("export.txt", "order_id\tcustomer_id\tordered_at\tsku\ttitle\tquantity\tunit_price\r\n"
                + "O1\tC1\t2025-01-05\tSTAKES\tStakes, 8 pack; steel\t2\t8.99\r\n"
                + "O1\tC1\t2025-01-05\tTENT\t\"Tent \"\"Trail\"\"\ttwo\"\t1\t199\r\n");
        ImportReport report = importer.importFile(store, ImportRequest.of(tsv), ProgressMonitor.NONE);
        assertEquals(1, report.orders());
        assertEquals("Stakes, 8 pack; steel", title("STAKES"));
        assertEquals("Tent \"Trail\"\ttwo", title("TENT"));
        ImportRejectedException comma = rejected("order_id\tordered_at\tsku\tquantity\tunit_price\nO9\t2025-01-05\tA\t1\t12,50\n");
        assertEquals("unit_price", comma.problems().get(0).column(), "a decimal comma only where semicolons separate");
    }

    @Test
    void aDateFormatWithoutYearMonthAndDayIsRefused() {
        assertEquals(DateFormat.ISO, DateFormat.of(" "));
        IllegalArgumentException noDay = assertThrows(IllegalArgumentException.class, () -> DateFormat.of("MM/yyyy"));
        assertTrue(noDay.getMessage().contains("needs a year (yyyy), a month (M, MM or MMM) and a day"),
                noDay.getMessage());
        IllegalArgumentException notAPattern = assertThrows(IllegalArgumentException.class,
                () -> DateFormat.of("dd/MM/yyyy {"));
        assertTrue(notAPattern.getMessage().startsWith("'dd/MM/yyyy {' is not a date format"),
                notAPattern.getMessage());
    }

    @Test
    void orderTimeIsTheEarliestLineTimeAndSkusMatchCaseSensitively() throws IOException {
        importText(HEADER + "O1,C1,2025-01-05T10:05:00Z,abc,,,1,1\nO1,C1,2025-01-05T10:00:00Z,ABC,,,1,1\n");
        assertEquals(LocalDateTime.of(2025, 1, 5, 10, 0), store.read(ctx -> ctx.select(ORDERS.ORDERED_AT)
                .from(ORDERS).fetchOne(ORDERS.ORDERED_AT)));
        assertEquals(2, overview().products());
    }

    @Test
    void linesOfAnOrderSpreadOverTheFileMakeOneOrderWithOneCustomerPerKey() throws IOException {
        ImportReport report = importText(HEADER
                + "O1,,2025-01-05,A,,,1,10\n"
                + "O2,Ann@Example.com,2025-01-06,B,,,1,5\n"
                + "O1,ann@example.com,2025-01-05,C,,,1,7\n"
                + "O3,C9,2025-01-07,A,,,1,10\n");
        assertEquals(3, report.orders());
        assertEquals(2, report.customers(), "the two spellings of one email are one customer");
        assertEquals(List.of(2, 1, 1), store.read(ctx -> ctx.select(ORDERS.LINE_COUNT).from(ORDERS)
                .orderBy(ORDERS.EXTERNAL_ID).fetch(ORDERS.LINE_COUNT)));
        List<Integer> customers = store.read(ctx -> ctx.select(ORDERS.CUSTOMER_ID).from(ORDERS)
                .orderBy(ORDERS.EXTERNAL_ID).fetch(ORDERS.CUSTOMER_ID));
        assertEquals(customers.get(0), customers.get(1), "O1 takes its customer from its second line");
        assertNotEquals(customers.get(0), customers.get(2));
        assertEquals(3, importText(HEADER
                + "O1,ann@example.com,2025-01-05,C,,,1,7\n"
                + "O3,C9,2025-01-07,A,,,1,10\n"
                + "O2,Ann@Example.com,2025-01-06,B,,,1,5\n"
                + "O1,,2025-01-05,A,,,1,10\n").ordersUnchanged(), "the same orders in another row order are unchanged");
    }

    @Test
    void returnsAndZeroPricesAreAllowed() throws IOException {
        importText(HEADER + "O1,C1,2025-01-05,A,,,2,10\nO1,C1,2025-01-05,A,,,-2,10\nO2,C1,2025-01-06,B,,,1,0\n");
        assertEquals((Integer) 0, store.read(ctx -> ctx.select(ORDERS.ITEM_COUNT).from(ORDERS)
                .where(ORDERS.EXTERNAL_ID.eq("O1")).fetchOne(ORDERS.ITEM_COUNT)), "netted to zero: empty item set");
        assertEquals(3, overview().lines());
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws IOException {
        importText(GOOD);
        ImportReport again = importText(GOOD);
        assertTrue(again.unchanged());
        assertEquals(3, again.ordersUnchanged());
        assertEquals(1, overview().imports().size());
        assertEquals(4, overview().lines());
    }

    @Test
    void changedOrderIsAnErrorThatNamesItUnlessReplaced() throws IOException {
        importText(GOOD);
        String changed = GOOD.replace("O2,C2,2025-01-06 11:30,TENT,Trail tent,Tents,1,189.00",
                "O2,C2,2025-01-06 11:30,TENT,Trail tent,Tents,3,189.00");
        ImportRejectedException e = rejected(changed);
        assertTrue(e.getMessage().contains("O2"), e.getMessage());
        assertTrue(e.getMessage().contains("--replace"));
        ImportReport replaced = importer.importFile(store, ImportRequest.of(file("orders.csv", changed))
                .withReplace(true), ProgressMonitor.NONE);
        assertEquals(1, replaced.ordersReplaced());
        assertEquals(2, replaced.ordersUnchanged());
        assertEquals(3, overview().orders());
        assertEquals((Integer) 3, store.read(ctx -> ctx.select(ORDER_LINES.QUANTITY).from(ORDER_LINES).join(ORDERS)
                .on(ORDERS.ID.eq(ORDER_LINES.ORDER_ID)).where(ORDERS.EXTERNAL_ID.eq("O2"))
                .fetchOne(ORDER_LINES.QUANTITY)));
        assertEquals(4, overview().lines(), "the replaced order's old line is gone");
    }

    @Test
    void emptyFileIsRejected() {
        assertTrue(rejected("").getMessage().contains("empty"));
        assertStoreEmpty();
    }

    @Test
    void headerOnlyIsRejected() {
        assertTrue(rejected(HEADER).getMessage().contains("no order rows"));
        assertStoreEmpty();
    }

    @Test
    void missingRequiredColumnIsNamed() {
        ImportRejectedException e = rejected("order_id,ordered_at,quantity,unit_price\nO1,2025-01-01,1,1\n");
        assertEquals("sku", e.problems().get(0).column());
        assertStoreEmpty();
    }

    @Test
    void badNumberNamesFileLineColumnAndValue() {
        ImportRejectedException e = rejected(GOOD + "O4,C1,2025-01-08,A,,,two,5\n");
        RowProblem p = e.problems().get(0);
        assertEquals(6, p.line());
        assertEquals("quantity", p.column());
        assertEquals("two", p.value());
        assertTrue(e.getMessage().contains("orders.csv line 6, column quantity (\"two\")"), e.getMessage());
        assertStoreEmpty();
    }

    @Test
    void badDateAndNegativePriceAreRejected() {
        ImportRejectedException e = rejected(GOOD + "O4,C1,2025-13-01,A,,,1,5\nO5,C1,2025-01-01,A,,,1,-5\n");
        assertEquals(2, e.problemCount());
        assertEquals("ordered_at", e.problems().get(0).column());
        assertEquals("unit_price", e.problems().get(1).column());
        assertStoreEmpty();
    }

    @Test
    void atMostTwentyProblemsAreListedThenACount() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 25; i++) {
            text.append("O").append(i).append(",C,not-a-date,A,,,1,1\n");
        }
        ImportRejectedException e = rejected(text.toString());
        assertEquals(25, e.problemCount());
        assertEquals(20, e.problems().size());
        assertTrue(e.getMessage().contains("and 5 more"));
    }

    /** Writes {@code rows} after the header, each in its own charset: how a file comes to mix encodings. */
    Path encoded(String name, Object... rowsAndCharsets) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(HEADER.getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < rowsAndCharsets.length; i += 2) {
            bytes.writeBytes(((String) rowsAndCharsets[i]).getBytes((Charset) rowsAndCharsets[i + 1]));
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    String title(String sku) {
        return store.read(ctx -> ctx.select(PRODUCTS.TITLE).from(PRODUCTS).where(PRODUCTS.SKU.eq(sku))
                .fetchOne(PRODUCTS.TITLE));
    }

    static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252AndTheReportSaysSo() throws IOException {
        Path csv = encoded("excel.csv", "O1,C1,2025-01-05,A,Ascii first,Food,1,5\n", CP1252,
                "O2,C1,2025-01-06,B,Café crème – £5 “deal”,Food,1,5\n", CP1252);
        ImportReport report = importer.importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE);
        assertEquals("windows-1252", report.encoding());
        assertEquals("Café crème – £5 “deal”", title("B"));
        ImportBatch recorded = new StoreQueries(store).overview().imports().get(0);
        assertEquals("windows-1252", recorded.encoding(), "the import history keeps how the file was read");
        assertEquals("generic, windows-1252", recorded.formatRead());
        assertEquals("windows-1252", importer.preview(ImportRequest.of(csv), 10).encoding());
        assertEquals("UTF-8", importer.preview(ImportRequest.of(file("utf8.csv", GOOD.replace("Trail tent",
                "Zelt für zwei"))), 10).encoding());
    }

    @Test
    void asUtf8OnlyBytesThatAreNotUtf8AreABadRowNamingTheColumn() throws IOException {
        Path csv = encoded("latin1.csv", "O1,C1,2025-01-05,A,Café,Food,1,5\n", CP1252);
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(csv).withEncoding(TextEncoding.UTF_8), ProgressMonitor.NONE));
        assertEquals("title", e.problems().get(0).column());
        assertEquals(2, e.problems().get(0).line());
        assertTrue(e.problems().get(0).reason().contains("not valid UTF-8"), e.problems().get(0).reason());
        assertStoreEmpty();
    }

    @Test
    void aFileMixingUtf8AndWindows1252IsRefusedWhereItChangesEitherWayRound() throws IOException {
        for (Object[] rows : new Object[][] {
                {"O1,C1,2025-01-05,A,Crème,Food,1,5\n", StandardCharsets.UTF_8,
                        "O2,C1,2025-01-06,B,Plain,Food,1,5\nO3,C1,2025-01-07,C,Crème,Food,1,5\n", CP1252},
                {"O1,C1,2025-01-05,A,Crème,Food,1,5\n", CP1252,
                        "O2,C1,2025-01-06,B,Plain,Food,1,5\nO3,C1,2025-01-07,C,Crème,Food,1,5\n", StandardCharsets.UTF_8}}) {
            Path csv = encoded("mixed.csv", rows);
            ImportRejectedException e = assertThrows(ImportRejectedException.class,
                    () -> importer.importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE));
            assertEquals(1, e.problemCount(), e.getMessage());
            RowProblem problem = e.problems().get(0);
            assertEquals(4, problem.line());
            assertEquals("title", problem.column());
            assertTrue(problem.reason().contains("mixes encodings") && problem.reason().contains("line 2"),
                    problem.reason());
            assertStoreEmpty();
        }
    }

    @Test
    void aNamedEncodingIsReadAsGivenAndUtf16IsRefusedWithTheReason() throws IOException {
        Charset cp1250 = Charset.forName("windows-1250");
        Path csv = encoded("polish.csv", "O1,C1,2025-01-05,A,Łódź ćma,Food,1,5\n", cp1250);
        ImportReport report = importer.importFile(store, ImportRequest.of(csv)
                .withEncoding(TextEncoding.of("windows-1250")), ProgressMonitor.NONE);
        assertEquals("windows-1250", report.encoding());
        assertEquals("Łódź ćma", title("A"));

        Path utf16 = Files.write(dir.resolve("unicode.csv"), (HEADER + "O9,C1,2025-01-05,Z,Zed,Food,1,5\n")
                .getBytes(StandardCharsets.UTF_16LE));
        byte[] withMark = Files.readAllBytes(utf16);
        byte[] marked = new byte[withMark.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(withMark, 0, marked, 2, withMark.length);
        Files.write(utf16, marked);
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importer.importFile(store, ImportRequest.of(utf16), ProgressMonitor.NONE));
        assertTrue(e.problems().get(0).reason().contains("UTF-16"), e.problems().get(0).reason());
        assertEquals(1, overview().orders(), "the store keeps what it held");
        assertThrows(IllegalArgumentException.class, () -> TextEncoding.of("UTF-16"));
        assertThrows(IllegalArgumentException.class, () -> TextEncoding.of("no-such-thing"));
    }

    @Test
    void quotedFieldWithNewlineIsImported() throws IOException {
        importText(HEADER + "O1,C1,2025-01-05,A,\"Two\nlines\",Cat,1,5\n");
        assertEquals("Two\nlines", store.read(ctx -> ctx.select(PRODUCTS.TITLE).from(PRODUCTS).fetchOne(PRODUCTS.TITLE)));
    }

    @Test
    void tenMegabyteLineIsABadRowNotACrash() {
        ImportRejectedException e = rejected(HEADER + "O1,C1,2025-01-05,A," + "x".repeat(10_000_000) + ",Cat,1,5\n");
        assertTrue(e.problems().get(0).reason().contains("longer than"));
        assertEquals(2, e.problems().get(0).line());
        assertStoreEmpty();
    }

    @Test
    void skipBadRowsImportsTheRestAndRecordsTheSkippedRows() throws IOException {
        Path csv = file("orders.csv", GOOD + "O4,C1,2025-01-08,A,,,two,5\n");
        ImportReport report = importer.importFile(store, ImportRequest.of(csv).withSkipBadRows(true),
                ProgressMonitor.NONE);
        assertEquals(3, report.orders());
        assertEquals(1, report.skippedRows().size());
        assertEquals(6, report.skippedRows().get(0).line());
        String recorded = store.read(ctx -> ctx.select(IMPORT_BATCHES.SKIPPED_ROWS).from(IMPORT_BATCHES)
                .fetchOne(IMPORT_BATCHES.SKIPPED_ROWS));
        assertTrue(recorded.contains("\"line\":6") && recorded.contains("\"column\":\"quantity\""), recorded);
        assertEquals(1, overview().imports().get(0).rowsSkipped());
    }

    @Test
    void customerDifferingWithinAnOrderIsABadRow() {
        ImportRejectedException e = rejected(HEADER + "O1,C1,2025-01-05,A,,,1,5\nO1,C2,2025-01-05,B,,,1,5\n");
        assertEquals("customer_id", e.problems().get(0).column());
        assertStoreEmpty();
    }

    @Test
    void customerIdsAreStoredOnlyAsSaltedKeys() throws IOException {
        importText(GOOD);
        List<String> keys = store.read(ctx -> ctx.select(CUSTOMERS.CUSTOMER_KEY).from(CUSTOMERS)
                .fetch(CUSTOMERS.CUSTOMER_KEY));
        assertEquals(2, keys.size());
        assertFalse(keys.contains("C1"));
        assertTrue(keys.stream().allMatch(k -> k.matches("[0-9a-f]{40}")));
    }

    @Test
    void shopifyExportCarriesOrderLevelColumnsAndNeverStoresTheEmail() throws IOException {
        String shopify = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
                + "Lineitem compare at price,Lineitem sku,Vendor\n"
                + "#1001,Ann@Example.com,paid,2025-03-04 10:22:31 -0500,1,Serum,48.00,,BEA-SERUM,Glow\n"
                + "#1001,,,,2,Cotton pads,3.99,4.99,BEA-COTTON,Glow\n"
                + "#1002,ann@example.com,paid,2025-03-09 09:00:00 +0000,1,Serum,48.00,,BEA-SERUM,Glow\n";
        Path csv = file("orders_export.csv", shopify);
        ImportReport report = importer.importFile(store, ImportRequest.of(csv).withFormat(ImportFormat.SHOPIFY),
                ProgressMonitor.NONE);
        assertEquals(2, report.orders());
        assertEquals(3, report.lines());
        assertEquals(1, report.customers(), "emails compare case-insensitively");
        assertEquals(LocalDateTime.of(2025, 3, 4, 15, 22, 31), store.read(ctx -> ctx.select(ORDERS.ORDERED_AT)
                .from(ORDERS).where(ORDERS.EXTERNAL_ID.eq("#1001")).fetchOne(ORDERS.ORDERED_AT)));
        assertEquals((Integer) 2, store.read(ctx -> ctx.fetchCount(ORDERS, ORDERS.CUSTOMER_ID.isNotNull())));
        String everything = store.read(ctx -> ctx.fetch("SCRIPT NODATA").toString()
                + ctx.selectFrom(CUSTOMERS).fetch() + ctx.selectFrom(ORDERS).fetch()
                + ctx.selectFrom(IMPORT_BATCHES).fetch() + ctx.selectFrom(PRODUCTS).fetch());
        assertFalse(everything.toLowerCase().contains("example.com"), "no email anywhere in the store");
    }

    /**
     * Shopify does not require SKUs: a line whose Lineitem sku is empty is keyed by its Lineitem name
     * ("Product - Variant"), so a shop without SKUs imports whole; the generic format still needs one.
     */
    @Test
    void aShopifyLineWithoutSkuIsKeyedByItsName() throws IOException {
        String header = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
                + "Lineitem sku\n";
        String rows = "#1,a@x.com,paid,2025-03-04 10:00:00 +0000,1,Candle - Fig,19.00,\n"
                + "#1,,,,1,Matches,2.00,MATCH-1\n"
                + "#2,b@x.com,paid,2025-03-05 10:00:00 +0000,1, Candle - Fig ,19.00,\n"
                + "#2,,,,1,Candle - Cedar,19.00,\n";
        ImportReport report = importer.importFile(store, ImportRequest.of(file("orders_export.csv", header + rows))
                .withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE);
        assertEquals(4, report.lines());
        assertEquals(3, report.linesKeyedByTitle());
        assertEquals(List.of("Candle - Cedar", "Candle - Fig", "MATCH-1"), store.read(ctx -> ctx.select(PRODUCTS.SKU)
                .from(PRODUCTS).orderBy(PRODUCTS.SKU).fetch(PRODUCTS.SKU)), "one product per name, trimmed");

        String tooLong = header + "#3,c@x.com,paid,2025-03-06 10:00:00 +0000,1," + "x".repeat(201) + ",5.00,\n"
                + "#4,d@x.com,paid,2025-03-06 11:00:00 +0000,1,,5.00,\n";
        ImportRejectedException rejected = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("orders_export_2.csv", tooLong)).withFormat(ImportFormat.SHOPIFY),
                ProgressMonitor.NONE));
        assertTrue(rejected.getMessage().contains("line 2, column Lineitem sku (\"\"): is empty, and the line's"
                + " Lineitem name is 201 characters long, too long to stand in for a SKU (at most 200)"),
                rejected.getMessage());
        assertTrue(rejected.getMessage().contains("line 3, column Lineitem sku (\"\"): is empty; every row needs a SKU"),
                rejected.getMessage());

        String generic = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n"
                + "G1,c1,2025-03-07,,Candle - Fig,,1,19.00\n";
        assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("generic.csv", generic)), ProgressMonitor.NONE), "the generic format needs a SKU");
    }

    /**
     * A real export lists cancelled, voided and fully refunded orders beside the paid ones: they were never
     * purchases that stood, and are left out (their later rows too); a partial refund stays in.
     */
    /**
     * A Shopify store selling in several currencies: the store takes the one most orders are in (not the
     * first row's), and the report counts each and warns that prices are read as written.
     */
    @Test
    void ordersInSeveralCurrenciesAreCountedAndWarnedOf() throws IOException {
        String header = "Name,Email,Currency,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku\n";
        String rows = "#1,a@x.com,EUR,2025-03-04 10:00:00 +0000,1,Serum,44.00,SERUM\n"
                + "#1,,,,1,Pads,3.50,PADS\n"
                + "#2,b@x.com,USD,2025-03-05 10:00:00 +0000,1,Serum,48.00,SERUM\n"
                + "#3,c@x.com,usd,2025-03-06 10:00:00 +0000,1,Pads,3.99,PADS\n"
                + "#3,,,,1,Mask,12.00,MASK\n"
                + "#4,d@x.com,USD,2025-03-07 10:00:00 +0000,1,Mask,12.00,MASK\n";
        ImportReport report = importer.importFile(store, ImportRequest.of(file("orders_export_1.csv", header + rows))
                .withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE);
        assertEquals(Map.of("USD", 3L, "EUR", 1L), report.ordersByCurrency());
        assertEquals(List.of("USD", "EUR"), List.copyOf(report.ordersByCurrency().keySet()), "most orders first");
        assertEquals(Optional.of("USD"), new StoreQueries(store).currency(), "the currency of most orders");
        assertEquals(Optional.of("Orders in 2 currencies (USD in 3 orders, EUR in 1 order): prices are read as"
                + " written, so order values mix them; a product's price, the median of its lines, stays in USD where"
                + " most of its lines are. Import each currency's orders into a store of its own for figures in one"
                + " currency."), report.currencyWarning("USD"));

        String gbp = header + "#5,e@x.com,GBP,2025-03-08 10:00:00 +0000,1,Serum,38.00,SERUM\n";
        ImportReport later = importer.importFile(store, ImportRequest.of(file("orders_export_2.csv", gbp))
                .withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE);
        assertEquals(Optional.of("USD"), new StoreQueries(store).currency(), "the store keeps its currency");
        assertEquals(Optional.of("Orders in GBP, the store's currency is USD: their prices are read as USD."),
                later.currencyWarning("USD"));
        assertEquals(Optional.empty(), later.currencyWarning("GBP"));
        assertEquals(Optional.empty(), later.currencyWarning(null), "a store without a currency takes the file's");
    }

    /**
     * The column list on Shopify's current help pages spells three columns differently from the exports
     * in the wild: "Lineitem SKU", "Lineitem compare-at price" and "Canceled at". Both spellings read.
     */
    @Test
    void shopifyExportsOfEitherSpellingReadTheSameColumns() throws IOException {
        String header = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
                + "Lineitem compare-at price,Lineitem SKU,Canceled at\n";
        String rows = "#1,a@x.com,paid,2025-03-04 10:00:00 +0000,1,Serum,40.00,48.00,SERUM,\n"
                + "#1,,,,1,Pads,3.99,,PADS,\n"
                + "#2,b@x.com,paid,2025-03-05 10:00:00 +0000,1,Mask,12.00,,MASK,2025-03-05 12:00:00 +0000\n";
        assertEquals(Optional.of(ImportFormat.SHOPIFY), ImportFormat.detect(List.of(header.strip().split(","))));
        ImportReport report = importer.importFile(store, ImportRequest.of(file("orders_export_1.csv", header + rows))
                .withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE);
        assertEquals(1, report.orders());
        assertEquals(1, report.ordersLeftOut(), "the order with a Canceled at time");
        BigDecimal listPrice = store.read(ctx -> ctx.select(PRODUCTS.LIST_PRICE).from(PRODUCTS)
                .where(PRODUCTS.SKU.eq("SERUM")).fetchOne(PRODUCTS.LIST_PRICE));
        assertEquals(0, new BigDecimal("48.00").compareTo(listPrice),
                "the compare-at price is the list price");
    }

    @Test
    void shopifyOrdersCancelledVoidedOrRefundedInFullAreLeftOut() throws IOException {
        String header = "Name,Email,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
                + "Lineitem sku,Cancelled at\n";
        String rows = "#1,a@x.com,paid,2025-03-04 10:00:00 +0000,1,Serum,48.00,SERUM,\n"
                + "#1,,,,1,Pads,3.99,PADS,\n"
                + "#2,b@x.com,voided,2025-03-04 11:00:00 +0000,1,Serum,48.00,SERUM,\n"
                + "#2,,,,1,Mask,12.00,MASK,\n"
                + "#3,c@x.com,paid,2025-03-05 10:00:00 +0000,1,Serum,48.00,SERUM,2025-03-05 12:00:00 +0000\n"
                + "#4,d@x.com,Refunded,2025-03-06 10:00:00 +0000,1,Toner,9.00,TONER,\n"
                + "#5,e@x.com,partially_refunded,2025-03-07 10:00:00 +0000,1,Pads,3.99,PADS,\n"
                + "#6,f@x.com,expired,2025-03-08 10:00:00 +0000,1,Mask,12.00,MASK,\n";
        ImportReport report = importer.importFile(store, ImportRequest.of(file("orders_export_1.csv", header + rows))
                .withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE);
        assertEquals("shopify", report.format());
        assertEquals(2, report.orders());
        assertEquals(3, report.lines());
        assertEquals(4, report.ordersLeftOut());
        assertEquals(List.of("#1", "#5"), store.read(ctx -> ctx.select(ORDERS.EXTERNAL_ID).from(ORDERS)
                .orderBy(ORDERS.EXTERNAL_ID).fetch(ORDERS.EXTERNAL_ID)));
        assertEquals(2, overview().products(), "the products of left-out orders only are not created");

        // a later export marks an order already stored as refunded: a change, made with --replace
        String later = header + "#1,a@x.com,refunded,2025-03-04 10:00:00 +0000,1,Serum,48.00,SERUM,\n"
                + "#1,,,,1,Pads,3.99,PADS,\n";
        ImportRejectedException refunded = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("orders_export_2.csv", later)).withFormat(ImportFormat.SHOPIFY),
                ProgressMonitor.NONE));
        assertTrue(refunded.getMessage().contains("line 2, column Name (\"#1\"): this order is in the store, and the"
                + " file marks it cancelled or refunded in full (import with --replace to remove it)"),
                refunded.getMessage());
        assertEquals(2, overview().orders(), "a rejected file changes nothing");
        ImportReport removed = importer.importFile(store, ImportRequest.of(file("orders_export_2.csv", later))
                .withFormat(ImportFormat.SHOPIFY).withReplace(true), ProgressMonitor.NONE);
        assertEquals(1, removed.ordersRemoved());
        assertEquals(List.of("#5"), store.read(ctx -> ctx.select(ORDERS.EXTERNAL_ID).from(ORDERS)
                .fetch(ORDERS.EXTERNAL_ID)));
        assertEquals(1, overview().lines(), "the removed order's lines are gone");

        ImportRejectedException none = assertThrows(ImportRejectedException.class, () -> importer.importFile(store,
                ImportRequest.of(file("cancelled.csv", header + "#7,g@x.com,voided,2025-03-09 10:00:00 +0000,1,Serum,"
                        + "48.00,SERUM,\n")).withFormat(ImportFormat.SHOPIFY), ProgressMonitor.NONE));
        assertTrue(none.getMessage().contains("every order in the file is cancelled, voided or refunded in full"
                + " (1 order); nothing was bought"), none.getMessage());
    }

    @Test
    void failureMidImportLeavesTheStoreUnchanged() throws IOException {
        importText(GOOD);
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            big.append("N").append(i).append(",C").append(i % 50).append(",2025-02-01,S").append(i % 7)
                    .append(",,,1,2\n");
        }
        Path csv = file("big.csv", big.toString());
        ProgressMonitor diskFull = (message, done, total) -> {
            if (message.startsWith("Writing") && done > total / 2 + 1000) {
                throw new UncheckedIOException(new IOException("No space left on device"));
            }
        };
        assertThrows(UncheckedIOException.class,
                () -> importer.importFile(store, ImportRequest.of(csv), diskFull));
        StoreOverview o = overview();
        assertEquals(3, o.orders());
        assertEquals(4, o.lines());
        assertEquals(3, o.products());
        assertEquals(1, o.imports().size());
    }

    @Test
    void cancelLeavesTheStoreUnchanged() throws IOException {
        StringBuilder big = new StringBuilder(HEADER);
        for (int i = 0; i < 30_000; i++) {
            big.append("N").append(i).append(",,2025-02-01,S").append(i % 7).append(",,,1,2\n");
        }
        Path csv = file("big.csv", big.toString());
        ProgressMonitor cancelWhileWriting = new ProgressMonitor() {
            boolean writing;

            @Override
            public void progress(String message, long done, long total) {
                writing = message.startsWith("Writing");
            }

            @Override
            public void checkCancelled() {
                if (writing) {
                    throw new CancellationException();
                }
            }
        };
        assertThrows(CancellationException.class,
                () -> importer.importFile(store, ImportRequest.of(csv), cancelWhileWriting));
        assertStoreEmpty();
    }

    @Test
    void unreadableFileIsAnIoErrorNamingIt() {
        IOException e = assertThrows(IOException.class, () -> importer.importFile(store,
                ImportRequest.of(dir.resolve("missing.csv")), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("missing.csv"));
    }

    @Test
    void previewShowsRowsMappingAndProblemsWithoutWriting() throws IOException {
        Path csv = file("orders.csv", GOOD + "O4,C1,2025-01-08,A,,,two,5\n");
        ImportPreview preview = importer.preview(ImportRequest.of(csv), 20);
        assertEquals(5, preview.rows().size());
        assertEquals(4, preview.parsed().size());
        assertEquals(1, preview.problems().size());
        assertEquals("unit_price", preview.columns().get(OrderField.UNIT_PRICE));
        assertStoreEmpty();

        Path odd = file("odd.csv", "Ref,When\nA,2025-01-01\n");
        ImportPreview unmapped = importer.preview(ImportRequest.of(odd), 20);
        assertEquals(List.of("Ref", "When"), unmapped.header());
        assertTrue(unmapped.problems().stream().anyMatch(p -> p.column().equals("order_id")));
        assertEquals(Map.of(), unmapped.columns(), "no column has a default name or a known other one");

        Path partly = file("partly.csv", "Ref,Ordered_At,sku\nA,2025-01-01,S\n");
        assertEquals(Map.of(OrderField.ORDERED_AT, "Ordered_At", OrderField.SKU, "sku"),
                importer.preview(ImportRequest.of(partly), 20).columns(), "what can be matched is offered");
    }

    /** The UCI Online Retail file's header: every field offered from its own names, nothing imported unasked. */
    @Test
    void anotherExportsColumnNamesAreOfferedAndNamedInTheRefusalButNeverReadUnasked() throws IOException {
        Path csv = file("Online Retail.csv", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                + "CustomerID,Country\n536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,"
                + "United Kingdom\n");
        assertEquals(Map.of(OrderField.ORDER_ID, "InvoiceNo", OrderField.SKU, "StockCode", OrderField.TITLE,
                        "Description", OrderField.QUANTITY, "Quantity", OrderField.ORDERED_AT, "InvoiceDate",
                        OrderField.UNIT_PRICE, "UnitPrice", OrderField.CUSTOMER_ID, "CustomerID"),
                importer.preview(ImportRequest.of(csv), 20).columns());
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> importer.importFile(store, ImportRequest.of(csv), ProgressMonitor.NONE));
        assertTrue(e.getMessage().contains("--map sku=StockCode, the column that looks like it"), e.getMessage());
        String whole = "--map order_id=InvoiceNo,customer_id=CustomerID,ordered_at=InvoiceDate,sku=StockCode,"
                + "title=Description,unit_price=UnitPrice";
        assertTrue(e.firstLine().contains("every column at once: " + whole), e.firstLine());
        assertStoreEmpty();
        ImportReport read = importer.importFile(store, ImportRequest.of(csv).withColumnMap(
                ColumnMapping.parseOverrides(whole.substring("--map ".length()))), ProgressMonitor.NONE);
        assertEquals(1, read.orders(), "the --map offered reads the file");
        assertEquals("WHITE HANGING HEART T-LIGHT HOLDER", title("85123A"));
        assertEquals(Map.of(OrderField.CUSTOMER_ID, "Customer ID", OrderField.UNIT_PRICE, "Price"),
                ColumnGuesses.suggest(List.of("Invoice", "Price", "Customer ID", "Total price"),
                        Map.of(OrderField.ORDER_ID, "Invoice")), "Online Retail II's names; a mapped column is not offered twice");
    }
}
