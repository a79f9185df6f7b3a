package io.orderlift.store.imports;

import java.util.List;

import io.orderlift.common.Counted;

/**
 * An import that wrote nothing because its input has problems. Lists at most
 * {@link #LISTED_PROBLEMS} of them, then how many more there are.
 */
public final class ImportRejectedException extends RuntimeException {

    /** How many problems a message lists before it only counts. */
    public static final int LISTED_PROBLEMS = 20;

    private final String fileName;
    private final List<RowProblem> problems;
    private final long problemCount;
    private final boolean skippable;

    /** A file refused as a whole: its header, its layout, or what it would do to the store's orders. */
    public ImportRejectedException(String fileName, List<RowProblem> problems, long problemCount) {
        this(fileName, problems, problemCount, null, false);
    }

    private ImportRejectedException(String fileName, List<RowProblem> problems, long problemCount, String advice,
                                    boolean skippable) {
        super(describe(fileName, problems, problemCount) + (advice == null ? "" : System.lineSeparator() + "  " + advice));
        this.fileName = fileName;
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), LISTED_PROBLEMS)));
        this.problemCount = problemCount;
        this.skippable = skippable;
    }

    /**
     * A file refused for rows that break the format.
     *
     * @param advice    one line for the whole file after the problems (how to read its dates), or null
     * @param skippable whether the other rows could be imported alone: some are good, and no one
     *                  setting (a date format) would read the bad ones
     */
    public static ImportRejectedException badRows(String fileName, List<RowProblem> problems, long problemCount,
                                                  String advice, boolean skippable) {
        return new ImportRejectedException(fileName, problems, problemCount, advice, skippable);
    }

    private static String describe(String fileName, List<RowProblem> problems, long count) {
        StringBuilder text = new StringBuilder(fileName).append(": ")
                .append(Counted.of(count, "problem"))
                .append("; nothing was imported.");
        problems.stream().limit(LISTED_PROBLEMS).forEach(p -> text.append(System.lineSeparator())
                .append("  ").append(p.describe(fileName)));
        if (count > LISTED_PROBLEMS) {
            text.append(System.lineSeparator()).append(String.format("  … and %,d more", count - LISTED_PROBLEMS));
        }
        return text.toString();
    }

    /** The first problem on a single line, for one-line error output. */
    public String firstLine() {
        String first = problems.isEmpty() ? "" : problems.get(0).describe(fileName);
        return first + (problemCount > 1 ? " (and " + Counted.of(problemCount - 1, "more problem") + "); nothing was imported"
                : "; nothing was imported");
    }

    public String fileName() {
        return fileName;
    }

    /** The listed problems (at most {@link #LISTED_PROBLEMS}). */
    public List<RowProblem> problems() {
        return problems;
    }

    public long problemCount() {
        return problemCount;
    }

    /** Whether skipping the bad rows (and recording them) would import the file's other rows. */
    public boolean skippable() {
        return skippable;
    }
}
