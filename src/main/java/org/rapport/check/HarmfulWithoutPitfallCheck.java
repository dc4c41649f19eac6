package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Grade;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP055 (warning): a harmful reply that names no pitfall. The debrief then cannot say which trap it fell into, nor
 * link the trainee to the pitfall's explanation in the technique reference.
 */
final class HarmfulWithoutPitfallCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.grade() != Grade.HARMFUL || !c.pitfalls().isEmpty()) continue;
                out.add(ctx.warning("RAP055", CheckContext.choicePath(n.id(), c.index()) + "/pitfalls", "Reply " + (c.index() + 1)
                        + " of \"" + n.id() + "\" is graded harmful but lists no pitfall, so the debrief cannot name the trap it falls into."
                        + " Add the pitfall it shows (see docs/techniques.md), e.g. \"pitfall.policy-speak\".", n.id()));
            }
        }
        return out;
    }
}
