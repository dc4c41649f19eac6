package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP057 (warning): more than one reply of a decision is graded "best". The debrief shows one better reply, and a
 * trainee comparing two "best" answers cannot tell what separates good from best. Aim for exactly one.
 */
final class SeveralBestCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            List<Choice> best = new ArrayList<>(2);
            for (Choice c : n.choices()) {
                if (c.grade() == Grade.BEST) best.add(c);
            }
            if (best.size() < 2) continue;
            Choice second = best.get(1);
            out.add(ctx.warning("RAP057", CheckContext.choicePath(n.id(), second.index()) + "/grade", "\"" + n.id() + "\" has "
                    + best.size() + " replies graded best (replies " + String.join(", ", best.stream().map(c -> String.valueOf(c.index() + 1)).toList())
                    + "). Keep best for the one reply that applies the tested step fully, and grade the others good.", n.id()));
        }
        return out;
    }
}
