package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.CustomerNode;
import org.rapport.diag.SourceMap;

import java.util.ArrayList;
import java.util.List;

/** RAP032: a decision offers 2 to 4 replies: one reply is no decision, five or more is too many to weigh. */
final class ChoiceCountCheck implements Check {
    static final int MIN = 2;
    static final int MAX = 4;

    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            int count = n.choices().size();
            if (count >= MIN && count <= MAX) continue;
            String why = count < MIN ? "with fewer than 2 there is no decision to make" : "more than 4 is too many to weigh in the moment";
            out.add(ctx.error("RAP032", SourceMap.path("nodes", n.id(), "choices"), "\"" + n.id() + "\" offers " + count
                    + (count == 1 ? " reply" : " replies") + "; a decision needs 2 to 4 (" + why + ").", n.id()));
        }
        return out;
    }
}
