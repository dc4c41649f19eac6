package org.rapport.cli;

import org.rapport.author.GraphExport;
import org.rapport.author.GraphLayout;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "graph", addMethodSubcommands = false, sortOptions = false,
        description = {"Write the dialogue as a graph for documents and reviews: Graphviz DOT, or an SVG laid out like the author view.",
                "Every reply is an edge labelled with its number, grade and mood change (grades are also line styles). "
                        + "A file with errors is drawn as far as it could be read.",
                "Exit code: 0 written, 1 the file has errors or could not be read, 2 bad usage."})
final class GraphCommand implements Callable<Integer> {
    enum Format { dot, svg }

    enum Direction { lr, tb }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The dialogue file.")
    Path file;

    @Option(names = "--format", defaultValue = "dot", paramLabel = "dot|svg", description = "The output: dot (Graphviz) or svg (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--direction", defaultValue = "lr", paramLabel = "lr|tb", description = "For SVG: lay the graph out left to right (lr) or top to bottom (tb); default ${DEFAULT-VALUE}.")
    Direction direction;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of printing.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("rapport graph: no such file: " + file);
            return 2;
        }
        Validated v = new Validator(Catalog.bundled()).validate(file);
        if (v.dialogue() == null) {
            for (Diagnostic d : v.diagnostics()) err.println(d.toLine());
            err.println("rapport graph: " + file + " could not be read as a dialogue.");
            return 1;
        }
        String text = format == Format.dot ? GraphExport.dot(v.dialogue())
                : GraphExport.svg(v.dialogue(), GraphLayout.of(v.dialogue(), GraphLayout.Options.DEFAULT.withDirection(
                direction == Direction.tb ? GraphLayout.Direction.TOP_TO_BOTTOM : GraphLayout.Direction.LEFT_TO_RIGHT)));
        if (output == null) {
            out.print(text);
            out.flush();
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("rapport graph: cannot write " + output + ": " + e.getMessage());
                return 1;
            }
        }
        if (v.hasErrors()) {
            long errors = v.diagnostics().stream().filter(Diagnostic::isError).count();
            err.println("rapport graph: " + file + " has " + errors + (errors == 1 ? " error" : " errors")
                    + "; the graph shows what could be read (`rapport validate " + file + "` lists them).");
            return 1;
        }
        return 0;
    }
}
