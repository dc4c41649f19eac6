package org.rapport.ui.conversation;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Answer;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.StepResult;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Node;

import java.util.List;
import java.util.function.LongSupplier;

/** A conversation in progress: the transcript so far, the replies on offer, the customer's mood. */
public final class ConversationViewModel {
    /** One entry of the chat-like transcript. {@code choice} is set for trainee lines and feedback. */
    public record Line(Kind kind, String text, String emotion, Choice choice, Choice better, EndingNode ending, List<String> coach) {
        public enum Kind { PREBRIEF, CUSTOMER, OWN_WORDS, TRAINEE, FEEDBACK, ENDING }

        public Line {
            coach = coach == null ? List.of() : List.copyOf(coach);
        }

        public Line(Kind kind, String text, String emotion, Choice choice, Choice better, EndingNode ending) {
            this(kind, text, emotion, choice, better, ending, List.of());
        }
    }

    private final Dialogue dialogue;
    private final Playthrough playthrough;
    private final Mode mode;
    private final Catalog catalog;
    private final Debrief compareWith;
    private final LongSupplier nanoClock;
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Choice> offered = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper mood = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper briefing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper reading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper decisionNumber = new ReadOnlyIntegerWrapper();
    private final int expectedDecisions;
    private final javafx.beans.property.ReadOnlyStringWrapper saveProblem = new javafx.beans.property.ReadOnlyStringWrapper();
    private org.rapport.store.AttemptRecorder recorder;
    private long shownAt;
    private final ReadOnlyBooleanWrapper composing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper rating = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.StringProperty ownWords = new javafx.beans.property.SimpleStringProperty("");
    private final javafx.beans.property.BooleanProperty saidAloud = new javafx.beans.property.SimpleBooleanProperty();
    private int pendingShown = -1;
    /** In a drill: which decision of how many, what comes next, and what to do with each reply (the schedule). */
    public record Drill(int number, int of, Runnable next, java.util.function.Consumer<StepResult> answered) {
    }

    private Drill drill;
    /** Whether "how sure?" is asked before the grade (practice and say-it-first; not when an author plays to check replies). */
    private boolean askConfidence;
    private long pendingMillis;

    public ConversationViewModel(Dialogue dialogue, Playthrough playthrough, Mode mode, Catalog catalog, Debrief compareWith,
                                 LongSupplier nanoClock) {
        this.dialogue = dialogue;
        this.playthrough = playthrough;
        this.mode = mode;
        this.catalog = catalog;
        this.compareWith = compareWith;
        this.nanoClock = nanoClock;
        this.askConfidence = mode.asksConfidence();
        for (Decision d : playthrough.transcript().decisions()) {
            CustomerNode n = (CustomerNode) dialogue.node(d.nodeId());
            lines.add(new Line(Line.Kind.CUSTOMER, n.say(), n.emotion(), null, null, null));
            ownWordsLine(d.answer(), n);
            lines.add(new Line(Line.Kind.TRAINEE, n.choices().get(d.chosen()).say(), null, n.choices().get(d.chosen()), null, null));
        }
        this.expectedDecisions = playthrough.expectedDecisions();
        // Who the customer is and the pre-brief open every transcript, so the trainee can look back at them.
        lines.add(0, new Line(Line.Kind.PREBRIEF, dialogue.summary(), null, null, null, null));
        boolean atTheStart = playthrough.transcript().decisions().isEmpty() && playthrough.current().id().equals(dialogue.start());
        if (atTheStart) {
            // A new conversation opens on the pre-brief; the customer speaks, and the clock starts, when the trainee is ready.
            briefing.set(true);
            mood.set(playthrough.mood());
        } else {
            arrive(playthrough.current());
        }
        decisionNumber.set(playthrough.transcript().decisions().size() + 1);
    }

    // == properties ==

    public Dialogue dialogue() {
        return dialogue;
    }

