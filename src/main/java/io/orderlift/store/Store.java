package io.orderlift.store;

import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStoreException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.TransactionalCallable;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import static io.orderlift.store.db.Tables.CUSTOMERS;
import static io.orderlift.store.db.Tables.IMPORT_BATCHES;
import static io.orderlift.store.db.Tables.ORDERS;
import static io.orderlift.store.db.Tables.ORDER_LINES;
import static io.orderlift.store.db.Tables.PRODUCTS;
import static io.orderlift.store.db.Tables.STORE_SETTINGS;

/**
 * One shop's database: an embedded H2 file {@code store.mv.db} inside the store directory,
 * migrated by Flyway on open and accessed through jOOQ. A store can be open in one process at a
 * time (H2's file lock) and once per process; a second attempt gets {@link StoreLockedException}.
 */
public final class Store implements AutoCloseable {

    /** File name of the H2 database inside a store directory, without H2's {@code .mv.db}. */
    public static final String DATABASE_NAME = "store";
    private static final String SALT_KEY = "customer_salt";
    /**
     * Setting present while an import into an empty store is written in chunks (see
     * {@code StoreWriter}); found on open, it means that import never finished, and the store is
     * emptied of its partial rows.
     */
    public static final String IMPORT_IN_PROGRESS = "import_in_progress";
    /**
     * Setting present while an import into a store with orders runs: the store's {@link
     * ImportWatermark} before it, removed in the import's own transaction. Found on open, it means
     * that transaction never committed, and rows above the watermark are deleted.
     */
    public static final String IMPORT_ABOVE = "import_above";
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's page cache while the store is open: room for a large store's orders and lines. */
    private static final int CACHE_KB = 262_144;
    /**
     * How every store file is opened: locked by the operating system's lock on the file itself (a
     * second process is refused at once, and a killed process's lock goes with it), and never
     * compacted in place.
     * <p>H2's {@code FILE_LOCK=FILE}, used until session 49, adds a {@code store.lock.db} that H2 sleeps
     * on to see whether another process keeps it fresh: it took two seconds to refuse a second process
     * and delayed the first open after a crash by as much. It is meant for network drives without
     * native locks; the store's own file was locked natively under it all the same.
     * <p>H2 2.3's in-place compaction moves chunks inside the file, and a process killed while it does
     * so can leave two chunks claiming the same blocks: the file no longer opens ("File corrupted while
     * reading record … Double mark", h2database issues 2752 and 4123; seen once in the kill campaign,
     * docs/reliability.md). A file that is mostly dead space is rewritten beside itself at close
     * instead ({@link FileCompaction}).
     */
    static final String FILE_OPTIONS = ";FILE_LOCK=FS;MAX_COMPACT_TIME=0;AUTO_COMPACT_FILL_RATE=0";
    private static final int BULK_WRITE_CACHE_KB = 16_384;
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();
    /** The number of the newest migration in {@code db/migration}; a test keeps it so. */
    static final int SCHEMA_VERSION = 14;

