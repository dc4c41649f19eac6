package org.rapport.check;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.format.DidYouMean;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP035: every tag must be in the technique catalog, in the right list: techniques or steps in "tests", steps in
 * "uses", pitfalls in "pitfalls".
 */
final class TagCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        Catalog cat = ctx.catalog();
        for (CustomerNode n : ctx.decisions()) {
            List<String> tests = n.tests();
            for (int i = 0; i < tests.size(); i++) {
                String t = tests.get(i);
                if (cat.isStep(t) || cat.isTechnique(t)) continue;
                String path = SourceMap.path("nodes", n.id(), "tests", i);
                String msg = cat.isPitfall(t)
                        ? "\"" + t + "\" is a pitfall; \"tests\" names the technique steps a decision tests. List the pitfall on the tempting reply instead."
                        : "\"" + t + "\" is not in the technique catalog." + hint(t, cat) + " See docs/techniques.md.";
                out.add(ctx.error("RAP035", path, msg, n.id()));
            }
            for (Choice c : n.choices()) {
                for (int i = 0; i < c.uses().size(); i++) {
                    String u = c.uses().get(i);
                    if (cat.isStep(u)) continue;
                    String msg;
                    if (cat.isPitfall(u)) {
                        msg = "\"" + u + "\" is a pitfall: move it from \"uses\" to \"pitfalls\".";
                    } else if (cat.isTechnique(u)) {
                        msg = "\"uses\" names the steps a reply applies; \"" + u + "\" is a whole technique. Name its step, e.g. \""
                                + cat.technique(u).orElseThrow().steps().get(0).id() + "\".";
                    } else {
                        msg = "\"" + u + "\" is not a step in the technique catalog." + hint(u, cat) + " See docs/techniques.md.";
                    }
                    out.add(ctx.error("RAP035", CheckContext.choicePath(n.id(), c.index()) + "/uses/" + i, msg, n.id()));
                }
                for (int i = 0; i < c.pitfalls().size(); i++) {
                    String p = c.pitfalls().get(i);
                    if (cat.isPitfall(p)) continue;
                    String msg = cat.isStep(p) || cat.isTechnique(p)
                            ? "\"" + p + "\" is a technique step, not a pitfall: move it to \"uses\"."
                            : "\"" + p + "\" is not a pitfall in the technique catalog." + hint(p, cat) + " See docs/techniques.md.";
                    out.add(ctx.error("RAP035", CheckContext.choicePath(n.id(), c.index()) + "/pitfalls/" + i, msg, n.id()));
                }
            }
        }
        return out;
    }

    private static String hint(String tag, Catalog cat) {
        return DidYouMean.closest(tag, cat.allIds()).map(s -> " Did you mean \"" + s + "\"?").orElse("");
    }
}
