package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.engine.Debrief.OrderNote;
import org.rapport.model.Choice;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;

import java.util.List;
import java.util.stream.Collectors;

/** The transcript and debrief as plain text for a terminal. */
final class DebriefText {
    private DebriefText() {
    }

    static String of(Dialogue d, Debrief debrief, Catalog catalog) {
        StringBuilder sb = new StringBuilder();
        String customer = d.customer().name();
        sb.append(d.title()).append(" (").append(d.id()).append(")\n");
        sb.append(customer).append(", starting mood ").append(debrief.moodCurve().get(0)).append(" (")
                .append(Mood.describe(debrief.moodCurve().get(0))).append(")\n\n");
        for (DecisionReview r : debrief.decisions()) {
            Choice c = r.chosen();
            sb.append(r.number()).append(". ").append(customer).append(r.emotion() == null ? "" : " (" + r.emotion() + ")")
                    .append(": \"").append(r.customerSaid()).append("\"\n");
            sb.append("   You (reply ").append(c.index() + 1).append("): \"").append(c.say()).append("\"\n");
            sb.append("   Grade: ").append(c.grade().word()).append("   mood ").append(r.moodBefore()).append(" -> ").append(r.moodAfter()).append('\n');
            sb.append("   Tests: ").append(names(r.tests(), catalog)).append('\n');
            if (!c.uses().isEmpty()) sb.append("   Uses: ").append(names(c.uses(), catalog)).append('\n');
            if (!c.pitfalls().isEmpty()) sb.append("   Pitfalls: ").append(names(c.pitfalls(), catalog)).append('\n');
            sb.append("   Why: ").append(c.why()).append('\n');
            for (OrderNote n : r.orderNotes()) sb.append("   Order: ").append(n.message()).append('\n');
            if (r.better() != null) {
                sb.append("   Better (reply ").append(r.better().index() + 1).append(", ").append(r.better().grade().word())
                        .append("): \"").append(r.better().say()).append("\"\n");
                sb.append("     Why: ").append(r.better().why()).append('\n');
            }
            sb.append('\n');
        }
        if (debrief.ending() != null) {
            sb.append("Ending: ").append(debrief.ending().ending().title()).append(" (").append(debrief.ending().ending().outcome().word()).append(")\n");
            sb.append(customer).append(": \"").append(debrief.ending().say()).append("\"\n");
            sb.append(debrief.ending().ending().summary()).append('\n');
            if (debrief.recoveryNote() != null) sb.append(debrief.recoveryNote()).append('\n');
            sb.append('\n');
        }
        sb.append("Score: ").append(debrief.points()).append('/').append(debrief.maxPoints()).append(" (").append(debrief.percent()).append("%)\n");
        for (Debrief.TechniqueScore t : debrief.techniques()) {
            sb.append("  ").append(t.name()).append(": ").append(t.points()).append('/').append(t.maxPoints()).append(" (").append(t.percent()).append("%)\n");
        }
        sb.append("Mood: ").append(debrief.moodCurve().stream().map(String::valueOf).collect(Collectors.joining(" -> "))).append('\n');
        if (!debrief.missedSteps().isEmpty()) {
            sb.append("Steps this conversation tested that you never used: ").append(names(debrief.missedSteps(), catalog)).append('\n');
        }
        return sb.toString();
    }

    private static String names(List<String> ids, Catalog catalog) {
        return ids.stream().map(catalog::displayName).collect(Collectors.joining(", "));
    }
}
