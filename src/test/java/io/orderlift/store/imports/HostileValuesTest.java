package io.orderlift.store.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values a hostile or broken file carries that used to slip through (issue 19): each is a bad value
 * naming file, line and column, and the store with orders is left exactly as it was.
 */
class HostileValuesTest {

    static final String HEADER = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void storeWithOrders() throws Exception {
        store = Store.openOrCreate(dir.resolve("store"));
        importCsv("good.csv", HEADER + "G1,C1,2025-01-01,A,Tent,Tents,1,100\nG2,C2,2025-01-02,B,Stakes,Tents,2,5\n");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ImportReport importCsv(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return new OrderImporter().importFile(store, ImportRequest.of(file), ProgressMonitor.NONE);
    }

    private void refused(String row, String column, String reason) throws Exception {
        long before = new StoreQueries(store).overview().orders();
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv("bad.csv", HEADER + row
                + "\n"));
        RowProblem problem = e.problems().get(0);
        assertEquals(2, problem.line(), row);
        assertEquals(column, problem.column(), row);
        assertTrue(problem.reason().contains(reason), row + ": " + problem.reason());
        assertEquals(before, new StoreQueries(store).overview().orders(), "the store is unchanged");
    }

    @Test
    void everyHostileValueIsABadValueWithItsLineAndColumn() throws Exception {
        refused("O1,C1,2025-01-01,A,,,2147483647,999999999999", "quantity", "too large");
        refused("O1,C1,2025-01-01,A,,,1000000,999999999999", "quantity", "worth more than a billion");
        refused("O1,C1,2025-01-01,A,,,++5,1", "quantity", "not a whole number");
        refused("O1,C1,2025-01-01,A,,,5-,1", "quantity", "not a whole number");
        refused("O1,C1,2025-01-01,\u00a0,,,1,1", "sku", "only spaces");
        refused("O\ufeff1,C1,2025-01-01,A,,,1,1", "order_id", "invisible character (U+FEFF)");
        refused("O\u00001,C1,2025-01-01,A,,,1,1", "order_id", "invisible character (U+0000)");
        refused("O1,C\u200b1,2025-01-01,A,,,1,1", "customer_id", "invisible character (U+200B)");
        refused("O" + "x".repeat(200) + ",C1,2025-01-01,A,,,1,1", "order_id", "at most 200");
        refused("O1,C1,2025-01-01," + "S".repeat(201) + ",,,1,1", "sku", "at most 200");
        refused("O1,C1,2025-01-01,A," + "t".repeat(1_001) + ",,1,1", "title", "at most 1000");
        refused("O1,C1,2025-01-01,A,," + "c".repeat(201) + ",1,1", "category", "at most 200");
    }

    @Test
    void unreadableFilesAreRefusedNamingTheFileAndTheLineReached() throws Exception {
        long before = new StoreQueries(store).overview().orders();
        byte[] gz = Files.readAllBytes(Path.of("sample-stores/wholesale/orders.csv.gz"));
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(gz, 300_000));
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> new OrderImporter().importFile(store, ImportRequest.of(cut), ProgressMonitor.NONE));
        assertTrue(e.getMessage().startsWith("cut.csv.gz: 1 problem"), e.getMessage());
        assertTrue(e.problems().get(0).line() > 1_000, "the line reached before the damage");
        assertTrue(e.problems().get(0).reason().contains("not a complete gzip file"));
        Path notGzip = dir.resolve("plain.csv.gz");
        Files.writeString(notGzip, HEADER + "O1,C1,2025-01-01,A,,,1,1\n");
        assertTrue(assertThrows(ImportRejectedException.class, () -> new OrderImporter().importFile(store,
                ImportRequest.of(notGzip), ProgressMonitor.NONE)).problems().get(0).reason().contains("not a gzip file"));
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB}, HEADER.getBytes(StandardCharsets.UTF_8)));
        RowProblem damaged = assertThrows(ImportRejectedException.class, () -> new OrderImporter().importFile(store,
                ImportRequest.of(bom), ProgressMonitor.NONE)).problems().get(0);
        assertEquals(1, damaged.line());
        assertTrue(damaged.reason().contains("damaged byte order mark"), damaged.reason());
        assertEquals(before, new StoreQueries(store).overview().orders(), "the store is unchanged");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aDuplicatedHeaderColumnIsRefused() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> importCsv("dup.csv",
                "order_id,customer_id,ordered_at,sku,quantity,unit_price,sku\nO1,C1,2025-01-01,A,1,1,B\n"));
        assertEquals(List.of("sku"), e.problems().stream().map(RowProblem::column).toList());
        assertTrue(e.problems().get(0).reason().contains("ambiguous"));
    }
}
