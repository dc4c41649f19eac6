package org.rapport.author;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Transcript;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Outcome;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The path report of a dialogue, computed over its states rather than its paths. A state is a node and the customer's
 * mood there (11 moods), so a 5,000-node dialogue has at most 55,000 states even when its paths number in the
 * billions or more:
 * <ul>
 *   <li>the number of paths is a sum over the states in reverse topological order (exact, with {@link BigInteger});</li>
 *   <li>the best and worst paths maximise or minimise the score, points over the best possible, which is a ratio;
 *       Dinkelbach's method turns that into a few longest-path passes over the states, each exact in integers;</li>
 *   <li>the typical path is the median of every path when there are few, else of paths drawn uniformly at random
 *       (the path counts make every path equally likely), with a fixed seed so a file always gives the same one.</li>
 * </ul>
 * Replies that can lead round in a loop make the number of paths endless; they are reported as cycles instead.
 */
public final class PathAnalysis {
    /**
     * @param listLimit list every path when there are at most this many
     * @param samples   how many paths to draw for the typical path when there are more (odd, so there is a median)
     * @param seed      the seed for drawing them
     */
    public record Options(int listLimit, int samples, long seed) {
        public static final Options DEFAULT = new Options(100, 101, 20240601L);
    }

    private static final int MOODS = Mood.MAX - Mood.MIN + 1;
    private static final int MAX_CYCLES = 5;
    private static final int MAX_ITERATIONS = 200;

    private final Dialogue dialogue;
    private final Catalog catalog;
    private final List<Node> nodes;
    private final Map<String, Integer> index = new LinkedHashMap<>();

    // The reachable state graph in compressed form: the edges of state s are edgeFrom[s] .. edgeFrom[s] + edgeLen[s] - 1.
    private int[] edgeFrom;
    private int[] edgeLen;
    private int[] edgeTo;      // target state, or -1 when the reply leads to no node
    private int[] edgeChoice;  // reply index in file order
    private int[] edgePoints;  // grade points of the reply
    private int edgeCount;
    private boolean[] seen;
    private int[] postOrder;   // every reachable state, each after all the states it leads to (when acyclic)
    private int postCount;
    private final List<List<String>> cycles = new ArrayList<>();

