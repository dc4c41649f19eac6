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

import java.util.function.LongSupplier;

/** A conversation in progress: the transcript so far, the replies on offer, the customer's mood. */
public final class ConversationViewModel {
    /** One entry of the chat-like transcript. {@code choice} is set for trainee lines and feedback. */
    public record Line(Kind kind, String text, String emotion, Choice choice, Choice better, EndingNode ending) {
        public enum Kind { PREBRIEF, CUSTOMER, TRAINEE, FEEDBACK, ENDING }
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
    private final javafx.beans.property.ReadOnlyStringWrapper saveProblem = new javafx.beans.property.ReadOnlyStringWrapper();
    private org.rapport.store.AttemptRecorder recorder;
    private long shownAt;

    public ConversationViewModel(Dialogue dialogue, Playthrough playthrough, Mode mode, Catalog catalog, Debrief compareWith,
                                 LongSupplier nanoClock) {
        this.dialogue = dialogue;
        this.playthrough = playthrough;
        this.mode = mode;
        this.catalog = catalog;
        this.compareWith = compareWith;
        this.nanoClock = nanoClock;
        for (Decision d : playthrough.transcript().decisions()) {
            CustomerNode n = (CustomerNode) dialogue.node(d.nodeId());
            lines.add(new Line(Line.Kind.CUSTOMER, n.say(), n.emotion(), null, null, null));
            lines.add(new Line(Line.Kind.TRAINEE, n.choices().get(d.chosen()).say(), null, n.choices().get(d.chosen()), null, null));
        }
        boolean atTheStart = playthrough.transcript().decisions().isEmpty() && playthrough.current().id().equals(dialogue.start());
        if (atTheStart && !dialogue.prebrief().isEmpty()) {
            // The pre-brief comes before the customer's first line; the clock for the first reply starts after it.
            lines.add(new Line(Line.Kind.PREBRIEF, dialogue.summary(), null, null, null, null));
            briefing.set(true);
            mood.set(playthrough.mood());
        } else {
            arrive(playthrough.current());
        }
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
        if (ended.get() || briefing.get() || shownPosition < 0 || shownPosition >= offered.size()) return null;
        long millis = (nanoClock.getAsLong() - shownAt) / 1_000_000;
        StepResult r = playthrough.choose(shownPosition, millis);
        if (recorder != null) {
            recorder.decision(r.decision());
            if (r.ended()) recorder.finish(debrief());
            showSaveState();
        }
        lines.add(new Line(Line.Kind.TRAINEE, r.choice().say(), null, r.choice(), null, null));
        if (mode == Mode.PRACTICE) {
            lines.add(new Line(Line.Kind.FEEDBACK, r.choice().why(), null, r.choice(),
                    Debrief.better((CustomerNode) dialogue.node(r.decision().nodeId()), r.choice()), null));
        }
        arrive(r.now());
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
            offered.setAll(playthrough.offered());
            shownAt = nanoClock.getAsLong();
        }
    }

    public Debrief debrief() {
        return Debrief.of(dialogue, playthrough.transcript(), catalog);
    }
}
