package io.orderlift.store.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The date formats that read every order time an ISO import could not, for one piece of advice on
 * the whole file: a row says what its own date could be ({@code 12/1/2010} month first or day
 * first), the file often settles it ({@code 12/13/2010} further down is month first).
 */
final class DateLayouts {

    /** The formats that read every unread time so far; null before the first. */
    private List<String> common;
    /** Whether some unread time has a layout no common format reads. */
    private boolean unknown;

    /** The last time noted: an order's lines repeat it. */
    private String last;

    /** Notes an order time that is not ISO. */
    void unread(String value) {
        if (value == null || value.isBlank() || unknown || value.equals(last)) {
            return;
        }
        last = value;
        List<String> reading = DateFormat.likelyPatterns(value.strip());
        if (reading.isEmpty()) {
            unknown = true;
        } else if (common == null) {
            common = new ArrayList<>(reading);
        } else {
            common.retainAll(reading);
        }
    }

    /** The formats that read every time noted, month first before day first; empty when none does (or none was noted). */
    List<String> formats() {
        return unknown || common == null ? List.of() : List.copyOf(common);
    }

    /** What to import the file with, when one or two common formats read every time it could not. */
    Optional<String> advice() {
        List<String> common = formats();
        if (common.isEmpty()) {
            return Optional.empty();
        }
        String where = " (the import dialog: Date format)";
        if (common.size() == 1) {
            return Optional.of("Every order time in the file that is not ISO reads as " + common.get(0)
                    + ": import it with --date-format \"" + common.get(0) + "\"" + where + ".");
        }
        return Optional.of("Every order time in the file that is not ISO reads both as " + common.get(0)
                + " (month first) and as " + common.get(1) + " (day first): give the one the shop writes with"
                + " --date-format" + where + ".");
    }
}
