package io.orderlift.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that a crash or kill at any moment leaves either the previous file or the new
 * one, never a mix: the bytes go to a temporary file in the same folder, are forced to disk, and
 * the temporary file is renamed over the target (then the folder is forced, where the OS allows).
 */
public final class AtomicFileWriter {

    /** The steps of a write, named for failure injection in tests. */
    public enum Step { CREATE_TEMPORARY, WRITE, FORCE, RENAME }

    /** Called before each step; tests throw from it to simulate a crash or a full disk there. */
    @FunctionalInterface
    public interface StepHook {
        void before(Step step) throws IOException;
    }

    private final StepHook hook;

    public AtomicFileWriter() {
        this(step -> { });
    }

    public AtomicFileWriter(StepHook hook) {
        this.hook = hook;
    }

    public void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        hook.before(Step.CREATE_TEMPORARY);
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        try {
            readableLike(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                hook.before(Step.WRITE);
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                hook.before(Step.FORCE);
                channel.force(true);
            }
            hook.before(Step.RENAME);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        forceFolder(folder);
    }

    /** The new file gets the old one's permissions, or rw-r--r-- (a temporary file starts as rw-------). */
    private static void readableLike(Path target, Path temporary) throws IOException {
        if (!Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            return;
        }
        Files.setPosixFilePermissions(temporary, Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UncheckedIOException ignored) {
            // some systems cannot open a folder for syncing; the rename itself is still atomic
        }
    }
}
