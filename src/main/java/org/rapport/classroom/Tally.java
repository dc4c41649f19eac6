package org.rapport.classroom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The room's vote at one decision: a count per reply, indexed by the reply's position in the dialogue file (so a
 * tally never depends on the shuffled order the replies were shown in). Immutable.
 */
public record Tally(List<Integer> counts) {
    /** A reply leads clearly only when it has at least this share of the votes; below it the room split. */
    public static final double CLEAR_SHARE = 2.0 / 3.0;

    public Tally {
        for (Integer c : counts) {
            if (c == null || c < 0) throw new IllegalArgumentException("A vote count cannot be negative.");
        }
        counts = List.copyOf(counts);
    }

    public static Tally empty(int replies) {
        return new Tally(Collections.nCopies(replies, 0));
    }

    public int replies() {
        return counts.size();
    }

    public int count(int fileIndex) {
        return counts.get(fileIndex);
    }

    public int total() {
        return counts.stream().mapToInt(Integer::intValue).sum();
    }

    /** The share of the votes for a reply, in whole percent (0 when nobody voted). */
    public int percent(int fileIndex) {
        int total = total();
        return total == 0 ? 0 : Math.round(counts.get(fileIndex) * 100f / total);
    }

    public Tally withCount(int fileIndex, int count) {
        if (count < 0) throw new IllegalArgumentException("A vote count cannot be negative.");
        if (count > 100_000) throw new IllegalArgumentException("A room of more than 100,000 is not a room.");
        List<Integer> c = new ArrayList<>(counts);
        c.set(fileIndex, count);
        return new Tally(c);
    }

    public Tally plusOne(int fileIndex) {
        return withCount(fileIndex, counts.get(fileIndex) + 1);
    }

    /** Every reply with the most votes (empty when nobody voted). */
    public List<Integer> leaders() {
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max == 0) return List.of();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) if (counts.get(i) == max) out.add(i);
        return out;
    }

    /** The reply with the most votes, when exactly one has the most. */
    public Optional<Integer> majority() {
        List<Integer> l = leaders();
        return l.size() == 1 ? Optional.of(l.get(0)) : Optional.empty();
    }

    /** How many replies got at least one vote. */
    public int repliesWithVotes() {
        return (int) counts.stream().filter(c -> c > 0).count();
    }

    /** True when at least two replies got votes and no reply got two thirds of them: the room did not agree. */
    public boolean split() {
        int total = total();
        if (total == 0 || repliesWithVotes() < 2) return false;
        int max = counts.stream().mapToInt(Integer::intValue).max().orElse(0);
        return max < CLEAR_SHARE * total;
    }
}
