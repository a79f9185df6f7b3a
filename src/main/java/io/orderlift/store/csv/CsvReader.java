package io.orderlift.store.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A streaming RFC 4180 CSV reader that works on bytes, so it can say exactly which line and
 * field holds bytes that are not text in the file's {@link TextEncoding}, and so one absurd record
 * (a 10 MB line, a quote never closed) is reported as a problem instead of exhausting memory.
 *
 * <p>Records are separated by LF, CRLF or CR; fields by commas (or semicolons or tabs, where a file says
 * so: {@link #separatorOf}); a field may be quoted with {@code "} and then hold separators, line breaks
 * and doubled quotes. Blank lines are skipped. A UTF-8 byte order mark at the start is ignored (and
 * makes a detecting reader read UTF-8 only); a UTF-16 one is refused with the reason.
 */
public final class CsvReader implements Closeable {

    /** Records longer than this many bytes are reported as a problem and their content dropped. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    private static final int EOF = -1;

    private final InputStream in;
    private final int maxRecordBytes;
    private final int separator;
    private final byte[] buffer = new byte[1 << 16];
    private final FieldDecoder decoder;
    private int pos;
    private int limit;
    private final int[] pushed = new int[2];
    private int pushedCount;
    private long bytesConsumed;
    private long line = 1;
    private boolean started;

    private byte[] field = new byte[256];
    private int fieldLength;
    private int recordBytes;
    private List<String> fields;
    private int badEncodingField;
    private String encodingProblem;
    /** The line the record being read starts on, as its problems name it. */
    private long recordLine;
    private String problem;

    public CsvReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_BYTES);
    }

    public CsvReader(InputStream in, int maxRecordBytes) {
        this(in, ',', maxRecordBytes);
    }

    /** Fields separated by {@code separator} ({@code ','}, {@code ';'} or a tab), read as UTF-8. */
    public CsvReader(InputStream in, char separator, int maxRecordBytes) {
        this(in, separator, maxRecordBytes, TextEncoding.UTF_8);
    }

    /** Fields separated by {@code separator} ({@code ','}, {@code ';'} or a tab), read in {@code encoding}. */
    public CsvReader(InputStream in, char separator, int maxRecordBytes, TextEncoding encoding) {
        if (separator != ',' && separator != ';' && separator != '\t') {
            throw new IllegalArgumentException("a CSV field separator is ',', ';' or a tab, not '" + separator + "'");
        }
        this.in = in;
        this.separator = separator;
        this.maxRecordBytes = maxRecordBytes;
        this.decoder = new FieldDecoder(encoding);
    }

    /** The charset the fields are read in now: a detecting reader's changes once it meets Windows-1252 text. */
    public Charset charset() {
        return decoder.charset();
    }

    /**
     * The field separator of a file whose first line is at the stream's position: the one of
     * {@code ','}, {@code ';'} and tab that line holds most of, {@code ','} on a tie (a spreadsheet saved
     * where the decimal mark is a comma writes {@code order_id;sku;unit_price} and {@code 12,50}; one
     * saved as "Text (Tab delimited)" separates with tabs). Reads at most 64 KB and leaves the stream
     * where it was.
     *
     * @param in a stream that supports {@link InputStream#mark}
     */
    public static char separatorOf(InputStream in) throws IOException {
        int limit = 1 << 16;
        in.mark(limit);
        try {
            int commas = 0;
            int semicolons = 0;
            int tabs = 0;
            for (int i = 0; i < limit; i++) {
                int b = in.read();
                if (b == EOF || b == '\n' || b == '\r') {
                    break;
                }
                commas += b == ',' ? 1 : 0;
                semicolons += b == ';' ? 1 : 0;
                tabs += b == '\t' ? 1 : 0;
            }
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas && semicolons > tabs ? ';' : ',';
        } finally {
            in.reset();
        }
    }

    /** Bytes consumed from the stream so far, for progress reporting. */
    public long bytesConsumed() {
        return bytesConsumed;
    }

    /** The next record, or null at the end of the input. */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int b = read();
        while (b == '\n' || b == '\r') {
            endLine(b);
            b = read();
        }
        if (b == EOF) {
            return null;
        }
        long startLine = line;
        recordLine = startLine;
        fields = new ArrayList<>();
        badEncodingField = -1;
        encodingProblem = null;
        problem = null;
        recordBytes = 0;
        while (true) {
            fieldLength = 0;
            if (b == '"') {
                b = readQuoted();
            } else {
                b = readPlain(b);
            }
            addField();
            if (b == separator) {
                b = read();
                continue;
            }
            if (b != EOF) {
                endLine(b);
            }
            return new CsvRecord(startLine, List.copyOf(fields), badEncodingField, encodingProblem, problem);
        }
    }

    private int readPlain(int b) throws IOException {
        while (b != separator && b != '\n' && b != '\r' && b != EOF) {
            if (b == '"') {
                noteProblem("unexpected quote inside unquoted field " + (fields.size() + 1));
            }
            append(b);
            b = read();
        }
        return b;
    }

    /** Reads a quoted field after its opening quote; returns the byte after the closing quote. */
    private int readQuoted() throws IOException {
        long openedOn = line;
        while (true) {
            int b = read();
            if (b == EOF) {
                noteProblem("quoted field opened on line " + openedOn + " is never closed");
                return EOF;
            }
            if (b == '"') {
                b = read();
                if (b == '"') {
                    append('"');
                    continue;
                }
                if (b != separator && b != '\n' && b != '\r' && b != EOF) {
                    noteProblem("unexpected character after the closing quote of field " + (fields.size() + 1));
                    return readPlain(b);
                }
                return b;
            }
            if (b == '\n') {
                line++;
            }
            append(b);
        }
    }

    private void endLine(int b) throws IOException {
        if (b == '\r') {
            int next = read();
            if (next != '\n') {
                pushBack(next);
            }
        }
        line++;
    }

    private void append(int b) {
        if (recordBytes++ >= maxRecordBytes) {
            noteProblem("record is longer than " + maxRecordBytes + " bytes (is a quote left open?)");
            return;
        }
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) b;
    }

    private void noteProblem(String text) {
        if (problem == null) {
            problem = text;
        }
    }

    private void addField() {
        boolean ascii = true;
        for (int i = 0; i < fieldLength; i++) {
            if (field[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            fields.add(new String(field, 0, fieldLength, StandardCharsets.ISO_8859_1));
            return;
        }
        FieldDecoder.Decoded decoded = decoder.decode(field, fieldLength, recordLine);
        if (decoded.problem() != null && badEncodingField < 0) {
            badEncodingField = fields.size();
            encodingProblem = decoded.problem();
        }
        fields.add(decoded.text());
    }

    /** The line the reader is on (1-based): where a failure while reading happened. */
    public long line() {
        return line;
    }

    private void skipByteOrderMark() throws IOException {
        int b0 = read();
        if (b0 == 0xEF) {
            int b1 = read();
            int b2 = read();
            if (b1 == 0xBB && b2 == 0xBF) {
                decoder.declaredUtf8();
                return;
            }
            throw new IOException("column 1: the file starts with the bytes of a damaged byte order mark ("
                    + String.format("%02X %02X", b0, b1 & 0xFF) + " without BF), not UTF-8 text");
        }
        if (b0 == 0xFF || b0 == 0xFE) {
            int b1 = read();
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) {
                throw new IOException("column 1: the file is UTF-16 text (it starts with UTF-16's byte order mark,"
                        + " as Excel's \"Unicode Text\" writes); save it as \"CSV UTF-8\"");
            }
            pushBack(b1);
        }
        pushBack(b0);
    }

    /** Makes {@code b} the next byte read; at most two may wait, the last pushed read first. */
    private void pushBack(int b) {
        pushed[pushedCount++] = b;
    }

    private int read() throws IOException {
        if (pushedCount > 0) {
            return pushed[--pushedCount];
        }
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        bytesConsumed++;
        return buffer[pos++] & 0xFF;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
