package org.rapport.classroom;

import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassReport.Completion;
import org.rapport.classroom.ClassReport.MissedDecision;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ResultsCollector.Skipped;
import org.rapport.classroom.ResultsCollector.Used;
import org.rapport.print.Printable;
import org.rapport.print.Xhtml;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The class report as one self-contained, printable HTML file: the heat map, the decisions most often missed with the
 * reply most chosen and why it falls short, completion, and the files that were skipped. Every text from a file is
 * escaped; the style sheet is inlined; nothing is loaded from anywhere.
 */
public final class ReportHtml {
    /** How many missed decisions the report lists. */
    public static final int MISSED_SHOWN = 10;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private ReportHtml() {
    }

    /** A wide heat map needs the page turned sideways when printed. */
    private static final String LANDSCAPE = "@page { size: A4 landscape; }\n";

    /** The report as a document to save as HTML or PDF. */
    public static Printable printable(ClassReport r, Catalog catalog, Instant generated, ZoneId zone) {
        return new Printable("Class report: " + r.roster().name(), render(r, catalog, generated, zone));
    }

    public static String render(ClassReport r, Catalog catalog, Instant generated, ZoneId zone) {
        StringBuilder h = Xhtml.open("Class report: " + r.roster().name(), LANDSCAPE);
        h.append("<h1>Class report: ").append(esc(r.roster().name())).append("</h1>\n");
        long withResults = r.trainees().stream().filter(TraineeRow::hasResults).count();
        int attempts = r.trainees().stream().mapToInt(TraineeRow::attempts).sum();
        h.append("<p class=\"meta\">").append(withResults).append(" of ").append(r.trainees().size()).append(" trainees sent results · ")
                .append(attempts).append(attempts == 1 ? " attempt" : " attempts").append(" · ")
                .append(r.completionPercent()).append("% of assigned dialogues completed · generated ")
                .append(esc(WHEN.format(generated.atZone(zone)))).append("</p>\n");

        heatMap(h, r, catalog);
        missed(h, r, catalog);
        completion(h, r);
        files(h, r);
        h.append("<p class=\"muted\">Made with Rapport. Mastery is the recency-weighted share of the best grade over the decisions that "
                + "tested a step in a trainee's last 12 attempts (best 100%, good 67%, weak 33%, harmful 0%).</p>\n");
        return Xhtml.close(h);
    }

