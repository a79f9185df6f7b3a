package io.orderlift;

import java.nio.file.Path;

import io.orderlift.cli.OrderliftCli;
import io.orderlift.common.Logging;
import io.orderlift.common.UserDataDirectory;
import io.orderlift.ui.WorkbenchLauncher;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code orderlift.jar}: the command line, with {@code gui} wired to the JavaFX
 * workbench. The only class that knows both faces.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        OrderliftCli.startWarmUp();
        Path log = Logging.start(UserDataDirectory.get());
        LoggerFactory.getLogger(Main.class).info("orderlift {} (log {})", String.join(" ", args), log);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> LoggerFactory.getLogger(Main.class)
                .error("Uncaught in {}", thread.getName(), error));
        int code = OrderliftCli.run(WorkbenchLauncher::open, args);
        if (code != 0 || args.length == 0 || !"gui".equals(args[0])) {
            System.exit(code);
        }
    }
}
