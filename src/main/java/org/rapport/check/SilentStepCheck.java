package org.rapport.check;

import org.rapport.catalog.Step;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RAP065 (warning): a decision tests, or a reply claims, a silent step: one that happens in the agent's head (asking
 * yourself why the customer feels this way, recalling a similar feeling of your own) and so cannot be heard in any
 * reply. Crediting a spoken reply with it teaches that the step is something you say. Tag what the reply shows
 * instead: its result is heard only through a spoken step, such as naming the feeling and its cause.
 */
final class SilentStepCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (int i = 0; i < n.tests().size(); i++) {
                Optional<Step> s = silent(ctx, n.tests().get(i));
                if (s.isEmpty()) continue;
                out.add(ctx.warning("RAP065", SourceMap.path("nodes", n.id(), "tests", i), "\"" + n.id() + "\" tests \""
                        + s.get().id() + "\", which happens in the agent's head and can't be heard in a reply, so no decision can"
                        + " test it. Test the step where it shows: " + shows(ctx) + ".", n.id()));
            }
            for (Choice c : n.choices()) {
                for (int i = 0; i < c.uses().size(); i++) {
                    Optional<Step> s = silent(ctx, c.uses().get(i));
                    if (s.isEmpty()) continue;
                    out.add(ctx.warning("RAP065", CheckContext.choicePath(n.id(), c.index()) + "/uses/" + i, "Reply " + (c.index() + 1)
                            + " of \"" + n.id() + "\" claims \"" + s.get().id() + "\", which happens in the agent's head. A reply shows"
                            + " only its result, through a spoken step: " + shows(ctx) + ". Tag what the words show.", n.id()));
                }
            }
        }
        return out;
    }

    private static Optional<Step> silent(CheckContext ctx, String id) {
        return ctx.catalog().step(id).filter(Step::silent);
    }

    /** The spoken steps of the technique the silent steps belong to, e.g. "empathy-steps.demonstrate". */
    private static String shows(CheckContext ctx) {
        List<String> spoken = new ArrayList<>();
        ctx.catalog().techniques().stream()
                .filter(t -> t.steps().stream().anyMatch(Step::silent))
                .forEach(t -> t.steps().stream().filter(s -> !s.silent()).forEach(s -> spoken.add("\"" + s.id() + "\"")));
        return String.join(" or ", spoken);
    }
}
