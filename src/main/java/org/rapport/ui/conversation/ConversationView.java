package org.rapport.ui.conversation;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.engine.Mode;
import org.rapport.model.Choice;
import org.rapport.ui.Navigator;
import org.rapport.ui.Widgets;
import org.rapport.ui.conversation.ConversationViewModel.Line;

import java.util.List;

/**
 * The conversation: a chat-like transcript, the customer's mood, and the replies as large buttons. Keyboard: digits
 * pick a reply, Enter gives it, Esc asks whether to leave.
 */
public final class ConversationView extends BorderPane {
    public static final String TRANSCRIPT_ID = "transcript";
    public static final String DEBRIEF_BUTTON_ID = "see-debrief";
    public static final String BEGIN_BUTTON_ID = "begin-conversation";
    public static final String CONTINUE_BUTTON_ID = "continue-conversation";
    public static final String DRILL_NEXT_ID = "drill-next";

    private final ConversationViewModel vm;
    private final Navigator nav;
    private final VBox transcript = new VBox();
    private final ScrollPane scroll = new ScrollPane(transcript);
    private final VBox choices = new VBox();
    private final Widgets.MoodMeter meter = new Widgets.MoodMeter();
    /** The transcript entries that take the focus after a reply: the latest feedback, and the customer's latest line. */
    private Node lastFeedback;
    private Node lastCustomer;

    public ConversationView(ConversationViewModel vm, Navigator nav) {
        this.vm = vm;
        this.nav = nav;
        getStyleClass().add("screen");
        setId("conversation");
        setTop(createHeader());
        setCenter(createTranscript());
        setBottom(choices);
        choices.getStyleClass().add("choices");
        initListeners();
        vm.lines().forEach(l -> transcript.getChildren().add(render(l)));
        rebuildChoices();
        meter.set(vm.moodProperty().get());
    }

