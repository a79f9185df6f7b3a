package io.orderlift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.orderlift.common.Suggestions;
import io.orderlift.ranking.CartItem;
import io.orderlift.ruleset.evaluator.Answer;
import io.orderlift.ruleset.evaluator.RuleSet;
import io.orderlift.ruleset.evaluator.RuleSetJson;
import io.orderlift.ruleset.evaluator.StorefrontEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code orderlift evaluate}: the storefront evaluator, answering from the rule set alone. */
@Command(name = "evaluate", header = "Answer a cart or an order from a published rule set alone, as a storefront does.",
        description = "Answer a cart or order from a published rule set alone (as a storefront does).")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ruleset", required = true, paramLabel = "FILE", description = "A published rule set (JSON).")
    Path ruleset;

    @Option(names = "--placement", required = true, paramLabel = "cart|confirmation", description = "Where it is shown.")
    String placement;

    @Option(names = "--items", required = true, paramLabel = "SKU[:QTY],...",
            description = "The cart or order. " + CartItem.QUOTING)
    String items;

    @Option(names = "--limit", paramLabel = "K",
            description = "At most K recommendations, K ≥ 1 (default: the rule set's list length).")
    Integer limit;

    @Mixin
    UnavailableOption unavailable;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        int atMost = OptionChecks.limitOrListLength(limit);
        RuleSet rules = RuleSetJson.read(ruleset);
        List<RuleSet.Item> cart = CartItem.parseAll(items).stream()
                .map(i -> new RuleSet.Item(i.sku(), i.quantity())).toList();
        Answer answer = new StorefrontEvaluator(rules).evaluate(placement.strip(), cart, atMost, unavailable.skus());
        // a storefront ignores SKUs the rule set does not list; a person typing them wants to know
        List<String> known = rules.products().stream().map(RuleSet.Product::sku).toList();
        Set<String> listed = new HashSet<>(known);
        PrintWriter err = spec.commandLine().getErr();
        cart.stream().map(RuleSet.Item::sku).filter(sku -> !listed.contains(sku)).distinct().forEach(sku -> {
            List<String> near = Suggestions.nearSkus(sku, known);
            err.println("Warning: the rule set lists no product '" + sku + "'; it is ignored, as a storefront would"
                    + (near.isEmpty() ? "." : " (did you mean " + String.join(", ", near) + "?)."));
        });
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            out.println(Json.write(answer));
        } else {
            out.printf("%s placement, total %.2f (rule set version %d)%n", answer.placement(), answer.cartTotal(),
                    rules.version());
            int rank = 1;
            for (Answer.Item item : answer.items()) {
                out.printf("%d. %-20s price %8.2f  acceptance %.3f  rpi %7.3f  score %8.3f%s%n", rank++, item.sku(),
                        item.price(), item.acceptance(), item.rpi(), item.score(),
                        item.rules().isEmpty() ? "" : "  " + item.rules());
            }
        }
        out.flush();
        return 0;
    }
}
