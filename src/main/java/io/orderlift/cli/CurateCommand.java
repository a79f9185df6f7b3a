package io.orderlift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.orderlift.ranking.Placement;
import io.orderlift.store.CurationStore;
import io.orderlift.store.Store;
import io.orderlift.store.StoreQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code orderlift curate}: curation from scripts. Curation always wins over statistics. */
@Command(name = "curate", header = "Approve, reject or pin pairs, exclude SKUs, categories and pairs, list or undo curation from scripts.",
        description = {
        "Curation from scripts:",
        "  curate --store DIR approve|reject|pin|unpin|clear --anchor SKU --candidate SKU [--placement P]",
        "  curate --store DIR exclude|include --sku S | --category C | --category-pair A,B | --pair A,B [--reason TEXT]",
        "  curate --store DIR list [--json]",
        "  curate --store DIR undo"})
final class CurateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "ACTION",
            description = "approve, reject, pin, unpin, clear, exclude, include, list or undo")
    String action;

    @Option(names = "--anchor", paramLabel = "SKU")
    String anchor;

    @Option(names = "--candidate", paramLabel = "SKU")
    String candidate;

    @Option(names = "--placement", defaultValue = "cart", paramLabel = "cart|confirmation",
            description = "For approve, reject, pin, unpin, clear. Default: ${DEFAULT-VALUE}.")
    String placement;

    @Option(names = "--sku", paramLabel = "S")
    String sku;

    @Option(names = "--category", paramLabel = "C")
    String category;

    @Option(names = "--category-pair", paramLabel = "A,B",
            description = "Never recommend category B for a cart or order holding category A.")
    String categoryPair;

    @Option(names = "--pair", paramLabel = "A,B", description = "Never recommend SKU B for SKU A, in any placement.")
    String pair;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Store target = Store.open(store.directory)) {
            CurationStore curation = new CurationStore(target);
            String message = switch (action) {
                case "approve", "reject", "pin" -> setPair(target, curation, action);
                case "unpin", "clear" -> setPair(target, curation, null);
                case "exclude" -> exclude(target, curation);
                case "include" -> include(curation);
                case "undo" -> curation.undo().map(e -> "Undid " + e.action() + " " + e.target())
                        .orElse("Nothing to undo.");
                case "list" -> json.enabled ? Json.write(Map.of("pairs", curation.pairs(), "exclusions",
                        curation.exclusions())) : list(curation);
                default -> throw new IllegalArgumentException("'" + action + "' is not approve, reject, pin, unpin,"
                        + " clear, exclude, include, list or undo");
            };
            out.println(message);
        }
        out.flush();
        return 0;
    }

    private String setPair(Store target, CurationStore curation, String status) {
        if (anchor == null || candidate == null) {
            throw new IllegalArgumentException(action + " needs --anchor SKU and --candidate SKU");
        }
        String place = Placement.fromCli(placement).cliName();
        requireSku(target, anchor);
        requireSku(target, candidate);
        String fixed = status == null ? null : switch (action) {
            case "approve" -> "approved";
            case "reject" -> "rejected";
            default -> "pinned";
        };
        curation.setPair(place, anchor.strip(), candidate.strip(), fixed, reason);
        return fixed == null ? String.format("Cleared %s → %s (%s).", anchor.strip(), candidate.strip(), place)
                : String.format("%s → %s is %s (%s).", anchor.strip(), candidate.strip(), fixed, place);
    }

    private String exclude(Store target, CurationStore curation) {
        String[] what = exclusionTarget();
        if (what[0].equals("sku")) {
            requireSku(target, what[1]);
        } else if (what[0].equals("pair")) {
            requireSku(target, what[1]);
            requireSku(target, what[2]);
        } else if (!new StoreQueries(target).hasCategory(what[1])
                || what[0].equals("category-pair") && !new StoreQueries(target).hasCategory(what[2])) {
            throw new IllegalArgumentException("No product has the category " + (what[0].equals("category") ? what[1]
                    : what[1] + " or " + what[2]));
        }
        curation.exclude(what[0], what[1], what[2], reason);
        return "Excluded " + describe(what) + (reason == null ? "." : " (" + reason + ").");
    }

    private String include(CurationStore curation) {
        String[] what = exclusionTarget();
        return curation.include(what[0], what[1], what[2]) ? "Included " + describe(what) + " again."
                : "There was no such exclusion: " + describe(what) + ".";
    }

    /** {kind, first, second} from exactly one of --sku, --category, --category-pair, --pair. */
    private String[] exclusionTarget() {
        List<String[]> given = new java.util.ArrayList<>();
        if (sku != null) {
            given.add(new String[] {"sku", sku.strip(), ""});
        }
        if (category != null) {
            given.add(new String[] {"category", category.strip(), ""});
        }
        if (categoryPair != null) {
            given.add(twoKeys("category-pair", categoryPair));
        }
        if (pair != null) {
            given.add(twoKeys("pair", pair));
        }
        if (given.size() != 1) {
            throw new IllegalArgumentException(action + " needs exactly one of --sku, --category, --category-pair, --pair");
        }
        return given.get(0);
    }

    private static String[] twoKeys(String kind, String value) {
        String[] parts = value.split(",");
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            throw new IllegalArgumentException("--" + kind + " takes two values: A,B");
        }
        return new String[] {kind, parts[0].strip(), parts[1].strip()};
    }

    private static String describe(String[] what) {
        return what[2].isEmpty() ? what[0] + " " + what[1] : what[0] + " " + what[1] + " → " + what[2];
    }

    private static void requireSku(Store target, String value) {
        StoreQueries queries = new StoreQueries(target);
        if (!queries.hasSku(value)) {
            throw new IllegalArgumentException(io.orderlift.common.Suggestions.unknownSku(value, queries.skus()));
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
