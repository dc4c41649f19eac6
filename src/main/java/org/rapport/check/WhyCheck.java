package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.util.ArrayList;
import java.util.List;

/** RAP034: every reply needs a "why": it is what the debrief teaches. */
final class WhyCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.why() != null && !c.why().isBlank()) continue;
                String path = CheckContext.choicePath(n.id(), c.index()) + (c.why() == null ? "" : "/why");
                out.add(ctx.error("RAP034", path, "Reply " + (c.index() + 1) + " of \"" + n.id() + "\" has no \"why\". Explain which technique step it uses or which pitfall it falls into, and what the customer hears.", n.id()));
            }
        }
        return out;
    }
}
