package io.orderlift.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.orderlift.common.Money;
import io.orderlift.evaluation.AbAnalysis;
import io.orderlift.evaluation.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift abtest}: the A/B analysis of the confirmation layer. */
@Command(name = "abtest", header = "Analyse an A/B test of the confirmation layer: AOV per arm and the lift over control with its 95 %% interval.",
        description = {
        "Analyse an A/B experiment of the confirmation layer: a CSV with order_id, arm, order_value,",
        "offer_impressions, offer_accepted_value (one arm named control). Per arm: orders, AOV,",
        "acceptance rate, revenue per impression; per other arm: AOV lift with a 95 %% interval and the",
        "smallest lift the test could find. Name the arm that shows the classic widget popularity (publish",
        "--popularity writes it as a rule set): every other arm's revenue per impression is then compared",
        "with its, with a 95 %% interval."})
final class AbTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The experiment results CSV.")
    Path input;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() throws IOException {
        json.print(spec, new AbAnalysis().analyse(Experiment.read(input)), AbTestCommand::describe);
        return 0;
    }

    private static String describe(AbAnalysis.Report report) {
        StringBuilder text = new StringBuilder(String.format("%-12s %8s %10s %12s %8s%n", "arm", "orders", "AOV",
                "acceptance", "RPI"));
        report.arms().forEach(a -> text.append(String.format("%-12s %,8d %10.2f %11.1f%% %8.3f%n", a.arm(), a.orders(),
                a.aov(), a.acceptanceRate() * 100, a.rpi())));
        report.lifts().forEach(l -> text.append(String.format("%s vs control: AOV %+.2f (%+.1f %%), 95 %% interval %.2f"
                        + " to %.2f (bootstrap %.2f to %.2f): %s%n  %s%n", l.arm(), l.aovLift(), l.aovLiftPercent(), l.ciLow(),
                l.ciHigh(), l.bootstrapLow(), l.bootstrapHigh(), l.significant() ? "significant" : "not significant",
                l.powerInWords(Money.PLAIN))));
        report.rpiVersusPopularity().forEach(v -> text.append(v.inWords()).append(System.lineSeparator()));
        return text.toString().stripTrailing();
    }
}
