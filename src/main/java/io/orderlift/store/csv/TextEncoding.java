package io.orderlift.store.csv;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * How a CSV file's bytes become text.
 *
 * <p>{@link #DETECT} reads UTF-8 unless the file shows it is not: a file whose first text outside
 * ASCII is not UTF-8 is read as Windows-1252, which Excel on Windows and many older systems write
 * (and which reads ISO-8859-1 files the same, but for the rarely used bytes 80–9F). A file that
 * holds both, UTF-8 text and text that is not, is refused where it changes, since no one reading
 * can be right for all of it. A file that begins with UTF-8's byte order mark is UTF-8.
 *
 * <p>Or one named charset ({@code --encoding}): any in which commas, semicolons, quotes and line
 * breaks are the ASCII bytes, such as {@code windows-1250}, {@code ISO-8859-15} or
 * {@code Shift_JIS}; not UTF-16, whose files are refused with the reason.
 *
 * @param charset the charset read, or the first tried when detecting
 * @param detect  true: fall back to {@link #FALLBACK} for a file that is not UTF-8
 */
public record TextEncoding(Charset charset, boolean detect) {

    /** The bytes CSV's structure is made of; declared first, as the constants below check them. */
    private static final byte[] ASCII_STRUCTURE = ",;\"\r\n".getBytes(StandardCharsets.US_ASCII);

    /** What a file that is not UTF-8 is read as when detecting. */
    public static final Charset FALLBACK = Charset.forName("windows-1252");

    /** UTF-8, or Windows-1252 for a file that is not UTF-8 (the import's default). */
    public static final TextEncoding DETECT = new TextEncoding(StandardCharsets.UTF_8, true);

    /** UTF-8 only: bytes that are not UTF-8 are a bad field. */
    public static final TextEncoding UTF_8 = new TextEncoding(StandardCharsets.UTF_8, false);

    public TextEncoding {
        Objects.requireNonNull(charset, "charset");
        if (!Arrays.equals(ASCII_STRUCTURE, ",;\"\r\n".getBytes(charset))) {
            throw new IllegalArgumentException("a CSV file in " + charset.name() + " cannot be read field by field:"
                    + " its commas, quotes and line breaks are not single ASCII bytes (save the file as UTF-8)");
        }
    }

    /**
     * The encoding named by {@code name} ({@code --encoding}): a charset name such as {@code UTF-8},
     * {@code windows-1252} or {@code ISO-8859-1}; {@link #DETECT} for none, {@code auto} or
     * {@code detect}.
     *
     * @throws IllegalArgumentException when no such charset exists here or it cannot be read field by field
     */
    public static TextEncoding of(String name) {
        if (name == null || name.isBlank()) {
            return DETECT;
        }
        String n = name.strip();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.equals("auto") || lower.equals("detect")) {
            return DETECT;
        }
        Charset charset;
        try {
            charset = Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("'" + n + "' is not an encoding this program knows; try UTF-8,"
                    + " windows-1252, ISO-8859-1, ISO-8859-15, windows-1250 or Shift_JIS");
        }
        return new TextEncoding(charset, false);
    }

    /**
     * Whether a file read as {@code charsetRead} was not what this encoding reads first: a detecting
     * reader that met text that is not UTF-8, which the user should be told of.
     */
    public boolean fellBack(String charsetRead) {
        return detect && !charset.name().equals(charsetRead);
    }
}
