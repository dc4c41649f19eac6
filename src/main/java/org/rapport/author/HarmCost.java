package org.rapport.author;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a harmful reply costs in a dialogue: of all the paths from the start to an ending that contain two or more
 * harmful replies, the share that still ends with the customer won over. Real customers rarely come round after being
 * hurt twice; a dialogue where they often do teaches that harm is cheap. Counted over node-and-mood states (never path
 * by path), in arrays indexed by state, so it is linear in the size of the graph; null for dialogues whose replies can
 * loop.
 */
public final class HarmCost {
    /** Above this share of won endings among paths with two or more harmful replies, the path report warns (RAP063). */
    public static final double MAX_WON_AFTER_TWO = 0.10;
    private static final int MOODS = Mood.MAX - Mood.MIN + 1;
    /** Per state: won with 0, 1, 2+ harmful replies, then all paths with 0, 1, 2+. */
    private static final int SLOTS = 6;

    /** Path counts by how many harmful replies they hold (0, 1, 2 or more) and how they end. */
    public record Counts(double[] won, double[] all) {
        /** The share of paths with {@code harmful} (0, 1, or 2 for two or more) harmful replies that end won; NaN when there are none. */
        public double wonShare(int harmful) {
            return all[harmful] == 0 ? Double.NaN : won[harmful] / all[harmful];
        }
    }

    private final Node[] nodes;
    private final Map<String, Integer> number = new HashMap<>();
    /** Per node and reply, the node number each route leads to (-1: none); filled when play first reaches the node. */
    private final int[][][] routeTo;
    private final double[] counts;
    private final byte[] state; // 0 new, 1 on the stack, 2 done

    private HarmCost(Dialogue dialogue) {
        nodes = dialogue.nodes().values().toArray(new Node[0]);
        for (int i = 0; i < nodes.length; i++) number.put(nodes[i].id(), i);
        routeTo = new int[nodes.length][][];
        counts = new double[nodes.length * MOODS * SLOTS];
        state = new byte[nodes.length * MOODS];
    }

    /** The counts from {@code startNode} at {@code startMood}; null when the replies can go round in a loop. */
    public static Counts of(Dialogue dialogue, String startNode, int startMood) {
        if (dialogue.node(startNode) == null) return null;
        HarmCost h = new HarmCost(dialogue);
        int start = -1;
        for (int i = 0; i < h.nodes.length; i++) if (h.nodes[i].id().equals(startNode)) start = i;
        int s = start * MOODS + (Mood.clamp(startMood) - Mood.MIN);
        if (!h.count(s)) return null;
        double[] c = h.counts;
        int o = s * SLOTS;
        return new Counts(new double[]{c[o], c[o + 1], c[o + 2]}, new double[]{c[o + 3], c[o + 4], c[o + 5]});
    }

    /** The state reply {@code reply} of the decision in state {@code s} leads to, or -1: the first route that matches. */
    private int next(int s, CustomerNode c, int reply) {
        int node = s / MOODS;
        int[][] to = routeTo[node];
        if (to == null) {
            to = routeTo[node] = new int[c.choices().size()][];
            for (int j = 0; j < to.length; j++) {
                List<Route> routes = c.choices().get(j).routes();
                to[j] = new int[routes.size()];
                for (int r = 0; r < routes.size(); r++) {
                    Integer t = number.get(routes.get(r).to());
                    to[j][r] = t == null ? -1 : t;
                }
            }
        }
        Choice ch = c.choices().get(reply);
        int after = Mood.clamp(s % MOODS + Mood.MIN + ch.mood());
        List<Route> routes = ch.routes();
        for (int r = 0; r < routes.size(); r++) {
            if (routes.get(r).matches(after)) return to[reply][r] < 0 ? -1 : to[reply][r] * MOODS + (after - Mood.MIN);
        }
        return -1;
    }

    /**
     * Fills in the counts of every state reachable from {@code start}, depth first with its own stack (a dialogue
     * thousands of decisions deep must not overflow the thread's). False when a loop was found.
     */
    private boolean count(int start) {
        int[] stack = new int[16];
        int top = 0;
        stack[top++] = start;
        while (top > 0) {
            int s = stack[top - 1];
            if (state[s] == 2) {
                top--;
                continue;
            }
            int node = s / MOODS;
            if (nodes[node] instanceof EndingNode e) {
                if (e.ending().outcome() == Outcome.WON) counts[s * SLOTS] = 1;
                counts[s * SLOTS + 3] = 1;
                state[s] = 2;
                top--;
                continue;
            }
            CustomerNode c = (CustomerNode) nodes[node];
            int replies = c.choices().size();
            if (state[s] == 0) {
                // first visit: push the successors not yet counted; come back when they are done
                state[s] = 1;
                for (int j = 0; j < replies; j++) {
                    int t = next(s, c, j);
                    if (t < 0 || state[t] == 2) continue;
                    if (state[t] == 1) return false;
                    if (top == stack.length) stack = java.util.Arrays.copyOf(stack, top * 2);
                    stack[top++] = t;
                }
                continue;
            }
            int o = s * SLOTS;
            for (int j = 0; j < replies; j++) {
                int t = next(s, c, j);
                if (t < 0) continue;
                int p = t * SLOTS;
                boolean harm = c.choices().get(j).grade() == Grade.HARMFUL;
                for (int h = 0; h < 3; h++) {
                    int to = harm ? Math.min(2, h + 1) : h;
                    counts[o + to] += counts[p + h];
                    counts[o + 3 + to] += counts[p + 3 + h];
                }
            }
            state[s] = 2;
            top--;
        }
        return true;
    }
}
