package org.rapport.ui.author;

import javafx.geometry.Point2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.author.DialoguePath;
import org.rapport.author.Draft;
import org.rapport.author.GraphExport;
import org.rapport.author.GraphFacts;
import org.rapport.author.GraphLayout;
import org.rapport.author.GraphLayout.Box;
import org.rapport.author.GraphLayout.EdgeRoute;
import org.rapport.author.PathStep;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;
import org.rapport.model.Outcome;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The dialogue graph, fluid at thousands of nodes: replies are drawn on a canvas, and only the nodes inside the window
 * exist as controls (reused as the view moves), so a 2,000-node dialogue costs what its visible part costs. Zoomed far
 * out, nodes are drawn on the canvas as plain boxes. Every colour comes from the stylesheet: hidden "probe" regions
 * carry the style classes and the canvas paints with what CSS gave them.
 * <p>
 * Mouse: drag to pan, wheel or pinch to zoom, click a node to select it. Keyboard: arrows move the selection along
 * the replies (right: on, left: back, up and down: within a layer), plus and minus zoom, 0 fits the whole graph.
 */
final class GraphCanvas extends Region {
    static final double MIN_ZOOM = 0.02;
    static final double MAX_ZOOM = 3;
    /** Below this, nodes are drawn as plain boxes on the canvas. */
    static final double CELL_ZOOM = 0.42;
    /** Below this, reply labels are left out. */
    static final double LABEL_ZOOM = 0.5;
    /** The zoom of a first view, when the whole graph would be smaller than this. */
    static final double HOME_ZOOM = 0.7;

    private final Canvas canvas = new Canvas();
    private final Pane cells = new Pane();
    private final Pane probes = new Pane();
    private final Translate translate = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Map<String, NodeCell> live = new HashMap<>();
    private final Deque<NodeCell> pool = new ArrayDeque<>();
    private final Map<String, Region> probe = new HashMap<>();
    private final Text measure = new Text();

    private Draft draft;
    private Dialogue dialogue;
    private GraphLayout.Layout layout;
    private GraphFacts facts;
    private double[] edgeBounds = new double[0];   // minX, minY, maxX, maxY per edge
    private String[] edgeLabels = new String[0];
    private double[] labelWidths = new double[0];
    private Grade[] edgeGrades = new Grade[0];
    private final Map<String, Severity> problems = new HashMap<>();
    private final Map<String, Integer> problemCounts = new HashMap<>();
    private String selected;
    private final Set<String> pathNodes = new HashSet<>();
    private final Set<String> pathEdges = new HashSet<>();
    private double zoom = 1;
    private boolean fitPending;
    private Consumer<String> onSelect = id -> { };

    // dragging
    private double pressX;
    private double pressY;
    private double pressTx;
    private double pressTy;
    private boolean dragged;

