package io.orderlift.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.orderlift.common.CommaList;
import io.orderlift.common.Suggestions;
import io.orderlift.ranking.ChargeLines;
import io.orderlift.ranking.Placement;
import io.orderlift.store.CurationStore;
import io.orderlift.store.ExclusionKey;
import io.orderlift.store.ExclusionKind;
import io.orderlift.store.PairStatus;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orderlift curate}: curation from scripts. Curation always wins over statistics. */
@Command(name = "curate", header = "Approve, reject or pin pairs, exclude SKUs, categories and pairs (suggest the SKUs that look like charges), list or undo curation from scripts.",
        description = {
        "Curation from scripts:",
        "  curate --store DIR approve|reject|pin|unpin|clear",
        "         --anchor SKU --candidate SKU [--placement P]",
        "  curate --store DIR exclude|include",
        "         --sku S | --category C | --category-pair A,B | --pair A,B [--reason TEXT]",
        "  curate --store DIR suggest [--json]      SKUs that look like charges (postage, fees, gift cards)",
        "  curate --store DIR exclude --suggested   exclude every one of them",
        "  curate --store DIR list [--json]",
        "  curate --store DIR undo",
        "With --json a change prints what it did (done) and the curation as it now stands (pairs, exclusions)."})
final class CurateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "approve, reject, pin, unpin, clear, exclude, include, suggest, list or undo")
    String action;

    @Option(names = "--anchor", paramLabel = "SKU", description = "The pair's anchor (approve, reject, pin, unpin, clear).")
    String anchor;

    @Option(names = "--candidate", paramLabel = "SKU", description = "The pair's candidate.")
    String candidate;

    @Option(names = "--placement", defaultValue = "cart", paramLabel = "cart|confirmation",
            description = "For approve, reject, pin, unpin, clear. Default: ${DEFAULT-VALUE}.")
    String placement;

    @Option(names = "--sku", paramLabel = "S", description = "Exclude or include one product everywhere.")
    String sku;

    @Option(names = "--category", paramLabel = "C", description = "Exclude or include a whole category.")
    String category;

    @Option(names = "--category-pair", paramLabel = "A,B",
            description = "Never recommend category B for a cart or order holding category A (in double quotes"
                    + " when it holds a comma: \"Home, garden\",Kitchen).")
    String categoryPair;

    @Option(names = "--pair", paramLabel = "A,B", description = "Never recommend SKU B for SKU A, in any placement"
            + " (quoted as in --category-pair).")
    String pair;

    @Option(names = "--suggested", description = "With exclude: every SKU that suggest lists.")
    boolean suggested;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, kept in the audit trail.")
    String reason;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store target = store.open()) {
            CurationStore curation = new CurationStore(target);
            String message = switch (action) {
                case "approve" -> setPair(target, curation, PairStatus.APPROVED);
                case "reject" -> setPair(target, curation, PairStatus.REJECTED);
                case "pin" -> setPair(target, curation, PairStatus.PINNED);
                case "unpin", "clear" -> setPair(target, curation, null);
                case "exclude" -> exclude(target, curation);
                case "include" -> include(curation);
                case "suggest" -> suggest(target);
                case "undo" -> curation.undo().map(e -> "Undid: " + e.describe() + ".").orElse("Nothing to undo.");
                case "list" -> json.enabled ? Json.write(Map.of("pairs", curation.pairs(), "exclusions",
                        curation.exclusions())) : list(curation);
                default -> throw new IllegalArgumentException("'" + action + "' is not approve, reject, pin, unpin,"
                        + " clear, exclude, include, suggest, list or undo");
            };
            if (json.enabled && !"list".equals(action) && !"suggest".equals(action)) {
                message = Json.write(new Changed(message, curation.pairs(), curation.exclusions()));
            }
            out.println(message);
        }
        out.flush();
        return 0;
    }

    /**
     * A change's result in {@code --json}: what was done, in words, and the curation as it now stands.
     * JSON names are read by outside checks.
     */
    record Changed(String done, List<CurationStore.CuratedPair> pairs, List<CurationStore.Exclusion> exclusions) {
    }

    private String setPair(Store target, CurationStore curation, PairStatus status) {
        if (anchor == null || candidate == null) {
            throw new IllegalArgumentException(action + " needs --anchor SKU and --candidate SKU");
        }
        String place = Placement.fromCli(placement).cliName();
        requireSku(target, anchor);
        requireSku(target, candidate);
        curation.setPair(place, anchor.strip(), candidate.strip(), status, reason);
        return status == null ? String.format("Cleared %s → %s (%s).", anchor.strip(), candidate.strip(), place)
                : String.format("%s → %s is %s (%s).", anchor.strip(), candidate.strip(), status, place);
    }

    private String suggest(Store target) {
        List<ChargeLines.Suggestion> found = ChargeLines.suggest(target);
        if (json.enabled) {
            return Json.write(Map.of("suggestions", found));
        }
        return found.isEmpty() ? "No SKU looks like a charge or a gift card rather than a product."
                : describe(found) + String.format("%nExclude them all: curate --store %s exclude --suggested",
                store.directory);
    }

    /** The suggestions as lines for a person, the first 20 of them. */
    static String describe(List<ChargeLines.Suggestion> found) {
        StringBuilder text = new StringBuilder(ChargeLines.headline(found.size()) + ":");
        found.stream().limit(20).forEach(s -> text.append("\n  ").append(s.describe()));
        if (found.size() > 20) {
            text.append(String.format("%n  … and %,d more", found.size() - 20));
        }
        return text.toString();
    }

    private String exclude(Store target, CurationStore curation) {
        if (suggested) {
            if (sku != null || category != null || categoryPair != null || pair != null) {
                throw new IllegalArgumentException("exclude --suggested takes no --sku, --category, --category-pair"
                        + " or --pair");
            }
            List<ChargeLines.Suggestion> found = ChargeLines.suggest(target);
            curation.excludeAll(ChargeLines.exclusions(found, reason));
            if (found.isEmpty()) {
                return "No SKU looks like a charge or a gift card rather than a product; nothing excluded.";
            }
            return "Excluded " + found.stream().map(ChargeLines.Suggestion::sku)
                    .collect(Collectors.joining(", ")) + "."
                    + (ChargeLines.profileChosenWithThem(target) ? String.format("%n%s: backtest --store %s --apply"
                    + " chooses the settings again without them.", ChargeLines.CHOSEN_WITH_THEM, store.directory) : "");
        }
        ExclusionKey what = exclusionTarget();
        if (!what.kind().categories()) {
            requireSku(target, what.first());
            if (what.kind().twoKeys()) {
                requireSku(target, what.second());
            }
        } else if (!new StoreQueries(target).hasCategory(what.first())
                || what.kind().twoKeys() && !new StoreQueries(target).hasCategory(what.second())) {
            throw new IllegalArgumentException("No product has the category " + (what.kind().twoKeys()
                    ? what.first() + " or " + what.second() : what.first()));
        }
        curation.exclude(what.kind(), what.first(), what.second(), reason);
        return "Excluded " + what + (reason == null ? "." : " (" + reason + ").");
    }

    private String include(CurationStore curation) {
        ExclusionKey what = exclusionTarget();
        return curation.include(what.kind(), what.first(), what.second()) ? "Included " + what + " again."
                : "There was no such exclusion: " + what + ".";
    }

    /** The exclusion named by exactly one of --sku, --category, --category-pair, --pair. */
    private ExclusionKey exclusionTarget() {
        List<ExclusionKey> given = new ArrayList<>();
        if (sku != null) {
            given.add(new ExclusionKey(ExclusionKind.SKU, sku.strip(), ""));
        }
        if (category != null) {
            given.add(new ExclusionKey(ExclusionKind.CATEGORY, category.strip(), ""));
        }
        if (categoryPair != null) {
            given.add(twoKeys(ExclusionKind.CATEGORY_PAIR, categoryPair));
        }
        if (pair != null) {
            given.add(twoKeys(ExclusionKind.PAIR, pair));
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException(action + " needs exactly one of --sku, --category, --category-pair, --pair");
        }
        return given.get(0);
    }

    /** {@code A,B}, either in double quotes when it holds a comma ({@code "Home, garden",Kitchen}). */
    private static ExclusionKey twoKeys(ExclusionKind kind, String value) {
        List<CommaList.Entry> parts = CommaList.parse(value);
        if (parts.size() != 2 || parts.stream().anyMatch(p -> p.value().isBlank() || !p.after().isEmpty())) {
            throw new IllegalArgumentException("--" + kind + " takes two values: A,B (a value holding a comma goes in"
                    + " double quotes)");
        }
        return new ExclusionKey(kind, parts.get(0).value(), parts.get(1).value());
    }

    private static void requireSku(Store target, String value) {
        StoreQueries queries = new StoreQueries(target);
        if (!queries.hasSku(value)) {
            throw new IllegalArgumentException(Suggestions.unknownSku(value, queries.skus()));
        }
    }

    private static String list(CurationStore curation) {
        StringBuilder text = new StringBuilder();
        curation.pairs().forEach(p -> text.append(String.format("%-13s %-8s %s → %s%s%s%n", p.placement(),
                p.status(), p.anchorSku(), p.candidateSku(), p.pinOrder() == null ? "" : " #" + p.pinOrder(),
                p.reason() == null ? "" : "  (" + p.reason() + ")")));
        curation.exclusions().forEach(e -> text.append(String.format("%-13s %-8s %s%s%s%n", "excluded", e.kind(),
                e.first(), e.second().isEmpty() ? "" : " → " + e.second(),
                e.reason() == null ? "" : "  (" + e.reason() + ")")));
        return text.isEmpty() ? "No curation yet." : text.toString().stripTrailing();
    }
}
