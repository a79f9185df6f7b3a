package io.orderlift.store.imports;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;

/**
 * The rows both import writers insert ({@link StoreWriter}, {@link StreamingWriter}): for orders,
 * lines and customers one list of columns, from which the insert statement is made and in whose
 * order a row binds its values, so that the two writers cannot drift apart.
 */
final class OrderRows {

    /** Rows per JDBC batch, and per commit when writing in committed chunks. */
    static final int BATCH = 2_500;

    private static final DSLContext H2 = DSL.using(SQLDialect.H2);

    static final List<Field<?>> ORDER_FIELDS = List.of(ORDERS.ID, ORDERS.EXTERNAL_ID, ORDERS.CUSTOMER_ID,
            ORDERS.ORDERED_AT, ORDERS.ITEM_COUNT, ORDERS.ORDER_VALUE, ORDERS.FIRST_LINE_ID, ORDERS.LINE_COUNT,
            ORDERS.CONTENT_HASH, ORDERS.BATCH_ID);
    static final List<Field<?>> LINE_FIELDS = List.of(ORDER_LINES.ID, ORDER_LINES.ORDER_ID, ORDER_LINES.PRODUCT_ID,
            ORDER_LINES.QUANTITY, ORDER_LINES.UNIT_PRICE);
    static final List<Field<?>> CUSTOMER_FIELDS = List.of(CUSTOMERS.ID, CUSTOMERS.CUSTOMER_KEY);

    static final String ORDER_INSERT = insertSql(ORDERS, ORDER_FIELDS);
    static final String LINE_INSERT = insertSql(ORDER_LINES, LINE_FIELDS);
    static final String CUSTOMER_INSERT = insertSql(CUSTOMERS, CUSTOMER_FIELDS);

    private OrderRows() {
    }

    /**
     * An order row; money in units of 1/10,000, times in epoch milliseconds UTC.
     *
     * @param customerId the customer's store id, -1 for a guest
     */
    record StoredOrder(int id, String externalId, int customerId, long orderedAt, int itemCount, long value,
                       long firstLineId, int lineCount, long contentHash, int batchId) {

        /** Binds the values to {@link #ORDER_INSERT}, in {@link #ORDER_FIELDS}' order. */
        void bind(PreparedStatement insert) throws SQLException {
            insert.setInt(1, id);
            insert.setString(2, externalId);
            if (customerId < 0) {
                insert.setNull(3, Types.INTEGER);
            } else {
                insert.setInt(3, customerId);
            }
            insert.setObject(4, LocalDateTime.ofInstant(Instant.ofEpochMilli(orderedAt), ZoneOffset.UTC));
            insert.setInt(5, itemCount);
            insert.setBigDecimal(6, BigDecimal.valueOf(value, Values.MONEY_SCALE));
            insert.setLong(7, firstLineId);
            insert.setInt(8, lineCount);
            insert.setLong(9, contentHash);
            insert.setInt(10, batchId);
        }
    }

    /** A line row; the unit price in units of 1/10,000. */
    record StoredLine(long id, int orderId, int productId, int quantity, long unitPrice) {

        /** Binds the values to {@link #LINE_INSERT}, in {@link #LINE_FIELDS}' order. */
        void bind(PreparedStatement insert) throws SQLException {
            insert.setLong(1, id);
            insert.setInt(2, orderId);
            insert.setInt(3, productId);
            insert.setInt(4, quantity);
            insert.setBigDecimal(5, BigDecimal.valueOf(unitPrice, Values.MONEY_SCALE));
        }
    }

    /** A customer row: the store id and the pseudonymous key. */
    record StoredCustomer(int id, String key) {

        /** Binds the values to {@link #CUSTOMER_INSERT}, in {@link #CUSTOMER_FIELDS}' order. */
        void bind(PreparedStatement insert) throws SQLException {
            insert.setInt(1, id);
            insert.setString(2, key);
        }
    }

    /** {@code INSERT INTO table (fields) VALUES (?, …)}. */
    static String insertSql(Table<?> table, List<Field<?>> fields) {
        return H2.insertInto(table, fields).values(Collections.nCopies(fields.size(), null)).getSQL();
    }
}
