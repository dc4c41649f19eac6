package org.rapport.ui.presenter;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.SVGPath;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.classroom.QrCode;
import org.rapport.classroom.RoomDebrief;
import org.rapport.ui.UiExecutor;
import org.rapport.classroom.RoomDebrief.RoomDecision;
import org.rapport.classroom.RoomSession;
import org.rapport.classroom.VoteServer;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.EndingNode;
import org.rapport.ui.Widgets;

import java.util.List;

/**
 * The room's view of a session, in large type for a projector, or (with {@code facilitator} set) the facilitator's
 * console on the laptop, which always shows the notes and the grades and has controls for the mouse. Keyboard-driven
 * for a clicker:
 * <ul>
 *   <li>Right, Page Down, Space, Enter: next (reveal the votes, then the grades, then go on with the room's pick);</li>
 *   <li>Left, Page Up, Backspace: back (the exact inverse of next);</li>
 *   <li>R: reveal; 1–9: one vote for that reply; Alt+1–9: one vote fewer; Shift+1–9: show of hands picks that reply;
 *       Ctrl+1–9: go on with that reply whatever the room chose; C: clear the votes; N: notes on the projector or off;
 *       V: phone voting on or off.</li>
 * </ul>
 */
public final class RoomView extends BorderPane {
    public static final String KEYS = "→ next · ← back · R reveal · 1–9 vote · Shift+digit show of hands · Ctrl+digit go on with · C clear · N notes · V phones";

    private final PresenterViewModel vm;
    private final boolean facilitator;
    private final VBox stage = new VBox();
    private final ScrollPane scroll;
    /** The projector's type size: as large as the screen allows while the whole decision still fits on it. */
    private boolean fitQueued;
    private final Label decision = new Label();
    private final Label votesIn = new Label();
    private final HBox phoneBox = new HBox();
    private final Label message = new Label();

    public RoomView(PresenterViewModel vm, boolean facilitator) {
        this.vm = vm;
        this.facilitator = facilitator;
        getStyleClass().addAll("presenter", facilitator ? "facilitator" : "projector");
        setId(facilitator ? "facilitator-view" : "room-view");
        setFocusTraversable(true);
        setTop(createBar());
        stage.getStyleClass().add("presenter-stage");
        // Long lines wrap rather than shrink to "..."; what does not fit scrolls (Up and Down on the keyboard).
        scroll = new ScrollPane(stage);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        setBottom(createHintBar());
        if (!facilitator) {
            heightProperty().addListener((o, a, b) -> fitLater());
            widthProperty().addListener((o, a, b) -> fitLater());
        }
        vm.snapshotProperty().addListener((o, a, b) -> render());
        vm.notesOnProjectorProperty().addListener((o, a, b) -> render());
        vm.briefingProperty().addListener((o, a, b) -> render());
        vm.phonesProperty().addListener((o, a, b) -> renderPhones());
        vm.qrProperty().addListener((o, a, b) -> renderPhones()); // a new group has a new code
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        render();
        renderPhones();
    }

    public PresenterViewModel viewModel() {
        return vm;
    }

    private Node createBar() {
        Label title = new Label(vm.session().dialogue().title());
        title.getStyleClass().add("presenter-title");
        decision.getStyleClass().add("presenter-decision");
        decision.setId("room-decision");
        decision.setMinWidth(Region.USE_PREF_SIZE);
        votesIn.getStyleClass().add("presenter-votes-in");
        votesIn.setId("room-votes-in");
        votesIn.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        phoneBox.getStyleClass().add("presenter-phones");
        HBox bar = new HBox(title, decision, spacer, votesIn, phoneBox);
        bar.getStyleClass().add("presenter-bar");
        return bar;
    }

