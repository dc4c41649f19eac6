package org.rapport.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.ui.conversation.ConversationView;
import org.rapport.ui.debrief.DebriefView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainee's whole loop in the real window: library, conversation by keyboard and by mouse, debrief. */
@ExtendWith(ApplicationExtension.class)
class AppSmokeTest {
    @TempDir
    static Path library;

    private AppShell shell;

    @Start
    void start(Stage stage) throws IOException {
        Files.writeString(library.resolve("late-parcel.json"), Fixtures.minimal());
        Files.writeString(library.resolve("broken.json"), "{ \"format\": 1, \"id\": \"broken\", }");
        shell = new AppShell(new AppContext(Catalog.bundled(), List.of(library)));
        stage.setScene(new javafx.scene.Scene(shell, 1280, 800));
        stage.show();
        shell.start();
    }

    private void waitForLibrary(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#start-late-parcel").tryQuery().isPresent());
    }

    /** Finds the reply button whose text starts with {@code words}, and returns its shown number (1-based). */
    private int numberOf(FxRobot robot, String words) {
        Set<ToggleButton> buttons = robot.lookup(".choice-button").queryAllAs(ToggleButton.class);
        for (ToggleButton b : buttons) {
            if (b.getText().startsWith(words)) return Integer.parseInt(b.getId().substring("choice-".length()));
        }
        throw new AssertionError("no reply starting with " + words + " among " + buttons.stream().map(ToggleButton::getText).toList());
    }

