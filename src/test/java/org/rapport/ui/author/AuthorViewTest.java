package org.rapport.ui.author;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.author.Graphs;
import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import org.rapport.ui.AppShell;
import org.rapport.ui.Navigator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authoring workbench in a real window: opening, selecting, following saves, playing from a node. */
@ExtendWith(ApplicationExtension.class)
class AuthorViewTest {
    @TempDir
    Path dir;

    private AuthorViewModel vm;
    private AuthorView view;
    private final List<String> techniquesOpened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        AppShell.applyTheme(false);
        vm = new AuthorViewModel(new AppContext(Catalog.bundled(), List.of()));
        view = new AuthorView(vm, new Navigator() {
            @Override
            public void showLibrary() {
            }

            @Override
            public void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith) {
            }

            @Override
            public void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith) {
            }

            @Override
            public void showTechniques(String id) {
                techniquesOpened.add(id);
            }
        });
        Scene scene = new Scene(view, 1280, 800);
        scene.getStylesheets().add(AppShell.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopFollowing() {
        vm.close();
    }

    /**
     * Waits for a condition, looked up on the FX thread: the view is rebuilt there when a save is read, and a lookup
     * from the test thread could walk a list of children while it changed (IndexOutOfBounds inside TestFX's query).
     */
    private static void waitUntil(Callable<Boolean> done) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return WaitForAsyncUtils.asyncFx(done).get();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Opens a file and waits until its graph is on screen: the cells are built on the layout pass after the draft arrives. */
    private void open(FxRobot robot, Path f) throws Exception {
        robot.interact(() -> vm.open(f));
        waitUntil(() -> vm.draftProperty().get() != null && view.graph().liveCells() > 0);
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    /** True when the node is there and it and every parent are visible: what the author can actually see. */
    private boolean shown(FxRobot robot, String query) {
        Node n = robot.lookup(query).tryQuery().orElse(null);
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n != null;
    }

    @Test
    void openingADialogueDrawsItAndClickingANodeShowsItInTheInspector(FxRobot robot) throws Exception {
        open(robot, write("late-parcel.json", Fixtures.minimal()));
        waitUntil(() -> shown(robot, "#node-opening"));
        assertTrue(shown(robot, "#author-guide"), "with nothing selected, the author can print the facilitator guide");
        Path guide = dir.resolve("guide-" + System.nanoTime() + ".html");
        robot.interact(() -> view.guide().saveTo(guide));
        waitUntil(() -> text(robot, "#author-guide-status").startsWith("Saved"));
        assertTrue(Files.readString(guide).contains("<h1>Facilitator guide: The parcel that missed the birthday</h1>"));
        assertTrue(robot.lookup("#node-opening").query().getStyleClass().contains("start"));
        assertTrue(robot.lookup("#node-lost").query().getStyleClass().contains("lost"), "endings are marked by outcome");

        robot.clickOn("#node-opening");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("opening", text(robot, "#inspector-title"));
        assertTrue(robot.lookup("#node-opening").query().getStyleClass().contains("selected"));
        assertTrue(text(robot, "#inspector-location").endsWith("late-parcel.json:" + org.rapport.Fixtures.lineOf(org.rapport.Fixtures.minimal(), "\"opening\": {") + ":5"), text(robot, "#inspector-location"));
        Node best = robot.lookup("#reply-opening-1").query();
        assertTrue(robot.from(best).lookup(".grade.best").tryQuery().isPresent(), "each reply shows its grade in words");
        assertTrue(robot.from((Node) robot.lookup("#reply-opening-2").query()).lookup(".grade.harmful").tryQuery().isPresent());

        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("calmer", vm.selectedNodeProperty().get(), "the arrow key follows the first reply");
    }

    @Test
    void clickingADiagnosticSelectsItsNodeAndShowsItsFileLineAndColumn(FxRobot robot) throws Exception {
        String text = Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"lost\"", "\"next\": \"won\"");
        Path f = write("late-parcel.json", text);
        open(robot, f);
        waitUntil(() -> robot.lookup(".diagnostic-cell").queryAllAs(ListCell.class).stream()
                .anyMatch(c -> c.getItem() != null && ((Diagnostic) c.getItem()).code().equals("RAP058")));
        ListCell<?> cell = robot.lookup(".diagnostic-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() != null && ((Diagnostic) c.getItem()).code().equals("RAP058")).findFirst().orElseThrow();
        robot.clickOn(cell);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("still-cross", vm.selectedNodeProperty().get());
        int line = Fixtures.lineOf(text, "\"won\"\n        }\n      ]\n    },\n    \"won\"");
        int column = Fixtures.columnOf(text, "\"won\"\n        }\n      ]\n    },\n    \"won\"");
        assertEquals(f.toAbsolutePath() + ":" + line + ":" + column, text(robot, "#" + AuthorView.LOCATION_ID));
        assertEquals("still-cross", text(robot, "#inspector-title"));
        assertTrue(shown(robot, "#node-still-cross"), "the graph brings the node into view");
        assertTrue(robot.lookup("#node-still-cross").query().getStyleClass().contains("selected"));
        assertTrue(robot.lookup("#node-still-cross").query().getStyleClass().contains("has-warning"), "and marks it as having a problem");
    }

    @Test
    void playingFromANodeRunsTheConversationThereAndEndsInTheDebrief(FxRobot robot) throws Exception {
        open(robot, write("late-parcel.json", Fixtures.minimal()));
        robot.interact(() -> vm.selectedNodeProperty().set("still-cross"));
        robot.clickOn("Play");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Start at \"still-cross\"", text(robot, "#author-play-from"));
        robot.interact(() -> vm.playMoodProperty().set(-1));
        robot.clickOn("#author-play");
        WaitForAsyncUtils.waitForFxEvents();
        Node first = robot.lookup("#" + CompactConversation.TRANSCRIPT_ID).queryAs(javafx.scene.layout.VBox.class).getChildren().get(0);
        assertTrue(robot.from(first).lookup((Node n) -> n instanceof Label l && l.getText().equals("That's it? I'm not ordering from you again."))
                .tryQuery().isPresent(), "play starts at the chosen node");
        assertTrue(robot.lookup(".mood-word").queryAs(Label.class).getText().endsWith("(-1)"), "at the chosen mood");

        Button reply = robot.lookup(".choice-button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("You planned ahead")).findFirst().orElseThrow();
        robot.clickOn(reply);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".feedback").tryQuery().isPresent(), "each reply's grade and why show at once");
        robot.clickOn("#" + CompactConversation.DEBRIEF_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#debrief").tryQuery().isPresent(), "the normal debrief follows the ending");
        assertEquals("100%", robot.lookup("#score").queryAs(Label.class).getText());
        assertTrue(robot.lookup("Kept, just").tryQuery().isPresent(), "with the ending reached");

        robot.clickOn("#author-stop-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#author-play").tryQuery().isPresent(), "stopping goes back to the play form");
    }

    @Test
    void aSaveIsShownWithTheSelectionKeptAndABrokenSaveKeepsTheLastGoodVersion(FxRobot robot) throws Exception {
        Path f = write("late-parcel.json", Fixtures.minimal());
        open(robot, f);
        robot.interact(() -> vm.selectedNodeProperty().set("calmer"));
        Files.writeString(f, Fixtures.minimal().replace("I just wanted someone to admit it was late.", "I only wanted an honest answer."));
        waitUntil(() -> robot.lookup("I only wanted an honest answer.").tryQuery().isPresent()
                || robot.lookup(".quote").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("honest answer")));
        assertEquals("calmer", vm.selectedNodeProperty().get(), "the author keeps their place");
        assertFalse(shown(robot, "#" + AuthorView.STALE_ID));

        Files.writeString(f, Fixtures.minimal().replace("\"minutes\": 3,", "\"minutes\": 3,,"));
        waitUntil(() -> shown(robot, "#" + AuthorView.STALE_ID));
        assertTrue(text(robot, "#" + AuthorView.STALE_ID).contains("was saved with an error"), text(robot, "#" + AuthorView.STALE_ID));
        assertTrue(vm.diagnostics().stream().anyMatch(d -> d.code().equals("RAP001")), "the new error is listed");
        assertTrue(robot.lookup("#node-calmer").tryQuery().isPresent(), "the last good graph stays on screen");
        assertEquals("calmer", text(robot, "#inspector-title"));

        Files.writeString(f, Fixtures.minimal());
        waitUntil(() -> !shown(robot, "#" + AuthorView.STALE_ID));
        assertTrue(vm.diagnostics().stream().noneMatch(Diagnostic::isError));
    }

    @Test
    void aNewDialogueIsWrittenFromTheTemplateAndOpened(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(dir));
        Path f = dir.resolve("kettle-after-a-week.json");
        robot.interact(() -> vm.createNew(f));
        waitUntil(() -> vm.draftProperty().get() != null && vm.draftProperty().get().file().equals(f.toAbsolutePath()));
        assertTrue(Files.exists(f));
        // The graph's cells are built on the next layout pass after the draft arrives.
        waitUntil(() -> shown(robot, "#node-opening"));
        assertEquals(List.of(), vm.diagnostics(), "the template is clean");
        robot.interact(() -> vm.createNew(f));
        waitUntil(() -> shown(robot, "#author-notice"));
        assertTrue(text(robot, "#author-notice").contains("kettle-after-a-week.json already exists"), text(robot, "#author-notice"));
        Files.writeString(f, Files.readString(f).replace("Sam Carter", "Sam Porter"));
        waitUntil(() -> robot.lookup("#author-status").queryAs(Label.class).getText().contains("read at"));
        assertTrue(shown(robot, "#author-notice"), "a reload does not hide what went wrong");
        robot.clickOn("#author-notice-ok");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(robot, "#author-notice"));
    }

    @Test
    void aTwoThousandNodeDialogueBuildsOnlyTheNodesInViewAndFindsAnyNode(FxRobot robot) throws Exception {
        Dialogue big = Graphs.layered(26, 100);
        assertTrue(big.nodes().size() >= 2000);
        open(robot, write("big.json", Graphs.json(big)));
        GraphCanvas graph = view.graph();
        assertTrue(graph.liveCells() > 0 && graph.liveCells() < 200, "only the nodes in view are controls: " + graph.liveCells());
        robot.clickOn("#author-fit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(graph.zoom() < GraphCanvas.CELL_ZOOM, "the whole graph fits in view");
        assertEquals(0, graph.liveCells(), "far out, nodes are drawn on the canvas");
        robot.clickOn("#author-find").write("n25-99").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("n25-99", vm.selectedNodeProperty().get());
        assertTrue(shown(robot, "#node-n25-99"), "the node found is brought into view, readable");
    }

    @Test
    void anAuthorEditsANodeInPlaceUndoesRedoesSavesAndIsAskedWhenTheFileChangesUnderUnsavedEdits(FxRobot robot) throws Exception {
        Path f = write("late-parcel.json", org.rapport.Fixtures.minimal());
        open(robot, f);
        robot.interact(() -> vm.selectedNodeProperty().set("opening"));
        robot.clickOn("#author-tab-edit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("opening", text(robot, "#editor-title"));

        // The customer's words: typed, and one edit when the field is left.
        javafx.scene.control.TextArea say = robot.lookup("#editor-say").queryAs(javafx.scene.control.TextArea.class);
        robot.interact(() -> {
            say.requestFocus();
            say.setText("The present came the day after the party. I paid for guaranteed delivery!");
        });
        robot.interact(() -> robot.lookup("#editor-add-reply").queryButton().requestFocus()); // leaving the field commits it
        waitUntil(() -> vm.dialogue() != null && vm.dialogue().node("opening") instanceof org.rapport.model.CustomerNode c
                && c.say().startsWith("The present came the day after"));
        assertTrue(shown(robot, "#editor-unsaved"), "the view says there are unsaved changes");
        assertFalse(Files.readString(f).contains("The present came"), "nothing is written before saving");

        // A grade from the list, a reply added: the graph and the problems follow each change.
        int replies = ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().size();
        javafx.scene.control.Button addReply = robot.lookup("#editor-add-reply").queryButton();
        robot.interact(addReply::fire); // below the fold of the Edit tab; an author scrolls to it
        waitUntil(() -> ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().size() == replies + 1);
        assertEquals(replies + 1, ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().size(), "the graph and the checks follow at once");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> grade = robot.lookup("#editor-reply-" + (replies + 1) + "-grade").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> grade.setValue("weak")); // as picking it from the list does
        waitUntil(() -> ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().get(replies).grade() == org.rapport.model.Grade.WEAK);

        // Undo twice, redo once, by the keyboard.
        robot.clickOn("#author-tab-edit");

        for (int k = 0; k < 2; k++) {
            robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().size() == replies);
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT).type(javafx.scene.input.KeyCode.Z)
                .release(javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> ((org.rapport.model.CustomerNode) vm.dialogue().node("opening")).choices().size() == replies + 1);
        robot.interact(() -> vm.editor().undo()); // back to the edited words only

        // Save: the file is the canonical text, readable and clean.
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.S).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> Files.readString(f).contains("The present came the day after the party."));
        assertEquals(org.rapport.format.DialogueWriter.format(Files.readString(f)), Files.readString(f), "saved in the canonical form");
        assertFalse(shown(robot, "#editor-unsaved"));
        var v = new org.rapport.check.Validator(Catalog.bundled()).validate(f);
        assertTrue(v.diagnostics().stream().noneMatch(org.rapport.diag.Diagnostic::isError), v.diagnostics().toString());

        // Unsaved edits, then the file changes on disk: nothing is lost silently; the author chooses.
        robot.interact(() -> vm.editor().apply(org.rapport.author.edit.Edits.nodeText("opening", "emotion", "furious")));
        Files.writeString(f, Files.readString(f).replace("guaranteed delivery!", "guaranteed delivery, twice!"));
        waitUntil(() -> vm.editor().conflictProperty().get());
        assertTrue(shown(robot, "#editor-keep-mine") && shown(robot, "#editor-take-file"));
        assertTrue(text(robot, "#editor-message").contains("changed on disk while you have unsaved changes"), text(robot, "#editor-message"));
        // "See both": the two versions side by side, the changed line marked; closing it decides nothing.
        robot.clickOn("#editor-see-both");
        waitUntil(() -> robot.lookup("#editor-compare-summary").tryQuery().isPresent());
        assertTrue(text(robot, "#editor-compare-summary").matches("\\d+ places? differs?\\..*"), text(robot, "#editor-compare-summary"));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.rapport.author.TextCompare.Row> rows = robot.lookup("#editor-compare-rows").queryAs(javafx.scene.control.ListView.class);
        assertTrue(rows.getItems().stream().anyMatch(r -> r.kind() != org.rapport.author.TextCompare.Kind.SAME && r.file() != null && r.file().contains("twice!")),
                "the file's changed line is shown, marked");
        assertTrue(rows.getItems().stream().anyMatch(r -> r.kind() != org.rapport.author.TextCompare.Kind.SAME && r.mine() != null && r.mine().contains("furious")),
                "and the author's unsaved one");
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#editor-compare-summary").tryQuery().isEmpty());
        assertTrue(vm.editor().conflictProperty().get() && vm.editor().dirtyProperty().get(), "closing the comparison keeps both");
        robot.clickOn("#editor-take-file");
        waitUntil(() -> vm.dialogue().node("opening") instanceof org.rapport.model.CustomerNode c && c.say().contains("twice!"));
        assertFalse(vm.editor().dirtyProperty().get());
    }

    // == building a dialogue from an empty file, through the author view alone ==

    private String docText() {
        var d = vm.editor().documentProperty().get();
        return d == null ? null : d.text();
    }

    /** Records the document's text after a UI action when it changed: each is one step to undo. */
    private void step(List<String> texts) throws Exception {
        waitUntil(() -> !docText().equals(texts.get(texts.size() - 1)) && vm.draftProperty().get() != null);
        texts.add(docText());
    }

    /** Types into a field of the Edit tab and leaves it, which makes the change one edit. */
    private void fill(FxRobot robot, String query, String text, List<String> texts) throws Exception {
        javafx.scene.control.TextInputControl t = robot.lookup(query).queryAs(javafx.scene.control.TextInputControl.class);
        robot.interact(() -> {
            t.requestFocus();
            t.setText(text);
        });
        robot.interact(() -> robot.lookup("#editor-add-decision").queryButton().requestFocus());
        step(texts);
    }

    private void press(FxRobot robot, String query, List<String> texts) throws Exception {
        Button b = robot.lookup(query).queryButton();
        robot.interact(b::fire);
        step(texts);
    }

    @SuppressWarnings("unchecked")
    private <T> void pick(FxRobot robot, String query, java.util.function.Predicate<T> which, List<String> texts) throws Exception {
        javafx.scene.control.ComboBox<T> box = robot.lookup(query).queryAs(javafx.scene.control.ComboBox.class);
        T item = box.getItems().stream().filter(which).findFirst().orElseThrow(() -> new AssertionError(query + " offers no such item: " + box.getItems()));
        robot.interact(() -> box.setValue(item));
        step(texts);
    }

    private void tag(FxRobot robot, String query, String id, List<String> texts) throws Exception {
        this.<NodeEditorView.Entry>pick(robot, query, e -> e.id().equals(id), texts);
    }

    private void mood(FxRobot robot, String query, int value, List<String> texts) throws Exception {
        @SuppressWarnings("unchecked")
        javafx.scene.control.Spinner<Integer> s = robot.lookup(query).queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> s.getValueFactory().setValue(value));
        if (texts != null) step(texts);
    }

    private void select(FxRobot robot, String id) {
        robot.interact(() -> vm.selectedNodeProperty().set(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anAuthorBuildsAWholeDialogueFromAnEmptyFileInTheViewUndoesAndRedoesEveryStepSavesAndItValidatesClean(FxRobot robot) throws Exception {
        Path f = write("late-gift.json", "");
        robot.interact(() -> vm.open(f));
        waitUntil(() -> vm.editor().documentProperty().get() != null && vm.draftProperty().get() != null);
        robot.clickOn("#author-tab-edit");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text(robot, "#editor-message").contains("is empty"), text(robot, "#editor-message"));
        try {
            waitUntil(() -> vm.draftProperty().get().latest().diagnostics().stream().anyMatch(d -> d.message().startsWith("\"title\" is empty")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the problems list is the to-do list of the empty dialogue: " + vm.draftProperty().get().latest().diagnostics(), e);
        }
        List<String> texts = new ArrayList<>();
        texts.add(docText());

        // The dialogue's details: the title typed key by key, the rest filled in.
        robot.clickOn("#editor-dialogue-title").write("The gift that came late");
        robot.interact(() -> robot.lookup("#editor-add-decision").queryButton().requestFocus());
        step(texts);
        assertTrue(docText().contains("\"title\": \"The gift that came late\""), docText());
        fill(robot, "#editor-dialogue-summary", "A customer's gift arrived after the party. Hear her out, own the delay and say what you will do.", texts);
        fill(robot, "#editor-customer-name", "June Park", texts);
        fill(robot, "#editor-customer-persona", "June paid for guaranteed delivery of a birthday present; it came the day after the party.", texts);
        mood(robot, "#editor-customer-mood", -2, texts);
        fill(robot, "#editor-dialogue-setting", "Phone, a gift shop's customer line", texts);
        fill(robot, "#editor-prebrief-objectives", "Let her finish before you explain anything\nOwn the delay and say what happens next", texts);
        fill(robot, "#editor-prebrief-maydo", "Refund the $9 guaranteed-delivery fee", texts);

        // Two endings, then two decisions; the first decision is made the start.
        press(robot, "#editor-add-ending-won", texts);
        String won = vm.selectedNodeProperty().get();
        fill(robot, "#editor-say", "Thanks. That's all I wanted, really.", texts);
        fill(robot, "#editor-ending-title", "She stays", texts);
        fill(robot, "#editor-ending-summary", "She felt heard, got an apology that owned the delay, and a refund she can see. That is LEAD in order.", texts);
        robot.interact(() -> robot.lookup("#editor-details").queryButton().fire()); // back to the dialogue: no edit, only the view
        assertEquals(null, vm.selectedNodeProperty().get());
        press(robot, "#editor-add-ending-lost", texts);
        String lost = vm.selectedNodeProperty().get();
        fill(robot, "#editor-say", "Forget it. I'll order from somewhere else.", texts);
        fill(robot, "#editor-ending-title", "She walks away", texts);
        fill(robot, "#editor-ending-summary", "She heard excuses instead of ownership, so she took her custom elsewhere. Owning it first would have kept her.", texts);
        robot.interact(() -> robot.lookup("#editor-details").queryButton().fire());
        press(robot, "#editor-add-decision", texts);
        String opening = vm.selectedNodeProperty().get();
        press(robot, "#editor-set-start", texts);
        assertEquals(opening, vm.dialogue().start(), "the start is set from the view");
        press(robot, "#editor-add-decision", texts); // "Add a decision after" this one
        String second = vm.selectedNodeProperty().get();
        assertFalse(second.equals(opening));

        // Each decision: the customer's words, the step it tests picked from the catalog, a best and a harmful reply.
        for (String id : List.of(opening, second)) {
            select(robot, id);
            boolean first = id.equals(opening);
            fill(robot, "#editor-say", first ? "My gift came a day after the party. I paid extra for that!" : "So what are you going to do about it?", texts);
            tag(robot, "#editor-tests", first ? "lead.listen" : "lead.accept", texts);
            fill(robot, "#editor-reply-1-say", first ? "That's a let-down. Tell me what happened." : "That was late, and that's on us. I'm refunding the $9 fee now.", texts);
            pick(robot, "#editor-reply-1-grade", "best"::equals, texts);
            tag(robot, "#editor-reply-1-uses", first ? "lead.listen" : "lead.accept", texts);
            mood(robot, "#editor-reply-1-mood", 2, texts);
            fill(robot, "#editor-reply-1-why", "Letting her finish and then owning the delay is the listening and apology she needed; she hears a person, not a script.", texts);
            fill(robot, "#editor-reply-2-say", "The courier had a backlog this week, it happens.", texts);
            pick(robot, "#editor-reply-2-grade", "harmful"::equals, texts);
            tag(robot, "#editor-reply-2-pitfalls", "pitfall.blame-customer", texts);
            mood(robot, "#editor-reply-2-mood", -3, texts);
            fill(robot, "#editor-reply-2-why", "Explaining the courier's backlog first sounds like an excuse; own the delay and say what you will do instead of defending it.", texts);
        }
        // Where the replies lead: the opening's to the second decision; the second's best by mood, its harmful one to the lost ending.
        select(robot, opening);
        pick(robot, "#editor-reply-1-next", second::equals, texts);
        pick(robot, "#editor-reply-2-next", second::equals, texts);
        select(robot, second);
        mood(robot, "#editor-reply-1-route-mood", -1, null);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> low = robot.lookup("#editor-reply-1-route-low").queryAs(javafx.scene.control.ComboBox.class);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> otherwise = robot.lookup("#editor-reply-1-route-otherwise").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> {
            low.setValue(lost);
            otherwise.setValue(won);
        });
        press(robot, "#editor-reply-1-route", texts);
        pick(robot, "#editor-reply-2-next", lost::equals, texts);

        // What was built validates without errors and plays from the start.
        var built = new org.rapport.check.Validator(Catalog.bundled()).validate("late-gift.json", docText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(), built.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList(), docText());
        assertTrue(built.playable());

        // Undo every step by the keyboard, back to the empty document; then redo every step.
        robot.clickOn("#author-tab-edit");
        for (int i = texts.size() - 1; i > 0; i--) {
            assertEquals(texts.get(i), docText(), "before undoing step " + i);
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(texts.get(i - 1), docText(), "undo of step " + i);
        }
        assertFalse(vm.editor().dirtyProperty().get(), "back to what was opened");
        assertTrue(robot.lookup("#editor-undo").queryButton().isDisabled());
        for (int i = 1; i < texts.size(); i++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(texts.get(i), docText(), "redo of step " + i);
        }

        // Saved by Ctrl+S: the file is the canonical text, and validating the file reports no errors.
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        waitUntil(() -> !vm.editor().dirtyProperty().get());
        assertEquals(texts.get(texts.size() - 1), Files.readString(f));
        var v = new org.rapport.check.Validator(Catalog.bundled()).validate(f);
        assertEquals(List.of(), v.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toLine).toList());
        System.out.println("built from empty: " + (texts.size() - 1) + " steps; warnings: " + v.diagnostics().stream().map(Diagnostic::toLine).toList());
    }
}
