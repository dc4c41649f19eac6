package org.rapport.ui.classroom;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassBook;
import org.rapport.classroom.ClassFixtures;
import org.rapport.classroom.ClassRoster;
import org.rapport.ui.AppContext;
import org.rapport.ui.AppShell;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A facilitator sets up a class on the classroom screen, collects the results folder and reads the report. */
@ExtendWith(ApplicationExtension.class)
class ClassroomSmokeTest {
    @TempDir
    static Path dir;

    private ClassroomView view;
    private Path data;

    @Start
    void start(Stage stage) throws Exception {
        AppShell.applyTheme(false);
        Path library = Files.createDirectories(dir.resolve("library"));
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        data = Files.createDirectories(dir.resolve("data-" + System.nanoTime()));
        view = new ClassroomView(new AppContext(Catalog.bundled(), List.of(library)), data);
        stage.setScene(new Scene(view, 1280, 800));
        stage.getScene().getStylesheets().add(ClassroomView.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        stage.show();
    }

    private Label heatCell(FxRobot robot, int row, int column) {
        GridPane g = robot.lookup("#heat-map").queryAs(GridPane.class);
        return (Label) g.getChildren().stream()
                .filter(n -> GridPane.getRowIndex(n) == row && GridPane.getColumnIndex(n) == column).findFirst().orElseThrow();
    }

    @Test
    void aFacilitatorCreatesAClassCollectsTheFolderAndSeesTheHeatMapMissedDecisionsAndSkippedFiles(FxRobot robot) throws Exception {
        robot.clickOn("#new-class");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#assign-late-parcel").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#class-name").queryAs(TextField.class).setText("Tuesday group");
            robot.lookup("#class-trainees").queryAs(TextArea.class).setText("Ana\nBen\nCaro\nDee\nEve");
        });
        robot.clickOn("#assign-late-parcel");
        robot.clickOn("#save-class");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#classroom-message").queryAs(Label.class).getText().startsWith("Saved \"Tuesday group\": 5 trainees, 1 dialogues"));
        ClassRoster saved = ClassBook.in(data).list().classes().get(0);
        assertEquals(List.of("Ana", "Ben", "Caro", "Dee", "Eve"), saved.trainees(), "the class is kept in the data folder");
        assertTrue(robot.lookup("#assign-late-parcel").queryAs(CheckBox.class).isSelected());

        Path folder = ClassFixtures.writeFolder(dir.resolve("work-" + System.nanoTime()), dir.resolve("results-" + System.nanoTime()));
        robot.interact(() -> view.viewModel().collect(folder)); // the folder chooser is the system's; the collection is ours
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#heat-map").tryQuery().isPresent());

        assertEquals("3 of 5 trainees sent results · 4 attempts · 60% of assigned dialogues completed",
                robot.lookup("#report-summary").queryAs(Label.class).getText());
        assertEquals("LEAD: Listen", heatCell(robot, 0, 1).getText());
        assertEquals("100%", heatCell(robot, 1, 1).getText(), "Ana, listen");
        assertTrue(heatCell(robot, 1, 1).getStyleClass().contains("band-4"));
        assertEquals("0%", heatCell(robot, 2, 1).getText(), "Ben, listen");
        assertTrue(heatCell(robot, 2, 1).getStyleClass().contains("band-0"));
        assertEquals("—", heatCell(robot, 4, 1).getText(), "Dee sent nothing");
        assertEquals("67%", heatCell(robot, 6, 1).getText(), "the class average");

        String firstMissed = robot.lookup(".missed-card").query().getAccessibleText();
        assertTrue(firstMissed.contains("Missed in 2 of 3 attempts (67%), by Ana, Caro."), firstMissed);
        assertTrue(firstMissed.contains("Why it falls short: Explaining the courier's backlog"), firstMissed);
        List<String> skipped = robot.lookup(".skipped").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertTrue(skipped.contains("zed.json: skipped, unknown trainee: Zed is not in Tuesday group"), skipped.toString());
        assertTrue(skipped.stream().anyMatch(s -> s.startsWith("broken.json: skipped, malformed")), skipped.toString());

        Path csv = dir.resolve("out-" + System.nanoTime() + ".csv");
        robot.interact(() -> view.viewModel().export(ClassroomViewModel.Export.CSV, csv));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#classroom-message").queryAs(Label.class).getText().startsWith("Exported"));
        assertTrue(Files.readString(csv).startsWith("Trainee,Results,Attempts,Completed"), "the export button's file is written");
        assertTrue(robot.lookup("#classroom-message").queryAs(Label.class).getText().startsWith("Exported the table to"));

        Path pdf = dir.resolve("out-" + System.nanoTime() + ".pdf");
        robot.interact(() -> view.viewModel().export(ClassroomViewModel.Export.PDF, pdf));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#classroom-message").queryAs(Label.class).getText().contains("as a PDF"));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Class report: Tuesday group"), text);
            assertTrue(text.contains("Why it falls short"), "the missed decisions are in the PDF");
        }
    }
}
