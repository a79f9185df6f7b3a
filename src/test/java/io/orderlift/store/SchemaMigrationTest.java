package io.orderlift.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.db.Tables;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stores whose schema a kill interrupted open again, as they were or complete. */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    private void sql(Path store, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + store.resolve(Store.DATABASE_NAME), "sa", "");
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void aCopyLeftByAKilledCreationIsDiscardedAndTheStoreCreated() throws Exception {
        Path store = dir.resolve("new");
        Files.createDirectories(store);
        Files.write(store.resolve(SchemaMigration.MIGRATING_NAME + ".mv.db"), new byte[] {1, 2, 3});
        try (Store opened = Store.openOrCreate(store)) {
            assertEquals(0, (int) opened.read(ctx -> ctx.fetchCount(Tables.ORDERS)));
        }
        assertFalse(Files.exists(store.resolve(SchemaMigration.MIGRATING_NAME + ".mv.db")));
    }

    @Test
    void aStoreWhoseCreationFailedHalfwayUnderEarlierVersionsOpensAgain() throws Exception {
        Path store = dir.resolve("bricked");
        Store.openOrCreate(store).close();
        // what an interrupted in-place migration left: a failed entry in the history, no orders
        sql(store, "UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        try (Store opened = Store.open(store)) {
            assertEquals(0, (int) opened.read(ctx -> ctx.fetchCount(Tables.ORDERS)));
        }
    }

    @Test
    void aStoreANewerOrderliftMigratedIsRefusedUntouched() throws Exception {
        Path store = dir.resolve("newer");
        Store.openOrCreate(store).close();
        int next = Store.SCHEMA_VERSION + 1;
        sql(store, "INSERT INTO \"flyway_schema_history\" SELECT " + next + ", '" + next + "', 'from a newer version',"
                + " \"type\", 'V" + next + "__from_a_newer_version.sql', 1, \"installed_by\", \"installed_on\", 1, TRUE"
                + " FROM \"flyway_schema_history\" WHERE \"version\" = '" + Store.SCHEMA_VERSION + "'");
        StoreException refused = assertThrows(StoreException.class, () -> Store.open(store));
        assertTrue(refused.getMessage().contains("was written by a newer Orderlift (its schema is version " + next
                + "; this Orderlift knows versions up to " + Store.SCHEMA_VERSION + ")"), refused.getMessage());
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + store.resolve(Store.DATABASE_NAME), "sa", "");
             Statement s = c.createStatement();
             var newest = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\"")) {
            assertTrue(newest.next());
            assertEquals(next, newest.getInt(1), "its history as the newer version left it");
        }
        assertFalse(Files.exists(store.resolve(SchemaMigration.MIGRATING_NAME + ".mv.db")));
        Store.openOrCreate(store.resolveSibling("other")).close(); // the refusal left nothing held open
        assertThrows(StoreException.class, () -> Store.open(store), "and says so again");
    }

    @Test
    void aStoreBehindIsMigratedAsideAndKeepsItsOrders() throws Exception {
        Path store = dir.resolve("behind");
        try (Store created = Store.openOrCreate(store)) {
            new OrderImporter().importFile(created, ImportRequest.of(Path.of("sample-stores/outdoor/orders.csv")),
                    ProgressMonitor.NONE);
        }
        // the store as version 7 left it: per-pair rows, no packed pairs, no encoding in the import
        // history, no copy of the lines, statistics per product in rows, no kept backtest, no import undo, no
        // V8 to V14 in the schema history
        sql(store, "DROP TABLE ANCHOR_PAIRS", "DROP TABLE BACKTEST_REPORTS", "DROP TABLE LINE_SNAPSHOTS", "DROP TABLE RUN_PRODUCTS",
                "DROP TABLE IMPORT_UNDO_ORDERS", "DROP TABLE IMPORT_UNDO_ORDER_LINES",
                "DROP TABLE IMPORT_UNDO_PRODUCTS",
                "CREATE TABLE PRODUCT_STATS (RUN_ID INT NOT NULL, PRODUCT_ID INT NOT NULL, ORDERS INT NOT NULL,"
                        + " FOLLOW_BASE INT NOT NULL, PRICE NUMERIC(19, 4), PRIMARY KEY (RUN_ID, PRODUCT_ID))",
                "CREATE TABLE PAIR_STATS (RUN_ID INT NOT NULL, ANCHOR_ID INT NOT NULL, CANDIDATE_ID INT NOT NULL,"
                        + " CO INT NOT NULL, FOLLOW INT NOT NULL, CUSTOMERS INT NOT NULL)",
                "ALTER TABLE IMPORT_BATCHES DROP COLUMN ENCODING",
                "DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ('8', '9', '10', '11', '12', '13', '14')");
        try (Store opened = Store.open(store)) {
            assertEquals(21_047, (int) opened.read(ctx -> ctx.fetchCount(Tables.ORDERS)));
            assertTrue(new PairStatisticsStore(opened).activeRun().isEmpty(), "asks to be mined again");
            ImportBatch old = new StoreQueries(opened).overview().imports().get(0);
            assertEquals(null, old.encoding(), "an import recorded before V9 did not keep its encoding");
            assertEquals("generic", old.formatRead());
            assertTrue(new BacktestStore(opened).last().isEmpty(), "V13: a table for the last backtest, empty");
            assertEquals(0, (int) opened.read(ctx -> ctx.fetchCount(Tables.IMPORT_UNDO_PRODUCTS)), "V14, empty");
        }
        try (var files = Files.list(store)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(SchemaMigration.MIGRATING_NAME)));
        }
    }

    /** An import's undo copies of orders, order lines and products have their source tables' columns, in order. */
    @Test
    void theImportUndoTablesHaveTheColumnsOfTheTablesTheyCopy() {
        try (Store store = Store.openOrCreate(dir.resolve("columns"))) {
            for (String table : new String[] {"ORDERS", "ORDER_LINES", "PRODUCTS"}) {
                assertEquals(columns(store, table), columns(store, "IMPORT_UNDO_" + table), table);
            }
        }
    }

    private static List<String> columns(Store store, String table) {
        return store.read(ctx -> ctx.fetch("SELECT COLUMN_NAME, DATA_TYPE, NUMERIC_PRECISION, NUMERIC_SCALE,"
                + " CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?"
                + " ORDER BY ORDINAL_POSITION", table).map(r -> r.intoList().toString()));
    }
}
