package io.orderlift.store.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static List<CsvRecord> read(byte[] bytes, int max) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), max)) {
            CsvRecord r;
            while ((r = reader.next()) != null) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<CsvRecord> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), CsvReader.DEFAULT_MAX_RECORD_BYTES);
    }

    @Test
    void readsPlainAndQuotedFieldsWithLineNumbers() throws IOException {
        List<CsvRecord> records = read("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,,\n");
        assertEquals(3, records.size());
        assertEquals(List.of("1", "x, y", "say \"hi\""), records.get(1).fields());
        assertEquals(2, records.get(1).line());
        assertEquals(List.of("2", "", ""), records.get(2).fields());
        assertEquals(4, records.get(2).line(), "the blank line is skipped but counted");
    }

    @Test
    void quotedFieldMaySpanLines() throws IOException {
        List<CsvRecord> records = read("h1,h2\n1,\"first\nsecond\"\n2,after\n");
        assertEquals("first\nsecond", records.get(1).field(1));
        assertEquals(2, records.get(1).line());
        assertEquals(4, records.get(2).line(), "lines inside quotes still count");
        assertTrue(records.get(2).isClean());
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', ',', 'b', '\n'};
        assertEquals(List.of("a", "b"), read(bom, 1000).get(0).fields());
    }

    @Test
    void invalidUtf8NamesTheField() throws IOException {
        byte[] bytes = "a,b\n1,caf".getBytes(StandardCharsets.US_ASCII);
        byte[] withLatin1 = new byte[bytes.length + 2];
        System.arraycopy(bytes, 0, withLatin1, 0, bytes.length);
        withLatin1[bytes.length] = (byte) 0xE9;
        withLatin1[bytes.length + 1] = '\n';
        CsvRecord record = read(withLatin1, 1000).get(1);
        assertEquals(1, record.badEncodingField());
        assertTrue(record.field(1).startsWith("caf"));
    }

    @Test
    void overlongRecordIsAProblemAndReadingGoesOn() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        List<CsvRecord> records = read("a,b\n1," + huge + "\n2,ok\n");
        assertNotNull(records.get(1).problem());
        assertTrue(records.get(1).problem().contains("longer than"));
        assertEquals(List.of("2", "ok"), records.get(2).fields());
        assertEquals(3, records.get(2).line());
    }

    @Test
    void unclosedQuoteIsReportedWithTheLineItOpenedOn() throws IOException {
        List<CsvRecord> records = read("a,b\n1,\"never closed\n2,x\n");
        assertEquals(2, records.size());
        assertTrue(records.get(1).problem().contains("opened on line 2"));
    }

    @Test
    void strayQuoteAfterClosingQuoteIsAProblem() throws IOException {
        assertNotNull(read("a\n\"x\"y\n").get(1).problem());
        assertNull(read("a\n\"x\"\n").get(1).problem());
    }

    @Test
    void theSeparatorIsWhatTheFirstLineUsesMostAndTheStreamIsLeftWhereItWas() throws IOException {
        for (String[] file : new String[][] {{"a;b;c\n1;\"x; y\";2,5\n", ";"}, {"a,b,c\n1;2,3,4\n", ","},
                {"\uFEFFa;b\n", ";"}, {"single\n", ","}, {"", ","}, {"a\tb\tc,d\n", "\t"}, {"a\tb,c,d\n", ","},
                {"a\tb;c\n", ","}}) {
            InputStream in = new BufferedInputStream(
                    new ByteArrayInputStream(file[0].getBytes(StandardCharsets.UTF_8)));
            char separator = CsvReader.separatorOf(in);
            assertEquals(file[1].charAt(0), separator, file[0]);
            List<CsvRecord> records = new ArrayList<>();
            try (CsvReader reader = new CsvReader(in, separator, CsvReader.DEFAULT_MAX_RECORD_BYTES)) {
                CsvRecord r;
                while ((r = reader.next()) != null) {
                    records.add(r);
                }
            }
            if (file[0].startsWith("a;b;c")) {
                assertEquals(List.of(List.of("a", "b", "c"), List.of("1", "x; y", "2,5")),
                        records.stream().map(CsvRecord::fields).toList());
            }
        }
    }

    @Test
    void aByteOrderMarkSaysUtf8SoDetectingNeverFallsBack() throws IOException {
        byte[] text = "a\ncaf\u00e9\n".getBytes(Charset.forName("windows-1252"));
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        for (byte[] bytes : new byte[][] {text, marked}) {
            try (CsvReader reader = new CsvReader(new ByteArrayInputStream(bytes), ',',
                    CsvReader.DEFAULT_MAX_RECORD_BYTES, TextEncoding.DETECT)) {
                reader.next();
                CsvRecord record = reader.next();
                if (bytes == text) {
                    assertEquals("caf\u00e9", record.field(0));
                    assertTrue(record.isClean());
                    assertEquals("windows-1252", reader.charset().name());
                } else {
                    assertEquals(0, record.badEncodingField());
                    assertTrue(record.encodingProblem().contains("byte order mark"), record.encodingProblem());
                    assertEquals("UTF-8", reader.charset().name());
                }
            }
        }
    }
}
