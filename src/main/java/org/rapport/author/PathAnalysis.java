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
 *   <li>the number of paths is a sum over the states in reverse topological order, exact: in fixed-width binary
 *       (as many 62-bit limbs per state as the largest count needs), turned into {@link BigInteger} only for the
 *       report;</li>
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
    private int[][][] routeTargets; // per node, filled when play first reaches it: see routeTargets(CustomerNode)
    private boolean[] seen;
    private int[] postOrder;   // every reachable state, each after all the states it leads to (when acyclic)
    private int postCount;
    private final List<List<String>> cycles = new ArrayList<>();
    /** Per node: -1 for a decision, else the rank of the ending's outcome ({@link #rank}). */
    private final int[] endRank;
    // Path counts in fixed-width binary: {@code width} limbs of 62 bits per state, least significant first, so that
    // adding two counts allocates nothing (BigInteger.add allocated a new number for every reply of every state).
    private static final int LIMB = 62;
    private static final long MASK = (1L << LIMB) - 1;
    private int width;
    private long[] count;

    private PathAnalysis(Dialogue dialogue, Catalog catalog) {
        this.dialogue = dialogue;
        this.catalog = catalog;
        this.nodes = new ArrayList<>(dialogue.nodes().values());
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).id(), i);
        this.endRank = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            endRank[i] = nodes.get(i) instanceof EndingNode e ? rank(e.ending().outcome()) : -1;
        }
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
        countPaths();
        BigInteger total = big(count, start * width, width);
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
                for (int[] edges : enumerate(start)) listed.add(toPath(startNode, startMood, edges));
                listed.sort(byScore);
                all = listed;
                typical = listed.get((listed.size() - 1) / 2);
            } else {
                // Score the drawn paths from their edges; only the median one becomes a full path with its debrief.
                List<int[]> drawn = new ArrayList<>();
                Random random = new Random(options.seed());
                int n = Math.max(1, options.samples() | 1);
                for (int i = 0; i < n; i++) drawn.add(sample(start, random));
                drawn.sort(this::compareByScore);
                typical = toPath(startNode, startMood, drawn.get(n / 2));
                sampled = n;
            }
        }
        List<PathReport.Finding> findings = new ArrayList<>();
        if (best != null && best.outcome() != Outcome.WON) findings.add(bestNotWon(best));
        if (best != null) ceilingTooSoon(best).ifPresent(findings::add);
        if (fromTheStart) findings.addAll(neverReached());
        HarmCost.Counts harm = HarmCost.of(dialogue, startNode, startMood);
        if (harm != null && harm.wonShare(2) > HarmCost.MAX_WON_AFTER_TWO) findings.add(harmIsCheap(harm));
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
        routeTargets = new int[nodes.size()][][];
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
            int[][] targets = routeTargets[nodeOf(s)];
            if (targets == null) targets = routeTargets[nodeOf(s)] = routeTargets(c);
            List<Choice> choices = c.choices();
            for (int k = 0; k < choices.size(); k++) {
                Choice ch = choices.get(k);
                int after = Mood.clamp(mood + ch.mood());
                // The first route that matches, as Choice.nextFor takes it, with its target already a node number.
                int next = -1;
                List<org.rapport.model.Route> routes = ch.routes();
                for (int r = 0; r < routes.size(); r++) {
                    if (routes.get(r).matches(after)) {
                        next = targets[k][r];
                        break;
                    }
                }
                int to = next < 0 ? -1 : state(next, after);
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

    /** For each reply of {@code c}, in order, the node number each of its routes leads to, or -1 for no node. */
    private int[][] routeTargets(CustomerNode c) {
        int[][] out = new int[c.choices().size()][];
        for (int k = 0; k < out.length; k++) {
            Choice ch = c.choices().get(k);
            int[] t = new int[ch.routes().size()];
            for (int r = 0; r < t.length; r++) {
                Integer to = index.get(ch.routes().get(r).to());
                t[r] = to == null ? -1 : to;
            }
            out[k] = t;
        }
        return out;
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

    /**
     * Paths from each state to an ending, into {@link #count}. Endings count 1; a decision sums over its replies. The
     * width comes from an estimate of the largest count (its logarithm, in doubles); should a sum still carry out of
     * the top limb, the counting starts again twice as wide, so the counts are always exact.
     */
    private void countPaths() {
        int w = estimateWidth();
        while (!tryCount(w)) w *= 2;
    }

    private int estimateWidth() {
        double[] log2 = new double[seen.length];
        double max = 0;
        for (int i = 0; i < postCount; i++) {
            int s = postOrder[i];
            if (endRank[nodeOf(s)] >= 0) continue; // log2(1) = 0
            double m = Double.NEGATIVE_INFINITY;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) if (edgeTo[e] >= 0) m = Math.max(m, log2[edgeTo[e]]);
            if (m == Double.NEGATIVE_INFINITY) {
                log2[s] = m;
                continue;
            }
            double sum = 0;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) if (edgeTo[e] >= 0) sum += Math.pow(2, log2[edgeTo[e]] - m);
            log2[s] = m + Math.log(sum) / Math.log(2);
            max = Math.max(max, log2[s]);
        }
        return (int) ((max + 2) / LIMB) + 1;
    }

    private boolean tryCount(int w) {
        long[] c = new long[seen.length * w];
        for (int i = 0; i < postCount; i++) {
            int s = postOrder[i];
            if (endRank[nodeOf(s)] >= 0) {
                c[s * w] = 1;
                continue;
            }
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                if (edgeTo[e] >= 0 && !addInto(c, s * w, c, edgeTo[e] * w, w)) return false;
            }
        }
        width = w;
        count = c;
        return true;
    }

    /** a[ai..] += b[bi..], {@code w} limbs each; false when the sum does not fit in {@code w} limbs. */
    private static boolean addInto(long[] a, int ai, long[] b, int bi, int w) {
        long carry = 0;
        for (int i = 0; i < w; i++) {
            long x = a[ai + i] + b[bi + i] + carry;
            a[ai + i] = x & MASK;
            carry = x >>> LIMB;
        }
        return carry == 0;
    }

    private static BigInteger big(long[] a, int ai, int w) {
        BigInteger r = BigInteger.ZERO;
        for (int i = w - 1; i >= 0; i--) r = r.shiftLeft(LIMB).or(BigInteger.valueOf(a[ai + i]));
        return r;
    }

    private static boolean isZero(long[] a, int ai, int w) {
        for (int i = 0; i < w; i++) if (a[ai + i] != 0) return false;
        return true;
    }

    /** Paths from the start to each ending: the ways into each state, pushed forward in topological order. */
    private void countPerEnding(int start, Map<String, BigInteger> perEnding) {
        // Ways into a state that cannot end are not bounded by the count of paths: widen on a carry, as for counting.
        for (int w = width; ; w *= 2) {
            Map<String, BigInteger> found = new LinkedHashMap<>(perEnding);
            if (tryPerEnding(start, w, found)) {
                perEnding.putAll(found);
                return;
            }
        }
    }

    private boolean tryPerEnding(int start, int w, Map<String, BigInteger> perEnding) {
        long[] ways = new long[seen.length * w];
        boolean[] any = new boolean[seen.length];
        ways[start * w] = 1;
        any[start] = true;
        for (int i = postCount - 1; i >= 0; i--) {
            int s = postOrder[i];
            if (!any[s]) continue;
            if (endRank[nodeOf(s)] >= 0) {
                perEnding.merge(nodes.get(nodeOf(s)).id(), big(ways, s * w, w), BigInteger::add);
                continue;
            }
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                int to = edgeTo[e];
                if (to < 0) continue;
                any[to] = true;
                if (!addInto(ways, to * w, ways, s * w, w)) return false;
            }
        }
        return true;
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
        // Start from the score of a greedy path (the best, or worst, reply at each step) rather than from 0 or the
        // top grade: it is often optimal already, and each pass saved is a pass over every state. The last pass is
        // made at the optimal ratio either way, so the path returned (ties included) is the same.
        long[] greedy = greedy(start, sign);
        if (greedy[1] > 0) {
            p0 = greedy[0];
            d0 = greedy[1];
        }
        long[] value = new long[seen.length];
        int[] rank = new int[seen.length];
        int[] pick = new int[seen.length];
        boolean[] ends = new boolean[seen.length];
        int[] path = null;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            for (int i = 0; i < postCount; i++) {
                int s = postOrder[i];
                pick[s] = -1;
                int r = endRank[nodeOf(s)];
                if (r >= 0) {
                    value[s] = 0;
                    rank[s] = sign * r;
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

    /** Points and length of the path that takes, at each state, the reply with the most (or fewest) points that can still end. */
    private long[] greedy(int start, int sign) {
        long points = 0;
        long length = 0;
        int s = start;
        while (endRank[nodeOf(s)] < 0) {
            int chosen = -1;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s]; e++) {
                int to = edgeTo[e];
                if (to < 0 || isZero(count, to * width, width)) continue;
                if (chosen < 0 || sign * edgePoints[e] > sign * edgePoints[chosen]) chosen = e;
            }
            if (chosen < 0) return new long[]{0, 0};
            points += edgePoints[chosen];
            length++;
            s = edgeTo[chosen];
        }
        return new long[]{points, length};
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
    private List<int[]> enumerate(int start) {
        List<int[]> out = new ArrayList<>();
        int[] path = new int[16];   // the edge taken at each depth
        int[] at = new int[16];     // the state at each depth
        int depth = 0;
        at[0] = start;
        path[0] = edgeFrom[start] - 1;
        while (depth >= 0) {
            int s = at[depth];
            if (endRank[nodeOf(s)] >= 0) {
                out.add(Arrays.copyOf(path, depth));
                depth--;
                continue;
            }
            int e = path[depth] + 1;
            while (e < edgeFrom[s] + edgeLen[s] && (edgeTo[e] < 0 || isZero(count, edgeTo[e] * width, width))) e++;
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
    private int[] sample(int start, Random random) {
        int w = width;
        int[] out = new int[16];
        int n = 0;
        int s = start;
        // The rank, in the same limbs as the counts (it is below the count at the start, so it fits).
        BigInteger drawn = below(big(count, start * w, w), random);
        long[] rest = new long[w];
        for (int i = 0; i < w; i++) rest[i] = drawn.shiftRight(i * LIMB).longValue() & MASK;
        long small = -1;
        while (endRank[nodeOf(s)] < 0) {
            if (small < 0 && fitsLong(count, s * w, w)) small = rest[0] | (w > 1 ? rest[1] << LIMB : 0);
            int chosen = -1;
            for (int e = edgeFrom[s]; e < edgeFrom[s] + edgeLen[s] && chosen < 0; e++) {
                int to = edgeTo[e];
                if (to < 0) continue;
                if (small >= 0) {
                    long c = count[to * w] | (w > 1 ? count[to * w + 1] << LIMB : 0);
                    if (small < c) chosen = e;
                    else small -= c;
                } else if (compare(rest, count, to * w, w) < 0) {
                    chosen = e;
                } else {
                    subtract(rest, count, to * w, w);
                }
            }
            if (n == out.length) out = Arrays.copyOf(out, n * 2);
            out[n++] = chosen;
            s = edgeTo[chosen];
        }
        return Arrays.copyOf(out, n);
    }

    /** True when the count fits in a long (below 2^63): at most one bit in the second limb and none above. */
    private static boolean fitsLong(long[] a, int ai, int w) {
        for (int i = 2; i < w; i++) if (a[ai + i] != 0) return false;
        return w < 2 || a[ai + 1] <= 1;
    }

    private static int compare(long[] x, long[] a, int ai, int w) {
        for (int i = w - 1; i >= 0; i--) {
            if (x[i] != a[ai + i]) return x[i] < a[ai + i] ? -1 : 1;
        }
        return 0;
    }

    /** x -= a[ai..] (x is at least as large). */
    private static void subtract(long[] x, long[] a, int ai, int w) {
        long borrow = 0;
        for (int i = 0; i < w; i++) {
            long d = x[i] - a[ai + i] - borrow;
            borrow = d < 0 ? 1 : 0;
            x[i] = d & MASK;
        }
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

    /**
     * RAP067: on the best path the customer is already delighted (the top of the mood scale) before the last decision,
     * so the decisions after it cannot move the mood curve: the trainee sees no difference between a best reply and a
     * weaker one there, and the room sees a flat line.
     */
    private static java.util.Optional<PathReport.Finding> ceilingTooSoon(DialoguePath best) {
        List<PathStep> steps = best.steps();
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).moodAfter() < Mood.MAX) continue;
            PathStep next = steps.get(i + 1);
            return java.util.Optional.of(new PathReport.Finding("RAP067", next.nodeId(), "nodes/" + next.nodeId(),
                    "On the best path the customer reaches the top of the mood scale (" + Mood.MAX + ") at decision " + (i + 1) + " of "
                            + steps.size() + ", so from \"" + next.nodeId() + "\" on no reply can show on the mood curve. Start the"
                            + " customer lower, or give the best replies smaller gains near the top, so that every decision registers."));
        }
        return java.util.Optional.empty();
    }

    private PathReport.Finding harmIsCheap(HarmCost.Counts harm) {
        String won = dialogue.endings().stream().filter(e -> e.ending().outcome() == Outcome.WON).map(EndingNode::id).findFirst()
                .orElse(dialogue.start());
        long share = Math.round(100 * harm.wonShare(2));
        return new PathReport.Finding("RAP063", won, "nodes/" + won,
                "Harm costs too little: " + share + "% of the paths with two or more harmful replies still end with the customer won over"
                        + " (at most " + Math.round(100 * HarmCost.MAX_WON_AFTER_TWO) + "% is expected). A real customer rarely comes round"
                        + " after being hurt twice, and a trainee learns from the ending as much as from the grades: make harmful replies"
                        + " cost more mood, or let the route into the win ask for a higher mood at the last decisions.");
    }

    /** Nodes that some route leads to, but that no sequence of replies from the start reaches with these moods. */
    private List<PathReport.Finding> neverReached() {
        List<PathReport.Finding> out = new ArrayList<>();
        boolean[] reachable = null; // as GraphFacts.reachable has it; worked out only if some node is never reached
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            boolean any = false;
            for (int m = 0; m < MOODS && !any; m++) any = seen[state(i, m + Mood.MIN)];
            if (any) continue;
            if (reachable == null) reachable = reachableByRoutes();
            if (!reachable[i]) continue; // RAP030 already says so
            String what = n instanceof EndingNode e ? "the " + e.ending().outcome().word() + " ending \"" + n.id() + "\"" : "\"" + n.id() + "\"";
            out.add(new PathReport.Finding("RAP061", n.id(), "nodes/" + n.id(),
                    "Routes lead to " + what + ", but with the customer starting at mood " + dialogue.customer().mood()
                            + " no sequence of replies gets there: the mood is never in range when a route to it is tried."
                            + " Check the moods of the replies before it and the bounds of its routes."));
        }
        return out;
    }

    /** The nodes some route leads to from the start, whatever the moods: {@link GraphFacts#reachable}, on node numbers. */
    private boolean[] reachableByRoutes() {
        boolean[] reached = new boolean[nodes.size()];
        Integer start = index.get(dialogue.start());
        if (start == null) return reached;
        int[] todo = new int[nodes.size()];
        int top = 0;
        todo[top++] = start;
        reached[start] = true;
        while (top > 0) {
            int n = todo[--top];
            if (!(nodes.get(n) instanceof CustomerNode c)) continue;
            if (routeTargets[n] == null) routeTargets[n] = routeTargets(c);
            for (int[] targets : routeTargets[n]) {
                for (int to : targets) {
                    if (to >= 0 && !reached[to]) {
                        reached[to] = true;
                        todo[top++] = to;
                    }
                }
            }
        }
        return reached;
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
