package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.print.FacilitatorGuide;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "guide", addMethodSubcommands = false, sortOptions = false,
        description = {"Write a facilitator guide for a dialogue, to print before a classroom session.",
                "It has the scenario and the customer, what the dialogue practises, how to run it with a room, the model path, "
                        + "every decision with its replies, grades, explanations and notes, questions for the room, and the endings.",
                "It is a PDF when OUT ends in .pdf, else a self-contained HTML page.",
                "Exit code: 0 written, 1 the file has errors or OUT could not be written, 2 bad usage."})
final class GuideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The dialogue file.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write it (.pdf or .html). Default: <dialogue id>-guide.pdf in the current folder.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog catalog = Catalog.bundled();
        PlayableFile read = PlayableFile.read("guide", file, catalog, err);
        if (!read.ok()) return read.exit();
        Validated v = read.validated();
        Path target = output != null ? output : Path.of(v.dialogue().id() + "-guide.pdf");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            FacilitatorGuide.of(v.dialogue(), catalog).save(target);
        } catch (IOException e) {
            err.println("rapport guide: cannot write " + target + ": " + e.getMessage());
            return 1;
        }
        out.println("Wrote " + target);
        out.flush();
        return 0;
    }
}
