package io.orderlift.store;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** The Flyway scripts that generated the jOOQ classes also build a working database. */
class StoreSchemaTest {

    @Test
    void freshInMemoryStoreAcceptsRowsThroughGeneratedClasses() {
        try (Store store = Store.inMemory()) {
            store.write(cfg -> {
                var ctx = DSL.using(cfg);
                ctx.insertInto(PRODUCTS).set(PRODUCTS.ID, 1).set(PRODUCTS.SKU, "A").set(PRODUCTS.TITLE, "Tent")
                        .set(PRODUCTS.LIST_PRICE, new BigDecimal("199.00")).execute();
                ctx.insertInto(CUSTOMERS).set(CUSTOMERS.ID, 1).set(CUSTOMERS.CUSTOMER_KEY, "k1").execute();
                ctx.insertInto(ORDERS).set(ORDERS.ID, 1).set(ORDERS.EXTERNAL_ID, "O1").set(ORDERS.CUSTOMER_ID, 1)
                        .set(ORDERS.ORDERED_AT, LocalDateTime.of(2025, 1, 2, 3, 4)).set(ORDERS.ITEM_COUNT, 1)
                        .set(ORDERS.ORDER_VALUE, new BigDecimal("199.00")).set(ORDERS.FIRST_LINE_ID, 1L)
                        .set(ORDERS.LINE_COUNT, 1).set(ORDERS.CONTENT_HASH, 42L).set(ORDERS.BATCH_ID, 1).execute();
                ctx.insertInto(ORDER_LINES).set(ORDER_LINES.ID, 1L).set(ORDER_LINES.ORDER_ID, 1)
                        .set(ORDER_LINES.PRODUCT_ID, 1).set(ORDER_LINES.QUANTITY, 1)
                        .set(ORDER_LINES.UNIT_PRICE, new BigDecimal("199.00")).execute();
                return null;
            });
            String title = store.read(ctx -> ctx.select(PRODUCTS.TITLE).from(ORDER_LINES)
                    .join(PRODUCTS).on(PRODUCTS.ID.eq(ORDER_LINES.PRODUCT_ID)).fetchOne(PRODUCTS.TITLE));
            assertEquals("Tent", title);
            assertTrue(store.customerSalt().length == 32, "a new store gets a 256-bit customer salt");
        }
    }

    @Test
    void schemaVersionNamesTheNewestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertEquals(newest, Store.SCHEMA_VERSION, "Store.SCHEMA_VERSION must name the newest migration, or"
                    + " stores opened by this build would skip it");
        }
    }

    @Test
    void aFullDiskIsOneLineNamingTheStore() {
        try (Store store = Store.inMemory()) {
            StoreException e = Assertions.assertThrows(StoreException.class,
                    () -> store.exclusivelyWithSmallCache(() -> {
                        throw new SQLException("Error while running", new IOException(
                                "No space left on device"));
                    }));
            assertEquals("The disk holding the in-memory store is full; free some space and try again. Nothing was"
                    + " changed.", e.getMessage());
            StoreException other = Assertions.assertThrows(StoreException.class,
                    () -> store.read(ctx -> ctx.fetch("SELECT * FROM NO_SUCH_TABLE")));
            assertTrue(other.getMessage().startsWith("Cannot use the in-memory store: "), other.getMessage());
            assertEquals(1, other.getMessage().lines().count(), "one line");
        }
    }

    @Test
    void settingsRoundTrip() {
        try (Store store = Store.inMemory()) {
            store.putSetting("name", "one");
            store.putSetting("name", "two");
            assertEquals("two", store.setting("name").orElseThrow());
        }
    }
}
