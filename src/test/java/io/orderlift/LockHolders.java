package io.orderlift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Who holds a POSIX lock on a file, read from /proc/locks (Linux): pid and command line per lock. */
final class LockHolders {

    private LockHolders() {
    }

    /** One line per lock on {@code file}'s inode, e.g. "POSIX WRITE by 1234 (java -cp … publish …)". */
    static String of(Path file) {
        try {
            long inode = ((Number) Files.getAttribute(file, "unix:ino")).longValue();
            List<String> found = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("/proc/locks"))) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 12345 08:01:1234567 0 EOF" ("->" marks a blocked waiter)
                int at = f.length > 1 && f[1].equals("->") ? 2 : 1;
                if (f.length < at + 5 || !f[at + 4].endsWith(":" + inode)) {
                    continue;
                }
                String pid = f[at + 3];
                found.add(f[at] + " " + f[at + 2] + " by " + pid + " (" + commandLine(pid) + ")");
            }
            return found.isEmpty() ? "none in /proc/locks (inode " + inode + ")" : String.join("; ", found);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "unknown (" + e + ")";
        }
    }

    private static String commandLine(String pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8);
            String line = raw.replace('\0', ' ').trim();
            return line.isEmpty() ? "exited or a kernel thread" : line.length() > 200 ? line.substring(0, 200) + "…" : line;
        } catch (IOException e) {
            return "no such process";
        }
    }
}
