package io.orderlift.store.imports;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.orderlift.store.csv.CsvReader;
import io.orderlift.store.csv.CsvRecord;

/**
 * An order file opened for reading: its header resolved to a {@link ColumnMapping}, its rows
 * parsed one at a time, the bytes read and the file's SHA-256 tracked for progress and for
 * recognising a file imported before.
 */
final class OrderFile implements AutoCloseable {

    private final String fileName;
    private final long size;
    private final CountingStream counter;
    private final MessageDigest digest;
    private final CsvReader csv;
    private final RowParser parser;
    private final List<String> header;
    private final ImportRejectedException mappingProblem;

    OrderFile(ImportRequest request) throws IOException {
        Path file = request.file();
        this.fileName = request.fileName();
        try {
            this.size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new IOException("The file " + file + " does not exist", e);
        }
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.counter = new CountingStream(new DigestInputStream(Files.newInputStream(file), digest));
        InputStream in = new BufferedInputStream(counter, 1 << 16);
        if (fileName.endsWith(".gz")) {
            try {
                in = new GZIPInputStream(in, 1 << 16);
            } catch (ZipException | EOFException e) {
                in.close();
                throw new ImportRejectedException(fileName, List.of(new RowProblem(1, "", "",
                        "is not a gzip file, though its name ends in .gz (" + e.getMessage() + ")")), 1);
            }
        }
        if (!in.markSupported()) {
            in = new BufferedInputStream(in, 1 << 16);
        }
        // a spreadsheet saved where the decimal mark is a comma separates fields with semicolons
        char separator = CsvReader.separatorOf(in);
        this.csv = new CsvReader(in, separator, CsvReader.DEFAULT_MAX_RECORD_BYTES, request.encoding());
        CsvRecord header = nextRecord();
        if (header == null) {
            csv.close();
            throw new ImportRejectedException(fileName,
                    List.of(new RowProblem(1, "", "", "the file is empty; expected a header row")), 1);
        }
        if (!header.isClean()) {
            csv.close();
            String why = header.problem() != null ? header.problem() : "the header " + header.encodingProblem();
            throw new ImportRejectedException(fileName, List.of(new RowProblem(header.line(), "", "", why)), 1);
        }
        this.header = header.fields();
        RowParser resolved = null;
        ImportRejectedException problem = null;
        try {
            resolved = new RowParser(ColumnMapping.resolve(fileName, header.fields(), request.format(),
                    request.columnMap()), request.format(), request.dateFormat(), separator == ';');
        } catch (ImportRejectedException e) {
            problem = e;
        }
        this.parser = resolved;
        this.mappingProblem = problem;
    }

    /** The header's column names. */
    List<String> header() {
        return header;
    }

    /** Why the header cannot be mapped (required columns missing), or null when it can. */
    ImportRejectedException mappingProblem() {
        return mappingProblem;
    }

    ColumnMapping mapping() {
        return parser.mapping();
    }

    /**
     * The next record, or null at the end of the file. A file that cannot be read on (a damaged or
     * cut-short .gz, a damaged byte order mark) is rejected naming the file and the line reached.
     */
    CsvRecord nextRecord() throws IOException {
        try {
            return csv.next();
        } catch (ZipException | EOFException e) {
            throw unreadable("is not a complete gzip file (damaged or cut short: " + e.getMessage() + ")");
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("column 1:")) {
                throw unreadable(e.getMessage().substring("column 1: ".length()));
            }
            throw e;
        }
    }

    private ImportRejectedException unreadable(String why) {
        try {
            csv.close();
        } catch (IOException ignored) {
            // the file is refused either way
        }
        return new ImportRejectedException(fileName, List.of(new RowProblem(csv.line(), "", "", why)), 1);
    }

    /**
     * The charset the rows are read in: the one asked for, or, when detecting, Windows-1252 once a
     * row was not UTF-8.
     */
    Charset charset() {
        return csv.charset();
    }

    /** The row parser, or null when {@link #mappingProblem()} is set. */
    RowParser parser() {
        return parser;
    }

    long bytesRead() {
        return counter.count;
    }

    long size() {
        return size;
    }

    String fileName() {
        return fileName;
    }

    /** The SHA-256 of the bytes read so far (the whole file once it was read to the end). */
    String checksum() {
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** Counts the raw bytes read from the file, for progress. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