    public Mode mode() {
        return mode;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Debrief compareWith() {
        return compareWith;
    }

    public Playthrough playthrough() {
        return playthrough;
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ObservableList<Choice> offered() {
        return offered;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyIntegerProperty moodProperty() {
        return mood.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** True while the pre-brief is shown and the customer has not spoken yet. */
    public ReadOnlyBooleanProperty briefingProperty() {
        return briefing.getReadOnlyProperty();
    }

    /** True in practice mode while the feedback on the last reply is on screen and the next replies wait for the trainee. */
    public ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    /** The decision the trainee is at, counting from 1. */
    public ReadOnlyIntegerProperty decisionNumberProperty() {
        return decisionNumber.getReadOnlyProperty();
    }

    /** About how many decisions this conversation takes (on the path of best replies). */
    public int expectedDecisions() {
        return expectedDecisions;
    }

    /** After the feedback has been read (practice mode): the next replies are offered, and the clock starts. */
    public void continueOn() {
        if (!reading.get()) return;
        reading.set(false);
        if (mode == Mode.SAY_FIRST) {
            composing.set(true);
            return;
        }
        offered.setAll(playthrough.offered());
        shownAt = nanoClock.getAsLong();
    }

    /** Makes this a drill item: one decision, its feedback, then the drill's next decision. Call before showing it. */
    public void drill(Drill d) {
        this.drill = d;
    }

    /** The drill this decision belongs to, or null for a whole conversation. */
    public Drill drill() {
        return drill;
    }

    /** Say-it-first: true while the trainee puts their reply in their own words, before the replies are shown. */
    public ReadOnlyBooleanProperty composingProperty() {
        return composing.getReadOnlyProperty();
    }

    /** True when a reply has been picked and the trainee says how sure they are before seeing its grade. */
    public ReadOnlyBooleanProperty ratingProperty() {
        return rating.getReadOnlyProperty();
    }

    /** Say-it-first: what the trainee typed as their own reply. */
    public javafx.beans.property.StringProperty ownWordsProperty() {
        return ownWords;
    }

    /** Say-it-first: the trainee said their reply aloud instead of typing it. */
    public javafx.beans.property.BooleanProperty saidAloudProperty() {
        return saidAloud;
    }

    /** The reply picked and waiting for its confidence rating, or null. */
    public Choice pending() {
        return rating.get() && pendingShown >= 0 && pendingShown < offered.size() ? offered.get(pendingShown) : null;
    }

    /**
     * Say-it-first: once the trainee has typed a reply or said it aloud, the replies are offered and the clock starts.
     * Returns false (and shows nothing new) when there is nothing of theirs yet.
     */
    public boolean revealReplies() {
        if (!composing.get()) return false;
        if (ownWords.get().isBlank() && !saidAloud.get()) return false;
        composing.set(false);
        offered.setAll(playthrough.offered());
        shownAt = nanoClock.getAsLong();
        return true;
    }

    /** Rates the picked reply; the reply is then given, and its grade and explanation follow. */
    public StepResult rate(org.rapport.engine.Confidence confidence) {
        if (!rating.get() || confidence == null) return null;
        rating.set(false);
        Answer a = mode == Mode.SAY_FIRST ? new Answer(ownWords.get(), saidAloud.get(), confidence) : new Answer(null, false, confidence);
        return give(pendingShown, pendingMillis, a);
    }

    /** The trainee's own words at a decision, with what the phrase coach saw in them (words only, never a grade). */
    private void ownWordsLine(Answer a, CustomerNode at) {
        if (a.ownWords() != null) {
            org.rapport.coach.CoachFeedback f = org.rapport.coach.Coach.feedback(catalog, at, a.ownWords());
            List<String> notes = new java.util.ArrayList<>();
            f.found().forEach(x -> notes.add("\u2713 " + x.sentence()));
            f.pitfalls().forEach(x -> notes.add("! " + x.sentence()));
            f.missing().forEach(x -> notes.add("\u2013 " + x.sentence()));
            lines.add(new Line(Line.Kind.OWN_WORDS, a.ownWords(), null, null, null, null, notes));
        } else if (a.saidAloud()) {
            lines.add(new Line(Line.Kind.OWN_WORDS, null, null, null, null, null));
        }
    }

    /**
     * For an author playing from a node to check the replies: no pre-brief card and no wait, the customer speaks
     * at once. Call before a view shows the conversation.
     */
    public void withoutBrief() {
        if (!lines.isEmpty() && lines.get(0).kind() == Line.Kind.PREBRIEF) lines.remove(0);
        askConfidence = false;
        begin();
    }

    /** Ends the pre-brief: the customer speaks, and the replies are offered. */
    public void begin() {
        if (!briefing.get()) return;
        briefing.set(false);
        arrive(playthrough.current());
    }

    /** True once the trainee has replied at least once (leaving then needs a confirmation). */
    public boolean started() {
        return !playthrough.transcript().decisions().isEmpty();
    }

    private final javafx.beans.property.SimpleStringProperty serverStatus = new javafx.beans.property.SimpleStringProperty();

    /** With a department's server: whether the replies have reached it (null without one). */
    public javafx.beans.property.StringProperty serverStatusProperty() {
        return serverStatus;
    }

    /** Why progress is not being saved right now (null when every reply is safely stored). */
    public javafx.beans.property.ReadOnlyStringProperty saveProblemProperty() {
        return saveProblem.getReadOnlyProperty();
    }

    /** Saves this conversation as it is played: every reply the moment it is given, and the result at the end. */
    public void record(org.rapport.store.AttemptRecorder recorder) {
        this.recorder = recorder;
        showSaveState();
    }

    /** The trainee leaves before the end: the unfinished attempt is dropped rather than offered for resume. */
    public void leave() {
        if (recorder != null && !ended.get()) recorder.abandon();
    }

    /** Tries again to save what is waiting (after a full disk is cleared, say). */
    public void retrySave() {
        if (recorder != null) {
            recorder.retry();
            showSaveState();
        }
    }

    private void showSaveState() {
        saveProblem.set(recorder == null ? null : recorder.problem()
                .map(p -> p + " Your replies are kept in memory and will be saved as soon as possible.").orElse(null));
    }

    // == commands ==

    /** Highlights the reply at a shown position (digit keys); Enter then confirms it. */
    public void select(int shownPosition) {
        if (shownPosition >= 0 && shownPosition < offered.size()) selected.set(shownPosition);
    }

    public StepResult confirm() {
        return selected.get() < 0 ? null : choose(selected.get());
    }

    /** Gives the reply shown at {@code shownPosition}: records it with the time taken, and shows what happens. */
    public StepResult choose(int shownPosition) {
        if (ended.get() || briefing.get() || reading.get() || composing.get() || rating.get() || shownPosition < 0 || shownPosition >= offered.size()) return null;
        long millis = (nanoClock.getAsLong() - shownAt) / 1_000_000;
        if (askConfidence) {
            // How sure? is asked before the grade is shown; the reply is given once it is answered.
            pendingShown = shownPosition;
            pendingMillis = millis;
            selected.set(shownPosition);
            rating.set(true);
            return null;
        }
        return give(shownPosition, millis, Answer.NONE);
    }

    private StepResult give(int shownPosition, long millis, Answer answer) {
        StepResult r = playthrough.choose(shownPosition, millis, answer);
        if (recorder != null) {
            recorder.decision(r.decision());
            if (r.ended() || drill != null) recorder.finish(debrief());
            showSaveState();
        }
        if (drill != null) drill.answered().accept(r);
        ownWordsLine(answer, (CustomerNode) dialogue.node(r.decision().nodeId()));
        ownWords.set("");
        saidAloud.set(false);
        pendingShown = -1;
        lines.add(new Line(Line.Kind.TRAINEE, r.choice().say(), null, r.choice(), null, null));
        if (mode.feedbackAtOnce()) {
            lines.add(new Line(Line.Kind.FEEDBACK, r.choice().why(), null, r.choice(),
                    Debrief.better((CustomerNode) dialogue.node(r.decision().nodeId()), r.choice()), null));
        }
        if (drill != null) {
            // A drill item is one decision: its feedback, and the customer's reaction is not played on.
            mood.set(playthrough.mood());
            offered.clear();
            ended.set(true);
            return r;
        }
        arrive(r.now());
        decisionNumber.set(playthrough.transcript().decisions().size() + 1);
        if (mode.feedbackAtOnce() && !r.ended()) {
            // The feedback is read first: the next replies wait until the trainee asks for them.
            offered.clear();
            composing.set(false);
            reading.set(true);
        }
        return r;
    }

    private void arrive(Node node) {
        mood.set(playthrough.mood());
        selected.set(-1);
        if (node instanceof EndingNode e) {
            lines.add(new Line(Line.Kind.CUSTOMER, e.say(), e.emotion(), null, null, null));
            lines.add(new Line(Line.Kind.ENDING, e.ending().title(), null, null, null, e));
            offered.clear();
            ended.set(true);
        } else {
            CustomerNode c = (CustomerNode) node;
            lines.add(new Line(Line.Kind.CUSTOMER, c.say(), c.emotion(), null, null, null));
            if (mode == Mode.SAY_FIRST) {
                // Their own reply first: the options stay hidden until they have put it in words.
                offered.clear();
                composing.set(true);
                return;
            }
            offered.setAll(playthrough.offered());
            shownAt = nanoClock.getAsLong();
        }
    }

    public Debrief debrief() {
        return Debrief.of(dialogue, playthrough.transcript(), catalog);
    }
}
