package org.rapport.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.store.AttemptSummary;
import org.rapport.store.Store;
import org.rapport.store.Trainee;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ten-decision drill on the bundled library, by keyboard, with confidence ratings; saved and scheduled. */
@ExtendWith(ApplicationExtension.class)
class DrillSmokeTest {
    @TempDir
    Path data;
    private Store store;
    private AppShell shell;

    @Start
    void start(Stage stage) {
        store = Store.openSqlite(data, Clock.systemUTC());
        shell = new AppShell(new AppContext(Catalog.bundled(), List.of(Path.of("dialogues")), store, null));
        stage.setScene(new javafx.scene.Scene(shell, 1280, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static void waitFor(FxRobot robot, String query) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aTraineeDrillsTenSingleDecisionsRatesEachAndEveryAnswerIsSavedAndScheduled(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(shell::start);
        waitFor(robot, "#new-trainee-name");
        robot.write("Eve").type(KeyCode.ENTER);
        waitFor(robot, "#library-drill");
        robot.clickOn("#library-drill");
        WaitForAsyncUtils.waitForFxEvents();
        for (int n = 1; n <= 10; n++) {
            if (robot.lookup("#begin-conversation").tryQuery().isPresent()) robot.type(KeyCode.ENTER); // a drill at a dialogue's start shows its pre-brief
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".choice-button").queryAll().stream().anyMatch(x -> x instanceof ToggleButton));
            assertEquals("Drill decision " + n + " of 10", robot.lookup("#conversation-progress").queryAs(Label.class).getText());
            robot.type(KeyCode.DIGIT1).type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(robot.lookup("#rating-question").tryQuery().isPresent(), "how sure, before the grade");
            robot.type(n % 2 == 0 ? KeyCode.S : KeyCode.G);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(1, robot.lookup(".feedback").queryAll().size(), "the feedback on the one decision");
            Button next = robot.lookup("#drill-next").queryButton();
            assertEquals(n == 10 ? "See your progress" : "Next decision", next.getText());
            robot.type(KeyCode.ENTER);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(robot, "#progress-calibration");
        assertTrue(robot.lookup("#progress-calibration").queryAs(Label.class).getText().contains("When you were sure"),
                robot.lookup("#progress-calibration").queryAs(Label.class).getText());

        Trainee eve = store.trainees().get(0);
        List<AttemptSummary> history = store.history(eve.id());
        assertEquals(10, history.size(), "every drill answer is saved like any reply");
        assertTrue(history.stream().allMatch(a -> a.mode().equals("drill") && a.decisions() == 1 && a.finished() > 0), history.toString());
        assertTrue(store.drillSchedule(eve.id()).size() >= 5, "the steps drilled are scheduled: " + store.drillSchedule(eve.id()).keySet());
        assertTrue(history.stream().allMatch(a -> store.load(a.id()).transcript().decisions().get(0).answer().confidence() != null), "with their ratings");
        assertEquals(java.util.Map.of(), store.bestPercent(eve.id()), "a drilled decision is no result for its dialogue");
    }
}
