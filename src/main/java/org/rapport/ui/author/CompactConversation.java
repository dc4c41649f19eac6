package org.rapport.ui.author;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.model.Choice;
import org.rapport.ui.Widgets;
import org.rapport.ui.conversation.ConversationViewModel;
import org.rapport.ui.conversation.ConversationViewModel.Line;
import org.rapport.ui.conversation.TranscriptLines;

import java.util.List;
import java.util.function.Consumer;

/**
 * The conversation, sized for the author view's side panel: the same {@link ConversationViewModel} as the trainee's
 * screen (so it plays and scores exactly the same), with the transcript, the mood, the grade and why of each reply as
 * it is given, and the replies as buttons. Digit keys give a reply; Enter at the end opens the debrief.
 */
final class CompactConversation extends BorderPane {
    static final String TRANSCRIPT_ID = "author-transcript";
    static final String DEBRIEF_ID = "author-see-debrief";
    private static final double BUBBLE_WIDTH = 560;

    private final ConversationViewModel vm;
    private final Runnable showDebrief;
    private final Consumer<String> openTechnique;
    private final VBox transcript = new VBox();
    private final ScrollPane scroll = new ScrollPane(transcript);
    private final VBox replies = new VBox();
    private final Widgets.MoodMeter meter = new Widgets.MoodMeter();

    CompactConversation(ConversationViewModel vm, Runnable showDebrief, Consumer<String> openTechnique) {
        this.vm = vm;
        this.showDebrief = showDebrief;
        this.openTechnique = openTechnique;
        getStyleClass().add("author-conversation");
        setId("author-conversation");
        Label who = new Label(vm.dialogue().customer().name());
        who.getStyleClass().add("customer-name");
        VBox head = new VBox(4, who, meter);
        head.getStyleClass().add("author-conversation-head");
        setTop(head);
        transcript.getStyleClass().add("author-transcript");
        transcript.setId(TRANSCRIPT_ID);
        transcript.setAccessibleRole(AccessibleRole.LIST_VIEW);
        transcript.setAccessibleText("Conversation transcript");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        replies.getStyleClass().add("author-replies");
        setBottom(replies);
        vm.lines().forEach(l -> transcript.getChildren().add(render(l)));
        vm.lines().addListener((ListChangeListener<Line>) c -> {
            while (c.next()) for (Line l : c.getAddedSubList()) transcript.getChildren().add(render(l));
            transcript.layout();
            scroll.layout();
            scroll.setVvalue(1.0);
        });
        transcript.heightProperty().addListener((o, a, b) -> scroll.setVvalue(1.0));
        vm.offered().addListener((ListChangeListener<Choice>) c -> rebuildReplies());
        vm.endedProperty().addListener((o, a, b) -> rebuildReplies());
        vm.moodProperty().addListener((o, a, b) -> meter.set(b.intValue()));
        meter.set(vm.moodProperty().get());
        rebuildReplies();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k.isDigitKey()) {
            String name = k.getName();
            int n = name.charAt(name.length() - 1) - '0';
            if (n >= 1 && n <= vm.offered().size()) {
                vm.choose(n - 1);
                e.consume();
            }
        } else if (k == KeyCode.ENTER && vm.endedProperty().get()) {
            showDebrief.run();
            e.consume();
        }
    }

    private void rebuildReplies() {
        replies.getChildren().clear();
        if (vm.endedProperty().get()) {
            Button debrief = new Button("See the debrief", new FontIcon("mdi2c-clipboard-text-outline"));
            debrief.setId(DEBRIEF_ID);
            debrief.getStyleClass().addAll("accent", "choice-button");
            debrief.setOnAction(e -> showDebrief.run());
            replies.getChildren().add(debrief);
            debrief.requestFocus();
            return;
        }
        List<Choice> offered = vm.offered();
        for (int i = 0; i < offered.size(); i++) {
            int pos = i;
            Label number = new Label(String.valueOf(i + 1));
            number.getStyleClass().add("choice-number");
            Button b = new Button(offered.get(i).say(), number);
            b.getStyleClass().add("choice-button");
            b.setId("author-choice-" + (i + 1));
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAccessibleText("Reply " + (i + 1) + ": " + offered.get(i).say());
            b.setOnAction(e -> vm.choose(pos));
            replies.getChildren().add(b);
        }
    }

    /** Bubbles and feedback look as on the trainee's screen ({@link TranscriptLines}), sized for the panel. */
    private javafx.scene.Node render(Line l) {
        return switch (l.kind()) {
            case PREBRIEF -> TranscriptLines.prebrief(vm.dialogue(), BUBBLE_WIDTH);
            case CUSTOMER -> TranscriptLines.bubble(vm.dialogue().customer().name() + (l.emotion() == null ? "" : " · " + l.emotion()),
                    l.text(), "customer", Pos.CENTER_LEFT, BUBBLE_WIDTH);
            case OWN_WORDS -> TranscriptLines.ownWords(l, BUBBLE_WIDTH);
            case TRAINEE -> TranscriptLines.bubble("You", l.text(), "trainee", Pos.CENTER_RIGHT, BUBBLE_WIDTH);
            case FEEDBACK -> TranscriptLines.feedback(l, vm.catalog(), openTechnique, BUBBLE_WIDTH);
            case ENDING -> {
                var e = l.ending().ending();
                Label title = new Label(e.title());
                title.getStyleClass().add("ending-title");
                title.setWrapText(true);
                Label summary = new Label(e.summary());
                summary.setWrapText(true);
                VBox box = new VBox(Widgets.outcome(e.outcome()), title, summary);
                box.getStyleClass().add("ending-banner");
                box.setAccessibleRole(AccessibleRole.TEXT);
                box.setAccessibleText("Ending: " + e.title() + ". " + e.summary());
                yield box;
            }
        };
    }
}
