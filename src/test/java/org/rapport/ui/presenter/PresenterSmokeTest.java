package org.rapport.ui.presenter;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.RoomSession;
import org.rapport.classroom.SessionFile;
import org.rapport.format.DialogueReader;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presenter mode driven the way a facilitator does it in front of a room: with the keyboard (or a clicker) only. */
@ExtendWith(ApplicationExtension.class)
class PresenterSmokeTest {
    static final String NOTE = "Ask the room what she needs to hear first.";
    static final String WITH_NOTE = Fixtures.replaceOnce(Fixtures.minimal(), "\"emotion\": \"annoyed\",",
            "\"emotion\": \"annoyed\",\n      \"note\": \"" + NOTE + "\",");

    @TempDir
    static Path data;

    private Stage stage;
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        org.rapport.ui.AppShell.applyTheme(false);
        stage.setScene(new Scene(root, 1280, 800));
        stage.getScene().getStylesheets().add(RoomView.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        stage.show();
    }

    private static RoomSession newSession() {
        byte[] bytes = WITH_NOTE.getBytes(StandardCharsets.UTF_8);
        Dialogue d = Fixtures.validate(WITH_NOTE).dialogue();
        return RoomSession.start(d, bytes, DialogueReader.sha256(bytes), 42, 1_000);
    }

    /** Puts the room's view on screen, as the projector shows it, past the pre-brief, and gives it the keyboard. */
    private RoomView show(FxRobot robot, RoomSession s, Path dir) {
        RoomView view = showBrief(robot, s, dir);
        if (view.viewModel().briefingProperty().get()) press(robot, KeyCode.RIGHT);
        return view;
    }

