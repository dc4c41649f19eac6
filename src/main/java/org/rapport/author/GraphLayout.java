package org.rapport.author;

import org.rapport.model.Dialogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a dialogue out as a layered graph, as pure functions: the same dialogue and options always give the same
 * positions. Layers follow the replies from the start (left to right, or top to bottom); within a layer nodes are
 * ordered to cut crossings and placed near their neighbours, never overlapping.
 * <ol>
 *   <li>A depth-first walk from the start finds the replies that lead back (loops); they are drawn but do not shape
 *       the layers.</li>
 *   <li>Each node's layer is its longest distance from a node nothing leads to (the start, or an orphan).</li>
 *   <li>A reply spanning several layers gets a chain of small invisible points, one per layer, so it bends around
 *       nodes rather than through them (up to a budget per node, so a huge dialogue stays quick).</li>
 *   <li>Barycentre sweeps order each layer; then each layer's positions are the closest, in least squares, to the
 *       average of their neighbours' positions that keeps every pair apart (isotonic regression, solved exactly by
 *       pooling adjacent violators).</li>
 * </ol>
 */
public final class GraphLayout {
    private GraphLayout() {
    }

    public enum Direction { LEFT_TO_RIGHT, TOP_TO_BOTTOM }

    /**
     * @param nodeWidth  width of every node's box
     * @param nodeHeight height of every node's box
     * @param layerGap   space between layers
     * @param nodeGap    space between neighbouring boxes in a layer
     */
    public record Options(Direction direction, double nodeWidth, double nodeHeight, double layerGap, double nodeGap) {
        public static final Options DEFAULT = new Options(Direction.LEFT_TO_RIGHT, 200, 76, 190, 30);

        public Options withDirection(Direction d) {
            return new Options(d, nodeWidth, nodeHeight, layerGap, nodeGap);
        }
    }

    public record Point(double x, double y) {
    }

    /** A node's box. {@code layer} counts from 0 at the start; {@code order} is its place within the layer. */
    public record Box(String id, double x, double y, double width, double height, int layer, int order) {
        public double centerX() {
            return x + width / 2;
        }

        public double centerY() {
            return y + height / 2;
        }

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        /** True when the two boxes share any area (touching edges do not count). */
        public boolean overlaps(Box o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= right() && py >= y && py <= bottom();
        }
    }

    /**
     * How one route of one reply is drawn: a polyline from the source's box to the target's, a place for its label,
     * and whether it leads back (a loop) rather than on.
     */
    public record EdgeRoute(GraphFacts.Edge edge, List<Point> points, Point label, boolean back) {
        public EdgeRoute {
            points = List.copyOf(points);
        }
    }

    public record Layout(Map<String, Box> boxes, List<EdgeRoute> edges, double width, double height, Direction direction) {
        public Layout {
            boxes = Collections.unmodifiableMap(new LinkedHashMap<>(boxes));
            edges = List.copyOf(edges);
        }

        public Box box(String id) {
            return boxes.get(id);
        }

        /** The node whose box contains the point, or null. */
        public String nodeAt(double x, double y) {
            for (Box b : boxes.values()) if (b.contains(x, y)) return b.id();
            return null;
        }
    }

    private static final double DUMMY_SIZE = 6;
    private static final int DUMMY_BUDGET_PER_NODE = 6;
    private static final int ORDER_SWEEPS = 8;
    private static final int PLACE_SWEEPS = 6;
    /** Estimated width per character and padding of a reply's label, and its height (as drawn at 11 px). */
    static final double LABEL_CHAR = 6.2;
    static final double LABEL_PAD = 10;
    static final double LABEL_HEIGHT = 17;
    private static final double[] LABEL_PLACES = {0.5, 0.35, 0.65, 0.22, 0.78, 0.12, 0.88};
    private static final double[] LABEL_SIDES = {0, -1, 1, -2, 2, -3, 3, -4, 4};

    public static Layout of(Dialogue dialogue) {
        return of(dialogue, Options.DEFAULT);
    }

