package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/** RAP033 (warning): every decision should have a "best" reply, or the debrief has no better reply to show. */
final class BestChoiceCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            if (n.choices().isEmpty()) continue;
            if (!hasBest(n)) {
                out.add(ctx.warning("RAP033", SourceMap.path("nodes", n.id(), "choices"), "No reply of \"" + n.id()
                        + "\" is graded \"best\", so the debrief cannot show the trainee what would have worked. Grade the strongest reply \"best\".", n.id()));
            }
        }
        return out;
    }

    /** Whether a reply of {@code n} is graded best (a loop: it runs for every node of the file). */
    private static boolean hasBest(CustomerNode n) {
        for (org.rapport.model.Choice c : n.choices()) {
            if (c.grade() == Grade.BEST) return true;
        }
        return false;
    }
}
