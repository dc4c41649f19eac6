package org.rapport.check;

import org.rapport.diag.Diagnostic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * RAP064 (warning): a surface cue gives the best reply away. Across the dialogue's decisions, picking the reply with
 * the most (or fewest) characters, sentences, "you" words, warm words, questions or echoed customer words, or the
 * first or last one in the file, finds the best reply {@value SurfaceCues#WARN_MARGIN} or more above chance. A trainee
 * could then score by the cue instead of by skill, and every score, mastery figure and room vote built on the
 * dialogue would measure the cue. See {@link SurfaceCues} for how each figure is counted.
 */
final class GiveawayCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (SurfaceCues.Result r : SurfaceCues.of(ctx.dialogue())) {
            if (!r.giveaway()) continue;
            out.add(ctx.warning("RAP064", "nodes", message(r), null));
        }
        return out;
    }

    static String message(SurfaceCues.Result r) {
        return String.format(Locale.ROOT, "The reply with %s is the best one in %s of %d decisions (%d%%); picking at random"
                        + " finds the best in %d%%. A trainee could win by that alone, so scores here would measure it rather"
                        + " than skill: %s.", r.cue().label(), hits(r.hits()), r.decisions(), Math.round(100 * r.rate()),
                Math.round(100 * r.chanceRate()), r.cue().advice());
    }

    /** A hit count with ties shared: "9" or "8.5". */
    static String hits(double hits) {
        double rounded = Math.round(hits * 10) / 10.0;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }
}