    public static Layout of(Dialogue dialogue, Options o) {
        return new Builder(dialogue, o).build();
    }

    /** One run of the layout; holds its working arrays. */
    private static final class Builder {
        private final Dialogue dialogue;
        private final Options o;
        private final List<String> ids;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<GraphFacts.Edge> edges;
        private final int n;
        // vertices: real nodes 0..n-1, then bend points of long edges
        private int[] layerOf;
        private double[] size;       // across the layers
        private double[] pos;        // centre, across the layers
        private final List<int[]> up = new ArrayList<>();    // neighbours in the previous layer
        private final List<int[]> down = new ArrayList<>();  // neighbours in the next layer
        private final Map<Long, int[]> chains = new HashMap<>(); // source,target → bend points, in layer order
        private final Map<Long, Boolean> backPairs = new HashMap<>();
        private List<List<Integer>> layers;

        Builder(Dialogue dialogue, Options o) {
            this.dialogue = dialogue;
            this.o = o;
            this.ids = new ArrayList<>(dialogue.nodes().keySet());
            for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
            this.n = ids.size();
            this.edges = GraphFacts.of(dialogue).edges();
        }

        /** A source → target pair as one number whose hash spreads well (a shifted pair would collide as a ^ b). */
        private long key(int a, int b) {
            return (long) a * n + b;
        }

        Layout build() {
            if (n == 0) return new Layout(Map.of(), List.of(), 0, 0, o.direction());
            List<int[]> pairs = distinctPairs();
            int[] discovery = findBackEdges(pairs);
            assignLayers(pairs);
            buildProperGraph(pairs);
            order(discovery);
            place();
            return output();
        }

        /** Each distinct source → target pair once, in file order, without self-loops. */
        private List<int[]> distinctPairs() {
            List<int[]> out = new ArrayList<>();
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (GraphFacts.Edge e : edges) {
                int a = index.get(e.from());
                int b = index.get(e.to());
                if (a != b && seen.add(key(a, b))) out.add(new int[]{a, b});
            }
            return out;
        }

        /** Depth-first from the start, then from every node not yet seen: an edge to a node on the stack leads back. */
        private int[] findBackEdges(List<int[]> pairs) {
            List<List<Integer>> succ = new ArrayList<>();
            for (int i = 0; i < n; i++) succ.add(new ArrayList<>());
            for (int[] p : pairs) succ.get(p[0]).add(p[1]);
            int[] discovery = new int[n];
            Arrays.fill(discovery, -1);
            byte[] state = new byte[n];
            int counter = 0;
            List<Integer> roots = new ArrayList<>();
            Integer start = index.get(dialogue.start());
            if (start != null) roots.add(start);
            for (int i = 0; i < n; i++) roots.add(i);
            int[] stack = new int[n];
            int[] next = new int[n];
            for (int root : roots) {
                if (state[root] != 0) continue;
                int depth = 0;
                stack[depth++] = root;
                state[root] = 1;
                discovery[root] = counter++;
                while (depth > 0) {
                    int v = stack[depth - 1];
                    List<Integer> s = succ.get(v);
                    if (next[v] < s.size()) {
                        int w = s.get(next[v]++);
                        if (state[w] == 0) {
                            state[w] = 1;
                            discovery[w] = counter++;
                            stack[depth++] = w;
                        } else if (state[w] == 1) {
                            backPairs.put(key(v, w), true);
                        }
                    } else {
                        state[v] = 2;
                        depth--;
                    }
                }
            }
            return discovery;
        }

        /** Longest path from the sources over the edges that lead on (Kahn's order, no recursion). */
        private void assignLayers(List<int[]> pairs) {
            int[] indegree = new int[n];
            List<List<Integer>> succ = new ArrayList<>();
            for (int i = 0; i < n; i++) succ.add(new ArrayList<>());
            for (int[] p : pairs) {
                if (backPairs.containsKey(key(p[0], p[1]))) continue;
                succ.get(p[0]).add(p[1]);
                indegree[p[1]]++;
            }
            layerOf = new int[n];
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int i = 0; i < n; i++) if (indegree[i] == 0) queue[tail++] = i;
            while (head < tail) {
                int v = queue[head++];
                for (int w : succ.get(v)) {
                    layerOf[w] = Math.max(layerOf[w], layerOf[v] + 1);
                    if (--indegree[w] == 0) queue[tail++] = w;
                }
            }
        }

