package org.rapport.print;

import org.rapport.author.DialoguePath;
import org.rapport.author.PathAnalysis;
import org.rapport.author.PathReport;
import org.rapport.author.PathStep;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.rapport.print.DebriefDocument.names;
import static org.rapport.print.DebriefDocument.signed;
import static org.rapport.print.Xhtml.esc;

/**
 * A facilitator guide generated from a dialogue file: the scenario and the customer, what it practises, how to run it
 * with a room, the model path, every decision with its replies, grades, explanations and the author's notes, questions
 * for the room at each decision (from the catalog's {@code discuss} questions for the steps tested and the pitfalls the
 * tempting replies fall into), the endings, and questions to close the session. Decisions are listed in the order a
 * conversation meets them (breadth first from the start), so the guide reads like the scenario plays.
 */
public final class FacilitatorGuide {
    /** Questions printed at one decision, at most. */
    static final int QUESTIONS_PER_DECISION = 2;

    private FacilitatorGuide() {
    }

    public static Printable of(Dialogue d, Catalog catalog) {
        String title = "Facilitator guide: " + d.title();
        return new Printable(title, render(title, d, catalog));
    }

    private static String render(String title, Dialogue d, Catalog catalog) {
        List<Node> order = readingOrder(d);
        Map<String, Integer> number = new LinkedHashMap<>();
        for (Node n : order) if (n instanceof CustomerNode) number.put(n.id(), number.size() + 1);
        List<CustomerNode> decisions = order.stream().filter(CustomerNode.class::isInstance).map(CustomerNode.class::cast).toList();
        List<EndingNode> endings = d.endings();
        PathReport paths = PathAnalysis.analyze(d, catalog);
        String customer = d.customer().name();

        StringBuilder h = Xhtml.open(title, null);
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        int typical = paths.typical() == null ? decisions.size() : paths.typical().steps().size();
        int low = roundTo5(typical * 3 + 10);
        int high = roundTo5(typical * 5 + 10);
        h.append("<p class=\"meta\">").append(esc(cap(d.difficulty().word()))).append(" · about ").append(d.minutes()).append(" minutes for one trainee, ")
                .append(low).append(" to ").append(high).append(" with a room · ").append(decisions.size()).append(" decisions · ")
                .append(endings.size()).append(" endings</p>\n");
        h.append("<p>").append(esc(d.summary())).append("</p>\n");
        h.append("<p><span class=\"label\">Setting</span> ").append(esc(d.setting())).append("</p>\n");
        h.append("<p class=\"muted small\">With a room, allow 3 to 5 minutes of voting and talk at each of the ").append(typical)
                .append(" decisions on a typical path, and about 10 minutes for the debrief.</p>\n");
        Xhtml.prebrief(h, d.prebrief(), "The pre-brief (the trainees read it before the first line)");
        h.append("<h2>The customer</h2>\n<p><strong>").append(esc(customer)).append("</strong>: ").append(esc(d.customer().persona())).append("</p>\n");
        h.append("<p>Starting mood: ").append(signed(d.customer().mood())).append(" (").append(Mood.describe(d.customer().mood()))
                .append(") on a scale from −5 (furious) to +5 (delighted).</p>\n");

        practises(h, d, decisions, catalog);
        running(h, customer);
        modelPath(h, d, paths, number, catalog);

        h.append("<h2>Decision by decision</h2>\n");
        Set<String> asked = new HashSet<>();
        for (CustomerNode c : decisions) decision(h, d, c, number, catalog, asked);

        endingsSection(h, d, endings, paths);
        closing(h, d, customer);
        h.append("<p class=\"muted small\">Made with Rapport from ").append(esc(d.id())).append(". Grades: best 3 points, good 2, weak 1, harmful 0.</p>\n");
        return Xhtml.close(h);
    }

