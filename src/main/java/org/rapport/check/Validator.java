package org.rapport.check;

import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dialogue file and runs every check on it. The same validator serves the app's library, the author view and
 * the command line, so an author sees the same diagnostics everywhere.
 */
public final class Validator {
    private final DialogueReader reader;
    private final Catalog catalog;
    private final List<Check> checks;

    public Validator(Catalog catalog) {
        this(new DialogueReader(), catalog);
    }

    public Validator(DialogueReader reader, Catalog catalog) {
        this.reader = reader;
        this.catalog = catalog;
        this.checks = List.of(new ReferenceCheck(), new RouteCheck(), new ChoiceCountCheck(), new BestChoiceCheck(),
                new WhyCheck(), new TagCheck(), new GraphCheck(),
                // Teaching checks (warnings): the file plays, but it would teach less well than it could.
                new TestedTagUnusedCheck(), new BestReplyPitfallCheck(), new ShortWhyCheck(), new SameGradeCheck(),
                new WinNeedsHarmCheck(), new HarmfulWithoutPitfallCheck(), new BestReplyWithoutStepCheck(),
                new SeveralBestCheck(), new HarmfulWinsCheck(), new GiveawayCheck(), new SilentStepCheck(), new PrebriefCheck());
    }

    public Validated validate(Path file) {
        return runChecks(reader.read(file));
    }

    public Validated validate(String name, byte[] bytes) {
        return runChecks(reader.read(name, bytes));
    }

    private Validated runChecks(ReadResult read) {
        List<Diagnostic> all = new ArrayList<>(read.diagnostics());
        if (read.dialogue() != null) {
            CheckContext ctx = new CheckContext(read.file(), read.dialogue(), read.sourceMap(), catalog, read.declaredNodeIds());
            for (List<Diagnostic> found : checks.parallelStream().map(c -> c.run(ctx)).toList()) all.addAll(found);
        }
        all.sort(Diagnostic.ORDER);
        return new Validated(read, all);
    }
}
