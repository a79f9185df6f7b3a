package io.orderlift.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine;

/** What one in-process run of the command line returned and printed. */
record Result(int code, String out, String err) {

    /** Runs {@code args} as {@code Main} does: through the command line built for them. */
    static Result of(WorkbenchOpener opener, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OrderliftCli.create(opener, args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    JsonNode json() throws Exception {
        return CliTest.JSON.readTree(out);
    }
}
