package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP052 (warning): a "why" too short to teach. The debrief shows it after every reply; in fewer than
 * {@value #MIN_WORDS} words it can rarely name the step or pitfall, say what the customer hears, and (for a reply that
 * is not best) what would work better. A blank "why" is RAP034.
 */
final class ShortWhyCheck implements Check {
    static final int MIN_WORDS = 12;

    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                if (c.why() == null || c.why().isBlank()) continue;
                int words = words(c.why(), MIN_WORDS);
                if (words >= MIN_WORDS) continue;
                out.add(ctx.warning("RAP052", CheckContext.choicePath(n.id(), c.index()) + "/why", "The \"why\" of reply "
                        + (c.index() + 1) + " of \"" + n.id() + "\" has " + words + (words == 1 ? " word" : " words")
                        + "; the debrief needs 2 to 4 sentences: which step it applies or which pitfall it falls into, what the customer hears"
                        + (c.grade() == org.rapport.model.Grade.BEST ? "" : ", and what would work better") + ".", n.id()));
            }
        }
        return out;
    }

    /**
     * The words of the stripped text: runs of characters between the whitespace of the regular expression {@code \s}
     * (space, tab, line breaks, vertical tab, form feed), exactly as {@code text.strip().split("\\s+").length}
     * counts them, without compiling a regular expression for every reply.
     */
    static int words(String text) {
        return words(text, Integer.MAX_VALUE);
    }

    /**
     * {@link #words(String)}, or {@code limit} as soon as there are that many: a long explanation is not read to its
     * end just to learn that it is long enough.
     */
    static int words(String text, int limit) {
        String t = text.strip();
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length() && words < limit; i++) {
            char c = t.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }
}
