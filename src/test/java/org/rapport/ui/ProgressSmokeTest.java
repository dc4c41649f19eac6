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

    /** Starts the app with a new trainee and opens the late parcel in the given mode, past its pre-brief. */
    private Trainee openLateParcel(FxRobot robot, String name, boolean practice) throws Exception {
        return openLateParcel(robot, name, practice ? "#mode-practice" : null);
    }

    private Trainee openLateParcel(FxRobot robot, String name, String modeButton) throws Exception {
        WaitForAsyncUtils.asyncFx(shell::start);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(shell).lookup("#new-trainee-name").tryQuery()
                .map(n -> n.getScene() != null).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#nav-library", "#nav-progress", "#nav-author", "#nav-present", "#nav-classes")) {
            assertTrue(!robot.lookup(id).query().isVisible(), id + " waits until someone is practising");
        }
        assertTrue(robot.lookup("#nav-techniques").query().isVisible(), "the techniques can be read before that");
        robot.write(name).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-late-parcel").tryQuery().isPresent());
        assertTrue(robot.lookup("#nav-library").query().isVisible() && robot.lookup("#nav-present").query().isVisible(), "then everything is there");
        if (modeButton != null) robot.clickOn(modeButton);
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Before the first decision (about 2 in all)", robot.lookup("#conversation-progress").queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        return store.trainees().get(0);
    }

    /** Picks the reply starting with {@code words} the way a keyboard user does: its number, then Enter. */
    private void replyByKeyboard(FxRobot robot, String words) {
        for (ToggleButton b : robot.lookup(".choice-button").queryAllAs(ToggleButton.class)) {
            if (b.getText().startsWith(words)) {
                robot.type(KeyCode.valueOf("DIGIT" + b.getId().substring("choice-".length()))).type(KeyCode.ENTER);
                WaitForAsyncUtils.waitForFxEvents();
                return;
            }
        }
        throw new AssertionError("no reply " + words);
    }

    private static void assertFocusIsNotOnAReply(FxRobot robot) {
        javafx.scene.Node owner = robot.targetWindow().getScene().getFocusOwner();
        assertTrue(!(owner instanceof ToggleButton), "after a reply the focus is never on a reply, but on " + owner);
    }

    @Test
    void inPracticeABareEnterOrSpaceAfterAReplyGoesOnToTheNextRepliesButNeverSendsOne(FxRobot robot) throws Exception {
        Trainee bo = openLateParcel(robot, "Bo", true);
        assertEquals("Practice: feedback after each reply", robot.lookup("#conversation-mode").queryAs(Label.class).getText());
        assertEquals("Decision 1 of about 2", robot.lookup("#conversation-progress").queryAs(Label.class).getText());
        assertFocusIsNotOnAReply(robot);

        replyByKeyboard(robot, "That must have been a let-down");
        // How sure? comes before the grade; a stray Enter or a digit does not answer it, and gives nothing.
        assertTrue(robot.lookup("#rating-question").tryQuery().isPresent(), "how sure is asked before the grade");
        assertTrue(robot.lookup(".feedback").queryAll().isEmpty(), "no grade is shown before the rating");
        robot.type(KeyCode.ENTER).type(KeyCode.DIGIT2).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#rating-question").tryQuery().isPresent() && robot.lookup(".feedback").queryAll().isEmpty());
        robot.type(KeyCode.S);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#continue-conversation").tryQuery().isPresent(), "the feedback is read before the next replies come");
        assertTrue(robot.lookup(".choice-button").queryAll().stream().noneMatch(n -> n instanceof ToggleButton), "no reply is on offer yet");
        assertTrue(robot.targetWindow().getScene().getFocusOwner().getStyleClass().contains("feedback"), "the feedback has the focus");
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER).type(KeyCode.ENTER).type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, store.unfinished(bo.id()).orElseThrow().decisions(), "four more keys after a reply saved no other reply");
        assertTrue(robot.lookup(".choice-button").queryAll().stream().anyMatch(n -> n instanceof ToggleButton), "the first Enter brought the next replies");
        assertFocusIsNotOnAReply(robot);
        assertEquals("Decision 2 of about 2", robot.lookup("#conversation-progress").queryAs(Label.class).getText());
    }

    @Test
    void inAssessmentAnEnterADoubleEnterOrASpaceAfterAReplySendNothing(FxRobot robot) throws Exception {
        Trainee cy = openLateParcel(robot, "Cy", false);
        assertEquals("Assessment: feedback in the debrief", robot.lookup("#conversation-mode").queryAs(Label.class).getText());
        replyByKeyboard(robot, "That must have been a let-down");
        assertFocusIsNotOnAReply(robot);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER).type(KeyCode.ENTER);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, store.unfinished(cy.id()).orElseThrow().decisions(), "a bare Enter, a double Enter and Space sent nothing");
        assertFocusIsNotOnAReply(robot);
        // Moving to a reply (Tab, arrows) highlights it, and Enter then sends it: the trainee chose it.
        ToggleButton planned = robot.lookup(".choice-button").queryAllAs(ToggleButton.class).stream()
                .filter(b -> b.getText().startsWith("You planned ahead")).findFirst().orElseThrow();
        robot.interact(planned::requestFocus);
        assertTrue(planned.isSelected(), "the reply moved to is highlighted");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, store.history(cy.id()).get(0).decisions(), "Enter on a reply the trainee moved to sends it");
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
        assertEquals(4, robot.lookup("#transcript").queryAs(javafx.scene.layout.VBox.class).getChildren().size(),
                "who the customer is and the pre-brief, the first exchange, and the customer's next line are back on screen");
        reply(robot, "You planned ahead");
        assertEquals(Set.of(), Set.copyOf(store.unfinished(ana.id()).stream().toList()));
        AttemptSummary done = store.history(ana.id()).get(0);
        assertEquals(id, done.id(), "the same attempt is finished, not a new one");
        assertEquals(2, done.decisions());
    }

    @Test
    void inSayItFirstTheTraineeWritesTheirOwnReplyFirstRatesTheirPickAndTheDebriefAndStoreKeepTheirWords(FxRobot robot) throws Exception {
        Trainee di = openLateParcel(robot, "Di", "#mode-say-first");
        assertEquals("Say it first: your words, then the replies", robot.lookup("#conversation-mode").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".choice-button").queryAll().stream().noneMatch(n -> n instanceof ToggleButton), "no reply is on offer before their own");
        assertTrue(robot.lookup("#show-replies").queryButton().isDisabled(), "nothing of theirs yet");
        // Their own words, typed: digits and Enter are text here, not a reply.
        robot.write("Oh no, 2 days late for the party? I'm sorry. Tell me what happened and I'll sort it today.");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".choice-button").queryAll().stream().noneMatch(n -> n instanceof ToggleButton), "Enter in the text gives nothing");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".choice-button").queryAll().stream().anyMatch(n -> n instanceof ToggleButton), "Ctrl+Enter shows the replies");
        replyByKeyboard(robot, "That must have been a let-down");
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        Label own = robot.lookup("#own-words").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .filter(n -> n instanceof Label l && l.getStyleClass().contains("own-words")).map(Label.class::cast).findFirst().orElseThrow();
        assertTrue(own.getText().startsWith("Oh no, 2 days late"), "their own words are in the transcript");
        assertTrue(robot.lookup("#own-words").query().getAccessibleText().contains("phrase coach") || !robot.lookup(".coach-notes").queryAll().isEmpty(),
                "with what the phrase coach saw in them");
        assertEquals(1, robot.lookup(".feedback").queryAll().size(), "then the feedback on the reply they picked");
        var saved = store.load(store.unfinished(di.id()).orElseThrow().id()).transcript().decisions().get(0).answer();
        assertEquals("Oh no, 2 days late for the party? I'm sorry. Tell me what happened and I'll sort it today.", saved.ownWords());
        assertEquals(org.rapport.engine.Confidence.GUESSING, saved.confidence());

        // The second decision: said aloud instead of typed.
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#said-aloud");
        robot.clickOn("#show-replies");
        WaitForAsyncUtils.waitForFxEvents();
        reply(robot, "You planned ahead");
        robot.clickOn("#rate-sure");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#" + org.rapport.ui.conversation.ConversationView.DEBRIEF_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#debrief-own-words-1").queryAs(Label.class).getText().contains("Oh no, 2 days late"), "the debrief shows their words");
        assertEquals("You said your reply aloud first.", robot.lookup("#debrief-own-words-2").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#debrief-calibration").queryAs(Label.class).getText().startsWith("When you were sure, you were right 1 of 1 time"),
                robot.lookup("#debrief-calibration").queryAs(Label.class).getText());
        var finished = store.load(store.history(di.id()).get(0).id()).transcript().decisions().get(1).answer();
        assertTrue(finished.saidAloud());
        assertEquals(org.rapport.engine.Confidence.SURE, finished.confidence());
    }
}
