package org.rapport.author;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.model.Dialogue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One reading of a dialogue file for the author view: what the file says now ({@code latest}) and what to show
 * ({@code shown}). A save that breaks the file keeps the last version that loaded without errors on screen, so the
 * author keeps their graph while they fix the errors the latest version has.
 *
 * @param latest       the file as it is now, with every diagnostic
 * @param shown        the version drawn: the latest when it has no errors, else the last one that had none, else
 *                     whatever of the latest could be read (which may have no dialogue at all)
 * @param layout       the graph of {@code shown}; null when there is no dialogue to draw
 * @param facts        reachability and dead ends of {@code shown}
 * @param paths        the path report of {@code shown}, when it has no errors
 * @param shownAt      when {@code shown} was read
 * @param readAt       when {@code latest} was read
 */
public record Draft(Path file, Validated latest, Validated shown, GraphLayout.Layout layout, GraphFacts facts,
                    PathReport paths, Instant shownAt, Instant readAt) {

    /** Reads {@code file} and works out what to show, given the previous reading of the same file (or null). */
    public static Draft load(Validator validator, Catalog catalog, Path file, Draft previous, GraphLayout.Options options) {
        return of(validator.validate(file), catalog, file, previous, options);
    }

    /** The same, for text edited in the author view and not yet saved (validated as if it were the file). */
    public static Draft edited(Validator validator, Catalog catalog, Path file, byte[] text, Draft previous, GraphLayout.Options options) {
        return of(validator.validate(file.toString(), text), catalog, file, previous, options);
    }

    private static Draft of(Validated latest, Catalog catalog, Path file, Draft previous, GraphLayout.Options options) {
        Instant now = Instant.now();
        boolean samePlace = previous != null && previous.file().equals(file);
        if (samePlace && previous.latest().read().contentHash() != null
                && previous.latest().read().contentHash().equals(latest.read().contentHash())
                && previous.shown() == previous.latest()) {
            // Touched but unchanged (editors do this): nothing to redo.
            return new Draft(file, previous.latest(), previous.shown(), previous.layout(), previous.facts(), previous.paths(),
                    previous.shownAt(), now);
        }
        if (latest.playable()) return fresh(file, latest, catalog, options, now);
        if (samePlace && previous.shown().playable()) {
            return new Draft(file, latest, previous.shown(), previous.layout(), previous.facts(), previous.paths(), previous.shownAt(), now);
        }
        if (latest.dialogue() == null && samePlace && previous.shown().dialogue() != null) {
            // Nothing of the new version could be read: keep drawing the old, partial one.
            return new Draft(file, latest, previous.shown(), previous.layout(), previous.facts(), previous.paths(), previous.shownAt(), now);
        }
        return fresh(file, latest, catalog, options, now);
    }

    private static Draft fresh(Path file, Validated v, Catalog catalog, GraphLayout.Options options, Instant now) {
        Dialogue d = v.dialogue();
        if (d == null) return new Draft(file, v, v, null, null, null, now, now);
        GraphLayout.Layout layout = GraphLayout.of(d, options);
        GraphFacts facts = GraphFacts.of(d);
        PathReport paths = v.playable() ? PathAnalysis.analyze(d, catalog) : null;
        return new Draft(file, v, v, layout, facts, paths, now, now);
    }

    /** The same reading laid out again (another direction); the path report does not change. */
    public Draft relaid(GraphLayout.Options options) {
        if (shown.dialogue() == null) return this;
        return new Draft(file, latest, shown, GraphLayout.of(shown.dialogue(), options), facts, paths, shownAt, readAt);
    }

    /** True when the version drawn is an older one, because the file as it is now has errors. */
    public boolean stale() {
        return shown != latest;
    }

    public Dialogue dialogue() {
        return shown.dialogue();
    }

    /**
     * Every diagnostic to list: the latest version's, then the path report's warnings (only when the report is of the
     * latest version, so every line number is right for the file as it is).
     */
    public List<Diagnostic> diagnostics() {
        List<Diagnostic> all = new ArrayList<>(latest.diagnostics());
        if (!stale() && paths != null) all.addAll(paths.diagnostics(latest.file(), latest.read().sourceMap()));
        all.sort(Diagnostic.ORDER);
        return all;
    }

    public long errors() {
        return latest.diagnostics().stream().filter(Diagnostic::isError).count();
    }

    public long warnings() {
        return diagnostics().size() - errors();
    }
}
