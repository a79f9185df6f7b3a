package io.orderlift.ui.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.orderlift.common.Logging;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Help: a short user guide, the keyboard shortcuts, and About (version, data folder). */
final class HelpMenu {

    /** The shortcuts, as the guide lists them. */
    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N   New store…",
            "Ctrl+O   Open store…",
            "Ctrl+I   Import orders…",
            "Ctrl+M   Mine pairs…",
            "Ctrl+Q   Quit",
            "F1       User guide",
            "Ctrl+1…8 show a tab (Overview … Reports)",
            "Ctrl+F   search in the shown tab (Pairs, Exclusions, Cart preview, Confirmation)",
            "Enter    the shown tab's main action (the blue button)",
            "",
            "In the Pairs table:",
            "A        approve the selected pairs",
            "R        reject the selected pairs",
            "P        pin the selected pairs",
            "Ctrl+Z   undo the last curation change",
            "Ctrl+Y   redo it");

    private HelpMenu() {
    }

    static Menu create(Window owner, Path dataDirectory) {
        MenuItem guide = new MenuItem("User guide");
        guide.setId("userGuide");
        guide.setAccelerator(KeyCombination.keyCombination("F1"));
        guide.setOnAction(e -> showGuide(owner));
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setOnAction(e -> info(owner, "Keyboard shortcuts", SHORTCUTS));
        MenuItem about = new MenuItem("About Orderlift");
        about.setId("about");
        about.setOnAction(e -> info(owner, "About Orderlift", about(dataDirectory)));
        Menu help = new Menu("Help", null, guide, shortcuts, about);
        help.setId("helpMenu");
        return help;
    }

    /** Version, data folder and runtime, for a support request. */
    static String about(Path dataDirectory) {
        String version = HelpMenu.class.getPackage().getImplementationVersion();
        return String.join("\n",
                "Orderlift " + (version == null ? "development build" : version),
                "Cross-sell recommendations tuned for order value.",
                "",
                "Data folder: " + dataDirectory,
                "Log file: " + Logging.file().map(Path::toString).orElse("none (not started)"),
                "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.runtime.version"));
    }

    private static void info(Window owner, String title, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label body = new Label(text);
        body.setStyle("-fx-font-family: monospace;");
        alert.getDialogPane().setContent(body);
        alert.show();
    }

    /** The guide: headings and paragraphs from the bundled text. */
    static void showGuide(Window owner) {
        VBox content = new VBox(8);
        content.setId("guideContent");
        content.setPrefWidth(640);
        for (String line : guideText().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Label label = new Label(line.startsWith("# ") ? line.substring(2) : line);
            label.setWrapText(true);
            label.setMaxWidth(620);
            if (line.startsWith("# ")) {
                label.getStyleClass().add("section-title");
            }
            content.getChildren().add(label);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setPrefSize(680, 560);
        scroll.setFitToWidth(true);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Orderlift user guide");
        dialog.getDialogPane().setContent(scroll);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().setId("guideDialog");
        dialog.show();
    }

    static String guideText() {
        try (InputStream in = HelpMenu.class.getResourceAsStream("/io/orderlift/ui/help/guide.txt")) {
            if (in == null) {
                throw new IllegalStateException("The user guide is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
