package io.orderlift.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When a closing store file is rewritten to drop the space that no longer holds data: a store file is
 * never compacted in place ({@link Store#FILE_OPTIONS}), so this is how it stops growing.
 */
final class FileCompaction {

    /** Dead bytes from which a closing store file is rewritten, if they also outweigh the live ones. */
    static final long COMPACT_FROM_DEAD_BYTES = 32L << 20;

    private FileCompaction() {
    }

    /**
     * Whether the file is mostly space that no longer holds data: at least {@link #COMPACT_FROM_DEAD_BYTES}
     * dead, and more dead than live. Such a file is rewritten at close by {@code SHUTDOWN COMPACT}, which
     * writes a new file beside it and renames it into place: a process killed meanwhile leaves the old
     * file whole, unlike H2's compaction in place, which every store file is opened without
     * ({@link Store#FILE_OPTIONS}). H2 counts a page dead some time after it is dropped, so the file of a
     * store re-mined again and again reaches about three times its live data (117 MB for the
     * wholesale store, 34 MB live) before a closing `mine` rewrites it; any later command's close does so sooner.
     *
     * <p>The live share is the file's used share ({@code info.FILL_RATE}) times the live share of the
     * chunks in use ({@code info.CHUNKS_FILL_RATE}). Either alone depends on when it is read: a few
     * seconds after an open, H2 frees the chunks that hold nothing live, which moves their space from
     * the second figure to the first (37 % of chunk space live at the open of a churned file, 71 % two
     * seconds later with 52 % of the file in use: 37 % live both times).
     */
    static boolean mostlyDead(Statement statement) throws SQLException {
        long size = 0;
        int filePercent = 100;
        int chunkPercent = 100;
        try (ResultSet info = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
            while (info.next()) {
                switch (info.getString(1)) {
                    case "info.FILE_SIZE" -> size = Long.parseLong(info.getString(2));
                    case "info.FILL_RATE" -> filePercent = Integer.parseInt(info.getString(2));
                    default -> chunkPercent = Integer.parseInt(info.getString(2));
                }
            }
        }
        return mostlyDead(size, filePercent, chunkPercent);
    }

    /** {@link #mostlyDead(Statement)} from the file's size and H2's two fill rates, in percent. */
    static boolean mostlyDead(long size, int filePercent, int chunkPercent) {
        long live = size * filePercent / 100 * chunkPercent / 100;
        long dead = size - live;
        return dead >= COMPACT_FROM_DEAD_BYTES && dead >= live;
    }
}
