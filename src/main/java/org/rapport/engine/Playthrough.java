package org.rapport.engine;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Mood;
import org.rapport.model.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * One trainee walking one dialogue. A state machine: {@link #choose} takes a reply and returns a record of what
 * happened; nothing here knows about screens. Replies are offered in an order shuffled by a seed, so the same seed
 * and the same replies always give the same transcript.
 */
public final class Playthrough {
    private final Dialogue dialogue;
    private final SeededOrder shuffle;
    private Transcript transcript;
    private Node current;
    private int mood;
    private List<Integer> order;

    private Playthrough(Dialogue dialogue, String startNode, int startMood, long seed) {
        this.dialogue = dialogue;
        // SplittableRandom's sequence (it mixes its seed; java.util.Random gives the same first coin for seeds 0, 1, 2, ...)
        this.shuffle = new SeededOrder(seed);
        Node start = dialogue.node(startNode);
        if (start == null) throw new IllegalArgumentException("No node \"" + startNode + "\" in " + dialogue.id());
        this.mood = Mood.clamp(startMood);
        this.transcript = new Transcript(dialogue.id(), startNode, this.mood, seed, List.of(),
                start instanceof EndingNode ? startNode : null);
        enter(start);
    }

    /** Starts at the dialogue's start with the customer's own starting mood. */
    public static Playthrough start(Dialogue dialogue, long seed) {
        return new Playthrough(dialogue, dialogue.start(), dialogue.customer().mood(), seed);
    }

    /** Starts at any node with any mood (authors' "play from here", or a mood override). */
    public static Playthrough startAt(Dialogue dialogue, String nodeId, int mood, long seed) {
        return new Playthrough(dialogue, nodeId, mood, seed);
    }

    /**
     * Replays the first {@code count} decisions of an earlier transcript, so the trainee can take another reply from
     * there. The shuffle continues as it would have.
     */
    public static Playthrough replay(Dialogue dialogue, Transcript earlier, int count) {
        Playthrough p = new Playthrough(dialogue, earlier.startNode(), earlier.startMood(), earlier.seed());
        for (Decision d : earlier.decisions().subList(0, count)) {
            p.chooseIndex(d.chosen(), d.millis(), d.answer());
        }
        return p;
    }

    private void enter(Node node) {
        current = node;
        if (node instanceof CustomerNode c) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < c.choices().size(); i++) idx.add(i);
            for (int i = idx.size() - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                idx.set(j, idx.set(i, idx.get(j)));
            }
            order = List.copyOf(idx);
        } else {
            order = List.of();
        }
    }

    public Dialogue dialogue() {
        return dialogue;
    }

    public Node current() {
        return current;
    }

    public int mood() {
        return mood;
    }

    public boolean ended() {
        return current instanceof EndingNode;
    }

    public Transcript transcript() {
        return transcript;
    }

    /** The replies on offer now, in the order to show them. Empty at an ending. */
    public List<Choice> offered() {
        if (!(current instanceof CustomerNode c)) return List.of();
        return order.stream().map(c.choices()::get).toList();
    }

    /** Takes the reply shown at {@code shownPosition} (0-based, in the shuffled order). */
    public StepResult choose(int shownPosition, long millis) {
        return choose(shownPosition, millis, Answer.NONE);
    }

    /** Takes the reply shown at {@code shownPosition}, with the trainee's own words and confidence. */
    public StepResult choose(int shownPosition, long millis, Answer answer) {
        if (shownPosition < 0 || shownPosition >= order.size()) {
            throw new IllegalArgumentException("There is no reply at position " + (shownPosition + 1) + "; " + order.size() + " are on offer.");
        }
        return chooseIndex(order.get(shownPosition), millis, answer);
    }

    /** Takes the reply at {@code fileIndex} (0-based, in the file's order), whatever order it was shown in. */
    public StepResult chooseIndex(int fileIndex, long millis) {
        return chooseIndex(fileIndex, millis, Answer.NONE);
    }

    /** Takes the reply at {@code fileIndex}, with the trainee's own words and confidence. */
    public StepResult chooseIndex(int fileIndex, long millis, Answer answer) {
        if (!(current instanceof CustomerNode node)) {
            throw new IllegalStateException("The conversation has ended; there is nothing to reply to.");
        }
        if (fileIndex < 0 || fileIndex >= node.choices().size()) {
            throw new IllegalArgumentException("\"" + node.id() + "\" has " + node.choices().size() + " replies; there is no reply " + (fileIndex + 1) + ".");
        }
        Choice choice = node.choices().get(fileIndex);
        int before = mood;
        int after = Mood.clamp(before + choice.mood());
        String nextId = choice.nextFor(after);
        Node next = nextId == null ? null : dialogue.node(nextId);
        if (next == null) {
            throw new IllegalStateException("Reply " + (fileIndex + 1) + " of \"" + node.id() + "\" leads nowhere; validate the dialogue.");
        }
        Decision d = new Decision(node.id(), node.say(), order, fileIndex, Math.max(0, millis), before, after, nextId, answer);
        mood = after;
        transcript = transcript.with(d, next instanceof EndingNode ? next.id() : null);
        enter(next);
        return new StepResult(d, choice, next, ended());
    }

    /**
     * About how many decisions this conversation takes: those made so far plus the number on the path of best replies
     * from where play stands (paths differ, so screens say "about").
     */
    public int expectedDecisions() {
        int done = transcript.decisions().size();
        Node n = current;
        int m = mood;
        int more = 0;
        for (int guard = 0; n instanceof CustomerNode c && guard < 500; guard++) {
            Choice best = c.choices().get(0);
            for (Choice ch : c.choices()) if (ch.grade().points() > best.grade().points()) best = ch;
            m = Mood.clamp(m + best.mood());
            String next = best.nextFor(m);
            n = next == null ? null : dialogue.node(next);
            more++;
        }
        return done + more;
    }
}
