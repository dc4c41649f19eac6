package org.rapport.engine;

import org.rapport.model.Grade;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How well the trainee's confidence matched their replies: for each rating (sure, think so, guessing), how many
 * replies got it and how many of those were right. A reply is right when its grade is best or good: it helped the
 * customer. A pure function of the rated decisions; replies without a rating do not count.
 */
public record Calibration(Map<Confidence, int[]> counts) {
    /** One rated reply: how sure the trainee was, and the grade it turned out to have. */
    public record Rated(Confidence confidence, Grade grade) {
    }

    public Calibration {
        Map<Confidence, int[]> copy = new EnumMap<>(Confidence.class);
        for (Confidence c : Confidence.values()) {
            int[] v = counts.get(c);
            copy.put(c, v == null ? new int[2] : new int[] {v[0], v[1]});
        }
        counts = copy;
    }

    public static boolean right(Grade g) {
        return g == Grade.BEST || g == Grade.GOOD;
    }

    public static Calibration of(List<Rated> rated) {
        Map<Confidence, int[]> m = new EnumMap<>(Confidence.class);
        for (Rated r : rated) {
            if (r.confidence() == null) continue;
            int[] v = m.computeIfAbsent(r.confidence(), k -> new int[2]);
            v[0]++;
            if (right(r.grade())) v[1]++;
        }
        return new Calibration(m);
    }

    /** How many replies were rated {@code c}. */
    public int rated(Confidence c) {
        return counts.get(c)[0];
    }

    /** How many of the replies rated {@code c} were right. */
    public int right(Confidence c) {
        return counts.get(c)[1];
    }

    public int total() {
        int n = 0;
        for (Confidence c : Confidence.values()) n += rated(c);
        return n;
    }

    /**
     * One sentence a trainee can act on, e.g. "When you were sure, you were right 7 of 9 times; when guessing, 2 of 4."
     * Null when nothing was rated.
     */
    public String summary() {
        if (total() == 0) return null;
        StringBuilder s = new StringBuilder();
        for (Confidence c : Confidence.values()) {
            if (rated(c) == 0) continue;
            boolean first = s.isEmpty();
            s.append(first ? "When you were " : "; when ").append(c == Confidence.GUESSING ? "guessing" : c == Confidence.THINK_SO ? "fairly sure" : "sure")
                    .append(first ? ", you were right " : ", ").append(right(c)).append(" of ").append(rated(c)).append(rated(c) == 1 ? " time" : " times");
        }
        s.append('.');
        int sure = rated(Confidence.SURE);
        if (sure >= 3 && right(Confidence.SURE) * 4 < sure * 3) {
            s.append(" Being sure was often not enough: read the explanation of each reply you were sure of and missed.");
        } else if (rated(Confidence.GUESSING) >= 3 && right(Confidence.GUESSING) * 4 >= rated(Confidence.GUESSING) * 3) {
            s.append(" Your guesses were mostly right: you know more than you think.");
        }
        return s.toString();
    }
}
