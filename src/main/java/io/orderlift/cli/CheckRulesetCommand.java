package io.orderlift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.orderlift.ruleset.evaluator.ConformanceCheck;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetException;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orderlift check-ruleset}: schema, content hash, and a replay of the conformance cases. */
@Command(name = "check-ruleset", header = "Validate a rule set against the schema and replay its conformance cases.",
        description = "Validate a rule set against the schema and replay its conformance cases.")
final class CheckRulesetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        RuleSet ruleSet = RuleSetJson.read(file);
        List<String> failures = ConformanceCheck.failures(ruleSet);
        if (!failures.isEmpty()) {
            throw new RuleSetException(file.getFileName() + ": " + failures.size() + " of "
                    + ruleSet.conformance().size() + " conformance cases fail: " + String.join("; ", failures));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.enabled ? Json.write(Map.of("valid", true, "version", ruleSet.version(), "store",
                ruleSet.store(), "conformanceCases", ruleSet.conformance().size(), "contentHash",
                ruleSet.contentHash())) : String.format("%s: valid rule set version %d of %s%s; %d conformance cases pass.",
                file.getFileName(), ruleSet.version(), ruleSet.store(),
                ruleSet.currency() == null ? "" : " (prices in " + ruleSet.currency() + ")", ruleSet.conformance().size()));
        out.flush();
        return 0;
    }
}
