package io.orderlift.store.csv;

import java.util.List;

/**
 * One CSV record as read from a file.
 *
 * @param line        the physical line (1-based) the record starts on
 * @param fields      the decoded fields; a field that was not valid text in the file's encoding is
 *                    decoded with replacement characters and named by {@code badEncodingField}
 * @param badEncodingField index of the first field that was not valid text, or -1
 * @param encodingProblem why that field is not (it names the encoding), or null
 * @param problem     a structural problem (record too long, quote never closed, stray quote),
 *                    or null when the record is well-formed
 */
public record CsvRecord(long line, List<String> fields, int badEncodingField, String encodingProblem,
                        String problem) {

    /** Field {@code index}, or the empty string when the record is shorter. */
    public String field(int index) {
        return index < fields.size() ? fields.get(index) : "";
    }

    /** True when the record parsed cleanly and every field is valid text. */
    public boolean isClean() {
        return problem == null && badEncodingField < 0;
    }
}
