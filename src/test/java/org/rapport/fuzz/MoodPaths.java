package org.rapport.fuzz;

import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Mood;
import org.rapport.model.Node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exact state space of a dialogue as the engine plays it: a state is a node and the customer's mood (11 moods), a
 * move is a reply (the mood changes, clamped, then the first matching route is taken). Used to check that a trainee
 * can always finish, and to find a shortest way to an ending to play through the real engine.
 */
final class MoodPaths {
    private static final int MOODS = Mood.MAX - Mood.MIN + 1;

    private final Dialogue d;
    private final List<String> ids;
    private final Map<String, Integer> index = new HashMap<>();

    MoodPaths(Dialogue d) {
        this.d = d;
        this.ids = new ArrayList<>(d.nodes().keySet());
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
    }

    private int state(String nodeId, int mood) {
        return index.get(nodeId) * MOODS + (mood - Mood.MIN);
    }

    /** The state a reply leads to, or -1 when it leads nowhere (no route matches, or to a missing node). */
    private int move(int nodeIdx, int mood, Choice c) {
        int after = Mood.clamp(mood + c.mood());
        String next = c.nextFor(after);
        Integer to = next == null ? null : index.get(next);
        return to == null ? -1 : to * MOODS + (after - Mood.MIN);
    }

    /**
     * The replies (file indexes) of a shortest way from this node and mood to an ending, or null if there is none.
     * Empty when the node is itself an ending.
     */
    List<Integer> shortestToEnding(String startNode, int startMood) {
        int total = ids.size() * MOODS;
        int[] cameFrom = new int[total];
        int[] via = new int[total];
        java.util.Arrays.fill(cameFrom, -2);
        int s = state(startNode, Mood.clamp(startMood));
        cameFrom[s] = -1;
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        todo.add(s);
        while (!todo.isEmpty()) {
            int cur = todo.poll();
            Node node = d.node(ids.get(cur / MOODS));
            if (node instanceof EndingNode) {
                List<Integer> path = new ArrayList<>();
                for (int x = cur; cameFrom[x] >= 0; x = cameFrom[x]) path.add(via[x]);
                Collections.reverse(path);
                return path;
            }
            if (!(node instanceof CustomerNode c)) continue;
            int mood = cur % MOODS + Mood.MIN;
            for (Choice ch : c.choices()) {
                int nxt = move(cur / MOODS, mood, ch);
                if (nxt >= 0 && cameFrom[nxt] == -2) {
                    cameFrom[nxt] = cur;
                    via[nxt] = ch.index();
                    todo.add(nxt);
                }
            }
        }
        return null;
    }

    /**
     * Every state reachable from this node and mood from which no ending can be reached any more, as "node@mood";
     * empty when a trainee can always still finish.
     */
    List<String> traps(String startNode, int startMood) {
        int total = ids.size() * MOODS;
        List<List<Integer>> preds = new ArrayList<>(total);
        for (int i = 0; i < total; i++) preds.add(new ArrayList<>(2));
        boolean[] reached = new boolean[total];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        int s = state(startNode, Mood.clamp(startMood));
        reached[s] = true;
        todo.add(s);
        List<Integer> reachedList = new ArrayList<>();
        while (!todo.isEmpty()) {
            int cur = todo.poll();
            reachedList.add(cur);
            if (!(d.node(ids.get(cur / MOODS)) instanceof CustomerNode c)) continue;
            int mood = cur % MOODS + Mood.MIN;
            for (Choice ch : c.choices()) {
                int nxt = move(cur / MOODS, mood, ch);
                if (nxt < 0) continue;
                preds.get(nxt).add(cur);
                if (!reached[nxt]) {
                    reached[nxt] = true;
                    todo.add(nxt);
                }
            }
        }
        boolean[] canEnd = new boolean[total];
        for (int x : reachedList) {
            if (d.node(ids.get(x / MOODS)) instanceof EndingNode) {
                canEnd[x] = true;
                todo.add(x);
            }
        }
        while (!todo.isEmpty()) {
            int cur = todo.poll();
            for (int p : preds.get(cur)) {
                if (!canEnd[p]) {
                    canEnd[p] = true;
                    todo.add(p);
                }
            }
        }
        List<String> traps = new ArrayList<>();
        for (int x : reachedList) {
            if (!canEnd[x]) traps.add(ids.get(x / MOODS) + "@" + (x % MOODS + Mood.MIN));
        }
        return traps;
    }
}
