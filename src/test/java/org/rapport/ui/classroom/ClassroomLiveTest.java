package org.rapport.ui.classroom;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassBook;
import org.rapport.classroom.ClassFixtures;
import org.rapport.store.Store;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A facilitator whose trainees save to the same store reads the class's results from it, without anyone exporting a
 * file, and sees them fill in as trainees finish (here the local store; the shared PostgreSQL store is the same code,
 * see ResultsFromStoreTest).
 */
@ExtendWith(ApplicationExtension.class)
class ClassroomLiveTest {
    @TempDir
    static Path dir;

    private final Catalog catalog = Catalog.bundled();
    private ClassroomView view;
    private Store store;

    @Start
    void start(Stage stage) throws Exception {
        AppShell.applyTheme(false);
        Path library = Files.createDirectories(dir.resolve("library-" + System.nanoTime()));
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        Path data = Files.createDirectories(dir.resolve("data-" + System.nanoTime()));
        store = Store.openSqlite(data, ClassFixtures.ticking());
        ClassFixtures.populate(store, catalog);
        ClassBook.in(data).save(ClassFixtures.roster());
        view = new ClassroomView(new AppContext(catalog, List.of(library), store, null, data), data);
        stage.setScene(new Scene(view, 1280, 800));
        stage.getScene().getStylesheets().add(ClassroomView.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        stage.show();
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#report-summary").tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    @Test
    void resultsAreReadFromTheStoreAndFillInAsTraineesFinish(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collect-store").tryQuery().isPresent());
        assertEquals("Read results from this computer's trainees", robot.lookup("#collect-store").queryButton().getText());
        robot.clickOn("#collect-store");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).startsWith("3 of 5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 5 trainees sent results · 4 attempts · 30% of assigned dialogues completed", summary(robot)); // 3 of 10: two dialogues each
        String said = robot.lookup("#classroom-message").queryAs(Label.class).getText();
        assertTrue(said.contains("results for 3 of 5 trainees"), said);

        // Dee finishes while the report is open; keeping it live reads the store again at once and every half minute.
        robot.interact(() -> {
            var dee = store.createTrainee("Dee");
            ClassFixtures.play(store, dee, Fixtures.minimal(), catalog, ClassFixtures.LISTEN_BEST, ClassFixtures.ACCEPT_BEST);
        });
        robot.clickOn("#collect-live");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> summary(robot).startsWith("4 of 5"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4 of 5 trainees sent results · 5 attempts · 40% of assigned dialogues completed", summary(robot));
        assertTrue(view.viewModel().liveProperty().get());
        assertTrue(robot.lookup("#classroom-message").queryAs(Label.class).getText().contains("Read again every 30 seconds"));

        robot.interact(() -> view.getScene().setRoot(new javafx.scene.layout.Pane()));
        assertFalse(view.viewModel().liveProperty().get(), "leaving the screen stops reading the store");
        assertFalse(robot.lookup("#collect-live").tryQuery().map(n -> ((CheckBox) n).isSelected()).orElse(false));
    }
}
