package io.orderlift.store.csv;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the fields of one file that hold bytes outside ASCII, in the file's {@link TextEncoding}.
 * When detecting, it keeps what the file has shown so far: UTF-8 text (then only UTF-8 will do), or
 * a field that is not UTF-8 before any that is (then the rest is read as Windows-1252, and a later
 * field that is UTF-8 text says the file mixes the two). Fields up to that first field were ASCII,
 * which reads the same in both.
 */
final class FieldDecoder {

    /** A field's text, and why its bytes are not text in the file's encoding (null when they are). */
    record Decoded(String text, String problem) {
    }

    private final TextEncoding encoding;
    private final CharsetDecoder utf8 = strict(StandardCharsets.UTF_8);
    private CharsetDecoder current;
    /** What showed the file is UTF-8 ("line 12 is"), or null while nothing has. */
    private String utf8Evidence;
    private long fallbackLine = -1;

    FieldDecoder(TextEncoding encoding) {
        this.encoding = encoding;
        this.current = encoding.charset().equals(StandardCharsets.UTF_8) ? utf8 : strict(encoding.charset());
    }

    private static CharsetDecoder strict(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The file starts with UTF-8's byte order mark: it says it is UTF-8, so nothing else is tried. */
    void declaredUtf8() {
        if (encoding.detect()) {
            utf8Evidence = "the file begins with UTF-8's byte order mark";
        }
    }

    /** The charset fields are read in now. */
    Charset charset() {
        return current.charset();
    }

    /** Decodes the first {@code length} bytes of {@code bytes}, a field of the record starting on {@code line}. */
    Decoded decode(byte[] bytes, int length, long line) {
        if (!encoding.detect()) {
            String text = tryDecode(current, bytes, length);
            return text != null ? new Decoded(text, null)
                    : new Decoded(lenient(bytes, length), "is not valid " + current.charset().name() + " text");
        }
        String asUtf8 = tryDecode(utf8, bytes, length);
        if (fallbackLine < 0) {
            if (asUtf8 != null) {
                if (utf8Evidence == null) {
                    utf8Evidence = "line " + line + " is";
                }
                return new Decoded(asUtf8, null);
            }
            if (utf8Evidence != null) {
                return new Decoded(lenient(bytes, length), "is not valid UTF-8 text, though " + utf8Evidence
                        + ": the file mixes encodings (save it as UTF-8, or give its encoding with --encoding)");
            }
            fallbackLine = line;
            current = strict(TextEncoding.FALLBACK);
        }
        if (asUtf8 != null) {
            return new Decoded(asUtf8, "is UTF-8 text, though line " + fallbackLine + " is not and the file is read as "
                    + TextEncoding.FALLBACK.name() + ": the file mixes encodings (save it as UTF-8, or give its"
                    + " encoding with --encoding)");
        }
        String text = tryDecode(current, bytes, length);
        return text != null ? new Decoded(text, null) : new Decoded(lenient(bytes, length), "is neither UTF-8 nor "
                + TextEncoding.FALLBACK.name() + " text (give the file's encoding with --encoding)");
    }

    private String lenient(byte[] bytes, int length) {
        return new String(bytes, 0, length, current.charset());
    }

    private static String tryDecode(CharsetDecoder decoder, byte[] bytes, int length) {
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
