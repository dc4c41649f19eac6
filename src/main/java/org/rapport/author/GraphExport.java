package org.rapport.author;

import org.rapport.author.GraphLayout.Box;
import org.rapport.author.GraphLayout.EdgeRoute;
import org.rapport.author.GraphLayout.Layout;
import org.rapport.author.GraphLayout.Point;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The dialogue graph as a document: Graphviz DOT (laid out by Graphviz) or a self-contained SVG (laid out by
 * {@link GraphLayout}). Grades are written on every edge and also drawn as line styles, so a printout in black and
 * white still shows them; the SVG's colours come from its embedded stylesheet, {@code graph.css}.
 */
public final class GraphExport {
    private GraphExport() {
    }

    /** The mark and word of a grade, as every graph shows it: never by colour alone. */
    public static String gradeMark(Grade g) {
        return switch (g) {
            case BEST -> "✓ best";
            case GOOD -> "+ good";
            case WEAK -> "~ weak";
            case HARMFUL -> "✗ harmful";
        };
    }

    /** What a route's condition says, e.g. {@code mood ≥ 1}; empty for an unconditional route. */
    public static String condition(Route r) {
        if (r.unconditional()) return "";
        StringBuilder sb = new StringBuilder("mood ");
        if (r.moodAtLeast() != null && r.moodAtMost() != null) {
            sb.append(r.moodAtLeast()).append("…").append(r.moodAtMost());
        } else if (r.moodAtLeast() != null) {
            sb.append("≥ ").append(r.moodAtLeast());
        } else {
            sb.append("≤ ").append(r.moodAtMost());
        }
        return sb.toString();
    }

    /** The label of one route of one reply: its number, grade and mood change, and its condition if any. */
    public static String edgeLabel(Dialogue d, GraphFacts.Edge e) {
        Choice c = ((CustomerNode) d.node(e.from())).choices().get(e.choice());
        Route r = c.routes().get(e.route());
        String cond = condition(r);
        return (e.choice() + 1) + " " + gradeMark(c.grade()) + " " + signed(c.mood()) + (cond.isEmpty() ? "" : " · " + cond);
    }

    public static String signed(int mood) {
        return mood > 0 ? "+" + mood : String.valueOf(mood);
    }

    // == DOT ==