        /** Bend points for edges that span layers, and each vertex's neighbours in the layers either side. */
        private void buildProperGraph(List<int[]> pairs) {
            List<Integer> vertexLayer = new ArrayList<>();
            for (int i = 0; i < n; i++) vertexLayer.add(layerOf[i]);
            List<List<Integer>> ups = new ArrayList<>();
            List<List<Integer>> downs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ups.add(new ArrayList<>());
                downs.add(new ArrayList<>());
            }
            int budget = DUMMY_BUDGET_PER_NODE * n;
            for (int[] p : pairs) {
                int a = p[0];
                int b = p[1];
                if (backPairs.containsKey(key(a, b))) continue;
                int span = layerOf[b] - layerOf[a];
                if (span == 1 || span - 1 > budget) {
                    if (span == 1) {
                        downs.get(a).add(b);
                        ups.get(b).add(a);
                    }
                    continue;
                }
                budget -= span - 1;
                int[] chain = new int[span - 1];
                int prev = a;
                for (int k = 0; k < span - 1; k++) {
                    int d = vertexLayer.size();
                    vertexLayer.add(layerOf[a] + 1 + k);
                    ups.add(new ArrayList<>());
                    downs.add(new ArrayList<>());
                    chain[k] = d;
                    downs.get(prev).add(d);
                    ups.get(d).add(prev);
                    prev = d;
                }
                downs.get(prev).add(b);
                ups.get(b).add(prev);
                chains.put(key(a, b), chain);
            }
            int total = vertexLayer.size();
            layerOf = vertexLayer.stream().mapToInt(Integer::intValue).toArray();
            size = new double[total];
            double real = o.direction() == Direction.LEFT_TO_RIGHT ? o.nodeHeight() : o.nodeWidth();
            for (int v = 0; v < total; v++) {
                size[v] = v < n ? real : DUMMY_SIZE;
                up.add(ups.get(v).stream().mapToInt(Integer::intValue).toArray());
                down.add(downs.get(v).stream().mapToInt(Integer::intValue).toArray());
            }
        }

        /** Barycentre ordering, starting from the depth-first discovery order. */
        private void order(int[] discovery) {
            int total = layerOf.length;
            int layerCount = 0;
            for (int l : layerOf) layerCount = Math.max(layerCount, l + 1);
            double[] rank = new double[total];
            for (int v = 0; v < total; v++) {
                rank[v] = v < n ? discovery[v] : Double.NaN;
            }
            // a bend point starts where its edge's source is
            for (int v = n; v < total; v++) rank[v] = rank[up.get(v)[0]] + 0.5;
            layers = new ArrayList<>();
            for (int l = 0; l < layerCount; l++) layers.add(new ArrayList<>());
            for (int v = 0; v < total; v++) layers.get(layerOf[v]).add(v);
            double[] at = new double[total];
            for (List<Integer> layer : layers) {
                layer.sort((a, b) -> Double.compare(rank[a], rank[b]));
                for (int i = 0; i < layer.size(); i++) at[layer.get(i)] = i;
            }
            double[] bary = new double[total];
            for (int sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
                boolean downward = sweep % 2 == 0;
                for (int k = 1; k < layerCount; k++) {
                    int l = downward ? k : layerCount - 1 - k;
                    List<Integer> layer = layers.get(l);
                    for (int v : layer) {
                        int[] nb = downward ? up.get(v) : down.get(v);
                        if (nb.length == 0) {
                            bary[v] = at[v];
                        } else {
                            double sum = 0;
                            for (int w : nb) sum += at[w];
                            bary[v] = sum / nb.length;
                        }
                    }
                    // stable: equal barycentres keep their current order
                    layer.sort((a, b) -> bary[a] != bary[b] ? Double.compare(bary[a], bary[b]) : Double.compare(at[a], at[b]));
                    for (int i = 0; i < layer.size(); i++) at[layer.get(i)] = i;
                }
            }
        }

        private double separation(int a, int b) {
            double gap = a < n && b < n ? o.nodeGap() : o.nodeGap() / 3;
            return (size[a] + size[b]) / 2 + gap;
        }

        /** Positions across the layers: packed first, then pulled towards neighbours without ever overlapping. */
        private void place() {
            int total = layerOf.length;
            pos = new double[total];
            double widest = 0;
            double[] extent = new double[layers.size()];
            for (int l = 0; l < layers.size(); l++) {
                List<Integer> layer = layers.get(l);
                double p = 0;
                for (int i = 0; i < layer.size(); i++) {
                    if (i > 0) p += separation(layer.get(i - 1), layer.get(i));
                    pos[layer.get(i)] = p;
                }
                extent[l] = p;
                widest = Math.max(widest, p);
            }
            for (int l = 0; l < layers.size(); l++) {
                double shift = (widest - extent[l]) / 2;
                for (int v : layers.get(l)) pos[v] += shift;
            }
            for (int sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
                boolean downward = sweep % 2 == 0;
                for (int k = 0; k < layers.size(); k++) {
                    int l = downward ? k : layers.size() - 1 - k;
                    List<Integer> layer = layers.get(l);
                    double[] desired = new double[layer.size()];
                    double[] weight = new double[layer.size()];
                    for (int i = 0; i < layer.size(); i++) {
                        int v = layer.get(i);
                        int[] nb = downward ? up.get(v) : down.get(v);
                        int[] other = downward ? down.get(v) : up.get(v);
                        int[] use = nb.length > 0 ? nb : other;
                        if (use.length == 0) {
                            desired[i] = pos[v];
                        } else {
                            double sum = 0;
                            for (int w : use) sum += pos[w];
                            desired[i] = sum / use.length;
                        }
                        // bend points are light: they follow, real nodes hold their ground
                        weight[i] = v < n ? 1 : 0.25;
                    }
                    isotonic(layer, desired, weight);
                }
            }
        }

        /**
         * Sets the layer's positions to the closest (weighted least squares) to {@code desired} such that neighbours
         * stay {@link #separation} apart: with offsets taken out, the constraint is a non-decreasing sequence, which
         * pooling adjacent violators solves exactly.
         */
        private void isotonic(List<Integer> layer, double[] desired, double[] weight) {
            int m = layer.size();
            double[] offset = new double[m];
            for (int i = 1; i < m; i++) offset[i] = offset[i - 1] + separation(layer.get(i - 1), layer.get(i));
            double[] value = new double[m];
            double[] w = new double[m];
            int[] count = new int[m];
            int blocks = 0;
            for (int i = 0; i < m; i++) {
                value[blocks] = desired[i] - offset[i];
                w[blocks] = weight[i];
                count[blocks] = 1;
                blocks++;
                while (blocks > 1 && value[blocks - 2] >= value[blocks - 1]) {
                    double tw = w[blocks - 2] + w[blocks - 1];
                    value[blocks - 2] = (value[blocks - 2] * w[blocks - 2] + value[blocks - 1] * w[blocks - 1]) / tw;
                    w[blocks - 2] = tw;
                    count[blocks - 2] += count[blocks - 1];
                    blocks--;
                }
            }
            int i = 0;
            double previous = Double.NEGATIVE_INFINITY;
            for (int b = 0; b < blocks; b++) {
                for (int c = 0; c < count[b]; c++, i++) {
                    double p = value[b] + offset[i];
                    // rounding can leave a pair a hair too close; never let it
                    if (i > 0) p = Math.max(p, previous + separation(layer.get(i - 1), layer.get(i)));
                    pos[layer.get(i)] = p;
                    previous = p;
                }
            }
        }

        private Layout output() {
            boolean ltr = o.direction() == Direction.LEFT_TO_RIGHT;
            double mainSize = ltr ? o.nodeWidth() : o.nodeHeight();
            double step = mainSize + o.layerGap();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int v = 0; v < pos.length; v++) {
                min = Math.min(min, pos[v] - size[v] / 2);
                max = Math.max(max, pos[v] + size[v] / 2);
            }
            int layerCount = layers.size();
            int[] orderOf = new int[pos.length];
            for (List<Integer> layer : layers) for (int i = 0; i < layer.size(); i++) orderOf[layer.get(i)] = i;
            Map<String, Box> boxes = new LinkedHashMap<>();
            for (int v = 0; v < n; v++) {
                double cross = round(pos[v] - min - size[v] / 2);
                double main = layerOf[v] * step;
                int order = orderOf[v];
                boxes.put(ids.get(v), ltr
                        ? new Box(ids.get(v), main, cross, o.nodeWidth(), o.nodeHeight(), layerOf[v], order)
                        : new Box(ids.get(v), cross, main, o.nodeWidth(), o.nodeHeight(), layerOf[v], order));
            }
            double mainExtent = layerCount * step - o.layerGap();
            double crossExtent = round(max - min);
            List<EdgeRoute> routes = routes(boxes, min, step, ltr);
            double width = ltr ? mainExtent : crossExtent;
            double height = ltr ? crossExtent : mainExtent;
            for (EdgeRoute r : routes) {
                for (Point p : r.points()) {
                    width = Math.max(width, p.x());
                    height = Math.max(height, p.y());
                }
            }
            return new Layout(boxes, routes, width, height, o.direction());
        }

        /** To a hundredth of a pixel, and never below 0: keeps printed coordinates short and free of -0.000000001. */
        private static double round(double v) {
            return Math.max(0, Math.round(v * 100) / 100.0);
        }

        private List<EdgeRoute> routes(Map<String, Box> boxes, double min, double step, boolean ltr) {
            Map<String, Integer> loopsAt = new HashMap<>();
            List<List<Point>> lines = new ArrayList<>();
            List<Boolean> backs = new ArrayList<>();
            for (GraphFacts.Edge e : edges) {
                int a = index.get(e.from());
                int b = index.get(e.to());
                Box from = boxes.get(e.from());
                Box to = boxes.get(e.to());
                long k = key(a, b);
                List<Point> pts = new ArrayList<>();
                boolean back = a == b || backPairs.containsKey(k) || layerOf[b] <= layerOf[a];
                if (back) {
                    // round the outside: out of the far side of the source, back into the far side of the target
                    int loops = loopsAt.merge(e.from(), 1, Integer::sum);
                    double detour = o.nodeGap() * 0.4 + 6 * loops;
                    if (ltr) {
                        double y = Math.max(from.bottom(), to.bottom()) + detour;
                        pts.add(new Point(from.centerX() + 12, from.bottom()));
                        pts.add(new Point(from.centerX() + 12, y));
                        pts.add(new Point(to.centerX() - 12, y));
                        pts.add(new Point(to.centerX() - 12, to.bottom()));
                    } else {
                        double x = Math.max(from.right(), to.right()) + detour;
                        pts.add(new Point(from.right(), from.centerY() + 12));
                        pts.add(new Point(x, from.centerY() + 12));
                        pts.add(new Point(x, to.centerY() - 12));
                        pts.add(new Point(to.right(), to.centerY() - 12));
                    }
                } else {
                    pts.add(ltr ? new Point(from.right(), from.centerY()) : new Point(from.centerX(), from.bottom()));
                    int[] chain = chains.get(k);
                    if (chain != null) {
                        for (int d : chain) {
                            double cross = round(pos[d] - min);
                            double main = layerOf[d] * step;
                            double mainSize = ltr ? o.nodeWidth() : o.nodeHeight();
                            // pass through the layer's band as a straight run, so the line clears the boxes beside it
                            if (ltr) {
                                pts.add(new Point(main, cross));
                                pts.add(new Point(main + mainSize, cross));
                            } else {
                                pts.add(new Point(cross, main));
                                pts.add(new Point(cross, main + mainSize));
                            }
                        }
                    }
                    pts.add(ltr ? new Point(to.x(), to.centerY()) : new Point(to.centerX(), to.y()));
                }
                lines.add(pts);
                backs.add(back);
            }
            // Labels: each at the first of a few places along its line (then beside it) that covers no box and no
            // label placed before it; widths are estimated from the text, as drawn at 11 px.
            Occupancy taken = new Occupancy();
            for (Box b : boxes.values()) taken.add(b.x(), b.y(), b.right(), b.bottom());
            List<EdgeRoute> out = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                GraphFacts.Edge e = edges.get(i);
                List<Point> pts = lines.get(i);
                boolean back = backs.get(i);
                double w = GraphExport.edgeLabel(dialogue, e).length() * LABEL_CHAR + LABEL_PAD;
                double h = LABEL_HEIGHT;
                Point chosen = null;
                Point least = null;
                int leastCovered = Integer.MAX_VALUE;
                // the first segment first (it says where the reply starts), then the rest of the line
                int fromSegment = back ? 1 : 0;
                int segments = back ? 2 : pts.size() - 1;
                search:
                for (double side : LABEL_SIDES) {
                    for (int seg = fromSegment; seg < segments; seg++) {
                        Point p0 = pts.get(seg);
                        Point p1 = pts.get(seg + 1);
                        boolean horizontal = Math.abs(p1.x() - p0.x()) >= Math.abs(p1.y() - p0.y());
                        for (double t : LABEL_PLACES) {
                            double cx = p0.x() + (p1.x() - p0.x()) * t;
                            double cy = p0.y() + (p1.y() - p0.y()) * t;
                            // beside the line: across it (a horizontal run moves up or down, a vertical one left or right)
                            if (horizontal) cy += side * (h + 2);
                            else cx += side * (w / 2 + 6);
                            Point c = new Point(cx, cy);
                            int covered = taken.covered(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
                            if (covered == 0) {
                                chosen = c;
                                break search;
                            }
                            if (covered < leastCovered) {
                                least = c;
                                leastCovered = covered;
                            }
                        }
                    }
                }
                // crowded: the place that covers the fewest others
                Point label = chosen != null ? chosen : least;
                taken.add(label.x() - w / 2, label.y() - h / 2, label.x() + w / 2, label.y() + h / 2);
                out.add(new EdgeRoute(e, pts, label, back));
            }
            return out;
        }
    }

    /** Rectangles already placed, bucketed by a coarse grid so a check looks only at its neighbourhood. */
    private static final class Occupancy {
        private static final double CELL = 240;
        private final Map<Long, List<double[]>> cells = new HashMap<>();

        private static long cell(long cx, long cy) {
            return cx * 1_000_003L + cy;
        }

        void add(double x0, double y0, double x1, double y1) {
            double[] r = {x0, y0, x1, y1};
            for (long cx = (long) Math.floor(x0 / CELL); cx <= (long) Math.floor(x1 / CELL); cx++) {
                for (long cy = (long) Math.floor(y0 / CELL); cy <= (long) Math.floor(y1 / CELL); cy++) {
                    cells.computeIfAbsent(cell(cx, cy), k -> new ArrayList<>()).add(r);
                }
            }
        }

        /** How many placed rectangles this one would overlap. */
        int covered(double x0, double y0, double x1, double y1) {
            java.util.Set<double[]> hit = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (long cx = (long) Math.floor(x0 / CELL); cx <= (long) Math.floor(x1 / CELL); cx++) {
                for (long cy = (long) Math.floor(y0 / CELL); cy <= (long) Math.floor(y1 / CELL); cy++) {
                    for (double[] r : cells.getOrDefault(cell(cx, cy), List.of())) {
                        if (x0 < r[2] && r[0] < x1 && y0 < r[3] && r[1] < y1) hit.add(r);
                    }
                }
            }
            return hit.size();
        }
    }
}
