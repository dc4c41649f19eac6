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
            if (n.choices().stream().noneMatch(c -> c.grade() == Grade.BEST)) {
                out.add(ctx.warning("RAP033", SourceMap.path("nodes", n.id(), "choices"), "No reply of \"" + n.id()
                        + "\" is graded \"best\", so the debrief cannot show the trainee what would have worked. Grade the strongest reply \"best\".", n.id()));
            }
        }
        return out;
    }
}