    private void replyByKeyboard(FxRobot robot, String words) {
        int n = numberOf(robot, words);
        robot.type(KeyCode.valueOf("DIGIT" + n));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> texts(FxRobot robot, String query) {
        return robot.lookup(query).queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void brokenFilesAreShownWithTheirDiagnosticsAndTheRestStillPlays(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        List<String> broken = texts(robot, ".broken-label");
        assertEquals(1, broken.size());
        assertTrue(broken.get(0).contains("broken.json"), broken.toString());
        assertTrue(texts(robot, ".diagnostic-line").get(0).startsWith("line 1, column 32:"), texts(robot, ".diagnostic-line").toString());
    }

    @Test
    void aTraineePlaysToAnEndingByKeyboardAndTheDebriefExplainsEveryChoice(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#conversation").tryQuery().isPresent());
        // The pre-brief comes first: what to aim for and what the agent may do, before the customer says anything.
        Node brief = robot.lookup("#prebrief").query();
        assertTrue(brief.getAccessibleText().contains("In this conversation, aim to: Let her finish before you explain anything"), brief.getAccessibleText());
        assertTrue(brief.getAccessibleText().contains("What you may do: Refund the $12 guaranteed-delivery fee"), brief.getAccessibleText());
        assertTrue(robot.lookup(".choice-button").queryAll().stream().noneMatch(n -> n instanceof ToggleButton), "no reply is offered yet");
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".bubble.customer").tryQuery().isEmpty(), "a digit does not skip the pre-brief");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".bubble.customer").tryQuery().isPresent(), "Enter starts the conversation: the customer speaks");
        assertTrue(robot.lookup("#prebrief").tryQuery().isPresent(), "the pre-brief stays at the top to look back at");
        replyByKeyboard(robot, "Sorry for any inconvenience");
        replyByKeyboard(robot, "You planned ahead");
        assertTrue(robot.lookup("#" + ConversationView.DEBRIEF_BUTTON_ID).tryQuery().isPresent(), "the ending offers the debrief");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        VBox timeline = robot.lookup("#" + DebriefView.TIMELINE_ID).queryAs(VBox.class);
        List<Node> cards = timeline.getChildren().stream().filter(n -> n.getStyleClass().contains("decision-card")).toList();
        assertEquals(2, cards.size(), "one card per decision made");
        String first = cards.get(0).getAccessibleText();
        assertTrue(first.contains("You said: Sorry for any inconvenience"), first);
        assertTrue(first.contains("Grade harmful"), first);
        assertTrue(first.contains("A stock apology plus an instant refund"), "its explanation: " + first);
        assertTrue(first.contains("A better reply: That must have been a let-down"), "the better reply: " + first);
        assertTrue(robot.lookup(".order-note").tryQuery().isPresent(), "the remedy came before listening, and the debrief says so");
        assertEquals("50%", robot.lookup("#score").queryAs(Label.class).getText());
        assertEquals("Rapport · Debrief: The parcel that missed the birthday", shell.titleProperty().get());

        // Saved for printing: the file chooser is the system's; the saving is ours.
        assertTrue(robot.lookup("#save-debrief").tryQuery().isPresent(), "the debrief offers to save it for printing");
        DebriefView view = robot.lookup("#debrief").queryAs(DebriefView.class);
        java.nio.file.Path pdf = library.resolveSibling("debrief-" + System.nanoTime() + ".pdf");
        robot.interact(() -> view.viewModel().print().saveTo(pdf));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#debrief-save-status").queryAs(Label.class).getText().startsWith("Saved"));
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains("Debrief: The parcel that missed the birthday"), text);
            assertTrue(text.contains("50%") && text.contains("That must have been a let-down"), "the score and the better reply are on paper");
        }
    }

    @Test
    void aTraineePlaysByMouseInPracticeModeAndSeesFeedbackAfterEachReply(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        robot.clickOn("#mode-practice");
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#" + ConversationView.BEGIN_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#choice-" + numberOf(robot, "That must have been a let-down"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".feedback").queryAll().isEmpty(), "how sure is asked before the feedback");
        robot.clickOn("#rate-sure");
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> feedback = List.copyOf(robot.lookup(".feedback").queryAll());
        assertEquals(1, feedback.size(), "practice mode shows feedback right after the reply");
        // The trainee's own bubble sits on the right inside the window, not pushed past its edge by a wide line above.
        Node mine = robot.lookup(".bubble.trainee").query();
        // The pre-brief stays a readable card: as wide as its column at most, and no taller than a few screens of text.
        Node brief = robot.lookup("#prebrief").query();
        assertTrue(brief.getLayoutBounds().getWidth() <= 820 && brief.getLayoutBounds().getHeight() < 1000, "the pre-brief card's size: " + brief.getLayoutBounds());
        javafx.geometry.Bounds b = mine.localToScene(mine.getBoundsInLocal());
        double sceneWidth = mine.getScene().getWidth();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= sceneWidth, "the reply given is on screen: " + b + " in a scene " + sceneWidth + " wide");
        assertTrue(feedback.get(0).getAccessibleText().startsWith("Feedback: best. Inviting her to tell the story"), feedback.get(0).getAccessibleText());
        robot.clickOn("#" + ConversationView.CONTINUE_BUTTON_ID); // the next replies come when the trainee has read it
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#choice-" + numberOf(robot, "You planned ahead"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#rate-think-so");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, robot.lookup(".feedback").queryAll().size());
        robot.clickOn("#" + ConversationView.DEBRIEF_BUTTON_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("100%", robot.lookup("#score").queryAs(Label.class).getText());
    }

    @Test
    void tryingAnotherReplyFromADecisionLeadsToADifferentTranscriptAndACompareableDebrief(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER); // past the pre-brief
        WaitForAsyncUtils.waitForFxEvents();
        replyByKeyboard(robot, "That must have been a let-down");
        replyByKeyboard(robot, "I understand, but there's nothing more");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("50%", robot.lookup("#score").queryAs(Label.class).getText());

        Button other = robot.lookup("#try-other-2").queryButton();
        robot.interact(other::fire); // it sits lower on the page; a trainee scrolls to it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, robot.lookup("#" + ConversationView.TRANSCRIPT_ID).queryAs(VBox.class).getChildren().size(),
                "the conversation resumes with the pre-brief, the first exchange and the customer's second line already there");
        replyByKeyboard(robot, "You planned ahead");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("100%", robot.lookup("#score").queryAs(Label.class).getText());
        List<String> comparison = robot.lookup("#comparison").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(comparison.get(1).startsWith("Earlier attempt: 50%, Customer lost (lost).  This attempt: 100%"), comparison.toString());
        assertTrue(comparison.get(2).startsWith("The paths part at decision 2"), comparison.toString());
    }

    @Test
    void escapeAsksBeforeLeavingAConversation(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        robot.clickOn("#start-late-parcel");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER); // past the pre-brief
        WaitForAsyncUtils.waitForFxEvents();
        replyByKeyboard(robot, "That must have been a let-down");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Leave the conversation with Ruth Okafor?").tryQuery().isPresent(), "a confirmation is shown");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#conversation").tryQuery().isPresent(), "cancel keeps the trainee in the conversation");
        robot.clickOn("#leave");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Leave the conversation");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#library").tryQuery().isPresent());
        assertFalse(robot.lookup("#conversation").tryQuery().isPresent());
    }

    @Test
    void aChipOpensTheTechniqueReferenceAtThatStep(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        robot.clickOn("LEAD");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#techniques").tryQuery().isPresent());
        assertTrue(robot.lookup(n -> "entry-lead.listen".equals(n.getId())).tryQuery().isPresent(), "LEAD's steps are listed");

        // The last entry of the reference: the active-listening swaps, "instead of this, say that".
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<Object> list = robot.lookup(".technique-list").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.getSelectionModel().selectLast());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("Instead of \u201cI get it.\u201d").tryQuery().isPresent(), "the swap for \"I get it.\" is listed");
        assertTrue(robot.lookup("\u201cWhat would help you most right now?\u201d").tryQuery().isPresent(), "with what to say instead");

        // A silent step says it happens in the agent's head.
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream().filter(e -> e.toString().equals("The four empathy steps")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("2. Ask yourself why (in your head)").tryQuery().isPresent(), "step 2 is marked as silent");
    }

    @Test
    void ctrlPlusEnlargesTheText(FxRobot robot) throws Exception {
        waitForLibrary(robot);
        double before = shell.fontSize();
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shell.fontSize() > before);
        Button start = robot.lookup("#start-late-parcel").queryButton();
        assertEquals(shell.fontSize(), start.getFont().getSize(), 0.01, "the whole layout follows the root font size");
    }
}