    public static String dot(Dialogue d) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(d.id())).append(" {\n");
        sb.append("  graph [rankdir=LR, label=").append(quote(d.title())).append(", labelloc=t];\n");
        sb.append("  node [shape=box, style=rounded, fontname=\"sans-serif\"];\n");
        sb.append("  edge [fontname=\"sans-serif\", fontsize=10];\n");
        for (Node n : d.nodes().values()) {
            String label;
            String shape;
            if (n instanceof EndingNode e) {
                label = n.id() + "\n" + e.ending().outcome().word().toUpperCase(Locale.ROOT) + ": " + e.ending().title();
                shape = "shape=doubleoctagon";
            } else {
                label = n.id() + (n.id().equals(d.start()) ? " (start)" : "") + "\n" + excerpt(n.say(), 60);
                shape = n.id().equals(d.start()) ? "penwidth=2" : "";
            }
            sb.append("  ").append(quote(n.id())).append(" [label=").append(quote(label)).append(shape.isEmpty() ? "" : ", " + shape).append("];\n");
        }
        for (GraphFacts.Edge e : GraphFacts.of(d).edges()) {
            Grade g = ((CustomerNode) d.node(e.from())).choices().get(e.choice()).grade();
            sb.append("  ").append(quote(e.from())).append(" -> ").append(quote(e.to()))
                    .append(" [label=").append(quote(edgeLabel(d, e))).append(", style=").append(lineStyle(g)).append("];\n");
        }
        return sb.append("}\n").toString();
    }

    /** Line styles by grade, so that grades survive a black-and-white print. */
    private static String lineStyle(Grade g) {
        return switch (g) {
            case BEST -> "bold";
            case GOOD -> "solid";
            case WEAK -> "dashed";
            case HARMFUL -> "dotted";
        };
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    // == SVG ==

    public static String svg(Dialogue d, Layout layout) {
        GraphFacts facts = GraphFacts.of(d);
        double margin = 24;
        double w = layout.width() + 2 * margin;
        double h = layout.height() + 2 * margin;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                .append("\" viewBox=\"0 0 ").append(num(w)).append(' ').append(num(h)).append("\" font-family=\"sans-serif\">\n");
        sb.append("<title>").append(xml(d.title())).append("</title>\n");
        sb.append("<style>\n").append(stylesheet()).append("</style>\n");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                + "<path d=\"M 0 0 L 10 5 L 0 10 z\" class=\"arrow\"/></marker></defs>\n");
        sb.append("<g transform=\"translate(").append(num(margin)).append(',').append(num(margin)).append(")\">\n");
        for (EdgeRoute r : layout.edges()) {
            Grade g = ((CustomerNode) d.node(r.edge().from())).choices().get(r.edge().choice()).grade();
            sb.append("<polyline class=\"edge ").append(g.word()).append(r.back() ? " back" : "").append("\" points=\"");
            for (Point p : r.points()) sb.append(num(p.x())).append(',').append(num(p.y())).append(' ');
            sb.append("\" marker-end=\"url(#arrow)\"/>\n");
        }
        for (EdgeRoute r : layout.edges()) {
            Grade g = ((CustomerNode) d.node(r.edge().from())).choices().get(r.edge().choice()).grade();
            sb.append("<text class=\"edge-label ").append(g.word()).append("\" x=\"").append(num(r.label().x())).append("\" y=\"")
                    .append(num(r.label().y())).append("\" text-anchor=\"middle\">").append(xml(edgeLabel(d, r.edge()))).append("</text>\n");
        }
        for (Box b : layout.boxes().values()) {
            Node n = d.node(b.id());
            StringBuilder cls = new StringBuilder("node");
            String kind;
            if (n instanceof EndingNode e) {
                cls.append(" ending ").append(e.ending().outcome().word());
                kind = e.ending().outcome().word().toUpperCase(Locale.ROOT) + " · " + e.ending().title();
            } else {
                cls.append(" customer");
                kind = n.id().equals(d.start()) ? "START" : "decision";
            }
            if (!facts.reachable(b.id())) {
                cls.append(" unreachable");
                kind += " · unreachable";
            }
            if (facts.deadEnd(d, b.id())) {
                cls.append(" dead-end");
                kind += " · dead end";
            }
            sb.append("<g class=\"").append(cls).append("\">");
            sb.append("<rect x=\"").append(num(b.x())).append("\" y=\"").append(num(b.y())).append("\" width=\"").append(num(b.width()))
                    .append("\" height=\"").append(num(b.height())).append("\" rx=\"8\"/>");
            sb.append("<text class=\"node-id\" x=\"").append(num(b.x() + 10)).append("\" y=\"").append(num(b.y() + 20)).append("\">")
                    .append(xml(excerpt(b.id(), 26))).append("</text>");
            sb.append("<text class=\"node-kind\" x=\"").append(num(b.x() + 10)).append("\" y=\"").append(num(b.y() + 38)).append("\">")
                    .append(xml(excerpt(kind, 32))).append("</text>");
            sb.append("<text class=\"node-say\" x=\"").append(num(b.x() + 10)).append("\" y=\"").append(num(b.y() + 58)).append("\">")
                    .append(xml(excerpt(n.say(), 30))).append("</text>");
            sb.append("</g>\n");
        }
        return sb.append("</g>\n</svg>\n").toString();
    }

    private static String stylesheet() {
        try (InputStream in = GraphExport.class.getResourceAsStream("graph.css")) {
            if (in == null) throw new IllegalStateException("graph.css is missing from the application");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code max} characters of a text on one line, with an ellipsis when cut. */
    public static String excerpt(String s, int max) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
