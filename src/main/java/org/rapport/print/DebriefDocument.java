package org.rapport.print;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Step;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.engine.Debrief.OrderNote;
import org.rapport.engine.Debrief.TechniqueScore;
import org.rapport.model.Choice;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.rapport.print.Xhtml.esc;

/**
 * A debrief on paper: the ending, the score overall and per technique, the mood over the conversation, the steps never
 * used, and every decision with what the customer said, the reply taken, its grade, the steps it used and the pitfalls
 * it fell into, why, and the better reply where there was one. A pure function of its inputs, like the debrief itself.
 * A classroom session adds the room's votes through {@link Extras}.
 */
public final class DebriefDocument {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private DebriefDocument() {
    }

    /** Who played and when, for the page's heading; {@code who} may be null. */
    public record Meta(String who, Instant when, ZoneId zone) {
    }

    /** What a debrief of another kind (the room's, in a classroom session) adds to the page. */
    public interface Extras {
        /** The heading's first words, e.g. "Room debrief". */
        String kind();

        /** Written after the score: e.g. where the room split. */
        void afterScore(StringBuilder h);

        /** Written before the reply taken at decision {@code number} (1-based): e.g. the vote. */
        void beforeReply(int number, StringBuilder h);

        /** How the reply taken is introduced, e.g. "The room went on with". */
        String replyLabel();
    }

    /** A trainee's debrief. */
    public static Printable of(Dialogue d, Debrief debrief, Catalog catalog, Meta meta) {
        return of(d, debrief, catalog, meta, null);
    }

    /** A debrief with what another kind of debrief adds; {@code extras} may be null. */
    public static Printable of(Dialogue d, Debrief debrief, Catalog catalog, Meta meta, Extras extras) {
        String title = (extras == null ? "Debrief" : extras.kind()) + ": " + d.title();
        return new Printable(title, render(title, d, debrief, extras, catalog, meta));
    }

    private static String render(String title, Dialogue d, Debrief debrief, Extras extras, Catalog catalog, Meta meta) {
        String customer = d.customer().name();
        StringBuilder h = Xhtml.open(title, null);
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"meta\">");
        if (meta.who() != null && !meta.who().isBlank()) h.append(esc(meta.who())).append(" · ");
        h.append(esc(WHEN.format(meta.when().atZone(meta.zone())))).append(" · with ").append(esc(customer)).append(" · ").append(debrief.decisions().size())
                .append(debrief.decisions().size() == 1 ? " decision" : " decisions").append("</p>\n");

        // The outcome and the score side by side.
        h.append("<table class=\"two\"><tr><td>");
        if (debrief.ending() != null) {
            var e = debrief.ending().ending();
            h.append("<p><span class=\"outcome ").append(e.outcome().word()).append("\">").append(e.outcome().word()).append("</span> <strong>")
                    .append(esc(e.title())).append("</strong></p>\n");
            h.append("<p><span class=\"quote\">").append(esc(customer)).append(": “").append(esc(debrief.ending().say())).append("”</span></p>\n");
            h.append("<p>").append(esc(e.summary())).append("</p>\n");
            if (debrief.recoveryNote() != null) h.append("<div class=\"order\">").append(esc(debrief.recoveryNote())).append("</div>\n");
        } else {
            h.append("<p><strong>Unfinished:</strong> the conversation stopped before an ending.</p>\n");
        }
        h.append("</td><td style=\"width: 11em; text-align: right;\"><div class=\"score\">").append(debrief.percent()).append("%</div>")
                .append("<div class=\"muted small\">").append(debrief.points()).append(" of ").append(debrief.maxPoints()).append(" points</div>")
                .append("</td></tr></table>\n");

        if (extras != null) extras.afterScore(h);
        Xhtml.prebrief(h, d.prebrief(), "What this conversation asked of you");

