package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP056 (warning): a reply graded "best" whose "uses" is empty. The debrief then cannot say which technique step made
 * it work, and the per-technique scores never credit it.
 */
final class BestReplyWithoutStepCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.grade() != Grade.BEST || !c.uses().isEmpty()) continue;
                String hint = n.tests().isEmpty() ? "" : " This decision tests " + String.join(", ", n.tests()) + ".";
                out.add(ctx.warning("RAP056", CheckContext.choicePath(n.id(), c.index()) + "/uses", "Reply " + (c.index() + 1)
                        + " of \"" + n.id() + "\" is graded best but \"uses\" no technique step, so the debrief cannot say what made it work."
                        + " List the steps it applies." + hint, n.id()));
            }
        }
        return out;
    }
}
