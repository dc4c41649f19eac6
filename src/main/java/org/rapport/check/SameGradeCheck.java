package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP053 (warning): every reply of a decision has the same grade, so the decision teaches nothing: whichever reply
 * the trainee picks scores the same.
 */
final class SameGradeCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            if (n.choices().size() < 2) continue; // RAP032
            Grade first = n.choices().get(0).grade();
            boolean same = true;
            for (Choice c : n.choices()) same &= c.grade() == first;
            if (same) {
                out.add(ctx.warning("RAP053", SourceMap.path("nodes", n.id(), "choices"), "Every reply of \"" + n.id()
                        + "\" is graded " + first.word() + ", so whichever the trainee picks scores the same and the decision teaches nothing."
                        + " Make one reply clearly best and let the others show what goes wrong.", n.id()));
            }
        }
        return out;
    }
}
