package io.orderlift.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Brings a store file's schema up to date so that no kill can leave it half-migrated: H2 commits
 * each DDL statement on its own, so a migration interrupted in place leaves tables that exist and a
 * schema history that says the migration failed, and the store never opens again. Instead the
 * schema is created or migrated in a copy beside the store ({@code store-migrating.mv.db}), which
 * replaces the store file in one atomic rename once Flyway is done. A kill before the rename leaves
 * the old file as it was (the copy is discarded next time); after it, the new one.
 *
 * <p>A store that an interrupted creation left behind under earlier versions (a failed migration
 * in its history and no order in it) is rebuilt from scratch; it holds nothing to lose. A store a
 * newer Orderlift migrated further than this one knows is refused untouched: Flyway would pass over
 * the migrations it does not know, and this version would then read and write tables it does not
 * understand.
 */
final class SchemaMigration {

    static final String MIGRATING_NAME = "store-migrating";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    private SchemaMigration() {
    }

    /** Makes {@code dir}'s store file current, creating it when there is none. */
    static void ensureCurrent(Path dir, String urlOptions) {
        Path store = dir.resolve(Store.DATABASE_NAME + ".mv.db");
        Path copy = dir.resolve(MIGRATING_NAME + ".mv.db");
        try {
            deleteLeftovers(dir);
            if (Files.exists(store)) {
                State state = state(url(dir, Store.DATABASE_NAME, urlOptions), dir);
                if (state == State.CURRENT) {
                    return;
                }
                if (state == State.FAILED_EMPTY) {
                    Files.delete(store);
                } else {
                    Files.copy(store, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            migrate(url(dir, MIGRATING_NAME, urlOptions));
            Files.move(copy, store, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StoreException("Cannot prepare the store in " + dir + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteLeftovers(dir);
            } catch (IOException ignored) {
                // a leftover copy is removed on the next open
            }
        }
    }

    private enum State { CURRENT, BEHIND, FAILED_EMPTY }

    private static State state(String url, Path dir) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            if (isCurrent(statement)) {
                return State.CURRENT;
            }
            int[] history = history(statement);
            if (history[2] > Store.SCHEMA_VERSION) {
                throw new StoreException("The store in " + dir + " was written by a newer Orderlift (its schema is"
                        + " version " + history[2] + "; this Orderlift knows versions up to " + Store.SCHEMA_VERSION
                        + "). Open it with that version or a later one; this one leaves it as it is.");
            }
            return history[1] > 0 && !holdsOrders(statement) ? State.FAILED_EMPTY : State.BEHIND;
        } catch (SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                throw new StoreLockedException(dir, e);
            }
            throw new StoreException("Cannot open the store " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Whether the schema history says every bundled migration ran successfully. */
    static boolean isCurrent(Statement statement) throws SQLException {
        int[] history = history(statement);
        return history[0] == Store.SCHEMA_VERSION && history[1] == 0 && history[2] == Store.SCHEMA_VERSION;
    }

    /** Migrations recorded, failed ones among them, and the newest version; zeros without a history. */
    private static int[] history(Statement statement) throws SQLException {
        try (ResultSet exists = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_NAME = 'flyway_schema_history'")) {
            if (!exists.next() || exists.getInt(1) == 0) {
                return new int[] {0, 0, 0};
            }
        }
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(CASE WHEN \"success\" THEN 0 ELSE 1 END),"
                + " MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)};
        }
    }

    private static boolean holdsOrders(Statement statement) {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM ORDERS")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Runs the bundled migrations on {@code dataSource}; the one place the project calls Flyway. */
    static void migrate(DataSource dataSource) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new StoreException("Cannot prepare the store database: " + e.getMessage(), e);
        }
    }

    private static void migrate(String url) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        try {
            migrate(dataSource);
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // nothing open to flush
            }
        }
    }

    private static void deleteLeftovers(Path dir) throws IOException {
        for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
            Files.deleteIfExists(dir.resolve(MIGRATING_NAME + suffix));
        }
    }

    private static String url(Path dir, String name, String options) {
        return "jdbc:h2:retry:" + dir.resolve(name) + options;
    }
}
