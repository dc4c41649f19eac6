package org.rapport.author;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * How much a harmful reply costs in a dialogue: of all the paths from the start to an ending that contain two or more
 * harmful replies, the share that still ends with the customer won over. Real customers rarely come round after being
 * hurt twice; a dialogue where they often do teaches that harm is cheap. Counted over node-and-mood states (never path
 * by path), so it is linear in the size of the graph; null for dialogues whose replies can loop.
 */
public final class HarmCost {
    /** Above this share of won endings among paths with two or more harmful replies, the path report warns (RAP063). */
    public static final double MAX_WON_AFTER_TWO = 0.10;

    /** Path counts by how many harmful replies they hold (0, 1, 2 or more) and how they end. */
    public record Counts(double[] won, double[] all) {
        /** The share of paths with {@code harmful} (0, 1, or 2 for two or more) harmful replies that end won; NaN when there are none. */
        public double wonShare(int harmful) {
            return all[harmful] == 0 ? Double.NaN : won[harmful] / all[harmful];
        }
    }

    private final Dialogue dialogue;
    private final Map<Long, double[]> memo = new HashMap<>();
    private final Map<String, Integer> number = new HashMap<>();
    private final Set<Long> onStack = new HashSet<>();
    private boolean loops;

    private HarmCost(Dialogue dialogue) {
        this.dialogue = dialogue;
        for (String id : dialogue.nodes().keySet()) number.put(id, number.size());
    }

    /** The counts from {@code startNode} at {@code startMood}; null when the replies can go round in a loop. */
    public static Counts of(Dialogue dialogue, String startNode, int startMood) {
        HarmCost h = new HarmCost(dialogue);
        if (dialogue.node(startNode) == null) return null;
        double[] c = h.count(startNode, Mood.clamp(startMood));
        if (h.loops) return null;
        return new Counts(new double[]{c[0], c[1], c[2]}, new double[]{c[3], c[4], c[5]});
    }

    private long key(String id, int mood) {
        return (long) number.get(id) * 16 + (mood - Mood.MIN);
    }

    /**
     * [won with 0, 1, 2+ harmful; all with 0, 1, 2+ harmful] from this state, by a depth-first walk with its own stack
     * (a dialogue thousands of decisions deep must not overflow the thread's).
     */
    private double[] count(String startId, int startMood) {
        record Frame(String id, int mood, long key) {
        }
        java.util.ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        stack.push(new Frame(startId, startMood, key(startId, startMood)));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            if (memo.containsKey(f.key())) {
                stack.pop();
                continue;
            }
            Node n = dialogue.node(f.id());
            if (n instanceof EndingNode e) {
                memo.put(f.key(), new double[]{e.ending().outcome() == Outcome.WON ? 1 : 0, 0, 0, 1, 0, 0});
                stack.pop();
                continue;
            }
            CustomerNode c = (CustomerNode) n;
            if (onStack.add(f.key())) {
                // first visit: push the unknown successors; come back when they are done
                for (Choice ch : c.choices()) {
                    int after = Mood.clamp(f.mood() + ch.mood());
                    String next = ch.nextFor(after);
                    if (next == null || dialogue.node(next) == null) continue;
                    long k = key(next, after);
                    if (memo.containsKey(k)) continue;
                    if (onStack.contains(k)) {
                        loops = true;
                        continue;
                    }
                    stack.push(new Frame(next, after, k));
                }
                continue;
            }
            double[] r = new double[6];
            for (Choice ch : c.choices()) {
                int after = Mood.clamp(f.mood() + ch.mood());
                String next = ch.nextFor(after);
                if (next == null || dialogue.node(next) == null) continue;
                double[] sub = memo.getOrDefault(key(next, after), new double[6]);
                boolean harm = ch.grade() == Grade.HARMFUL;
                for (int h = 0; h < 3; h++) {
                    int to = harm ? Math.min(2, h + 1) : h;
                    r[to] += sub[h];
                    r[3 + to] += sub[3 + h];
                }
            }
            onStack.remove(f.key());
            memo.put(f.key(), r);
            stack.pop();
        }
        return memo.get(key(startId, startMood));
    }
}
