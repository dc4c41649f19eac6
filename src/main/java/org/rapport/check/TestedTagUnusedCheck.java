package org.rapport.check;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP050 (warning): a decision tests a step that none of its replies uses, so whatever the trainee picks, the debrief
 * cannot show that step being applied. A whole technique in "tests" counts as used when a reply uses any of its steps.
 */
final class TestedTagUnusedCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog cat = ctx.catalog();
        for (CustomerNode n : ctx.decisions()) {
            if (n.choices().isEmpty()) continue;
            for (int i = 0; i < n.tests().size(); i++) {
                String tag = n.tests().get(i);
                if (!cat.isStep(tag) && !cat.isTechnique(tag)) continue; // RAP035 reports unknown tags
                if (anyApplies(n, tag, cat)) continue;
                out.add(ctx.warning("RAP050", SourceMap.path("nodes", n.id(), "tests", i), "\"" + n.id() + "\" tests \""
                        + tag + "\", but none of its replies uses it, so the debrief can never show it applied. Add \"" + tag
                        + "\" to the \"uses\" of the reply that applies it (normally the best one), or test another step.", n.id()));
            }
        }
        return out;
    }

    static boolean applies(Choice c, String tag, Catalog cat) {
        if (c.uses().contains(tag)) return true;
        if (!cat.isTechnique(tag)) return false;
        for (String u : c.uses()) {
            if (cat.techniqueOf(u).map(t -> t.id().equals(tag)).orElse(false)) return true;
        }
        return false;
    }

    /** Whether a reply of {@code n} applies {@code tag} (loops, not streams: this runs for every tested tag of the file). */
    private static boolean anyApplies(CustomerNode n, String tag, Catalog cat) {
        for (Choice c : n.choices()) {
            if (applies(c, tag, cat)) return true;
        }
        return false;
    }
}
