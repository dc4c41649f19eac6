package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP051 (warning): a reply graded "best" that falls into a pitfall. The debrief would hold it up as the model answer
 * while warning against it.
 */
final class BestReplyPitfallCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.grade() != Grade.BEST || c.pitfalls().isEmpty()) continue;
                out.add(ctx.warning("RAP051", CheckContext.choicePath(n.id(), c.index()) + "/pitfalls/0", "Reply " + (c.index() + 1)
                        + " of \"" + n.id() + "\" is graded best but falls into " + String.join(", ", c.pitfalls())
                        + ". The debrief shows the best reply as the one to copy: rewrite it without the pitfall, or grade it lower.", n.id()));
            }
        }
        return out;
    }
}