    private Node createHintBar() {
        Label keys = new Label(KEYS);
        keys.getStyleClass().add("presenter-keys");
        keys.setWrapText(true);
        message.getStyleClass().add("presenter-message");
        message.setId("room-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        VBox box = new VBox(message, keys);
        box.getStyleClass().add("presenter-hint");
        if (!facilitator) {
            // The room sees the facilitator's messages, not the key reference.
            keys.setVisible(false);
            keys.setManaged(false);
        }
        return box;
    }

    // == keys ==

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl) return;
        KeyCode k = e.getCode();
        int digit = digit(k);
        if (digit >= 1) {
            if (e.isShortcutDown()) vm.goOnWith(digit);
            else if (e.isShiftDown()) vm.showOfHands(digit);
            else if (e.isAltDown()) vm.unvote(digit);
            else vm.vote(digit);
            e.consume();
            return;
        }
        switch (k) {
            case RIGHT, PAGE_DOWN, SPACE, ENTER -> vm.next();
            case LEFT, PAGE_UP, BACK_SPACE -> vm.back();
            case R -> vm.reveal();
            case C -> vm.clearVotes();
            case N -> vm.notesOnProjectorProperty().set(!vm.notesOnProjectorProperty().get());
            case V -> vm.togglePhones();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private static int digit(KeyCode k) {
        if (!k.isDigitKey()) return -1;
        String name = k.getName();
        char c = name.charAt(name.length() - 1);
        return Character.isDigit(c) ? c - '0' : -1;
    }

    // == rendering ==

    private void render() {
        draw();
        if (!facilitator) fitLater();
    }

    /** Largest base type on the projector: a 1080-pixel-high screen gets 36 px, the customer's line half as big again. */
    static final double MAX_FONT_SHARE = 1 / 30.0;
    /** Smallest base type on the projector, for a decision with long replies and their explanations revealed. */
    static final double MIN_FONT_PX = 16;

    private void fitLater() {
        if (fitQueued) return;
        fitQueued = true;
        UiExecutor.later(() -> {
            fitQueued = false;
            fit();
        });
    }

    /**
     * Sets the projector's type as large as the window allows (1/30 of its height) and shrinks it step by step until
     * the whole decision, replies and revealed explanations included, fits without scrolling: the back of the room
     * cannot scroll. The console keeps the normal size.
     */
    private void fit() {
        double h = getHeight();
        if (h <= 0 || getScene() == null) return;
        double px = Math.max(MIN_FONT_PX, h * MAX_FONT_SHARE);
        while (true) {
            setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
            applyCss();
            layout();
            double need = stage.prefHeight(scroll.getViewportBounds().getWidth());
            if (need <= scroll.getViewportBounds().getHeight() || px <= MIN_FONT_PX) break;
            px = Math.max(MIN_FONT_PX, px * 0.92);
        }
    }

    private void draw() {
        RoomSession.Snapshot s = vm.snapshot();
        stage.getChildren().clear();
        int total = s.tally() == null ? 0 : s.tally().total();
        votesIn.setText(s.ended() ? "" : total + (total == 1 ? " vote" : " votes"));
        votesIn.setVisible(!s.ended());
        if (s.ended()) {
            decision.setText("The room's debrief");
            renderEnded(s);
            return;
        }
        if (vm.briefingProperty().get()) {
            decision.setText("Before we start");
            votesIn.setVisible(false); // nothing to vote on yet
            var d = vm.session().dialogue();
            Label who = new Label(d.customer().name() + "  \u00b7  " + d.setting());
            who.getStyleClass().add("presenter-speaker");
            who.setWrapText(true);
            Label summary = new Label(d.summary());
            summary.setWrapText(true);
            summary.setMinHeight(Region.USE_PREF_SIZE);
            Node brief = org.rapport.ui.conversation.TranscriptLines.prebrief(d, Double.MAX_VALUE);
            stage.getChildren().addAll(who, summary, brief);
            return;
        }
        decision.setText("Decision " + s.decisionNumber());
        CustomerNode node = (CustomerNode) s.node();
        String who = vm.session().dialogue().customer().name() + (node.emotion() == null ? "" : " · " + node.emotion());
        Label speaker = new Label(who);
        speaker.getStyleClass().add("presenter-speaker");
        Label say = new Label("“" + node.say() + "”");
        say.getStyleClass().add("presenter-customer");
        say.setId("room-customer");
        say.setWrapText(true);
        say.setMinHeight(Region.USE_PREF_SIZE);
        stage.getChildren().addAll(speaker, say);
        if (node.note() != null && (facilitator || vm.notesOnProjectorProperty().get())) {
            Label note = new Label("Facilitator's note: " + node.note());
            note.getStyleClass().add("presenter-note");
            note.setId("room-note");
            note.setWrapText(true);
            note.setMinHeight(Region.USE_PREF_SIZE);
            note.setGraphic(new FontIcon("mdi2n-note-text-outline"));
            stage.getChildren().add(note);
        }
        Integer pick = s.showOfHands();
        List<Choice> offered = s.offered();
        VBox replies = new VBox();
        replies.getStyleClass().add("presenter-replies");
        for (int i = 0; i < offered.size(); i++) replies.getChildren().add(reply(s, i, offered.get(i), pick));
        stage.getChildren().add(replies);
    }

    private Node reply(RoomSession.Snapshot s, int i, Choice c, Integer pick) {
        int n = i + 1;
        Label number = new Label(String.valueOf(n));
        number.getStyleClass().add("presenter-number");
        Label text = new Label(c.say());
        text.getStyleClass().add("presenter-reply-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox line = new HBox(number, text);
        line.getStyleClass().add("presenter-reply-line");
        VBox box = new VBox(line);
        box.getStyleClass().add("presenter-reply");
        box.setId("reply-" + n);
        if (pick != null && pick == c.index()) {
            box.getStyleClass().add("picked");
            Label hands = new Label("The room's pick (show of hands)");
            hands.getStyleClass().add("presenter-pick");
            hands.setGraphic(new FontIcon("mdi2h-hand-back-right-outline"));
            box.getChildren().add(hands);
        }
        if (s.distributionShown() || facilitator) {
            ProgressBar bar = new ProgressBar(s.percentAt(i) / 100.0);
            bar.getStyleClass().add("vote-bar");
            bar.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(bar, Priority.ALWAYS);
            int v = s.votesAt(i);
            Label count = new Label(v + (v == 1 ? " vote" : " votes") + " · " + s.percentAt(i) + "%");
            count.getStyleClass().add("vote-count");
            count.setId("votes-" + n);
            count.setMinWidth(Region.USE_PREF_SIZE);
            HBox votes = new HBox(bar, count);
            votes.getStyleClass().add("vote-row");
            if (!s.distributionShown()) votes.getStyleClass().add("hidden-from-room");
            box.getChildren().add(votes);
        }
        if (s.gradesShown() || facilitator) {
            Label grade = Widgets.grade(c.grade());
            grade.setId("grade-" + n);
            Label why = new Label(c.why());
            why.getStyleClass().add("presenter-why");
            why.setWrapText(true);
            why.setMinHeight(Region.USE_PREF_SIZE);
            VBox explained = new VBox(grade, why);
            explained.getStyleClass().add("presenter-explained");
            if (!c.uses().isEmpty()) explained.getChildren().add(Widgets.chips(c.uses(), Widgets.ChipKind.USED, vm.catalog(), id -> { }));
            if (!c.pitfalls().isEmpty()) explained.getChildren().add(Widgets.chips(c.pitfalls(), Widgets.ChipKind.PITFALL, vm.catalog(), id -> { }));
            if (!s.gradesShown()) explained.getStyleClass().add("hidden-from-room");
            box.getChildren().add(explained);
        }
        if (facilitator) box.getChildren().add(controls(s, n));
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText("Reply " + n + ": " + c.say() + (s.distributionShown() ? ". " + s.votesAt(i) + " votes" : "")
                + (s.gradesShown() ? ". Grade " + c.grade().word() + ". " + c.why() : ""));
        return box;
    }

    /** The facilitator's mouse controls for one reply: +1, −1, a typed count, show of hands, go on with it. */
    private Node controls(RoomSession.Snapshot s, int n) {
        Button plus = new Button("+1");
        plus.setOnAction(e -> vm.vote(n));
        plus.setId("plus-" + n);
        Button minus = new Button("−1");
        minus.setOnAction(e -> vm.unvote(n));
        TextField count = new TextField(String.valueOf(s.votesAt(n - 1)));
        count.setPrefColumnCount(4);
        count.setId("count-" + n);
        count.setAccessibleText("Votes for reply " + n);
        count.setOnAction(e -> {
            try {
                vm.setVotes(n, Integer.parseInt(count.getText().strip()));
            } catch (NumberFormatException ex) {
                count.setText(String.valueOf(vm.snapshot().votesAt(n - 1)));
            }
        });
        Button hands = new Button("Show of hands");
        hands.setOnAction(e -> vm.showOfHands(n));
        Button go = new Button("Go on with this", new FontIcon("mdi2a-arrow-right"));
        go.setOnAction(e -> vm.goOnWith(n));
        go.setId("go-" + n);
        HBox row = new HBox(plus, minus, count, hands, go);
        row.getStyleClass().add("presenter-controls");
        return row;
    }

    private void renderEnded(RoomSession.Snapshot s) {
        RoomDebrief d = vm.debriefProperty().get();
        VBox box = new VBox();
        box.getStyleClass().add("presenter-debrief");
        box.setId("room-debrief");
        EndingNode end = (EndingNode) s.node();
        Label last = new Label("“" + end.say() + "”");
        last.getStyleClass().add("presenter-customer");
        last.setWrapText(true);
        Label title = new Label(end.ending().title() + ": the room scored " + d.debrief().percent() + "%");
        title.getStyleClass().add("presenter-ending-title");
        title.setId("room-score");
        Label summary = new Label(end.ending().summary());
        summary.setWrapText(true);
        box.getChildren().addAll(Widgets.outcome(end.ending().outcome()), title, last, summary);
        Label splitTitle = new Label("Where the room split");
        splitTitle.getStyleClass().add("presenter-section");
        box.getChildren().add(splitTitle);
        List<String> splits = d.splitSummary();
        if (splits.isEmpty()) {
            Label none = new Label("Nowhere: at every vote, one reply had at least two thirds of the room.");
            none.setWrapText(true);
            none.setId("room-no-split");
            box.getChildren().add(none);
        }
        for (String line : splits) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("presenter-split");
            box.getChildren().add(l);
        }
        Label pathTitle = new Label("The room's path");
        pathTitle.getStyleClass().add("presenter-section");
        box.getChildren().add(pathTitle);
        for (RoomDecision rd : d.decisions()) box.getChildren().add(decisionCard(rd));
        stage.getChildren().add(box);
    }

    private Node decisionCard(RoomDecision rd) {
        Label said = new Label(rd.number() + ". “" + rd.customerSaid() + "”");
        said.setWrapText(true);
        said.getStyleClass().add("presenter-card-title");
        Label vote = new Label(rd.describeVote());
        vote.setWrapText(true);
        vote.getStyleClass().add("room-vote");
        String how = switch (rd.decidedBy()) {
            case ROOM -> "The room went with reply " + rd.taken().shownNumber();
            case SHOW_OF_HANDS -> "A show of hands chose reply " + rd.taken().shownNumber();
            case FACILITATOR -> "The facilitator went on with reply " + rd.taken().shownNumber() + " to show what it does";
        };
        Label taken = new Label(how + ": “" + rd.taken().say() + "”");
        taken.setWrapText(true);
        HBox head = new HBox(Widgets.grade(rd.taken().grade()));
        if (rd.split()) {
            Label split = new Label("The room split");
            split.getStyleClass().add("split-badge");
            split.setGraphic(new FontIcon("mdi2c-call-split"));
            head.getChildren().add(split);
        }
        head.getStyleClass().add("presenter-card-head");
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(said, vote, head, taken);
        card.getStyleClass().add("presenter-card");
        card.setAccessibleRole(AccessibleRole.TEXT);
        card.setAccessibleText("Decision " + rd.number() + ". " + rd.describeVote() + " " + how + ", graded " + rd.taken().grade().word() + ".");
        return card;
    }

    /** A room code as it is read aloud: its characters with thin gaps. */
    static String spaced(String code) {
        return String.join("\u2009", code.split(""));
    }

    private void renderPhones() {
        phoneBox.getChildren().clear();
        VoteServer server = vm.phonesProperty().get();
        QrCode qr = vm.qrProperty().get();
        if (server == null || qr == null) return;
        SVGPath modules = new SVGPath();
        modules.setContent(qr.svgPath());
        modules.getStyleClass().add("qr-modules");
        int side = qr.size() + 2 * QrCode.QUIET;
        Region light = new Region();
        light.getStyleClass().add("qr-light");
        light.setMinSize(side, side);
        light.setMaxSize(side, side);
        Group qrGroup = new Group(new StackPane(light), modules);
        // One module per pixel in the path; scaled up so a phone reads it from the back of the room.
        double scale = facilitator ? 4 : 6;
        Group scaled = new Group(qrGroup);
        qrGroup.setScaleX(scale);
        qrGroup.setScaleY(scale);
        StackPane holder = new StackPane(scaled);
        holder.getStyleClass().add("qr-box");
        holder.setId("phone-qr");
        Label address = new Label("Vote on your phone:\n" + server.shortAddress());
        address.getStyleClass().add("phone-address");
        address.setId("phone-address");
        address.setMinWidth(Region.USE_PREF_SIZE);
        Label code = new Label(spaced(server.room().code()));
        code.getStyleClass().add("phone-code");
        code.setId("phone-code");
        code.setAccessibleText("Room code " + String.join(" ", server.room().code().split("")));
        Label codeLabel = new Label("Room code");
        codeLabel.getStyleClass().add("phone-address");
        VBox words = new VBox(4, address, codeLabel, code);
        if (facilitator) {
            Label count = new Label();
            count.setId("phone-count");
            count.getStyleClass().add("muted");
            count.setWrapText(true);
            count.textProperty().bind(vm.phoneCountProperty());
            Button lock = new Button(server.room().locked() ? "Let phones join" : "Lock joining");
            lock.setId("phone-lock");
            lock.setOnAction(e -> {
                vm.toggleJoining();
                lock.setText(server.room().locked() ? "Let phones join" : "Lock joining");
            });
            Button fresh = new Button("New group (new code)");
            fresh.setId("phone-new-group");
            fresh.setOnAction(e -> vm.newGroup());
            words.getChildren().addAll(count, new HBox(8, lock, fresh));
        }
        phoneBox.getChildren().addAll(holder, words);
    }
}