    /** Flyway and jOOQ log through java.util.logging here; their INFO chatter is not for users. */
    private static final Logger LOG = Logger.getLogger(Store.class.getName());
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("org.flywaydb"),
            Logger.getLogger("org.jooq"));

    static {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    private final Path directory;
    private final String url;
    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final Object writeLock = new Object();
    private List<String> recoveredOnOpen = List.of();

    private Store(Path directory, String url, JdbcConnectionPool pool) {
        this.directory = directory;
        this.url = url;
        this.pool = pool;
        this.dsl = DSL.using(pool, SQLDialect.H2, new Settings().withExecuteLogging(false));
    }

    /** Opens the existing store in {@code directory}. */
    public static Store open(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!exists(dir)) {
            throw new StoreException("There is no Orderlift store in " + dir + " (no " + DATABASE_NAME + ".mv.db).");
        }
        return openFile(dir);
    }

    /**
     * Opens the store in {@code directory}, creating the directory and an empty store if needed. A
     * folder that holds other files and no store is refused: a store is never mixed into an
     * unrelated folder by a mistyped path.
     */
    public static Store openOrCreate(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!exists(dir) && holdsOtherFiles(dir)) {
            throw new StoreException("The folder " + dir + " holds other files and no Orderlift store: choose an"
                    + " empty or new folder for a new store.");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the store directory " + dir + ": " + e.getMessage(), e);
        }
        return openFile(dir);
    }

    /** Creates a new store in an empty or new folder; a folder already holding a store is refused. */
    public static Store create(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (exists(dir)) {
            throw new StoreException("The folder " + dir + " already holds an Orderlift store: open it instead.");
        }
        return openOrCreate(dir);
    }

    /** Whether {@code dir} is a folder holding files that are not the store's own (hidden files aside). */
    private static boolean holdsOtherFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString())
                    .anyMatch(name -> !name.startsWith(".") && !name.startsWith(DATABASE_NAME + ".")
                            && !name.startsWith(DATABASE_NAME + "-"));
        } catch (IOException e) {
            throw new StoreException("Cannot read the folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An empty store in memory, gone when closed; for tests and previews. */
    public static Store inMemory() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            SchemaMigration.migrate(pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
        return ready(null, url, pool);
    }

    /**
     * Removes a store that was created moments ago and holds nothing (its first import was
     * rejected): its database files, and the folder when {@code folderToo} and it is then empty.
     * The store must be closed.
     */
    public static void discardNew(Path directory, boolean folderToo) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            for (String suffix : new String[] {".mv.db", ".trace.db", ".lock.db"}) {
                Files.deleteIfExists(dir.resolve(DATABASE_NAME + suffix));
            }
            if (folderToo && Files.isDirectory(dir)) {
                try (var left = Files.list(dir)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(dir);
                    }
                }
            }
        } catch (IOException e) {
            throw new StoreException("Cannot remove the empty store " + dir + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code directory} holds a store database. */
    public static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve(DATABASE_NAME + ".mv.db"));
    }

    private static Store openFile(Path dir) {
        if (!OPEN_IN_THIS_PROCESS.add(dir)) {
            throw new StoreLockedException(dir, null);
        }
        try {
            // retry: H2's file system that reopens a file channel closed because a thread doing I/O was
            // interrupted, as Cancel in the workbench does (a JavaFX task's cancel interrupts). With
            // plain file: the store failed ("Reading from file ... failed") until it was reopened.
            String url = "jdbc:h2:retry:" + dir.resolve(DATABASE_NAME) + FILE_OPTIONS + ";CACHE_SIZE=" + CACHE_KB;
            JdbcConnectionPool pool = connect(dir, url);
            if (!isCurrent(pool)) {
                // created or migrated aside and renamed into place: a kill never leaves half a schema
                pool.dispose();
                SchemaMigration.ensureCurrent(dir, FILE_OPTIONS);
                pool = connect(dir, url);
            }
            return ready(dir, url, pool);
        } catch (RuntimeException e) {
            OPEN_IN_THIS_PROCESS.remove(dir);
            throw e;
        }
    }

    /** Attempts at a store whose file lock this process still held a moment ago (see {@link #connect}). */
    private static final int LEFTOVER_LOCK_ATTEMPTS = 50;

    /**
     * A pool on the store file, its first connection made: a store open elsewhere is reported here.
     * A lock this process itself still holds on the file ({@code OverlappingFileLockException}) is
     * a store of this process being closed, as no open one passes {@code OPEN_IN_THIS_PROCESS}: it is
     * waited out (up to five seconds: a second was once not enough on a loaded CI machine) instead of
     * being reported as another window holding the store.
     */
    private static JdbcConnectionPool connect(Path dir, String url) {
        for (int attempt = 1; ; attempt++) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
            try {
                pool.getConnection().close();
                return pool;
            } catch (SQLException e) {
                pool.dispose();
                if (heldByThisProcess(e) && attempt < LEFTOVER_LOCK_ATTEMPTS) {
                    pause(100);
                    continue;
                }
                if (e.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                    throw new StoreLockedException(dir, e);
                }
                throw new StoreException("Cannot open the store " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static boolean heldByThisProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OverlappingFileLockException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while opening the store", interrupted);
        }
    }

    /**
     * Whether the schema history says every bundled migration ran successfully, so the store opens
     * without Flyway (about half a second of class loading and validation on every command).
     */
    private static boolean isCurrent(JdbcConnectionPool pool) {
        try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
            return SchemaMigration.isCurrent(statement);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Store ready(Path dir, String url, JdbcConnectionPool pool) {
        Store store = new Store(dir, url, pool);
        store.ensureSalt();
        store.recoveredOnOpen = StoreRecovery.afterOpen(store);
        return store;
    }

    private void ensureSalt() {
        if (setting(SALT_KEY).isEmpty()) {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            putSetting(SALT_KEY, HexFormat.of().formatHex(salt));
        }
    }

    /**
     * Loads H2's and jOOQ's classes and runs one query through them on an in-memory database of its
     * own, touching no store: a command's first query otherwise pays for it, about a second in a
     * fresh JVM. Run on a thread of its own at start-up, while the command line is parsed and the
     * store file is opened.
     */
    public static void warmUp() {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:", "sa", "")) {
            DSLContext ctx = DSL.using(connection, SQLDialect.H2);
            ctx.fetchValue(DSL.select(DSL.count()).from(DSL.values(DSL.row(1, "a"))));
            ctx.select(STORE_SETTINGS.SETTING_VALUE).from(STORE_SETTINGS)
                    .where(STORE_SETTINGS.SETTING_KEY.eq(SALT_KEY)).getSQL();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Warming up the database classes failed; the first query pays instead", e);
        }
    }

    /** The store's directory, or empty for an in-memory store. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /**
     * What opening the store undid of writes a crash cut short, one sentence each for the person who
     * opened it (docs/reliability.md); almost always empty.
     */
    public List<String> recoveredOnOpen() {
        return recoveredOnOpen;
    }

    /** A readable name: the directory name, or "in-memory". */
    public String name() {
        return directory == null ? "in-memory" : directory.getFileName().toString();
    }

    /** The secret salt used to turn customer ids and emails into pseudonymous keys. */
    public byte[] customerSalt() {
        return HexFormat.of().parseHex(setting(SALT_KEY).orElseThrow());
    }

    /** Runs a read with the store's jOOQ context. */
    public <T> T read(Function<DSLContext, T> query) {
        try {
            return query.apply(dsl);
        } catch (DataAccessException e) {
            throw storageFailure(e);
        }
    }

    /**
     * One line for a failure of the storage itself, naming the store and the root cause (a full
     * disk said so first) instead of jOOQ's and H2's nested messages.
     */
    StoreException storageFailure(Throwable e) {
        Throwable root = e;
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            root = t;
            chain.append(' ').append(t.getMessage());
        }
        String where = directory == null ? "the in-memory store" : "the store " + directory;
        if (chain.toString().contains("No space left on device")) {
            return new StoreException("The disk holding " + where + " is full; free some space and try again. Nothing"
                    + " was changed.", e);
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage().lines().findFirst().orElse("");
        return new StoreException("Cannot use " + where + ": " + message, e);
    }

    /**
     * Runs a read of several statements that must see one state of the store (no import commits in
     * between): it waits for running writes and holds off new ones until it returns.
     */
    public <T> T readConsistently(Function<DSLContext, T> query) {
        synchronized (writeLock) {
            try {
                return query.apply(dsl);
            } catch (DataAccessException e) {
                throw storageFailure(e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction; everything it wrote is rolled back if it throws.
     * Writes are serialised so two imports never interleave.
     */
    public <T> T write(TransactionalCallable<T> work) {
        synchronized (writeLock) {
            try {
                T result = dsl.transactionResult(work);
                flush();
                return result;
            } catch (DataAccessException e) {
                throw storageFailure(e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction behind a mark: the setting {@code key}, valued by {@code
     * mark} as the store is before the work, is committed and flushed first and removed as the
     * transaction's last write; a failure or cancel removes it too. H2 rolls a transaction a kill cut
     * short back when the file opens again, but keeps rows whose undo entries never reached the file
     * (docs/reliability.md): a mark found on open says which transaction never committed, so that
     * {@link #open} can undo what it left.
     */
    public <T> T writeBehindMark(String key, Function<DSLContext, String> mark, TransactionalCallable<T> work) {
        return writeBehindMark(key, mark, work, ctx -> { });
    }

    /**
     * {@link #writeBehindMark(String, Function, TransactionalCallable)} where {@code mark} also keeps rows
     * aside for the open to put back: {@code clearKept} removes them with the mark, in the same write,
     * whether the work commits or fails.
     */
    public <T> T writeBehindMark(String key, Function<DSLContext, String> mark, TransactionalCallable<T> work,
                                 Consumer<DSLContext> clearKept) {
        write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            putSetting(ctx, key, mark.apply(ctx));
            return null;
        });
        try {
            return write(configuration -> {
                T result = work.run(configuration);
                removeMark(DSL.using(configuration), key, clearKept);
                return result;
            });
        } catch (RuntimeException | Error e) {
            try {
                write(configuration -> {
                    removeMark(DSL.using(configuration), key, clearKept);
                    return null;
                });
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void removeMark(DSLContext ctx, String key, Consumer<DSLContext> clearKept) {
        clearKept.accept(ctx);
        removeSetting(ctx, key);
    }

    /**
     * Writes everything committed so far to the file. H2 keeps a commit in memory and writes it in
     * the background within half a second ({@code WRITE_DELAY}), so a process killed in that time
     * loses it; {@link #write} and {@link #exclusively} flush before they return, so a write that
     * returned survives a kill, and a file written after it (a published rule set) never names a
     * version the store lost (docs/reliability.md).
     */
    private void flush() {
        if (directory != null) {
            dsl.execute("CHECKPOINT");
        }
    }

    /**
     * Runs {@code work} as the only writer of the store: other writes and consistent reads wait.
     * For work that commits in chunks on its own connections ({@link #connection()}).
     */
    public <T> T exclusively(Callable<T> work) throws Exception {
        synchronized (writeLock) {
            try {
                T result = work.call();
                flush();
                return result;
            } catch (Exception e) {
                throw isStorageFailure(e) ? storageFailure(e) : e;
            }
        }
    }

    /**
     * Runs {@code work} as the only writer ({@link #exclusively}) with H2's page cache shrunk to
     * {@value #BULK_WRITE_CACHE_KB} KB. A bulk write fills a large cache with pages written once,
     * which the garbage collector then keeps copying: a 1 M-line import ran about 0.5 s faster with
     * the small cache (docs/benchmarks.md). Reads get the full cache back afterwards.
     */
    public <T> T exclusivelyWithSmallCache(Callable<T> work) throws Exception {
        synchronized (writeLock) {
            setCacheSize(BULK_WRITE_CACHE_KB);
            try {
                return exclusively(work);
            } finally {
                try {
                    setCacheSize(CACHE_KB);
                } catch (RuntimeException closed) {
                    // the work's own failure (a full disk closes the database) is the one to report
                    LOG.log(Level.FINE, "Restoring the page cache after a bulk write failed", closed);
                }
            }
        }
    }

    /** Whether {@code e} comes from the database or the file under it (SQL, jOOQ, H2's store, I/O). */
    private static boolean isStorageFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof DataAccessException
                    || t instanceof MVStoreException) {
                return true;
            }
        }
        return false;
    }

    private void setCacheSize(int kilobytes) {
        dsl.execute("SET CACHE_SIZE " + kilobytes);
    }

    /** A connection of the store's pool, for bulk writes under {@link #exclusively}; the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Empties the order history written by an unfinished import into an empty store: its lines,
     * orders, customers, products and batch record, and the {@link #IMPORT_IN_PROGRESS} mark.
     * Curation, profiles and settings are not touched.
     */
    public void discardInterruptedImport() {
        write(configuration -> {
            DSLContext ctx = DSL.using(configuration);
            for (var table : List.of(ORDER_LINES, ORDERS, CUSTOMERS, PRODUCTS, IMPORT_BATCHES)) {
                ctx.deleteFrom(table).execute();
            }
            removeSetting(ctx, IMPORT_IN_PROGRESS);
            return null;
        });
    }

    public Optional<String> setting(String key) {
        return setting(dsl, key);
    }

    /** Reads {@code key} through {@code ctx} (inside a consistent read or a transaction). */
    static Optional<String> setting(DSLContext ctx, String key) {
        return ctx.select(STORE_SETTINGS.SETTING_VALUE).from(STORE_SETTINGS)
                .where(STORE_SETTINGS.SETTING_KEY.eq(key))
                .fetchOptional(STORE_SETTINGS.SETTING_VALUE);
    }

    public void putSetting(String key, String value) {
        putSetting(dsl, key, value);
    }

    /** Sets {@code key} inside the transaction of {@code ctx}. */
    public static void putSetting(DSLContext ctx, String key, String value) {
        ctx.mergeInto(STORE_SETTINGS)
                .using(DSL.selectOne())
                .on(STORE_SETTINGS.SETTING_KEY.eq(key))
                .whenMatchedThenUpdate().set(STORE_SETTINGS.SETTING_VALUE, value)
                .whenNotMatchedThenInsert(STORE_SETTINGS.SETTING_KEY, STORE_SETTINGS.SETTING_VALUE).values(key, value)
                .execute();
    }

    /** Removes {@code key} inside the transaction of {@code ctx}. */
    public static void removeSetting(DSLContext ctx, String key) {
        ctx.deleteFrom(STORE_SETTINGS).where(STORE_SETTINGS.SETTING_KEY.eq(key)).execute();
    }

    @Override
    public void close() {
        // on a connection of its own: a pooled one would try to roll back after the shutdown
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute(FileCompaction.mostlyDead(statement) ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException | RuntimeException e) {
            // already closed, or the database went away: nothing left to flush; said, as it may be more
            LOG.log(Level.WARNING, "Closing the store " + url + " did not finish cleanly", e);
        } finally {
            pool.dispose();
            if (directory != null) {
                OPEN_IN_THIS_PROCESS.remove(directory);
            }
        }
    }
}
