package org.rapport.check;

import org.rapport.diag.Diagnostic;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Mood;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.List;

/**
 * RAP022: a route list must end with a route that has no condition, or some moods lead nowhere.
 * RAP023 (warning): a route that can never be taken (after an unconditional one, with bounds that exclude each other,
 * or with every mood it allows already taken by earlier routes of the same reply, which the engine tries first).
 */
final class RouteCheck implements Check {
    @Override
    public List<Diagnostic> run(CheckContext ctx) {
        List<Diagnostic> out = new ArrayList<>();
        for (CustomerNode n : ctx.decisions()) {
            for (Choice c : n.choices()) {
                List<Route> routes = c.routes();
                if (routes.isEmpty()) continue;
                if (!routes.get(routes.size() - 1).unconditional()) {
                    out.add(ctx.error("RAP022", nextPath(n, c), "The routes of reply " + (c.index() + 1) + " of \"" + n.id()
                            + "\" all have conditions, so some moods lead nowhere. End the list with a route that has only \"to\".", n.id()));
                }
                for (int r = 0; r < routes.size(); r++) {
                    Route route = routes.get(r);
                    if (r < routes.size() - 1 && route.unconditional()) {
                        out.add(ctx.warning("RAP023", nextPath(n, c) + "/" + (r + 1), "This route of reply " + (c.index() + 1) + " of \"" + n.id()
                                + "\" comes after a route with no condition, so it is never taken. Put the unconditional route last.", n.id()));
                        break;
                    }
                    if (route.moodAtLeast() != null && route.moodAtMost() != null && route.moodAtLeast() > route.moodAtMost()) {
                        out.add(ctx.warning("RAP023", nextPath(n, c) + "/" + r, "This route needs a mood of at least " + route.moodAtLeast()
                                + " and at most " + route.moodAtMost() + " at once, so it is never taken.", n.id()));
                    } else if (r > 0 && inRange(route) && shadowed(routes, r)) {
                        out.add(ctx.warning("RAP023", nextPath(n, c) + "/" + r, "This route of reply " + (c.index() + 1) + " of \"" + n.id()
                                + "\" is never taken: at every mood it allows, an earlier route of the reply matches first. Reorder the routes,"
                                + " narrow the earlier ones, or remove this one.", n.id()));
                    }
                }
            }
        }
        return out;
    }

    /** Whether every mood that route {@code r} matches is matched by an earlier route (tried first by the engine). */
    private static boolean shadowed(List<Route> routes, int r) {
        for (int mood = Mood.MIN; mood <= Mood.MAX; mood++) {
            if (!routes.get(r).matches(mood)) continue;
            boolean earlier = false;
            for (int k = 0; k < r && !earlier; k++) earlier = routes.get(k).matches(mood);
            if (!earlier) return false;
        }
        return true;
    }

    /** Bounds outside -5..5 are RAP015 errors already; such a route is not judged again here. */
    private static boolean inRange(Route route) {
        return (route.moodAtLeast() == null || Mood.inRange(route.moodAtLeast())) && (route.moodAtMost() == null || Mood.inRange(route.moodAtMost()));
    }

    /** Built only for a diagnostic: a big clean file has tens of thousands of replies. */
    private static String nextPath(CustomerNode n, Choice c) {
        return CheckContext.choicePath(n.id(), c.index()) + "/next";
    }
}
