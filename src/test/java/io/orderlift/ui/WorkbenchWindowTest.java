package io.orderlift.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.orderlift.common.ProgressMonitor;
import io.orderlift.store.Store;
import io.orderlift.store.imports.ImportFormat;
import io.orderlift.store.imports.ImportRequest;
import io.orderlift.store.imports.OrderImporter;
import io.orderlift.ui.imports.ImportDialog;
import io.orderlift.ui.mining.MiningDialog;
import io.orderlift.ui.shell.HelpMenuAccess;
import io.orderlift.ui.shell.WorkbenchSettings;
import io.orderlift.ui.shell.WorkbenchWindow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.controlsfx.control.SearchableComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real workbench window headless: the overview, and an import through the File menu. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    static final String HEADER = "order_id,customer_id,ordered_at,sku,title,category,quantity,unit_price\n";

    Path data;
    WorkbenchFixture fixture;
    final AtomicReference<Path> nextFile = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        data = Files.createTempDirectory("orderlift-ui-test");
        Path first = Files.writeString(data.resolve("first.csv"), HEADER
                + "O1,C1,2025-01-05T10:00:00Z,TENT,Trail tent,Tents,1,199.00\n"
                + "O1,C1,2025-01-05T10:00:00Z,STAKES,Stakes,Accessories,2,8.99\n"
                + "O2,C2,2025-01-06T11:30:00Z,TENT,Trail tent,Tents,1,189.00\n"
                + "O3,,2025-01-07,STOVE,Stove,Cooking,1,79.00\n");
        Store store = Store.openOrCreate(data.resolve("shop"));
        new OrderImporter().importFile(store, ImportRequest.of(first), ProgressMonitor.NONE);
        fixture = WorkbenchFixture.show(stage, store, data, WorkbenchFixture.dialogs(nextFile::get, null, data));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void overviewShowsTheStoreFiguresChartsAndHistory(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        assertEquals("shop", text(robot, "#storeName"));
        assertEquals("4", text(robot, "#linesValue"));
        assertEquals("2", text(robot, "#customersValue"));
        assertEquals("3", text(robot, "#productsValue"));
        assertEquals("2025-01-05 – 2025-01-07", text(robot, "#dateRangeValue"));
        assertEquals("161.66", text(robot, "#aovValue"), "(216.98 + 189 + 79) / 3");
        assertTrue(robot.lookup("#aovHistogram").queryAs(ImageView.class).getImage() != null);
        assertTrue(robot.lookup("#priceHistogram").queryAs(ImageView.class).getImage() != null);
        assertEquals(1, robot.lookup("#importHistory").queryAs(TableView.class).getItems().size());
        assertTrue(robot.window(0).getWidth() >= WorkbenchWindow.MIN_WIDTH);
    }

    @Test
    void everyViewIsOneShortcutAway(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals(8, tabs.getTabs().size());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3)
                .release(KeyCode.CONTROL);
        waitFor(() -> "Weighting".equals(tabs.getSelectionModel().getSelectedItem().getText()));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1)
                .release(KeyCode.CONTROL);
        waitFor(() -> "Overview".equals(tabs.getSelectionModel().getSelectedItem().getText()));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4)
                .release(KeyCode.CONTROL);
        waitFor(() -> "Exclusions".equals(tabs.getSelectionModel().getSelectedItem().getText()));
        robot.interact(() -> tabs.getScene().getWindow().hide());
        assertEquals("Exclusions", new WorkbenchSettings(data).lastView().orElseThrow(),
                "the next window opens on the view shown last");
    }

    /** Edit ▸ Find (Shortcut+F) opens the search field of the view shown, ready for typing; the overview has none. */
    @Test
    @SuppressWarnings("unchecked")
    void findOpensTheSearchFieldOfTheViewShown(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        MenuItem find = robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> "find".equals(item.getId()))
                .findFirst().orElseThrow();
        assertTrue(find.isDisable(), "the overview has nothing to search");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        SearchableComboBox<String> search = robot.lookup("#cartSearch").queryAs(SearchableComboBox.class);
        waitFor(() -> search.getItems().size() == 3);
        assertFalse(find.isDisable());
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(search::isShowing);
        robot.write("stov").type(KeyCode.ENTER);
        waitFor(() -> search.getValue() != null && search.getValue().startsWith("STOVE"));

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        SearchableComboBox<String> anchor = robot.lookup("#anchorSearch").queryAs(SearchableComboBox.class);
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        waitFor(anchor::isShowing);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !anchor.isShowing());
    }

    @Test
    void importThroughTheFileMenuShowsAPreviewThenUpdatesTheOverview(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.writeString(data.resolve("more.csv"), HEADER
                + "O4,C3,2025-02-01T09:00:00Z,TENT,Trail tent,Tents,1,199.00\n"
                + "O5,C1,2025-02-02T09:00:00Z,STOVE,Stove,Cooking,1,79.00\n"));
        waitFor(() -> robot.lookup("#previewTable").queryAs(TableView.class).getItems().size() == 2);
        assertFalse(importButton.isDisabled());
        robot.clickOn(importButton);
        waitFor(() -> "5".equals(text(robot, "#ordersValue")));
        assertEquals("3", text(robot, "#customersValue"));
        assertEquals(2, robot.lookup("#importHistory").queryAs(TableView.class).getItems().size());
    }

    @Test
    void helpHasAGuideAndAboutAndFileCreatesANewStore(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        robot.clickOn("Help").clickOn("User guide");
        waitFor(() -> robot.lookup("#guideDialog").tryQuery().isPresent());
        VBox guide = robot.lookup("#guideContent").queryAs(VBox.class);
        assertEquals("What Orderlift is for", ((Label) guide.getChildren().get(0)).getText());
        assertTrue(guide.getChildren().stream().map(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("acceptance — of the orders that had the anchor")));
        robot.clickOn(robot.lookup("#guideDialog").queryAs(DialogPane.class)
                .lookupButton(ButtonType.CLOSE));
        assertTrue(HelpMenuAccess.about(data).contains("Data folder: " + data));

        Path fresh = data.resolve("new-store");
        robot.interact(() -> fixture.model.create(fresh));
        waitFor(() -> "new-store".equals(text(robot, "#storeName")) && "0".equals(text(robot, "#ordersValue")));
        assertTrue(Store.exists(fresh));
    }

    @Test
    void theImportDialogRecognisesAShopifyExportFromItsHeader(FxRobot robot) throws Exception {
        importDialogOn(robot, Path.of("sample-stores/beauty/shopify-orders-export.csv").toAbsolutePath());
        waitFor(() -> !robot.lookup("#previewTable").queryAs(TableView.class).getItems().isEmpty());
        assertEquals(ImportFormat.SHOPIFY,
                robot.lookup("#formatChoice").queryAs(ChoiceBox.class).getValue());
        assertEquals("Lineitem sku", robot.lookup("#column-sku").queryAs(ComboBox.class)
                .getValue());
        robot.clickOn(robot.lookup("#importDialog").queryAs(DialogPane.class)
                .lookupButton(ButtonType.CANCEL));
    }

    @Test
    void minePairsRunsInTheBackgroundAndShowsWhenAndHowTheStoreWasMined(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        assertTrue(text(robot, "#miningStatus").startsWith("Not mined yet"));
        Button mine = robot.lookup("#mineButton").queryAs(Button.class);
        assertTrue(mine.isDefaultButton(), "mining is the next step: Enter mines");
        robot.clickOn("#mineButton");
        waitFor(() -> robot.lookup("#windowDays").tryQuery().isPresent());
        Spinner<?> window = robot.lookup("#windowDays").queryAs(Spinner.class);
        robot.doubleClickOn(window.getEditor()).write("14");
        robot.clickOn(robot.lookup("#miningDialog").queryAs(DialogPane.class)
                .lookupButton(MiningDialog.MINE));
        waitFor(() -> text(robot, "#miningStatus").startsWith("Mined "));
        assertTrue(text(robot, "#miningStatus").contains("pairs from 3 orders, 14-day follow-on window"),
                text(robot, "#miningStatus"));
        waitFor(() -> !mine.isDefaultButton());
    }

    @Test
    void columnsWithOtherNamesAreMappedInTheDialogBeforeImporting(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.writeString(data.resolve("odd.csv"),
                "Ref,customer_id,ordered_at,sku,quantity,unit_price\nO9,C9,2025-03-01,KETTLE,1,45.00\n"));
        waitFor(() -> robot.lookup("#previewTable").queryAs(TableView.class).getItems().size() == 1);
        assertTrue(importButton.isDisabled(), "order_id is not mapped yet");
        robot.clickOn("#column-order_id");
        robot.clickOn(robot.lookup(".list-cell").match(LabeledMatchers.hasText("Ref"))
                .queryAs(Node.class));
        waitFor(() -> !importButton.isDisabled());
        importAndSeeTheFourthOrder(robot, importButton);
    }

    /** A file whose dates are not ISO-8601 is read once its date format is given; until then nothing is imported. */
    @Test
    void aFileWithItsOwnDateFormatImportsOnceTheFormatIsGiven(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.writeString(data.resolve("us-dates.csv"),
                "order_id,customer_id,ordered_at,sku,quantity,unit_price\nO8,C8,3/1/2025 14:05,KETTLE,1,45.00\n"));
        waitFor(() -> previewProblems(robot).size() == 1);
        String problem = String.valueOf(previewProblems(robot).get(0));
        assertTrue(problem.contains("give the file's date format"), problem);
        TextField dates = robot.lookup("#dateFormat").queryAs(TextField.class);
        robot.clickOn(dates).write("M/yyyy");
        waitFor(importButton::isDisabled);
        robot.interact(dates::clear);
        // 3/1/2025 reads month first and day first: the dialog offers both, and a click gives one
        waitFor(() -> robot.lookup("#useDateFormat1").tryQuery().isPresent());
        assertEquals("Month first: M/d/yyyy H:mm", robot.lookup("#useDateFormat0").queryButton().getText());
        assertEquals("Day first: d/M/yyyy H:mm", robot.lookup("#useDateFormat1").queryButton().getText());
        robot.clickOn("#useDateFormat0");
        waitFor(() -> !importButton.isDisabled() && previewProblems(robot).isEmpty());
        assertEquals("M/d/yyyy H:mm", dates.getText());
        assertTrue(robot.lookup("#useDateFormat0").tryQuery().isEmpty(), "no offer once a format is given");
        importAndSeeTheFourthOrder(robot, importButton);
    }

    /** Another export's column names are offered, and the first rows are read with them, not with the missing defaults. */
    @Test
    void anotherExportsColumnsAreOfferedAndThePreviewReadWithThem(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.writeString(data.resolve("Online Retail.csv"),
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                        + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26,2.55,17850,United Kingdom\n"));
        waitFor(() -> "StockCode".equals(robot.lookup("#column-sku").queryAs(ComboBox.class)
                .getValue()) && text(robot, "#previewStatus").startsWith("The file's one row reads cleanly"));
        assertEquals("The file's one row", text(robot, "#previewHeading"));
        assertTrue(previewProblems(robot).isEmpty());
        importAndSeeTheFourthOrder(robot, importButton);
    }

    /** The preview says how many rows it shows: the first twenty, all the file holds when that is fewer, or none. */
    @Test
    void thePreviewSaysWhetherItShowsTheWholeFile(FxRobot robot) throws Exception {
        StringBuilder rows = new StringBuilder("order_id,customer_id,ordered_at,sku,quantity,unit_price\n");
        for (int i = 0; i < 3; i++) {
            rows.append("P").append(i).append(",C9,2025-03-01,KETTLE,1,45.00\n");
        }
        importDialogOn(robot, Files.writeString(data.resolve("three.csv"), rows));
        waitFor(() -> text(robot, "#previewStatus").equals("The file's 3 rows read cleanly."));
        assertEquals("The file's 3 rows", text(robot, "#previewHeading"));
        robot.clickOn(robot.lookup("#importDialog").queryAs(DialogPane.class).lookupButton(ButtonType.CANCEL));
        for (int i = 3; i < 25; i++) {
            rows.append("P").append(i).append(",C9,2025-03-01,KETTLE,1,45.00\n");
        }
        importDialogOn(robot, Files.writeString(data.resolve("twenty-five.csv"), rows));
        waitFor(() -> text(robot, "#previewStatus").equals("The first 20 rows read cleanly."));
        assertEquals("The first 20 rows", text(robot, "#previewHeading"));
        // read again after the file is gone: an empty table under a heading that says so
        Files.delete(data.resolve("twenty-five.csv"));
        ComboBox<?> encoding = robot.lookup("#encoding").queryAs(ComboBox.class);
        robot.interact(() -> encoding.getSelectionModel().select(1));
        waitFor(() -> text(robot, "#previewStatus").equals("The file cannot be read."));
        assertEquals("No rows read", text(robot, "#previewHeading"));
    }

    /** A spreadsheet saved as Windows-1252 reads as such, says so, and shows what reading it as UTF-8 would refuse. */
    @Test
    void aWindows1252FileIsRecognisedAndItsEncodingCanBeChosen(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.write(data.resolve("excel.csv"),
                "order_id,customer_id,ordered_at,sku,title,quantity,unit_price\nO7,C7,2025-03-01,KETTLE,Bouilloire \u00e9maill\u00e9e,1,45.00\n"
                        .getBytes(Charset.forName("windows-1252"))));
        waitFor(() -> text(robot, "#previewStatus").contains("read as windows-1252"));
        ComboBox<?> encoding = robot.lookup("#encoding").queryAs(ComboBox.class);
        robot.interact(() -> encoding.getSelectionModel().select(1)); // UTF-8, after Detect
        waitFor(() -> previewProblems(robot).stream()
                .anyMatch(p -> String.valueOf(p).contains("not valid UTF-8")));
        robot.interact(() -> encoding.getSelectionModel().select(0));
        waitFor(() -> previewProblems(robot).isEmpty());
        importAndSeeTheFourthOrder(robot, importButton);
        waitFor(() -> robot.lookup(".notification-bar .label").match((Labeled l) ->
                l.getText() != null && l.getText().contains("(its text read as windows-1252)")).tryQuery().isPresent());
    }

    /** The import dialog's list of problems among the first rows. */
    private static List<?> previewProblems(FxRobot robot) {
        return robot.lookup("#previewProblems").queryAs(ListView.class).getItems();
    }

    /** Clicks the dialog's Import and waits for the sample store's fourth order to show. */
    /** A refused import says so in its heading, and why in its text: nothing was written. */
    @Test
    void aRefusedImportIsHeadedAsNotImported(FxRobot robot) throws Exception {
        Node importButton = importDialogOn(robot, Files.writeString(data.resolve("adjustment.csv"), HEADER
                + "O4,C3,2025-02-01T09:00:00Z,TENT,Trail tent,Tents,1,199.00\n"
                + "A5,,2025-02-02T09:00:00Z,B,Adjust bad debt,,1,-11062.06\n"));
        waitFor(() -> robot.lookup("#previewTable").queryAs(TableView.class).getItems().size() == 2);
        robot.clickOn(importButton);
        waitFor(() -> robot.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane refusal = robot.lookup("#errorDialog").queryAs(DialogPane.class);
        assertEquals("The orders were not imported", refusal.getHeaderText());
        assertTrue(refusal.getContentText().startsWith("adjustment.csv: 1 problem; nothing was imported."),
                refusal.getContentText());
        robot.interact(() -> ((Stage) refusal.getScene().getWindow()).close());
        assertEquals("3", text(robot, "#ordersValue"));
    }

    @Test
    void aStoreRepairedAsItOpensSaysWhatWasUndone(FxRobot robot) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        Path interrupted = data.resolve("interrupted");
        try (Store store = Store.openOrCreate(interrupted)) {
            new OrderImporter().importFile(store, ImportRequest.of(data.resolve("first.csv")), ProgressMonitor.NONE);
            store.putSetting(Store.IMPORT_IN_PROGRESS, "first.csv");
        }
        robot.interact(() -> fixture.model.open(interrupted));
        waitFor(() -> robot.lookup("#recoveredDialog").tryQuery().isPresent());
        DialogPane said = robot.lookup("#recoveredDialog").queryAs(DialogPane.class);
        assertEquals("The import of first.csv was interrupted; the orders it had written were removed, and the store"
                + " is as it was before it. Import the file again.", said.getContentText());
        robot.interact(() -> ((Stage) said.getScene().getWindow()).close());
        waitFor(() -> "interrupted".equals(text(robot, "#storeName")) && "0".equals(text(robot, "#ordersValue")));
    }

    private void importAndSeeTheFourthOrder(FxRobot robot, Node importButton) throws Exception {
        robot.clickOn(importButton);
        waitFor(() -> "4".equals(text(robot, "#ordersValue")));
    }

    /**
     * Once the sample store's three orders show, opens File → Import orders… on {@code file} (the
     * file chooser answers with it); returns the dialog's Import button.
     */
    private Node importDialogOn(FxRobot robot, Path file) throws Exception {
        waitFor(() -> "3".equals(text(robot, "#ordersValue")));
        nextFile.set(file);
        robot.clickOn("File").clickOn("Import orders…");
        waitFor(() -> robot.lookup("#previewTable").tryQuery().isPresent());
        return robot.lookup("#importDialog").queryAs(DialogPane.class)
                .lookupButton(ImportDialog.IMPORT);
    }
}