        // Score per technique.
        if (!debrief.techniques().isEmpty()) {
            h.append("<h2>Score per technique</h2>\n<table class=\"techniques\">\n<thead><tr><th>Technique</th><th class=\"num\">Points</th><th class=\"num\">Score</th><th></th></tr></thead>\n<tbody>\n");
            for (TechniqueScore t : debrief.techniques()) {
                h.append("<tr><td>").append(esc(t.name())).append("</td><td class=\"num\">").append(t.points()).append(" of ").append(t.maxPoints())
                        .append("</td><td class=\"num\">").append(t.percent()).append("%</td><td><div class=\"bar\"><div class=\"fill\" style=\"width: ")
                        .append(t.percent()).append("%;\"></div></div></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
            h.append("<p class=\"muted small\">3 points for a best reply, 2 for good, 1 for weak, 0 for harmful, against a best reply at every decision on this path.</p>\n");
        }

        // The mood over the conversation, in words.
        h.append("<h2>").append(esc(customer)).append("’s mood</h2>\n<p>");
        List<Integer> curve = debrief.moodCurve();
        for (int i = 0; i < curve.size(); i++) {
            if (i > 0) h.append(" → ");
            h.append(i == 0 ? "start " : "after " + i + ": ").append(signed(curve.get(i))).append(" (").append(Mood.describe(curve.get(i))).append(')');
        }
        h.append("</p>\n<p class=\"muted small\">From −5 (furious) to +5 (delighted).</p>\n");

        if (!debrief.orderNotes().isEmpty()) {
            h.append("<h2>Order matters</h2>\n");
            for (OrderNote n : debrief.orderNotes()) h.append("<div class=\"order\">").append(esc(n.message())).append("</div>\n");
        }

        if (!debrief.missedSteps().isEmpty()) {
            h.append("<h2>Steps this conversation tested that were never used</h2>\n<ul>\n");
            for (String id : debrief.missedSteps()) {
                h.append("<li><strong>").append(esc(catalog.displayName(id))).append("</strong>");
                catalog.step(id).map(Step::summary).ifPresent(s -> h.append(": ").append(esc(s)));
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }

        h.append("<h2>Every decision</h2>\n");
        for (DecisionReview r : debrief.decisions()) {
            decision(h, r, extras, customer, catalog);
        }
        h.append("<p class=\"muted small\">Made with Rapport.</p>\n");
        return Xhtml.close(h);
    }

    private static void decision(StringBuilder h, DecisionReview r, Extras extras, String customer, Catalog catalog) {
        Choice c = r.chosen();
        h.append("<div class=\"card\">\n<h3>").append(r.number()).append(". ").append(esc(customer));
        h.append("</h3>\n<p class=\"quote\">“").append(esc(r.customerSaid())).append("”</p>\n");
        if (extras != null) extras.beforeReply(r.number(), h);
        if (r.answer().ownWords() != null) {
            h.append("<p><span class=\"label\">In your own words</span><br/><span class=\"quote\">“").append(esc(r.answer().ownWords())).append("”</span></p>\n");
        } else if (r.answer().saidAloud()) {
            h.append("<p class=\"small\">You said your reply aloud first.</p>\n");
        }
        h.append("<p><span class=\"label\">").append(extras != null ? esc(extras.replyLabel()) : "You said").append("</span> <span class=\"grade ")
                .append(c.grade().word()).append("\">").append(c.grade().word()).append("</span><br/>")
                .append("<span class=\"quote\">“").append(esc(c.say())).append("”</span></p>\n");
        h.append("<p class=\"small\"><span class=\"label\">Tests</span> ").append(esc(names(r.tests(), catalog)));
        if (!c.uses().isEmpty()) h.append(" · <span class=\"label\">Used</span> ").append(esc(names(c.uses(), catalog)));
        if (!c.pitfalls().isEmpty()) h.append(" · <span class=\"label\">Fell into</span> ").append(esc(names(c.pitfalls(), catalog)));
        h.append(" · <span class=\"label\">Mood</span> ").append(signed(r.moodBefore())).append(" → ").append(signed(r.moodAfter()));
        if (extras == null) h.append(" · ").append(String.format(Locale.ROOT, "%.1f s", r.millis() / 1000.0)).append(" to decide");
        if (r.answer().confidence() != null) h.append(" · <span class=\"label\">How sure</span> ").append(esc(r.answer().confidence().words()));
        h.append("</p>\n<p>").append(esc(c.why())).append("</p>\n");
        for (OrderNote n : r.orderNotes()) h.append("<div class=\"order\">").append(esc(n.message())).append("</div>\n");
        if (r.better() != null) {
            h.append("<div class=\"better\"><span class=\"label\">A better reply</span> <span class=\"grade ").append(r.better().grade().word())
                    .append("\">").append(r.better().grade().word()).append("</span><br/><span class=\"quote\">“").append(esc(r.better().say()))
                    .append("”</span><br/>").append(esc(r.better().why())).append("</div>\n");
        }
        h.append("</div>\n");
    }

    public static String names(List<String> ids, Catalog catalog) {
        return ids.isEmpty() ? "nothing in the catalog" : String.join(", ", ids.stream().map(catalog::displayName).toList());
    }

    public static String signed(int mood) {
        return mood > 0 ? "+" + mood : mood < 0 ? "−" + (-mood) : "0";
    }
}