    // == REGION header ==
    private Node createHeader() {
        var d = vm.dialogue();
        Label title = new Label(d.title());
        title.getStyleClass().add("customer-name");
        title.setWrapText(true);
        title.setId("conversation-title");
        Label where = new Label(d.customer().name() + "  \u00b7  " + d.setting());
        where.getStyleClass().add("muted");
        where.setWrapText(true);
        Label mode = new Label(switch (vm.mode()) {
            case PRACTICE -> "Practice: feedback after each reply";
            case SAY_FIRST -> "Say it first: your words, then the replies";
            case DRILL -> "Drill: one decision, then the next";
            case ASSESSMENT -> "Assessment: feedback in the debrief";
        }, new FontIcon(switch (vm.mode()) {
            case PRACTICE -> "mdi2s-school-outline";
            case SAY_FIRST -> "mdi2m-microphone-outline";
            case DRILL -> "mdi2t-target";
            case ASSESSMENT -> "mdi2c-clipboard-check-outline";
        }));
        mode.getStyleClass().addAll("mode-badge", vm.mode() == Mode.ASSESSMENT ? "assessment" : "practice");
        mode.setId("conversation-mode");
        Label progress = new Label();
        progress.setId("conversation-progress");
        progress.getStyleClass().add("muted");
        progress.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.endedProperty().get()
                        ? (vm.drill() != null ? "Drill decision " + vm.drill().number() + " of " + vm.drill().of() + " done" : "Conversation over")
                        : vm.drill() != null ? "Drill decision " + vm.drill().number() + " of " + vm.drill().of()
                        : vm.briefingProperty().get() ? "Before the first decision (about " + vm.expectedDecisions() + " in all)"
                        : "Decision " + vm.decisionNumberProperty().get() + " of about " + Math.max(vm.expectedDecisions(), vm.decisionNumberProperty().get()),
                vm.endedProperty(), vm.briefingProperty(), vm.decisionNumberProperty()));
        HBox status = new HBox(12, mode, progress);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox who = new VBox(2, title, where, status);
        HBox.setHgrow(who, Priority.ALWAYS);
        Button leave = new Button("Leave", new FontIcon("mdi2e-exit-to-app"));
        leave.setId("leave");
        leave.setOnAction(e -> askToLeave());
        leave.setAccessibleText("Leave this conversation (Escape)");
        meter.setMinWidth(Region.USE_PREF_SIZE);
        leave.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(who, meter, leave);
        header.getStyleClass().add("conversation-header");
        Label saveProblem = new Label();
        saveProblem.getStyleClass().add("save-problem");
        saveProblem.setWrapText(true);
        saveProblem.setGraphic(new FontIcon("mdi2c-content-save-alert-outline"));
        saveProblem.textProperty().bind(vm.saveProblemProperty());
        saveProblem.visibleProperty().bind(vm.saveProblemProperty().isNotNull());
        saveProblem.managedProperty().bind(saveProblem.visibleProperty());
        Button retry = new Button("Try saving again");
        retry.setOnAction(e -> vm.retrySave());
        HBox problemRow = new HBox(10, saveProblem, retry);
        problemRow.getStyleClass().add("save-problem-row");
        problemRow.visibleProperty().bind(saveProblem.visibleProperty());
        problemRow.managedProperty().bind(saveProblem.visibleProperty());
        Label server = new Label();
        server.setId("server-status");
        server.getStyleClass().add("muted");
        server.setWrapText(true);
        server.setGraphic(new FontIcon("mdi2c-cloud-upload-outline"));
        server.textProperty().bind(vm.serverStatusProperty());
        server.visibleProperty().bind(vm.serverStatusProperty().isNotNull());
        server.managedProperty().bind(server.visibleProperty());
        return new VBox(header, problemRow, server);
    }

    private Node createTranscript() {
        transcript.getStyleClass().add("transcript");
        transcript.setId(TRANSCRIPT_ID);
        transcript.setAccessibleRole(AccessibleRole.LIST_VIEW);
        transcript.setAccessibleText("Conversation transcript");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        return scroll;
    }

    private void initListeners() {
        vm.lines().addListener((ListChangeListener<Line>) c -> {
            while (c.next()) {
                for (Line l : c.getAddedSubList()) transcript.getChildren().add(render(l));
            }
            transcript.layout();
            scroll.layout();
            scroll.setVvalue(1.0);
            focusLatest();
        });
        transcript.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1.0));
        vm.offered().addListener((ListChangeListener<Choice>) c -> rebuildChoices());
        vm.endedProperty().addListener((o, a, b) -> rebuildChoices());
        vm.briefingProperty().addListener((o, a, b) -> rebuildChoices());
        vm.readingProperty().addListener((o, a, b) -> rebuildChoices());
        vm.composingProperty().addListener((o, a, b) -> rebuildChoices());
        vm.ratingProperty().addListener((o, a, b) -> rebuildChoices());
        vm.moodProperty().addListener((o, a, b) -> meter.set(b.intValue()));
        vm.selectedProperty().addListener((o, a, b) -> {
            for (int i = 0; i < choices.getChildren().size(); i++) {
                if (choices.getChildren().get(i) instanceof ToggleButton t) t.setSelected(i - 1 == b.intValue());
            }
        });
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /**
     * Keys. A reply is sent only by its number then Enter, by a click, or by Enter on a reply the trainee moved to
     * themselves: a bare Enter or Space after a reply never sends the next one. While the pre-brief or (in practice
     * mode) the feedback is on screen, Enter and Space go on.
     */
    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (vm.composingProperty().get()) {
            // Their own words are being typed: keys belong to the text box, except Ctrl+Enter (show the replies) and Esc.
            if (k == KeyCode.ENTER && e.isShortcutDown()) {
                vm.revealReplies();
                e.consume();
            } else if (k == KeyCode.ESCAPE) {
                askToLeave();
                e.consume();
            }
            return;
        }
        if (vm.ratingProperty().get()) {
            // How sure? S, T or G (or a click); nothing else gives the reply, so a stray Enter decides nothing.
            org.rapport.engine.Confidence c = switch (k) {
                case S -> org.rapport.engine.Confidence.SURE;
                case T -> org.rapport.engine.Confidence.THINK_SO;
                case G -> org.rapport.engine.Confidence.GUESSING;
                default -> null;
            };
            if (c != null) vm.rate(c);
            else if (k == KeyCode.ESCAPE) askToLeave();
            if (k != KeyCode.TAB) e.consume();
            return;
        }
        boolean waiting = vm.briefingProperty().get() || vm.readingProperty().get();
        if (k.isDigitKey()) {
            int n = digit(k);
            if (!waiting && n >= 1 && n <= vm.offered().size()) {
                vm.select(n - 1);
                if (choices.getChildren().get(n) instanceof ToggleButton t) t.requestFocus();
                e.consume();
            }
        } else if (k == KeyCode.ENTER || k == KeyCode.SPACE) {
            if (vm.briefingProperty().get()) {
                vm.begin();
                e.consume();
            } else if (vm.readingProperty().get()) {
                vm.continueOn();
                e.consume();
            } else if (vm.endedProperty().get() && vm.drill() != null) {
                vm.drill().next().run();
                e.consume();
            } else if (vm.endedProperty().get()) {
                if (k == KeyCode.ENTER) showDebrief();
                e.consume();
            } else if (k == KeyCode.ENTER && vm.selectedProperty().get() >= 0) {
                vm.confirm();
                e.consume();
            } else if (k == KeyCode.ENTER) {
                e.consume(); // nothing chosen: Enter sends nothing
            }
            // Space on a reply the trainee moved to presses it, as on any button.
        } else if (k == KeyCode.ESCAPE) {
            askToLeave();
            e.consume();
        }
    }

    private static int digit(KeyCode k) {
        String name = k.getName();
        char c = name.charAt(name.length() - 1);
        return Character.isDigit(c) ? c - '0' : -1;
    }

    // == REGION choices ==
    private void rebuildChoices() {
        choices.getChildren().clear();
        if (vm.briefingProperty().get()) {
            Button begin = new Button("Start the conversation", new FontIcon("mdi2p-play"));
            begin.setId(BEGIN_BUTTON_ID);
            begin.getStyleClass().addAll("accent", "choice-button");
            begin.setDefaultButton(true);
            begin.setOnAction(e -> vm.begin());
            Label hint = new Label("Read what you are here to do and what you may offer, then press Enter to hear from "
                    + vm.dialogue().customer().name() + ".");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            choices.getChildren().addAll(hint, begin);
            begin.requestFocus();
            return;
        }
        if (vm.endedProperty().get() && vm.drill() != null) {
            boolean last = vm.drill().number() == vm.drill().of();
            Button next = new Button(last ? "See your progress" : "Next decision", new FontIcon(last ? "mdi2c-chart-line" : "mdi2a-arrow-right"));
            next.setId(DRILL_NEXT_ID);
            next.getStyleClass().addAll("accent", "choice-button");
            next.setFocusTraversable(false);
            next.setOnAction(e -> vm.drill().next().run());
            Label hint = new Label("Read the feedback, then press Enter or Space for " + (last ? "your progress: the drill is done." : "the next decision."));
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            choices.getChildren().addAll(hint, next);
            focusLatest();
            return;
        }
        if (vm.endedProperty().get()) {
            Button debrief = new Button("See the debrief", new FontIcon("mdi2c-clipboard-text-outline"));
            debrief.setId(DEBRIEF_BUTTON_ID);
            debrief.getStyleClass().addAll("accent", "choice-button");
            debrief.setDefaultButton(true);
            debrief.setOnAction(e -> showDebrief());
            Label hint = new Label("Press Enter to see what each of your replies did.");
            hint.getStyleClass().add("hint");
            choices.getChildren().addAll(hint, debrief);
            debrief.requestFocus();
            return;
        }
        if (vm.composingProperty().get()) {
            choices.getChildren().addAll(composer());
            focusLatest();
            return;
        }
        if (vm.ratingProperty().get()) {
            choices.getChildren().addAll(ratingBar());
            focusLatest();
            return;
        }
        if (vm.readingProperty().get()) {
            Button next = new Button("Continue", new FontIcon("mdi2a-arrow-down"));
            next.setId(CONTINUE_BUTTON_ID);
            next.getStyleClass().add("choice-button");
            next.setFocusTraversable(false);
            next.setOnAction(e -> vm.continueOn());
            Label hint = new Label("Read the feedback and how " + vm.dialogue().customer().name()
                    + " took it. Press Enter or Space (or click Continue) for your next reply.");
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            choices.getChildren().addAll(hint, next);
            focusLatest();
            return;
        }
        Label hint = new Label("Your reply: press 1–" + vm.offered().size() + " then Enter, or click a reply.");
        hint.getStyleClass().add("hint");
        choices.getChildren().add(hint);
        List<Choice> offered = vm.offered();
        for (int i = 0; i < offered.size(); i++) {
            int pos = i;
            Label number = new Label(String.valueOf(i + 1));
            number.getStyleClass().add("choice-number");
            ToggleButton b = new ToggleButton(offered.get(i).say(), number);
            b.getStyleClass().add("choice-button");
            b.setId("choice-" + (i + 1));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.setAccessibleText("Reply " + (i + 1) + ": " + offered.get(i).say());
            b.setOnAction(e -> vm.choose(pos));
            b.focusedProperty().addListener((o, was, is) -> {
                if (is) vm.select(pos); // moving to a reply (Tab, arrows) highlights it; Enter then sends it
            });
            choices.getChildren().add(b);
        }
        focusLatest();
    }

    /** Say-it-first: the trainee's own reply, typed or said aloud, before the options appear. */
    private List<Node> composer() {
        String name = vm.dialogue().customer().name();
        Label hint = new Label("Say it first: what would you say to " + name + "? Type it, or say it aloud and tick the box. "
                + "Then show the replies and pick the one closest to what you meant (Ctrl+Enter).");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        javafx.scene.control.TextArea words = new javafx.scene.control.TextArea();
        words.setId("own-words-input");
        words.setWrapText(true);
        words.setPrefRowCount(3);
        words.setPromptText("Your reply to " + name + ", in your own words");
        words.setAccessibleText("Your reply to " + name + ", in your own words");
        words.textProperty().bindBidirectional(vm.ownWordsProperty());
        javafx.scene.control.CheckBox aloud = new javafx.scene.control.CheckBox("I said it aloud");
        aloud.setId("said-aloud");
        aloud.selectedProperty().bindBidirectional(vm.saidAloudProperty());
        Button show = new Button("Show the replies", new FontIcon("mdi2f-format-list-numbered"));
        show.setId("show-replies");
        show.getStyleClass().add("accent");
        show.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.ownWordsProperty().get().isBlank() && !vm.saidAloudProperty().get(), vm.ownWordsProperty(), vm.saidAloudProperty()));
        show.setOnAction(e -> vm.revealReplies());
        HBox row = new HBox(12, aloud, show);
        row.setAlignment(Pos.CENTER_LEFT);
        return List.of(hint, words, row);
    }

    /** How sure? asked after a reply is picked and before its grade is shown. */
    private List<Node> ratingBar() {
        Choice picked = vm.pending();
        Label question = new Label("How sure are you of this reply? Press S, T or G.");
        question.getStyleClass().add("strong");
        question.setWrapText(true);
        question.setId("rating-question");
        Label reply = new Label(picked == null ? "" : picked.say());
        reply.getStyleClass().addAll("bubble", "trainee");
        reply.setWrapText(true);
        HBox buttons = new HBox(10);
        for (org.rapport.engine.Confidence c : org.rapport.engine.Confidence.values()) {
            String key = c == org.rapport.engine.Confidence.SURE ? "S" : c == org.rapport.engine.Confidence.THINK_SO ? "T" : "G";
            Button b = new Button(Character.toUpperCase(c.words().charAt(0)) + c.words().substring(1) + " (" + key + ")");
            b.setId("rate-" + c.key());
            b.getStyleClass().add("choice-button");
            b.setOnAction(e -> vm.rate(c));
            buttons.getChildren().add(b);
        }
        question.setFocusTraversable(true);
        return List.of(question, reply, buttons);
    }

    /**
     * After a reply the focus goes to what the trainee should read next, never to a reply: the feedback in practice
     * mode, else the customer's latest line.
     */
    private void focusLatest() {
        if (vm.endedProperty().get() && vm.drill() != null && lastFeedback != null) {
            lastFeedback.requestFocus();
            return;
        }
        if (vm.endedProperty().get() || vm.briefingProperty().get()) return;
        if (vm.composingProperty().get() || vm.ratingProperty().get()) {
            Node own = choices.lookup(vm.composingProperty().get() ? "#own-words-input" : "#rating-question");
            if (own != null) own.requestFocus();
            return;
        }
        Node target = vm.readingProperty().get() && lastFeedback != null ? lastFeedback : lastCustomer;
        if (target != null) target.requestFocus();
    }

    // == REGION transcript lines ==
    private Node render(Line l) {
        return switch (l.kind()) {
            case PREBRIEF -> TranscriptLines.prebrief(vm.dialogue(), 820);
            // The mood meter speaks for how the customer feels, so the line carries no second mood word.
            case CUSTOMER -> lastCustomer = focusable(TranscriptLines.bubble(vm.dialogue().customer().name(), l.text(), "customer", Pos.CENTER_LEFT, 760));
            case OWN_WORDS -> TranscriptLines.ownWords(l, 760);
            case TRAINEE -> TranscriptLines.bubble(vm.mode() == Mode.SAY_FIRST ? "The reply you picked" : "You", l.text(), "trainee", Pos.CENTER_RIGHT, 760);
            case FEEDBACK -> lastFeedback = focusable(TranscriptLines.feedback(l, vm.catalog(), nav::showTechniques, 820));
            case ENDING -> ending(l);
        };
    }

    /** A transcript entry the focus can rest on (for screen readers and keyboard users); Tab still skips it. */
    private static Node focusable(Node n) {
        n.getStyleClass().add("focus-target");
        return n;
    }

    private Node ending(Line l) {
        var e = l.ending().ending();
        Label title = new Label(e.title());
        title.getStyleClass().add("ending-title");
        Label summary = new Label(vm.mode().feedbackAtOnce() ? e.summary() : "The conversation is over. The debrief shows how each reply landed.");
        summary.setWrapText(true);
        VBox box = new VBox(Widgets.outcome(e.outcome()), title, summary);
        box.getStyleClass().add("ending-banner");
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText("Ending: " + e.title() + ". " + summary.getText());
        return box;
    }

    // == REGION leaving ==
    private void showDebrief() {
        nav.showDebrief(vm.dialogue(), vm.playthrough().transcript(), vm.mode(), vm.compareWith());
    }

    private void askToLeave() {
        if (vm.endedProperty().get() || !vm.started()) {
            nav.showLibrary();
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Your replies so far will not be scored or kept. You can start this conversation again from the library.",
                new ButtonType("Leave the conversation", ButtonType.OK.getButtonData()), new ButtonType("Cancel", ButtonType.CANCEL.getButtonData()));
        confirm.setTitle("Leave the conversation?");
        confirm.setHeaderText("Leave the conversation with " + vm.dialogue().customer().name() + "?");
        if (getScene() != null) confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> {
            vm.leave();
            nav.showLibrary();
        });
    }
}
