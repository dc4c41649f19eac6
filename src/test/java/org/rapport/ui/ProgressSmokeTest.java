package org.rapport.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;
import org.rapport.store.AttemptSummary;
import org.rapport.store.Store;
import org.rapport.store.Trainee;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A trainee's life across sessions: first start, an attempt saved, progress, history, and resuming after a crash. */
@ExtendWith(ApplicationExtension.class)
class ProgressSmokeTest {
    @TempDir
    static Path dir;
    private static int run;

    private Store store;
    private AppShell shell;
    private Path library;
    private Path data;

    @Start
    void start(Stage stage) throws IOException {
        run++;
        library = Files.createDirectories(dir.resolve("lib" + run));
        data = dir.resolve("data" + run);
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        store = Store.openSqlite(data, Clock.systemUTC());
        shell = new AppShell(new AppContext(Catalog.bundled(), List.of(library), store, null));
        stage.setScene(new javafx.scene.Scene(shell, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reply(FxRobot robot, String words) {
        for (ToggleButton b : robot.lookup(".choice-button").queryAllAs(ToggleButton.class)) {
            if (b.getText().startsWith(words)) {
                robot.clickOn(b);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("no reply " + words);
    }

    @Test
    void aNewTraineeIsAskedTheirNamePlaysAndFindsTheAttemptInTheirProgress(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(shell::start); // start() may open the resume dialog, which waits for the trainee
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(shell).lookup("#new-trainee-name").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("Ana").type(KeyCode.ENTER); // the name field has the focus when nobody has a profile yet
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-late-parcel").tryQuery().isPresent());
        assertEquals("Ana", store.trainees().get(0).name());

        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#begin-conversation"); // past the pre-brief
        WaitForAsyncUtils.waitForFxEvents();
        reply(robot, "That must have been a let-down");
        Trainee ana = store.trainees().get(0);
        assertEquals(1, store.unfinished(ana.id()).orElseThrow().decisions(), "the first reply is saved before the second is given");
        reply(robot, "You planned ahead");
        List<AttemptSummary> history = store.history(ana.id());
        assertEquals(1, history.size());
        assertEquals(2, history.get(0).decisions());

        robot.clickOn("#nav-progress");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#history").tryQuery().isPresent());
        ListView<?> list = robot.lookup("#history").queryAs(ListView.class);
        assertEquals(1, list.getItems().size());
        assertTrue(robot.lookup("#mastery").tryQuery().isPresent());
        assertTrue(robot.lookup("#suggestion").tryQuery().isPresent(), "the next dialogue to practise is suggested");
        robot.interact(() -> list.getSelectionModel().select(0));
        javafx.scene.control.Button open = robot.lookup("#open-attempt").queryButton();
        robot.interact(open::fire); // below the fold on the progress page; a trainee scrolls down to it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(history.get(0).percent() + "%", robot.lookup("#score").queryAs(Label.class).getText(), "the old debrief opens as it was");
    }

    @Test
    void afterACrashTheTraineeResumesWhereTheyLeftOff(FxRobot robot) throws Exception {
        Trainee ana = store.createTrainee("Ana");
        byte[] bytes = Fixtures.minimal().getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(Fixtures.minimal()).dialogue();
        Playthrough p = Playthrough.startAt(d, "opening", d.customer().mood(), 3);
        String id = store.startAttempt(ana.id(), d, bytes, DialogueReader.sha256(bytes), Mode.ASSESSMENT, p.transcript());
        store.saveDecision(id, 1, p.chooseIndex(1, 900).decision()); // then the laptop died

        WaitForAsyncUtils.asyncFx(shell::start); // start() may open the resume dialog, which waits for the trainee
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("Resume where I left off").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button resume = robot.lookup("Resume where I left off").queryButton();
        robot.interact(resume::fire); // the dialog's default button, as Enter or a click would press it
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#conversation").tryQuery().isPresent());
        assertEquals(3, robot.lookup("#transcript").queryAs(javafx.scene.layout.VBox.class).getChildren().size(),
                "the first exchange is back on screen, and the customer's next line");
        reply(robot, "You planned ahead");
        assertEquals(Set.of(), Set.copyOf(store.unfinished(ana.id()).stream().toList()));
        AttemptSummary done = store.history(ana.id()).get(0);
        assertEquals(id, done.id(), "the same attempt is finished, not a new one");
        assertEquals(2, done.decisions());
    }
}
