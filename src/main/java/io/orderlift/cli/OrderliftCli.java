package io.orderlift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.orderlift.common.OutOfMemory;
import io.orderlift.ruleset.evaluator.RuleSetException;
import io.orderlift.store.Store;
import io.orderlift.store.StoreException;
import io.orderlift.store.imports.ImportRejectedException;
import io.orderlift.store.imports.RowProblem;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code orderlift} command line: the headless face of the workbench. Every command prints a
 * readable result, takes {@code --json}, and on bad input exits non-zero with the reason on its
 * first line of standard error.
 */
@Command(name = "orderlift", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = OrderliftCli.Version.class,
        description = "Cross-sell recommendations tuned for order value.")
public final class OrderliftCli {

    /**
     * Every command but {@code gui}, by the name its {@code @Command} gives it, in the order
     * {@code --help} lists them. A run builds only the command it names (picocli reads each command's
     * options when it is added, a few hundredths of a second each in a fresh JVM); {@code --help}, a
     * typo or no command builds them all.
     */
    static final Map<String, Class<?>> COMMANDS = byName(ImportCommand.class, InfoCommand.class, MineCommand.class,
            PairsCommand.class, CurateCommand.class, RecommendCommand.class, ProfileCommand.class,
            PublishCommand.class, CheckRulesetCommand.class, EvaluateCommand.class, VersionsCommand.class,
            BacktestCommand.class, AbTestCommand.class, DemoCommand.class, ExportOrdersCommand.class,
            ImportPairsCommand.class);

    private static Map<String, Class<?>> byName(Class<?>... commands) {
        Map<String, Class<?>> named = new LinkedHashMap<>();
        for (Class<?> command : commands) {
            named.put(command.getAnnotation(Command.class).name(), command);
        }
        return Collections.unmodifiableMap(named);
    }

    /** Exit code for bad input (a bad file, a missing store, a locked store). */
    public static final int EXIT_BAD_INPUT = 1;
    /** Exit code for a command line that cannot be parsed (picocli's usage error). */
    public static final int EXIT_USAGE = 2;

    /** Columns of {@code --help}; picocli's 80 broke the usage examples mid-line. */
    static final int HELP_WIDTH = 100;

    private OrderliftCli() {
    }

    /** The command line, with {@code gui} opening the workbench through {@code opener}. */
    public static CommandLine create(WorkbenchOpener opener) {
        return create(opener, new String[0]);
    }

    /**
     * The command line that runs {@code args}: with only the command their first word names (and
     * {@code gui}), or with every command when it names none ({@code --help}, a typo, nothing).
     */
    public static CommandLine create(WorkbenchOpener opener, String... args) {
        String named = args.length > 0 && COMMANDS.containsKey(args[0]) ? args[0] : null;
        CommandLine cli = new CommandLine(new OrderliftCli());
        COMMANDS.forEach((name, command) -> {
            if (named == null || named.equals(name)) {
                cli.addSubcommand(name, command);
            }
        });
        cli.addSubcommand("gui", new GuiCommand(opener));
        cli.setExecutionExceptionHandler(OrderliftCli::handle);
        cli.setParameterExceptionHandler(OrderliftCli::usageError);
        cli.setExecutionStrategy(OrderliftCli::runOrExplainMemory);
        // 100 columns: the usage examples in the commands' descriptions fit on one line each
        cli.setUsageHelpWidth(HELP_WIDTH);
        return cli;
    }

    /**
     * Runs the command; an {@link OutOfMemoryError} thrown on the command's own thread (picocli
     * passes errors through) is explained like any refusal instead of ending the JVM with nothing
     * on the terminal.
     */
    private static int runOrExplainMemory(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            return outOfMemory(parsed.commandSpec().commandLine().getErr(), e);
        }
    }

    private static int outOfMemory(PrintWriter err, Throwable e) {
        LoggerFactory.getLogger(OrderliftCli.class).error("Out of memory", e);
        err.println(OutOfMemory.advice());
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /**
     * A command line that cannot be parsed: the reason first — an unknown option named before any
     * other complaint (picocli would report a missing required option first, hiding the typo that
     * caused it) — then picocli's suggestions and the command's usage.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine failed = e.getCommandLine();
        PrintWriter err = failed.getErr();
        List<String> unknown = failed.getUnmatchedArguments().stream().filter(a -> a.startsWith("-"))
                .toList();
        if (!(e instanceof CommandLine.UnmatchedArgumentException) && !unknown.isEmpty()) {
            err.println("Unknown option: " + String.join(", ", unknown.stream().map(u -> "'" + u + "'").toList()));
        }
        err.println(e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.print(failed.getUsageMessage());
        }
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * Starts loading the database classes on a daemon thread ({@link io.orderlift.store.Store#warmUp}),
     * so a command's first query does not wait for them; call it first thing.
     */
    public static void startWarmUp() {
        Thread warmUp = new Thread(Store::warmUp, "orderlift-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Runs {@code args} and returns the exit code. */
    public static int run(WorkbenchOpener opener, String... args) {
        return create(opener, args).execute(args);
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (OutOfMemory.in(e)) {
            // a worker thread's error, handed over wrapped
            return outOfMemory(err, e);
        }
        LoggerFactory.getLogger(OrderliftCli.class).warn("Refused: {}", e.getMessage());
        if (e instanceof ImportRejectedException rejected) {
            err.println(rejected.getMessage());
            if (rejected.skippable()) {
                err.println("To import the other rows, run it again with --skip-bad-rows: the bad ones are then"
                        + " listed and kept in the store's import record.");
            }
            if (parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--json")) {
                cli.getOut().println(Json.write(new ImportFailure(rejected.getMessage().lines().findFirst().orElse(""),
                        rejected.problemCount(), rejected.problems())));
                cli.getOut().flush();
            }
        } else if (e instanceof StoreException || e instanceof IOException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException
                || e instanceof RuleSetException) {
            err.println(e.getMessage());
        } else {
            err.println("Unexpected error: " + e);
            e.printStackTrace(err);
            LoggerFactory.getLogger(OrderliftCli.class).error("Unexpected error", e);
        }
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /** The JSON printed with {@code --json} when an import is refused. */
    record ImportFailure(String error, long problemCount, List<RowProblem> problems) {
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = OrderliftCli.class.getPackage().getImplementationVersion();
            return new String[] {"orderlift " + (version == null ? "development build" : version)};
        }
    }
}