    private PathAnalysis(Dialogue dialogue, Catalog catalog) {
        this.dialogue = dialogue;
        this.catalog = catalog;
        this.nodes = new ArrayList<>(dialogue.nodes().values());
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).id(), i);
    }

    /** The report from the dialogue's start, with the customer's starting mood. */
    public static PathReport analyze(Dialogue dialogue, Catalog catalog) {
        return analyze(dialogue, catalog, dialogue.start(), dialogue.customer().mood(), Options.DEFAULT);
    }

    /** The report from any node and mood (for "play from here"). */
    public static PathReport analyze(Dialogue dialogue, Catalog catalog, String startNode, int startMood, Options options) {
        if (!dialogue.nodes().containsKey(startNode)) {
            throw new IllegalArgumentException("There is no node \"" + startNode + "\" in " + dialogue.id() + ".");
        }
        return new PathAnalysis(dialogue, catalog).run(startNode, Mood.clamp(startMood), options);
    }

    private PathReport run(String startNode, int startMood, Options options) {
        int start = state(index.get(startNode), startMood);
        explore(start);
        order(start);
        Map<String, BigInteger> perEnding = new LinkedHashMap<>();
        for (EndingNode e : dialogue.endings()) perEnding.put(e.id(), BigInteger.ZERO);
        boolean fromTheStart = startNode.equals(dialogue.start()) && startMood == Mood.clamp(dialogue.customer().mood());
        if (!cycles.isEmpty()) {
            List<PathReport.Finding> findings = new ArrayList<>(loopFindings());
            if (fromTheStart) findings.addAll(neverReached());
            return new PathReport(dialogue.id(), startNode, startMood, null, perEnding, cycles, null, null, null, List.of(), 0, findings);
        }
        BigInteger[] count = countPaths();
        BigInteger total = count[start];
        countPerEnding(start, perEnding);

        DialoguePath best = null;
        DialoguePath worst = null;
        DialoguePath typical = null;
        List<DialoguePath> all = List.of();
        int sampled = 0;
        if (total.signum() > 0) {
            best = toPath(startNode, startMood, optimise(start, true));
            worst = toPath(startNode, startMood, optimise(start, false));
            Comparator<DialoguePath> byScore = Comparator.comparingDouble(PathAnalysis::ratio).reversed()
                    .thenComparing(p -> -rank(p.outcome()))
                    .thenComparingInt(p -> p.steps().size());
            if (total.compareTo(BigInteger.valueOf(options.listLimit())) <= 0) {
                List<DialoguePath> listed = new ArrayList<>();
                for (int[] edges : enumerate(start, count)) listed.add(toPath(startNode, startMood, edges));
                listed.sort(byScore);
                all = listed;
                typical = listed.get((listed.size() - 1) / 2);
            } else {
                // Score the drawn paths from their edges; only the median one becomes a full path with its debrief.
                List<int[]> drawn = new ArrayList<>();
                Random random = new Random(options.seed());
                int n = Math.max(1, options.samples() | 1);
                for (int i = 0; i < n; i++) drawn.add(sample(start, count, random));
                drawn.sort(this::compareByScore);
                typical = toPath(startNode, startMood, drawn.get(n / 2));
                sampled = n;
            }
        }
        List<PathReport.Finding> findings = new ArrayList<>();
        if (best != null && best.outcome() != Outcome.WON) findings.add(bestNotWon(best));
        if (fromTheStart) findings.addAll(neverReached());
        return new PathReport(dialogue.id(), startNode, startMood, total, perEnding, List.of(), best, worst, typical, all,
                sampled, findings);
    }

    private static int state(int node, int mood) {
        return node * MOODS + (mood - Mood.MIN);
    }

    private int nodeOf(int state) {
        return state / MOODS;
    }

    private static int moodOf(int state) {
        return state % MOODS + Mood.MIN;
    }

    // == REGION building the state graph ==

    /** Breadth-first from the start: every state play can reach, with one edge per reply. */
    private void explore(int start) {
        int states = nodes.size() * MOODS;
        edgeFrom = new int[states];
        edgeLen = new int[states];
        seen = new boolean[states];
        int capacity = 16;
        edgeTo = new int[capacity];
        edgeChoice = new int[capacity];
        edgePoints = new int[capacity];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        seen[start] = true;
        while (head < tail) {
            int s = queue[head++];
            edgeFrom[s] = edgeCount;
            if (!(nodes.get(nodeOf(s)) instanceof CustomerNode c)) continue;
            int mood = moodOf(s);
            for (Choice ch : c.choices()) {
                int after = Mood.clamp(mood + ch.mood());
                String nextId = ch.nextFor(after);
                Integer next = nextId == null ? null : index.get(nextId);
                int to = next == null ? -1 : state(next, after);
                if (edgeCount == edgeTo.length) {
                    capacity = edgeTo.length * 2;
                    edgeTo = Arrays.copyOf(edgeTo, capacity);
                    edgeChoice = Arrays.copyOf(edgeChoice, capacity);
                    edgePoints = Arrays.copyOf(edgePoints, capacity);
                }
                edgeTo[edgeCount] = to;
                edgeChoice[edgeCount] = ch.index();
                edgePoints[edgeCount] = ch.grade() == null ? 0 : ch.grade().points();
                edgeCount++;
                edgeLen[s]++;
                if (to >= 0 && !seen[to]) {
                    seen[to] = true;
                    queue[tail++] = to;
                }
            }
        }
    }

    /**
     * Depth-first (without recursion, so a 5,000-node chain cannot overflow the stack): the post-order, and the loops
     * found on the way.
     */
    private void order(int start) {
        int states = seen.length;
        byte[] colour = new byte[states]; // 0 new, 1 on the stack, 2 done
        postOrder = new int[states];
        int[] stack = new int[states];
        int[] next = new int[states];
        Set<String> cycleKeys = new LinkedHashSet<>();
        int depth = 0;
        stack[depth++] = start;
        colour[start] = 1;
        next[start] = 0;
        while (depth > 0) {
            int s = stack[depth - 1];
            if (next[s] < edgeLen[s]) {
                int to = edgeTo[edgeFrom[s] + next[s]++];
                if (to < 0) continue;
                if (colour[to] == 0) {
                    colour[to] = 1;
                    next[to] = 0;
                    stack[depth++] = to;
                } else if (colour[to] == 1 && cycles.size() < MAX_CYCLES) {
                    recordCycle(stack, depth, to, cycleKeys);
                }
            } else {
                colour[s] = 2;
                postOrder[postCount++] = s;
                depth--;
            }
        }
    }

    private void recordCycle(int[] stack, int depth, int to, Set<String> keys) {
        int from = depth - 1;
        while (stack[from] != to) from--;
        List<String> ids = new ArrayList<>();
        for (int i = from; i < depth; i++) {
            String id = nodes.get(nodeOf(stack[i])).id();
            if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) ids.add(id);
        }
        // The same loop is often met at several moods; report each loop of nodes once, from its first node in the file.
        int first = 0;
        for (int i = 1; i < ids.size(); i++) if (index.get(ids.get(i)) < index.get(ids.get(first))) first = i;
        List<String> rotated = new ArrayList<>(ids.subList(first, ids.size()));
        rotated.addAll(ids.subList(0, first));
        if (keys.add(String.join(" ", rotated))) {
            rotated.add(rotated.get(0));
            cycles.add(rotated);
        }
    }

    // == REGION counting ==

    /** Paths from each state to an ending. Endings count 1; a decision sums over its replies. */
    private BigInteger[] countPaths() {
        BigInteger[] count = new BigInteger[seen.length];
        for (int i = 0; i < postCount; i++) {
            int s = postOrder[i];
            if (nodes.get(nodeOf(s)) instanceof EndingNode) {
                count[s] = BigInteger.ONE;
                continue;
            }
            BigInteger sum = BigInteger.ZERO;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                if (edgeTo[e] >= 0) sum = sum.add(count[edgeTo[e]]);
            }
            count[s] = sum;
        }
        return count;
    }

    /** Paths from the start to each ending: the ways into each state, pushed forward in topological order. */
    private void countPerEnding(int start, Map<String, BigInteger> perEnding) {
        BigInteger[] ways = new BigInteger[seen.length];
        ways[start] = BigInteger.ONE;
        for (int i = postCount - 1; i >= 0; i--) {
            int s = postOrder[i];
            BigInteger w = ways[s];
            if (w == null) continue;
            if (nodes.get(nodeOf(s)) instanceof EndingNode end) {
                perEnding.merge(end.id(), w, BigInteger::add);
                continue;
            }
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                int to = edgeTo[e];
                if (to >= 0) ways[to] = ways[to] == null ? w : ways[to].add(w);
            }
        }
    }

    // == REGION best and worst ==

    /**
     * The path with the highest (or lowest) score, where the score is points over decisions. For a guess P0/D0, the
     * longest path with edge weights {@code points * D0 - P0} is positive exactly when some path beats the guess; its
     * ratio is the next guess. Ties go to the better (or worse) ending. Returns the edges taken.
     */
    private int[] optimise(int start, boolean highest) {
        long p0 = highest ? 0 : Grade.BEST.points();
        long d0 = 1;
        int sign = highest ? 1 : -1;
        long[] value = new long[seen.length];
        int[] rank = new int[seen.length];
        int[] pick = new int[seen.length];
        boolean[] ends = new boolean[seen.length];
        int[] path = null;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int i = 0; i < postCount; i++) {
                int s = postOrder[i];
                pick[s] = -1;
                if (nodes.get(nodeOf(s)) instanceof EndingNode end) {
                    value[s] = 0;
                    rank[s] = sign * rank(end.ending().outcome());
                    ends[s] = true;
                    continue;
                }
                ends[s] = false;
                for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                    int to = edgeTo[e];
                    if (to < 0 || !ends[to]) continue;
                    long v = sign * (edgePoints[e] * d0 - p0) + value[to];
                    if (!ends[s] || v > value[s] || (v == value[s] && rank[to] > rank[s])) {
                        value[s] = v;
                        rank[s] = rank[to];
                        pick[s] = e;
                        ends[s] = true;
                    }
                }
            }
            path = follow(start, pick);
            long p = 0;
            for (int e : path) p += edgePoints[e];
            long d = path.length;
            if (value[start] <= 0 || d == 0) break;
            p0 = p;
            d0 = d;
        }
        return path;
    }

    private int[] follow(int start, int[] pick) {
        int[] out = new int[16];
        int n = 0;
        int s = start;
        while (pick[s] >= 0) {
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = pick[s];
            s = edgeTo[pick[s]];
        }
        return Arrays.copyOf(out, n);
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case WON -> 2;
            case KEPT -> 1;
            case LOST -> 0;
        };
    }

    /** Best score first, then the better ending, then the shorter path: the order {@code byScore} gives full paths. */
    private int compareByScore(int[] a, int[] b) {
        long pa = 0;
        long pb = 0;
        for (int e : a) pa += edgePoints[e];
        for (int e : b) pb += edgePoints[e];
        // Drawn paths start at a decision, so none is empty: compare pa/a.length with pb/b.length without dividing.
        long cmp = pb * a.length - pa * b.length;
        if (cmp != 0) return cmp < 0 ? -1 : 1;
        int ra = rank(endOf(a));
        int rb = rank(endOf(b));
        if (ra != rb) return Integer.compare(rb, ra);
        return Integer.compare(a.length, b.length);
    }

    private Outcome endOf(int[] edges) {
        return ((EndingNode) nodes.get(nodeOf(edgeTo[edges[edges.length - 1]]))).ending().outcome();
    }

    private static double ratio(DialoguePath p) {
        return p.maxPoints() == 0 ? 0 : (double) p.points() / p.maxPoints();
    }

    // == REGION listing and sampling ==

    /** Every path, when there are few: depth-first over the states that lead to an ending, without recursion. */
    private List<int[]> enumerate(int start, BigInteger[] count) {
        List<int[]> out = new ArrayList<>();
        int[] path = new int[16];   // the edge taken at each depth
        int[] at = new int[16];     // the state at each depth
        int depth = 0;
        at[0] = start;
        path[0] = edgeFrom[start] - 1;
        while (depth >= 0) {
            int s = at[depth];
            if (nodes.get(nodeOf(s)) instanceof EndingNode) {
                out.add(Arrays.copyOf(path, depth));
                depth--;
                continue;
            }
            int e = path[depth] + 1;
            while (e < edgeFrom[s] + edgeLen[s] && (edgeTo[e] < 0 || count[edgeTo[e]].signum() == 0)) e++;
            if (e >= edgeFrom[s] + edgeLen[s]) {
                depth--;
                continue;
            }
            path[depth] = e;
            if (depth + 1 == path.length) {
                path = Arrays.copyOf(path, path.length * 2);
                at = Arrays.copyOf(at, at.length * 2);
            }
            depth++;
            at[depth] = edgeTo[e];
            path[depth] = edgeFrom[edgeTo[e]] - 1;
        }
        return out;
    }

    /**
     * One path drawn uniformly from all of them. A number below the count of paths picks one path by its rank: at each
     * decision, the replies' counts are subtracted until the number falls within one, which is taken, and what is left
     * of the number ranks the paths behind it. Long arithmetic takes over once the counts fit.
     */
    private int[] sample(int start, BigInteger[] count, Random random) {
        int[] out = new int[16];
        int n = 0;
        int s = start;
        BigInteger big = below(count[start], random);
        long small = -1;
        while (!(nodes.get(nodeOf(s)) instanceof EndingNode)) {
            if (small < 0 && count[s].bitLength() < 63) small = big.longValue();
            int chosen = -1;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s] && chosen < 0; e++) {
                int to = edgeTo[e];
                if (to < 0) continue;
                if (small >= 0) {
                    long c = count[to].longValue();
                    if (small < c) chosen = e;
                    else small -= c;
                } else if (big.compareTo(count[to]) < 0) {
                    chosen = e;
                } else {
                    big = big.subtract(count[to]);
                }
            }
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = chosen;
            s = edgeTo[chosen];
        }
        return Arrays.copyOf(out, n);
    }

    private static BigInteger below(BigInteger bound, Random random) {
        BigInteger r;
        do {
            r = new BigInteger(bound.bitLength(), random);
        } while (r.compareTo(bound) >= 0);
        return r;
    }

    // == REGION turning edges into paths ==

    private DialoguePath toPath(String startNode, int startMood, int[] edges) {
        List<PathStep> steps = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        int s = state(index.get(startNode), startMood);
        for (int e : edges) {
            CustomerNode c = (CustomerNode) nodes.get(nodeOf(s));
            Choice ch = c.choices().get(edgeChoice[e]);
            int to = edgeTo[e];
            String next = nodes.get(nodeOf(to)).id();
            steps.add(new PathStep(c.id(), ch.index(), ch.grade(), moodOf(s), moodOf(to), next));
            List<Integer> offered = new ArrayList<>();
            for (int i = 0; i < c.choices().size(); i++) offered.add(i);
            decisions.add(new Decision(c.id(), c.say(), offered, ch.index(), 0, moodOf(s), moodOf(to), next));
            s = to;
        }
        EndingNode end = (EndingNode) nodes.get(nodeOf(s));
        Transcript t = new Transcript(dialogue.id(), startNode, startMood, 0, decisions, end.id());
        return new DialoguePath(steps, end.id(), end.ending().outcome(), Debrief.of(dialogue, t, catalog));
    }

    // == REGION findings ==

    private PathReport.Finding bestNotWon(DialoguePath best) {
        return new PathReport.Finding("RAP060", best.endingId(), "nodes/" + best.endingId(),
                "The best-scoring path (" + best.percent() + "%: " + best.describe() + ") ends at \"" + best.endingId()
                        + "\", which is " + best.outcome().word() + ", not won. A trainee who gives the best replies must win the customer over:"
                        + " check the grades and the mood routes along this path.");
    }

    /** Nodes that some route leads to, but that no sequence of replies from the start reaches with these moods. */
    private List<PathReport.Finding> neverReached() {
        GraphFacts facts = GraphFacts.of(dialogue);
        List<PathReport.Finding> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (!facts.reachable(n.id())) continue; // RAP030 already says so
            boolean any = false;
            for (int m = 0; m < MOODS && !any; m++) any = seen[state(i, m + Mood.MIN)];
            if (any) continue;
            String what = n instanceof EndingNode e ? "the " + e.ending().outcome().word() + " ending \"" + n.id() + "\"" : "\"" + n.id() + "\"";
            out.add(new PathReport.Finding("RAP061", n.id(), "nodes/" + n.id(),
                    "Routes lead to " + what + ", but with the customer starting at mood " + dialogue.customer().mood()
                            + " no sequence of replies gets there: the mood is never in range when a route to it is tried."
                            + " Check the moods of the replies before it and the bounds of its routes."));
        }
        return out;
    }

    private List<PathReport.Finding> loopFindings() {
        List<PathReport.Finding> out = new ArrayList<>();
        for (List<String> c : cycles) {
            out.add(new PathReport.Finding("RAP062", c.get(0), "nodes/" + c.get(0),
                    "Replies lead round in a loop: " + String.join(" → ", c) + ". A trainee could go round it forever,"
                            + " so the paths cannot be counted or scored. Send one of the replies on the loop forward."));
        }
        return out;
    }
}