    private static void heatMap(StringBuilder h, ClassReport r, Catalog catalog) {
        h.append("<h2>Mastery by trainee and technique step</h2>\n");
        if (r.steps().isEmpty()) {
            h.append("<p>No results yet: no trainee's file had an attempt at an assigned dialogue.</p>\n");
            return;
        }
        h.append("<p class=\"legend muted\">Each cell is a mastery percentage. <span class=\"m0\">under 25%</span><span class=\"m1\">25–44%</span>"
                + "<span class=\"m2\">45–64%</span><span class=\"m3\">65–84%</span><span class=\"m4\">85% and over</span> — means no data.</p>\n");
        h.append("<table class=\"heat\">\n<thead><tr><th>Trainee</th>");
        for (String s : r.steps()) h.append("<th class=\"step\" scope=\"col\">").append(esc(catalog.displayName(s))).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (TraineeRow t : r.trainees()) {
            h.append("<tr><th scope=\"row\">").append(esc(t.name())).append("</th>");
            for (String s : r.steps()) cell(h, t.stepMastery().get(s));
            h.append("</tr>\n");
        }
        h.append("<tr class=\"average\"><td>Class average</td>");
        for (String s : r.steps()) cell(h, r.classStepMastery().get(s));
        h.append("</tr>\n</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder h, Double m) {
        if (m == null) {
            h.append("<td class=\"cell none\">—</td>");
        } else {
            h.append("<td class=\"cell m").append(ClassReport.band(m)).append("\">").append(ClassReport.percent(m)).append("%</td>");
        }
    }

    private static void missed(StringBuilder h, ClassReport r, Catalog catalog) {
        h.append("<h2>The decisions most often missed</h2>\n");
        if (r.missed().isEmpty()) {
            h.append("<p>No decision was missed: every attempt took the best reply everywhere.</p>\n");
            return;
        }
        h.append("<ol class=\"missed\">\n");
        for (MissedDecision m : r.missed().subList(0, Math.min(MISSED_SHOWN, r.missed().size()))) {
            h.append("<li><strong>").append(esc(m.dialogueTitle())).append("</strong>: the customer says <span class=\"quote\">“")
                    .append(esc(m.customerSaid())).append("”</span><br/>\n");
            h.append("Missed in ").append(m.missed()).append(" of ").append(m.reached()).append(" attempts (").append(m.missedPercent())
                    .append("%), by ").append(esc(String.join(", ", m.traineesWhoMissed()))).append(".<br/>\n");
            h.append("Most chosen instead (").append(m.commonMissCount()).append("×): <span class=\"quote\">“").append(esc(m.commonMiss().say()))
                    .append("”</span> <span class=\"grade ").append(m.commonMiss().grade().word()).append("\">").append(m.commonMiss().grade().word())
                    .append("</span><br/>\nWhy it falls short: ").append(esc(m.commonMiss().why())).append('\n');
            if (!m.commonMiss().pitfalls().isEmpty()) {
                h.append("<br/>Pitfalls: ").append(esc(String.join(", ", m.commonMiss().pitfalls().stream().map(catalog::displayName).toList()))).append('\n');
            }
            h.append("<div class=\"better\">Better: <span class=\"quote\">“").append(esc(m.better().say())).append("”</span> <span class=\"grade ")
                    .append(m.better().grade().word()).append("\">").append(m.better().grade().word()).append("</span><br/>")
                    .append(esc(m.better().why())).append("</div></li>\n");
        }
        h.append("</ol>\n");
    }

    private static void completion(StringBuilder h, ClassReport r) {
        h.append("<h2>Completion of assigned dialogues</h2>\n");
        if (r.completion().isEmpty()) {
            h.append("<p>No dialogues are assigned to this class.</p>\n");
            return;
        }
        h.append("<table>\n<thead><tr><th>Dialogue</th><th>Finished</th><th>Not yet</th></tr></thead>\n<tbody>\n");
        for (Completion c : r.completion()) {
            h.append("<tr><td>").append(esc(c.dialogue().title())).append("</td><td>").append(c.finished().size()).append(" of ")
                    .append(c.finished().size() + c.notYet().size()).append(" (").append(c.percent()).append("%)</td><td>")
                    .append(c.notYet().isEmpty() ? "everyone finished" : esc(String.join(", ", c.notYet()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void files(StringBuilder h, ClassReport r) {
        h.append("<h2>Files read</h2>\n");
        h.append("<p>").append(r.results().used().size()).append(r.results().used().size() == 1 ? " file was" : " files were").append(" used, ")
                .append(r.results().skipped().size()).append(" skipped.</p>\n");
        boolean notes = r.results().used().stream().anyMatch(u -> !u.notes().isEmpty());
        if (r.results().skipped().isEmpty() && !notes) return;
        h.append("<table class=\"skipped\">\n<thead><tr><th>File</th><th>What happened</th></tr></thead>\n<tbody>\n");
        for (Skipped s : r.results().skipped()) {
            h.append("<tr><td class=\"file\">").append(esc(s.file())).append("</td><td>Skipped: ").append(esc(s.reason())).append("</td></tr>\n");
        }
        for (Used u : r.results().used()) {
            if (u.notes().isEmpty()) continue;
            h.append("<tr><td class=\"file\">").append(esc(u.file())).append("</td><td>Used for ").append(esc(u.trainee())).append("; ")
                    .append(esc(String.join("; ", u.notes()))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** Escapes text for HTML content and attribute values. */
    public static String esc(String s) {
        return Xhtml.esc(s);
    }
}