    /** Puts the room's view on screen as a new session opens it: on the pre-brief. */
    private RoomView showBrief(FxRobot robot, RoomSession s, Path dir) {
        PresenterViewModel vm = new PresenterViewModel(s, Catalog.bundled(), SessionFile.in(dir));
        RoomView[] view = new RoomView[1];
        robot.interact(() -> {
            view[0] = new RoomView(vm, false);
            root.getChildren().setAll(view[0]);
            view[0].requestFocus();
        });
        return view[0];
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static boolean present(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().isPresent();
    }

    /** The number shown in front of the reply whose words start with {@code words}. */
    private static int number(RoomView view, String words) {
        var offered = view.viewModel().snapshot().offered();
        for (int i = 0; i < offered.size(); i++) if (offered.get(i).say().startsWith(words)) return i + 1;
        throw new AssertionError("no reply " + words);
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.type(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static KeyCode digit(int n) {
        return KeyCode.valueOf("DIGIT" + n);
    }

    @Test
    void theProjectorUsesTypeAsLargeAsTheScreenAllowsAndShrinksItSoEverythingRevealedStillFits(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(data.resolve("fit"));
        RoomView view = show(robot, newSession(), dir); // 1280x800: the headless screen is no bigger
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane scroll = robot.from(view).lookup(".scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        double before = robot.lookup("#room-customer").queryAs(Label.class).getFont().getSize();
        double largest = 1.45 * view.getHeight() * RoomView.MAX_FONT_SHARE;
        assertEquals(largest, before, 1.0, "a short decision gets the largest type the screen allows (1/30 of its height, the customer's line 1.45 times that)");
        assertTrue(scroll.getContent().getBoundsInLocal().getHeight() <= scroll.getViewportBounds().getHeight() + 1, "and it all fits");

        press(robot, KeyCode.DIGIT1);
        press(robot, KeyCode.R);
        press(robot, KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        double after = robot.lookup("#room-customer").queryAs(Label.class).getFont().getSize();
        assertTrue(after < before, "with the explanations revealed the type shrinks: " + after + " px");
        assertTrue(after >= RoomView.MIN_FONT_PX * 1.45 - 0.5, "but never below the floor: " + after);
        assertTrue(scroll.getContent().getBoundsInLocal().getHeight() <= scroll.getViewportBounds().getHeight() + 1,
                "so nobody has to scroll the projector: " + scroll.getContent().getBoundsInLocal().getHeight() + " in " + scroll.getViewportBounds().getHeight());
    }

    @Test
    void aNewSessionOpensOnThePreBriefAndTheRoomVotesOnlyOnceTheFacilitatorGoesOn(FxRobot robot) throws Exception {
        RoomView view = showBrief(robot, newSession(), Files.createDirectories(data.resolve("brief")));
        assertEquals("Before we start", text(robot, "#room-decision"));
        Node brief = robot.lookup("#prebrief").query();
        assertTrue(brief.getAccessibleText().contains("In this conversation, aim to: Let her finish before you explain anything"), brief.getAccessibleText());
        assertTrue(brief.getAccessibleText().contains("What you may do: Refund the $12 guaranteed-delivery fee"), brief.getAccessibleText());
        assertFalse(present(robot, "#room-customer"), "the customer has not spoken yet");
        press(robot, KeyCode.DIGIT1);
        assertEquals(0, view.viewModel().snapshot().tally().total(), "no vote is taken while the room reads the brief");
        assertTrue(text(robot, "#room-message").contains("reading the pre-brief"), text(robot, "#room-message"));
        press(robot, KeyCode.SPACE);
        assertEquals("Decision 1", text(robot, "#room-decision"));
        assertTrue(text(robot, "#room-customer").contains("I paid extra for guaranteed delivery"));
    }

    @Test
    void withPhonesOnTheProjectorShowsTheRoomCodeAndTheConsoleCountsJoinedAndVotedPhones(FxRobot robot) throws Exception {
        RoomSession s = newSession();
        PresenterViewModel vm = new PresenterViewModel(s, Catalog.bundled(), SessionFile.in(Files.createDirectories(data.resolve("phones"))));
        vm.phoneServer(() -> {
            try {
                return org.rapport.classroom.VoteServer.start(s, java.net.InetAddress.getLoopbackAddress(), 0);
            } catch (java.io.IOException e) {
                throw new org.rapport.classroom.RoomException(e.getMessage(), e);
            }
        });
        RoomView[] views = new RoomView[2];
        robot.interact(() -> {
            views[0] = new RoomView(vm, true);
            root.getChildren().setAll(views[0]);
            vm.next(); // past the pre-brief
            vm.togglePhones();
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            var server = vm.phonesProperty().get();
            String code = server.room().code();
            assertEquals(RoomView.spaced(code), text(robot, "#phone-code"), "the code, large, beside the address");
            assertEquals("0 phones joined (of 60) · 0 voted on this decision", text(robot, "#phone-count"));
            var phone = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
            var join = phone.send(java.net.http.HttpRequest.newBuilder(server.joinUrl()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(303, join.statusCode(), "the QR code's address joins the room");
            phone.send(java.net.http.HttpRequest.newBuilder(server.url().resolve("/vote")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("round=" + s.snapshot().round() + "&reply=1")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> text(robot, "#phone-count").startsWith("1 phone joined"));
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> text(robot, "#phone-count").contains("1 voted on this decision"));
            robot.clickOn("#phone-lock");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(text(robot, "#phone-count").endsWith("joining locked"));
            robot.clickOn("#phone-new-group");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(!code.equals(server.room().code()) || server.room().joinedCount() == 0, "a new group: a new code");
            assertEquals(RoomView.spaced(server.room().code()), text(robot, "#phone-code"), "and the projector shows it");
            assertEquals("0 phones joined (of 60) · 0 voted on this decision", text(robot, "#phone-count"));
        } finally {
            robot.interact(vm::close);
        }
    }

    @Test
    void theRoomVotesByKeysThenTheClickerRevealsVotesThenGradesThenGoesOnAndBack(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(data.resolve("a"));
        RoomView view = show(robot, newSession(), dir);
        int best = number(view, "That must have been");
        int harmful = number(view, "Sorry for any");
        assertTrue(text(robot, "#room-customer").contains("I paid extra for guaranteed delivery"));
        assertEquals("Decision 1", text(robot, "#room-decision"));

        for (int i = 0; i < 6; i++) press(robot, digit(best));
        for (int i = 0; i < 4; i++) press(robot, digit(harmful));
        assertEquals("10 votes", text(robot, "#room-votes-in"), "the room sees how many have voted");
        assertFalse(present(robot, "#votes-" + best), "the distribution stays hidden until revealed");
        assertFalse(present(robot, "#grade-" + best), "so do the grades");
        assertFalse(present(robot, "#room-note"), "the facilitator's note is not on the projector");

        press(robot, KeyCode.PAGE_DOWN); // a clicker's "next"
        assertEquals("6 votes · 60%", text(robot, "#votes-" + best));
        assertEquals("4 votes · 40%", text(robot, "#votes-" + harmful));
        assertFalse(present(robot, "#grade-" + best));

        press(robot, KeyCode.RIGHT);
        assertEquals("Best", text(robot, "#grade-" + best));
        assertEquals("Harmful", text(robot, "#grade-" + harmful));
        assertTrue(robot.lookup("A stock apology plus an instant refund tells her the call is a transaction to close, not a problem you care about. Listen first.")
                .tryQuery().isPresent(), "each reply's explanation is shown with its grade");

        press(robot, KeyCode.SPACE);
        assertEquals("Decision 2", text(robot, "#room-decision"));
        assertEquals("The room went with reply " + best + ".", text(robot, "#room-message"));
        assertEquals("0 votes", text(robot, "#room-votes-in"));

        press(robot, KeyCode.PAGE_UP); // a clicker's "back"
        assertEquals("Decision 1", text(robot, "#room-decision"));
        assertEquals("6 votes · 60%", text(robot, "#votes-" + best), "the room's votes come back with the decision");
        assertEquals("Best", text(robot, "#grade-" + best));

        press(robot, KeyCode.N);
        assertEquals("Facilitator's note: " + NOTE, text(robot, "#room-note"), "N shows the note when the facilitator wants to");
        press(robot, KeyCode.N);
        assertFalse(present(robot, "#room-note"));

        RoomSession saved = SessionFile.in(dir).load().orElseThrow();
        assertEquals(1, saved.snapshot().decisionNumber(), "every key press was saved");
        assertEquals(10, saved.snapshot().tally().total());
    }

    @Test
    void aTieIsRefusedOnScreenAndTheFacilitatorGoesOnWithAnyReplyToTheRoomsDebrief(FxRobot robot) throws Exception {
        RoomView view = show(robot, newSession(), Files.createDirectories(data.resolve("b")));
        int best = number(view, "That must have been");
        int harmful = number(view, "Sorry for any");
        press(robot, digit(best), digit(best), digit(harmful), digit(harmful));
        press(robot, KeyCode.R);
        press(robot, KeyCode.R);
        press(robot, KeyCode.ENTER);
        assertEquals("The room is tied between replies 1 and 2. Choose the one to go on with.", text(robot, "#room-message"));
        assertEquals("Decision 1", text(robot, "#room-decision"), "a tie does not move on");

        robot.press(KeyCode.SHIFT).type(digit(best)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(present(robot, ".presenter-pick"), "the show-of-hands pick is marked");
        press(robot, KeyCode.ENTER);
        assertEquals("Decision 2", text(robot, "#room-decision"));

        int empathize = number(view, "You planned ahead");
        int wall = number(view, "I understand, but");
        for (int i = 0; i < 9; i++) press(robot, digit(empathize));
        press(robot, digit(wall));
        robot.press(KeyCode.CONTROL).type(digit(wall)).release(KeyCode.CONTROL); // "let's see what happens if..."
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(present(robot, "#room-debrief"), "the ending shows the room's debrief");
        assertEquals("Customer lost: the room scored 50%", text(robot, "#room-score"));
        List<Node> cards = List.copyOf(robot.lookup(".presenter-card").queryAll());
        assertEquals(2, cards.size(), "one card per decision");
        assertTrue(cards.get(0).getAccessibleText().contains("4 votes"), cards.get(0).getAccessibleText());
        assertTrue(cards.get(0).getAccessibleText().contains("A show of hands chose reply " + best), cards.get(0).getAccessibleText());
        assertTrue(cards.get(1).getAccessibleText().contains("The facilitator went on with reply " + wall), cards.get(1).getAccessibleText());
        List<String> splits = robot.lookup(".presenter-split").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(1, splits.size(), "the 2–2 vote split the room; the 9–1 vote did not");
        assertTrue(splits.get(0).startsWith("Decision 1"), splits.toString());

        press(robot, KeyCode.LEFT);
        assertEquals("Decision 2", text(robot, "#room-decision"), "back from the debrief returns to the last decision");
    }

    @Test
    void aPresenterClosedByMistakeResumesWithEveryVoteAndTheConsoleShowsNotesAndGrades(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(data.resolve("c"));
        Path library = Files.createDirectories(data.resolve("library"));
        Files.writeString(library.resolve("late-parcel.json"), WITH_NOTE);
        RoomSession earlier = newSession();
        earlier.autosave(SessionFile.in(dir));
        earlier.setVotes(0, 5);
        earlier.setVotes(1, 2);
        earlier.revealDistribution();

        RoomView[] onProjector = new RoomView[1];
        robot.interact(() -> root.getChildren().setAll(new PresenterView(new AppContext(Catalog.bundled(), List.of(library)), dir, v -> onProjector[0] = v)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#resume-session"));
        assertTrue(robot.lookup("#resume-offer").query().lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().contains("left at decision 1. Every vote was saved.")));
        robot.clickOn("#resume-session");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(present(robot, "#facilitator-view"), "the console is on the laptop");
        assertTrue(onProjector[0] != null, "and the room's view went to the projector");
        assertEquals(7, onProjector[0].viewModel().snapshot().tally().total(), "with the 7 votes from before");
        assertEquals("Facilitator's note: " + NOTE, text(robot, "#room-note"), "the console always shows the note");
        assertTrue(present(robot, "#grade-1"), "and the grades, before the room sees them");
        robot.clickOn("#facilitator-view");
        press(robot, KeyCode.RIGHT);
        assertTrue(onProjector[0].viewModel().snapshot().gradesShown(), "the console's keys drive the room's view");
        robot.clickOn("#end-session");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(SessionFile.in(dir).path()), "ending the session forgets it");
        assertTrue(present(robot, "#start-presenting"));
    }
}