    GraphCanvas() {
        getStyleClass().add("graph-canvas");
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.NODE);
        setAccessibleText("Dialogue graph");
        cells.getTransforms().setAll(translate, scale);
        cells.setManaged(false);
        cells.setMouseTransparent(true);
        canvas.setManaged(false);
        canvas.setMouseTransparent(true);
        probes.setManaged(false);
        probes.setMouseTransparent(true);
        probes.setOpacity(0);
        for (String name : List.of("best", "good", "weak", "harmful", "won", "kept", "lost", "fg", "muted", "bg", "surface",
                "border", "accent", "problem", "label-bg")) {
            Region r = new Region();
            r.getStyleClass().addAll("graph-probe", "probe-" + name);
            r.resize(1, 1);
            probe.put(name, r);
            probes.getChildren().add(r);
        }
        getChildren().addAll(canvas, cells, probes);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        initInput();
    }

    void setOnSelect(Consumer<String> onSelect) {
        this.onSelect = onSelect;
    }

    // == REGION data ==

    /** Shows a reading of the dialogue; {@code fit} zooms to the whole graph (a new file), else the view stays put. */
    void show(Draft d, boolean fit) {
        this.draft = d;
        this.dialogue = d == null ? null : d.dialogue();
        this.layout = d == null ? null : d.layout();
        this.facts = d == null ? null : d.facts();
        int n = layout == null ? 0 : layout.edges().size();
        edgeBounds = new double[n * 4];
        edgeLabels = new String[n];
        labelWidths = new double[n];
        edgeGrades = new Grade[n];
        for (int i = 0; i < n; i++) {
            EdgeRoute r = layout.edges().get(i);
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (GraphLayout.Point p : r.points()) {
                minX = Math.min(minX, p.x());
                minY = Math.min(minY, p.y());
                maxX = Math.max(maxX, p.x());
                maxY = Math.max(maxY, p.y());
            }
            edgeBounds[i * 4] = minX;
            edgeBounds[i * 4 + 1] = minY;
            edgeBounds[i * 4 + 2] = maxX;
            edgeBounds[i * 4 + 3] = maxY;
            edgeGrades[i] = ((CustomerNode) dialogue.node(r.edge().from())).choices().get(r.edge().choice()).grade();
            edgeLabels[i] = GraphExport.edgeLabel(dialogue, r.edge());
            labelWidths[i] = -1;
        }
        for (NodeCell c : live.values()) release(c);
        live.clear();
        if (fit) fitPending = true;
        requestLayout();
    }

    void setProblems(List<Diagnostic> diagnostics) {
        problems.clear();
        problemCounts.clear();
        for (Diagnostic d : diagnostics) {
            if (d.nodeId() == null) continue;
            problems.merge(d.nodeId(), d.severity(), (a, b) -> a == Severity.ERROR || b == Severity.ERROR
                    ? Severity.ERROR : Severity.WARNING);
            problemCounts.merge(d.nodeId(), 1, Integer::sum);
        }
        for (NodeCell c : live.values()) c.refresh();
        requestLayout();
    }

    /**
     * Selects a node. With {@code reveal} (a node chosen elsewhere: a problem, the search, a path) the view moves to it,
     * zoomed in enough to read, unless it is readable in view already; a node clicked in the graph stays where it is.
     */
    void select(String id, boolean reveal) {
        selected = id;
        for (NodeCell c : live.values()) c.refresh();
        Node n = id == null || dialogue == null ? null : dialogue.node(id);
        setAccessibleText(n == null ? "Dialogue graph" : "Dialogue graph, selected: " + describe(n));
        if (reveal && id != null && (!isVisible(id) || zoom < CELL_ZOOM)) centerOn(id);
        requestLayout();
    }

    void highlight(DialoguePath p) {
        pathNodes.clear();
        pathEdges.clear();
        if (p != null) {
            pathNodes.addAll(p.nodeIds());
            for (PathStep s : p.steps()) pathEdges.add(s.nodeId() + "#" + s.choice() + ">" + s.next());
        }
        for (NodeCell c : live.values()) c.refresh();
        requestLayout();
    }

    String selected() {
        return selected;
    }

    double zoom() {
        return zoom;
    }

    /** How many nodes exist as controls right now (the ones in view when zoomed in). */
    int liveCells() {
        return live.size();
    }

    // == REGION view: pan, zoom, fit ==

    void fit() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double margin = 24;
        double w = Math.max(1, layout.width());
        double h = Math.max(1, layout.height());
        double z = Math.min((getWidth() - 2 * margin) / w, (getHeight() - 2 * margin) / h);
        zoom = clampZoom(Math.min(1, z));
        translate.setX((getWidth() - w * zoom) / 2);
        translate.setY((getHeight() - h * zoom) / 2);
        applyZoom();
    }

    /**
     * The first view of a dialogue: the whole graph when it fits at a readable size, else a readable zoom with the
     * start at the left (or top) edge, as a reader begins.
     */
    void home() {
        if (layout == null || getWidth() <= 0 || getHeight() <= 0) {
            fitPending = true;
            return;
        }
        double margin = 24;
        double fitZoom = Math.min((getWidth() - 2 * margin) / Math.max(1, layout.width()),
                (getHeight() - 2 * margin) / Math.max(1, layout.height()));
        if (fitZoom >= HOME_ZOOM || dialogue == null || layout.box(dialogue.start()) == null) {
            fit();
            return;
        }
        zoom = HOME_ZOOM;
        Box start = layout.box(dialogue.start());
        if (layout.direction() == GraphLayout.Direction.LEFT_TO_RIGHT) {
            translate.setX(margin - start.x() * zoom);
            translate.setY(getHeight() / 2 - start.centerY() * zoom);
        } else {
            translate.setX(getWidth() / 2 - start.centerX() * zoom);
            translate.setY(margin - start.y() * zoom);
        }
        applyZoom();
    }

    void zoomBy(double factor) {
        zoomAt(factor, getWidth() / 2, getHeight() / 2);
    }

    void zoomAt(double factor, double x, double y) {
        double z = clampZoom(zoom * factor);
        double wx = (x - translate.getX()) / zoom;
        double wy = (y - translate.getY()) / zoom;
        zoom = z;
        translate.setX(x - wx * zoom);
        translate.setY(y - wy * zoom);
        applyZoom();
    }

    /** Zooms to a readable size (when far out) and puts the node in the middle of the view. */
    void centerOn(String id) {
        if (layout == null || layout.box(id) == null) return;
        if (zoom < 0.8) zoom = 0.8;
        Box b = layout.box(id);
        translate.setX(getWidth() / 2 - b.centerX() * zoom);
        translate.setY(getHeight() / 2 - b.centerY() * zoom);
        applyZoom();
    }

    private static double clampZoom(double z) {
        return Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    private void applyZoom() {
        scale.setX(zoom);
        scale.setY(zoom);
        requestLayout();
    }

    boolean isVisible(String id) {
        if (layout == null || layout.box(id) == null) return false;
        Box b = layout.box(id);
        Point2D p = toScreen(b.x(), b.y());
        return p.getX() + b.width() * zoom > 0 && p.getY() + b.height() * zoom > 0 && p.getX() < getWidth() && p.getY() < getHeight();
    }

    Point2D toScreen(double wx, double wy) {
        return new Point2D(wx * zoom + translate.getX(), wy * zoom + translate.getY());
    }

    Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - translate.getX()) / zoom, (sy - translate.getY()) / zoom);
    }

    /** The centre of a node's box in this region's coordinates, or null. */
    Point2D centerOf(String id) {
        if (layout == null || layout.box(id) == null) return null;
        Box b = layout.box(id);
        return toScreen(b.centerX(), b.centerY());
    }

    // == REGION input ==

    private void initInput() {
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            requestFocus();
            pressX = e.getX();
            pressY = e.getY();
            pressTx = translate.getX();
            pressTy = translate.getY();
            dragged = false;
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            double dx = e.getX() - pressX;
            double dy = e.getY() - pressY;
            if (!dragged && Math.hypot(dx, dy) < 4) return;
            dragged = true;
            setCursor(Cursor.CLOSED_HAND);
            translate.setX(pressTx + dx);
            translate.setY(pressTy + dy);
            requestLayout();
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) return;
            setCursor(Cursor.DEFAULT);
            if (dragged || layout == null) return;
            Point2D w = toWorld(e.getX(), e.getY());
            String id = layout.nodeAt(w.getX(), w.getY());
            if (id != null) onSelect.accept(id);
        });
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() == 0) return;
            zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private void onKey(KeyEvent e) {
        KeyCode k = e.getCode();
        if (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD) {
            if (e.isShortcutDown()) return; // the shell's text size
            zoomBy(1.25);
        } else if (k == KeyCode.MINUS || k == KeyCode.SUBTRACT) {
            if (e.isShortcutDown()) return;
            zoomBy(0.8);
        } else if (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0) {
            if (e.isShortcutDown()) return;
            fit();
        } else if (k == KeyCode.RIGHT || k == KeyCode.LEFT || k == KeyCode.UP || k == KeyCode.DOWN) {
            String next = neighbour(k);
            if (next != null) {
                onSelect.accept(next);
                if (!isVisible(next)) centerOn(next);
            }
        } else {
            return;
        }
        e.consume();
    }

    /** Where an arrow key moves the selection: along the replies, or to the next node of the same layer. */
    private String neighbour(KeyCode k) {
        if (layout == null || dialogue == null) return null;
        if (selected == null || layout.box(selected) == null) return dialogue.nodes().containsKey(dialogue.start()) ? dialogue.start() : null;
        boolean ltr = layout.direction() == GraphLayout.Direction.LEFT_TO_RIGHT;
        KeyCode onward = ltr ? KeyCode.RIGHT : KeyCode.DOWN;
        KeyCode back = ltr ? KeyCode.LEFT : KeyCode.UP;
        if (k == onward) {
            for (GraphFacts.Edge e : facts.edges()) if (e.from().equals(selected) && !e.to().equals(selected)) return e.to();
            return null;
        }
        if (k == back) {
            for (GraphFacts.Edge e : facts.edges()) if (e.to().equals(selected) && !e.from().equals(selected)) return e.from();
            return null;
        }
        Box here = layout.box(selected);
        int want = here.order() + (k == KeyCode.DOWN || k == KeyCode.RIGHT ? 1 : -1);
        for (Box b : layout.boxes().values()) if (b.layer() == here.layer() && b.order() == want) return b.id();
        return null;
    }

    // == REGION drawing ==

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        if (fitPending && layout != null && w > 0 && h > 0) {
            fitPending = false;
            home();
        }
        draw();
    }

    private Paint paint(String name) {
        Region r = probe.get(name);
        Background bg = r.getBackground();
        return bg == null || bg.getFills().isEmpty() ? null : bg.getFills().get(0).getFill();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            for (NodeCell c : live.values()) release(c);
            live.clear();
            return;
        }
        double margin = 40;
        Point2D a = toWorld(-margin, -margin);
        Point2D b = toWorld(getWidth() + margin, getHeight() + margin);
        double x0 = a.getX();
        double y0 = a.getY();
        double x1 = b.getX();
        double y1 = b.getY();
        drawEdges(g, x0, y0, x1, y1);
        if (zoom < CELL_ZOOM) {
            for (NodeCell c : live.values()) release(c);
            live.clear();
            drawBoxes(g, x0, y0, x1, y1);
        } else {
            placeCells(x0, y0, x1, y1);
        }
        if (zoom >= LABEL_ZOOM) drawLabels(g, x0, y0, x1, y1);
    }

    private boolean edgeVisible(int i, double x0, double y0, double x1, double y1) {
        return edgeBounds[i * 4 + 2] >= x0 && edgeBounds[i * 4] <= x1 && edgeBounds[i * 4 + 3] >= y0 && edgeBounds[i * 4 + 1] <= y1;
    }

    private String edgeKey(GraphFacts.Edge e) {
        return e.from() + "#" + e.choice() + ">" + e.to();
    }

    private void drawEdges(GraphicsContext g, double x0, double y0, double x1, double y1) {
        List<EdgeRoute> edges = layout.edges();
        double widthScale = Math.max(0.6, Math.min(1.6, zoom));
        double[] xs = new double[16];
        double[] ys = new double[16];
        Map<Grade, Paint> colours = new EnumMap<>(Grade.class);
        for (Grade gr : Grade.values()) colours.put(gr, paint(gr.word()));
        Paint accent = paint("accent");
        // Draw in two passes: ordinary replies, then the emphasised ones (selected node's, highlighted path) on top.
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < edges.size(); i++) {
                if (!edgeVisible(i, x0, y0, x1, y1)) continue;
                EdgeRoute r = edges.get(i);
                boolean onPath = pathEdges.contains(edgeKey(r.edge()));
                boolean touches = selected != null && (r.edge().from().equals(selected) || r.edge().to().equals(selected));
                boolean emphasised = onPath || touches;
                if ((pass == 1) != emphasised) continue;
                Grade grade = edgeGrades[i];
                Paint stroke = onPath && accent != null ? accent : colours.get(grade);
                if (stroke != null) {
                    g.setStroke(stroke);
                    g.setFill(stroke);
                }
                double base = switch (grade) {
                    case BEST -> 2.4;
                    case GOOD -> 1.6;
                    case WEAK, HARMFUL -> 1.4;
                };
                g.setLineWidth(base * widthScale * (emphasised ? 1.8 : 1));
                switch (grade) {
                    case WEAK -> g.setLineDashes(7 * widthScale, 4 * widthScale);
                    case HARMFUL -> g.setLineDashes(2 * widthScale, 3.5 * widthScale);
                    default -> g.setLineDashes((double[]) null);
                }
                g.setGlobalAlpha(r.back() ? 0.75 : 1);
                List<GraphLayout.Point> pts = r.points();
                if (xs.length < pts.size()) {
                    xs = new double[pts.size() * 2];
                    ys = new double[pts.size() * 2];
                }
                for (int p = 0; p < pts.size(); p++) {
                    xs[p] = pts.get(p).x() * zoom + translate.getX();
                    ys[p] = pts.get(p).y() * zoom + translate.getY();
                }
                g.strokePolyline(xs, ys, pts.size());
                g.setLineDashes((double[]) null);
                arrow(g, xs[pts.size() - 2], ys[pts.size() - 2], xs[pts.size() - 1], ys[pts.size() - 1], 8 * widthScale);
                g.setGlobalAlpha(1);
            }
        }
    }

    private static void arrow(GraphicsContext g, double fx, double fy, double tx, double ty, double size) {
        double angle = Math.atan2(ty - fy, tx - fx);
        double ax = tx - size * Math.cos(angle - 0.4);
        double ay = ty - size * Math.sin(angle - 0.4);
        double bx = tx - size * Math.cos(angle + 0.4);
        double by = ty - size * Math.sin(angle + 0.4);
        g.fillPolygon(new double[]{tx, ax, bx}, new double[]{ty, ay, by}, 3);
    }

    private void drawLabels(GraphicsContext g, double x0, double y0, double x1, double y1) {
        double size = Math.max(9, Math.min(14, 11 * zoom));
        Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, size);
        g.setFont(font);
        g.setLineDashes((double[]) null);
        Paint bg = paint("label-bg");
        List<EdgeRoute> edges = layout.edges();
        for (int i = 0; i < edges.size(); i++) {
            EdgeRoute r = edges.get(i);
            double lx = r.label().x();
            double ly = r.label().y();
            if (lx < x0 || lx > x1 || ly < y0 || ly > y1) continue;
            if (labelWidths[i] < 0) {
                measure.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 11));
                measure.setText(edgeLabels[i]);
                labelWidths[i] = measure.getLayoutBounds().getWidth();
            }
            double w = labelWidths[i] * size / 11 + 8;
            double h = size + 6;
            double sx = lx * zoom + translate.getX();
            double sy = ly * zoom + translate.getY();
            if (bg != null) {
                g.setFill(bg);
                g.fillRoundRect(sx - w / 2, sy - h / 2, w, h, h, h);
            }
            Paint text = pathEdges.contains(edgeKey(r.edge())) ? paint("accent") : paint(edgeGrades[i].word());
            if (text != null) g.setFill(text);
            g.fillText(edgeLabels[i], sx - w / 2 + 4, sy + size * 0.36);
        }
    }

    /** Far out: every node in view as a box, filled by kind and outcome, outlined when selected or problematic. */
    private void drawBoxes(GraphicsContext g, double x0, double y0, double x1, double y1) {
        Paint surface = paint("surface");
        Paint border = paint("border");
        Paint accent = paint("accent");
        Paint problem = paint("problem");
        for (Box b : layout.boxes().values()) {
            if (b.right() < x0 || b.x() > x1 || b.bottom() < y0 || b.y() > y1) continue;
            Node n = dialogue.node(b.id());
            Paint fill = n instanceof EndingNode e ? paint(e.ending().outcome().word()) : surface;
            double sx = b.x() * zoom + translate.getX();
            double sy = b.y() * zoom + translate.getY();
            double w = Math.max(2, b.width() * zoom);
            double h = Math.max(2, b.height() * zoom);
            if (fill != null) g.setFill(fill);
            g.fillRect(sx, sy, w, h);
            boolean flagged = !facts.reachable(b.id()) || facts.deadEnd(dialogue, b.id()) || problems.containsKey(b.id());
            Paint outline = b.id().equals(selected) || pathNodes.contains(b.id()) ? accent : flagged ? problem : border;
            if (outline != null) g.setStroke(outline);
            g.setLineWidth(b.id().equals(selected) ? 3 : flagged ? 2 : 1);
            if (flagged) g.setLineDashes(4, 3);
            g.strokeRect(sx, sy, w, h);
            g.setLineDashes((double[]) null);
        }
    }

    private void placeCells(double x0, double y0, double x1, double y1) {
        Set<String> wanted = new HashSet<>();
        for (Box b : layout.boxes().values()) {
            if (b.right() < x0 || b.x() > x1 || b.bottom() < y0 || b.y() > y1) continue;
            wanted.add(b.id());
        }
        live.entrySet().removeIf(e -> {
            if (wanted.contains(e.getKey())) return false;
            release(e.getValue());
            return true;
        });
        for (String id : wanted) {
            NodeCell c = live.get(id);
            if (c == null) {
                c = pool.isEmpty() ? new NodeCell() : pool.pop();
                if (c.getParent() == null) cells.getChildren().add(c);
                c.setVisible(true);
                live.put(id, c);
                c.bind(id);
                // A cell added during layout would otherwise wait a pulse for its style, and show empty for a frame.
                c.applyCss();
            }
            Box b = layout.box(id);
            c.resizeRelocate(b.x(), b.y(), b.width(), b.height());
        }
    }

    private void release(NodeCell c) {
        c.setVisible(false);
        c.setId(null);
        pool.push(c);
    }

    private static String describe(Node n) {
        if (n instanceof EndingNode e) {
            return n.id() + ", " + e.ending().outcome().word() + " ending: " + e.ending().title();
        }
        return n.id() + ": " + n.say();
    }

    // == REGION node cells ==

    /** One node as a control: its id, what it is, and what the customer says, styled by class. */
    private final class NodeCell extends VBox {
        private final FontIcon icon = new FontIcon();
        private final Label id = new Label();
        private final Label kind = new Label();
        private final Label say = new Label();
        private final Label flags = new Label();
        private String nodeId;

        NodeCell() {
            getStyleClass().add("graph-node");
            setManaged(false);
            id.getStyleClass().add("graph-node-id");
            id.setGraphic(icon);
            kind.getStyleClass().add("graph-node-kind");
            say.getStyleClass().add("graph-node-say");
            say.setWrapText(true);
            flags.getStyleClass().add("graph-node-flags");
            // The id is what the author searches for: the marks give way first when the box is narrow.
            id.setMinWidth(Region.USE_PREF_SIZE);
            flags.setMinWidth(0);
            HBox top = new HBox(id, flags);
            top.getStyleClass().add("graph-node-top");
            getChildren().addAll(top, kind, say);
            setMouseTransparent(true);
        }

        void bind(String nodeId) {
            this.nodeId = nodeId;
            setId("node-" + nodeId);
            Node n = dialogue.node(nodeId);
            id.setText(nodeId);
            say.setText(GraphExport.excerpt(n.say(), 90));
            if (n instanceof EndingNode e) {
                Outcome o = e.ending().outcome();
                icon.setIconLiteral(switch (o) {
                    case WON -> "mdi2e-emoticon-happy-outline";
                    case KEPT -> "mdi2e-emoticon-neutral-outline";
                    case LOST -> "mdi2e-emoticon-sad-outline";
                });
                kind.setText(o.word().toUpperCase(Locale.ROOT) + " · " + e.ending().title());
            } else {
                CustomerNode c = (CustomerNode) n;
                boolean start = nodeId.equals(dialogue.start());
                icon.setIconLiteral(start ? "mdi2p-play-circle-outline" : "mdi2c-comment-account-outline");
                kind.setText((start ? "START · " : "") + c.choices().size() + (c.choices().size() == 1 ? " reply" : " replies")
                        + (c.tests().isEmpty() ? "" : " · tests " + String.join(", ", c.tests())));
            }
            refresh();
        }

        void refresh() {
            if (nodeId == null || dialogue == null || dialogue.node(nodeId) == null) return;
            Node n = dialogue.node(nodeId);
            List<String> classes = new ArrayList<>(List.of("graph-node"));
            classes.add(n instanceof EndingNode ? "ending" : "customer");
            if (n instanceof EndingNode e) classes.add(e.ending().outcome().word());
            if (nodeId.equals(dialogue.start())) classes.add("start");
            List<String> marks = new ArrayList<>();
            if (!facts.reachable(nodeId)) {
                classes.add("unreachable");
                marks.add("UNREACHABLE");
            }
            if (facts.deadEnd(dialogue, nodeId)) {
                classes.add("dead-end");
                marks.add("DEAD END");
            }
            Severity worst = problems.get(nodeId);
            if (worst != null) {
                classes.add(worst == Severity.ERROR ? "has-error" : "has-warning");
                int count = problemCounts.getOrDefault(nodeId, 0);
                marks.add((worst == Severity.ERROR ? "⚠ " : "! ") + count + (count == 1 ? " problem" : " problems"));
            }
            if (nodeId.equals(selected)) classes.add("selected");
            if (pathNodes.contains(nodeId)) classes.add("on-path");
            getStyleClass().setAll(classes);
            flags.setText(String.join(" · ", marks));
            flags.setVisible(!marks.isEmpty());
            flags.setManaged(!marks.isEmpty());
            setAccessibleText(describe(n) + (marks.isEmpty() ? "" : " (" + String.join(", ", marks).toLowerCase(Locale.ROOT) + ")"));
        }
    }
}
