package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.SourceMap;
import org.rapport.model.Prebrief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RAP066 (warning): the pre-brief is missing or cannot do its job. The trainee reads it before the customer's first
 * line: two or three objectives they can be seen to meet, and what the agent may do (the facts and the authority),
 * without which a best reply's promise can't be judged. An objective that starts with a verb nobody can observe
 * ("understand", "know", "learn") is reported too.
 */
final class PrebriefCheck implements Check {
    static final int MIN_OBJECTIVES = 2;
    static final int MAX_OBJECTIVES = 3;
    /** First words of objectives that describe a state of mind rather than something a trainee can be seen doing. */
    private static final Set<String> UNOBSERVABLE = Set.of("understand", "know", "learn", "appreciate", "realise", "realize",
            "be", "feel", "grasp", "see", "become");

    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        Prebrief p = ctx.dialogue().prebrief();
        if (p.isEmpty()) {
            out.add(ctx.warning("RAP066", "setting", "This dialogue has no \"prebrief\". Before the customer's first line the trainee"
                    + " should read 2 or 3 objectives they can be seen to meet, and what the agent may do here (refund limits, what"
                    + " can be waived, who can be called): add \"prebrief\": {\"objectives\": [...], \"mayDo\": [...]} after \"setting\".", null));
            return out;
        }
        int n = p.objectives().size();
        if (n < MIN_OBJECTIVES || n > MAX_OBJECTIVES) {
            out.add(ctx.warning("RAP066", "prebrief", "The pre-brief has " + n + (n == 1 ? " objective" : " objectives")
                    + "; give 2 or 3, each something the trainee can be seen to do in this conversation.", null));
        }
        if (p.mayDo().isEmpty()) {
            out.add(ctx.warning("RAP066", "prebrief", "The pre-brief says nothing under \"mayDo\". List the facts and the authority the"
                    + " agent has here (e.g. \"Refund up to $50 without a manager\"), so trainees and reviewers can tell whether a"
                    + " reply promises more than the agent may give.", null));
        }
        blanks(ctx, out, p.objectives(), "objectives");
        blanks(ctx, out, p.mayDo(), "mayDo");
        blanks(ctx, out, p.mayNotDo(), "mayNotDo");
        for (int i = 0; i < p.objectives().size(); i++) {
            String first = firstWord(p.objectives().get(i));
            if (!UNOBSERVABLE.contains(first)) continue;
            out.add(ctx.warning("RAP066", SourceMap.path("prebrief", "objectives", i), "Objective " + (i + 1) + " starts with \""
                    + first + "\", which nobody can see a trainee do. Start with what they will say or do, e.g. \"Name the concern"
                    + " she keeps repeating before offering a fix\".", null));
        }
        return out;
    }

    private static void blanks(CheckContext ctx, List<Diagnostic> out, List<String> items, String key) {
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isBlank()) continue;
            out.add(ctx.warning("RAP066", SourceMap.path("prebrief", key, i), "Item " + (i + 1) + " of \"" + key
                    + "\" in the pre-brief is empty: write it or remove it.", null));
        }
    }

    private static String firstWord(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && Character.isLetter(t.charAt(end))) end++;
        return t.substring(0, end);
    }
}
