package io.orderlift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.orderlift.demo.DemoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift demo}: a demo shop on localhost that answers from a rule set with the JavaScript package. */
@Command(name = "demo", header = "Serve a demo shop on localhost that answers from a rule set with the JavaScript storefront package.",
        description = {
        "Serve a small shop built from a rule set's products on localhost: a catalog, a cart with a live",
        "recommendation widget, checkout, and a confirmation page with one-tap offers, all evaluated in the",
        "browser by the JavaScript storefront package. Orders are assigned at random to the control arm (no",
        "confirmation offers) or the treatment arm; with --baseline, half the orders outside control go to the",
        "popularity arm instead, whose offers come from the baseline rule set. Impressions and acceptances go to",
        "events.jsonl and experiment.csv (the format abtest reads) in the --record directory. Stop with Ctrl+C."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ruleset", required = true, paramLabel = "FILE", description = "A published rule set.")
    Path ruleset;

    @Option(names = "--baseline", paramLabel = "FILE", description = {"A rule set of the same store for a popularity"
            + " arm, such as publish --popularity writes: the orders outside control are split evenly between the"
            + " rule set's offers (treatment) and the baseline's (popularity), and abtest compares the two."})
    Path baseline;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "N",
            description = "Port on localhost (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--record", defaultValue = "demo-recordings", paramLabel = "DIR",
            description = "Where events.jsonl and experiment.csv are written. Default: ${DEFAULT-VALUE}.")
    Path record;

    @Option(names = "--control-share", defaultValue = "0.5", paramLabel = "F",
            description = "Share of orders in the control arm. Default: ${DEFAULT-VALUE}.")
    double controlShare;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the arm assignment. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() throws Exception {
        DemoServer server = DemoServer.start(ruleset, baseline, port, record, controlShare, seed);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Demo shop on %s (rule set %s%s)%nRecording to %s and %s; Ctrl+C stops.%n", server.url(),
                ruleset.getFileName(), baseline == null ? "" : ", baseline " + baseline.getFileName(),
                server.recorder().events(), server.recorder().experiment());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "demo-shutdown"));
        stopped.await();
        return 0;
    }
}
