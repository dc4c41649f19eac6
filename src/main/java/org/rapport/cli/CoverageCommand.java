package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.library.Coverage;
import org.rapport.library.DialogueLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "coverage", addMethodSubcommands = false, sortOptions = false,
        description = {"Show which technique steps and pitfalls each dialogue exercises, and how often across the library.",
                "Exit code: 0 every step and pitfall reaches its minimum, 1 some fall short (or a file has errors), 2 bad usage."})
final class CoverageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = "Dialogue files or folders of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--min-step", defaultValue = "3", paramLabel = "N", description = "How many decisions must test each step (default ${DEFAULT-VALUE}).")
    int minStep;

    @Option(names = "--min-pitfall", defaultValue = "2", paramLabel = "N", description = "How many replies must show each pitfall (default ${DEFAULT-VALUE}).")
    int minPitfall;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                spec.commandLine().getErr().println("rapport coverage: no such file or folder: " + p);
                return 2;
            }
        }
        Catalog catalog = Catalog.bundled();
        DialogueLibrary lib = DialogueLibrary.load(new Validator(catalog), paths);
        for (Validated broken : lib.broken()) out.println("skipped (has errors): " + broken.file());
        Coverage c = Coverage.of(lib.playable().stream().map(Validated::dialogue).toList(), catalog);
        c.perDialogue().forEach((id, dc) -> {
            out.println(id + ": " + dc.title());
            out.println("  tests:    " + String.join(", ", dc.steps()));
            out.println("  pitfalls: " + String.join(", ", dc.pitfalls()));
        });
        out.println();
        out.println("Steps (decisions testing each, minimum " + minStep + "):");
        c.stepCounts().forEach((id, n) -> out.printf("  %-30s %3d%s%n", id, n, n < minStep ? "  <- too few" : ""));
        out.println("Pitfalls (replies showing each, minimum " + minPitfall + "):");
        c.pitfallCounts().forEach((id, n) -> out.printf("  %-30s %3d%s%n", id, n, n < minPitfall ? "  <- too few" : ""));
        List<String> thin = new ArrayList<>(c.thinSteps(minStep));
        thin.addAll(c.thinPitfalls(minPitfall));
        out.println(thin.isEmpty() ? "Every step and pitfall in the catalog is covered." : "Not covered enough: " + String.join(", ", thin));
        out.flush();
        return thin.isEmpty() && lib.broken().isEmpty() ? 0 : 1;
    }
}