    /** Every node reachable from the start, breadth first along the replies in file order; then any others, in file order. */
    static List<Node> readingOrder(Dialogue d) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        if (d.node(d.start()) != null) {
            queue.add(d.start());
            seen.add(d.start());
        }
        while (!queue.isEmpty()) {
            Node n = d.node(queue.poll());
            if (!(n instanceof CustomerNode c)) continue;
            for (Choice ch : c.choices()) {
                for (Route r : ch.routes()) {
                    if (d.node(r.to()) != null && seen.add(r.to())) queue.add(r.to());
                }
            }
        }
        List<Node> out = new ArrayList<>();
        for (String id : seen) out.add(d.node(id));
        for (Node n : d.nodes().values()) if (!seen.contains(n.id())) out.add(n);
        // Endings are described in their own section, in file order.
        return out.stream().filter(CustomerNode.class::isInstance).toList();
    }

    private static void practises(StringBuilder h, Dialogue d, List<CustomerNode> decisions, Catalog catalog) {
        h.append("<h2>What it practises</h2>\n");
        Map<String, Integer> tested = new LinkedHashMap<>();
        Map<String, Integer> pitfalls = new LinkedHashMap<>();
        for (CustomerNode c : decisions) {
            for (String t : c.tests()) tested.merge(t, 1, Integer::sum);
            for (Choice ch : c.choices()) for (String p : ch.pitfalls()) pitfalls.merge(p, 1, Integer::sum);
        }
        h.append("<table class=\"wide\">\n<thead><tr><th>Technique</th><th>Steps the decisions test (how many decisions)</th></tr></thead>\n<tbody>\n");
        for (Technique t : catalog.techniques()) {
            List<String> parts = new ArrayList<>();
            for (Step s : t.steps()) if (tested.containsKey(s.id())) parts.add(s.name() + " (" + tested.get(s.id()) + ")");
            if (tested.containsKey(t.id())) parts.add("the technique as a whole (" + tested.get(t.id()) + ")");
            if (parts.isEmpty()) continue;
            h.append("<tr><td><strong>").append(esc(t.name())).append("</strong></td><td>").append(esc(String.join(", ", parts))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (!pitfalls.isEmpty()) {
            h.append("<p>The tempting replies fall into these pitfalls:</p>\n<ul>\n");
            for (Pitfall p : catalog.pitfalls()) {
                Integer n = pitfalls.get(p.id());
                if (n == null) continue;
                h.append("<li><strong>").append(esc(p.name())).append("</strong> (").append(n).append(n == 1 ? " reply" : " replies").append("): ")
                        .append(esc(p.whyItHurts())).append("</li>\n");
            }
            h.append("</ul>\n");
        }
    }

    private static void running(StringBuilder h, String customer) {
        h.append("<h2>Running it with a room</h2>\n<ol>\n")
                .append("<li>Read the customer’s description above aloud, then open the scenario in Rapport’s Present mode on the projector. ")
                .append("Grades and your notes stay hidden from the room until you reveal them.</li>\n")
                .append("<li>At each decision, let the room read ").append(esc(customer))
                .append("’s line and the replies, then take the vote: type or click a count per reply, take a show of hands, or let ")
                .append("people vote from their phones (press V).</li>\n")
                .append("<li>Reveal the votes (R) before you say anything. Where the room split, ask one person from each side to argue ")
                .append("for their reply; the questions below each decision help.</li>\n")
                .append("<li>Reveal the grades and explanations (R again), then go on with the room’s choice (Enter), or with another ")
                .append("reply (Ctrl and its number) to show the room where it leads.</li>\n")
                .append("<li>At the end, walk through the room’s debrief: the score, the mood over the conversation and the decisions ")
                .append("where the room split. Print or save it for the group.</li>\n</ol>\n");
    }

    private static void modelPath(StringBuilder h, Dialogue d, PathReport paths, Map<String, Integer> number, Catalog catalog) {
        DialoguePath best = paths.best();
        if (best == null) return;
        h.append("<h2>The model path</h2>\n<p>The best reply at every decision on the way leads to <strong>")
                .append(esc(endingTitle(d, best.endingId()))).append("</strong> (").append(best.outcome().word()).append(") in ")
                .append(best.steps().size()).append(best.steps().size() == 1 ? " decision" : " decisions").append(":</p>\n<ol>\n");
        for (PathStep s : best.steps()) {
            CustomerNode c = (CustomerNode) d.node(s.nodeId());
            Choice ch = c.choices().get(s.choice());
            h.append("<li><span class=\"muted\">Decision ").append(number.getOrDefault(c.id(), 0)).append(":</span> <span class=\"quote\">“")
                    .append(esc(shorten(c.say(), 110))).append("”</span><br/>→ “").append(esc(ch.say())).append("”</li>\n");
        }
        h.append("</ol>\n");
    }

    private static void decision(StringBuilder h, Dialogue d, CustomerNode c, Map<String, Integer> number, Catalog catalog, Set<String> asked) {
        h.append("<div class=\"card\">\n<h3>Decision ").append(number.get(c.id())).append(" <span class=\"muted small\">(")
                .append(esc(c.id())).append(")</span></h3>\n");
        h.append("<p><strong>").append(esc(d.customer().name())).append("</strong>");
        if (c.emotion() != null) h.append(" <span class=\"muted\">(").append(esc(c.emotion())).append(")</span>");
        h.append(": <span class=\"quote\">“").append(esc(c.say())).append("”</span></p>\n");
        if (c.note() != null && !c.note().isBlank()) {
            h.append("<div class=\"note\"><span class=\"label\">Note for the facilitator</span> ").append(esc(c.note())).append("</div>\n");
        }
        h.append("<p class=\"small\"><span class=\"label\">Tests</span> ").append(esc(names(c.tests(), catalog))).append("</p>\n");
        h.append("<ol class=\"replies\">\n");
        for (Choice ch : c.choices()) {
            h.append("<li><span class=\"quote\">“").append(esc(ch.say())).append("”</span> <span class=\"grade ").append(ch.grade().word())
                    .append("\">").append(ch.grade().word()).append("</span><br/><span class=\"small\">");
            List<String> facts = new ArrayList<>();
            if (!ch.uses().isEmpty()) facts.add("<span class=\"label\">Uses</span> " + esc(names(ch.uses(), catalog)));
            if (!ch.pitfalls().isEmpty()) facts.add("<span class=\"label\">Falls into</span> " + esc(names(ch.pitfalls(), catalog)));
            facts.add("<span class=\"label\">Mood</span> " + signed(ch.mood()));
            facts.add("<span class=\"label\">Leads to</span> " + esc(leadsTo(d, ch, number)));
            h.append(String.join(" · ", facts)).append("</span><br/>").append(esc(ch.why())).append("</li>\n");
        }
        h.append("</ol>\n");
        List<String> questions = questions(c, catalog, asked);
        if (!questions.isEmpty()) {
            h.append("<p class=\"label\">Questions for the room</p>\n<ul class=\"questions\">\n");
            for (String q : questions) h.append("<li>").append(esc(q)).append("</li>\n");
            h.append("</ul>\n");
        }
        h.append("</div>\n");
    }

    /**
     * Up to {@link #QUESTIONS_PER_DECISION} questions: those of the steps the decision tests, then those of the pitfalls
     * its tempting replies (good before weak before harmful) fall into. Questions not yet asked in the guide come first,
     * so the room is not asked the same thing at every turn.
     */
    static List<String> questions(CustomerNode c, Catalog catalog, Set<String> asked) {
        List<String> candidates = new ArrayList<>();
        for (String t : c.tests()) catalog.step(t).map(Step::discuss).filter(q -> !q.isBlank()).ifPresent(candidates::add);
        c.choices().stream().filter(ch -> ch.grade() != Grade.BEST).sorted(Comparator.comparing(Choice::grade))
                .flatMap(ch -> ch.pitfalls().stream()).forEach(p -> catalog.pitfall(p).map(Pitfall::discuss).filter(q -> !q.isBlank()).ifPresent(candidates::add));
        List<String> unique = candidates.stream().distinct().toList();
        List<String> out = new ArrayList<>();
        for (String q : unique) if (out.size() < QUESTIONS_PER_DECISION && !asked.contains(q)) out.add(q);
        for (String q : unique) if (out.size() < QUESTIONS_PER_DECISION && out.isEmpty()) out.add(q);
        asked.addAll(out);
        return out;
    }

    private static String leadsTo(Dialogue d, Choice ch, Map<String, Integer> number) {
        if (ch.routes().size() == 1 && ch.routes().get(0).moodAtMost() == null && ch.routes().get(0).moodAtLeast() == null) {
            return target(d, ch.routes().get(0).to(), number);
        }
        List<String> parts = new ArrayList<>();
        for (Route r : ch.routes()) {
            String when;
            if (r.moodAtMost() != null && r.moodAtLeast() != null) when = "if the mood is " + signed(r.moodAtLeast()) + " to " + signed(r.moodAtMost());
            else if (r.moodAtMost() != null) when = "if the mood is " + signed(r.moodAtMost()) + " or lower";
            else if (r.moodAtLeast() != null) when = "if the mood is " + signed(r.moodAtLeast()) + " or higher";
            else when = "otherwise";
            parts.add(when + ": " + target(d, r.to(), number));
        }
        return String.join("; ", parts);
    }

    private static String target(Dialogue d, String id, Map<String, Integer> number) {
        Node n = d.node(id);
        if (n instanceof EndingNode e) return "the ending “" + e.ending().title() + "” (" + e.ending().outcome().word() + ")";
        Integer k = number.get(id);
        return k == null ? id : "decision " + k;
    }

    private static void endingsSection(StringBuilder h, Dialogue d, List<EndingNode> endings, PathReport paths) {
        h.append("<h2>Endings</h2>\n");
        BigInteger all = paths.pathCount();
        for (EndingNode e : endings) {
            h.append("<div class=\"card\"><p><span class=\"outcome ").append(e.ending().outcome().word()).append("\">")
                    .append(e.ending().outcome().word()).append("</span> <strong>").append(esc(e.ending().title())).append("</strong></p>\n");
            h.append("<p><span class=\"quote\">").append(esc(d.customer().name())).append(": “").append(esc(e.say())).append("”</span></p>\n");
            h.append("<p>").append(esc(e.ending().summary())).append("</p>\n");
            if (e.note() != null && !e.note().isBlank()) h.append("<div class=\"note\"><span class=\"label\">Note for the facilitator</span> ").append(esc(e.note())).append("</div>\n");
            BigInteger here = paths.pathsPerEnding().get(e.id());
            if (all != null && here != null && all.signum() > 0) {
                h.append("<p class=\"muted small\">").append(here).append(" of the ").append(all).append(" possible paths end here.</p>\n");
            }
            h.append("</div>\n");
        }
    }

    private static void closing(StringBuilder h, Dialogue d, String customer) {
        h.append("<h2>To close the session</h2>\n<ul class=\"questions\">\n")
                .append("<li>Where did ").append(esc(customer)).append("’s mood turn, and what exactly in that reply did the work?</li>\n")
                .append("<li>Which wrong reply here would you be most likely to say at the end of a long shift, and what would help you catch it in time?</li>\n")
                .append("<li>If ").append(esc(customer)).append(" came back tomorrow, what would you want the first sentence they hear to be?</li>\n")
                .append("<li>What will you say differently in your next real conversation like this one?</li>\n</ul>\n");
    }

    private static String endingTitle(Dialogue d, String id) {
        return d.node(id) instanceof EndingNode e ? e.ending().title() : id;
    }

    private static int roundTo5(int minutes) {
        return (minutes + 4) / 5 * 5;
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }
}
