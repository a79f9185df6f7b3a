package io.orderlift;

import io.orderlift.cli.OrderliftCli;
import io.orderlift.ui.WorkbenchLauncher;

/**
 * Entry point of {@code orderlift.jar}: the command line, with {@code gui} wired to the JavaFX
 * workbench. The only class that knows both faces.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OrderliftCli.startWarmUp();
        java.nio.file.Path log = io.orderlift.common.Logging.start(io.orderlift.common.UserDataDirectory.get());
        org.slf4j.LoggerFactory.getLogger(Main.class).info("orderlift {} (log {})", String.join(" ", args), log);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> org.slf4j.LoggerFactory.getLogger(Main.class)
                .error("Uncaught in {}", thread.getName(), error));
        int code = OrderliftCli.run(WorkbenchLauncher::open, args);
        if (code != 0 || args.length == 0 || !"gui".equals(args[0])) {
            System.exit(code);
        }
    }
}
