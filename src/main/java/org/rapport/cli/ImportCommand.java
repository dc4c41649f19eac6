package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.importer.ImportResult;
import org.rapport.importer.Importer;
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
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", addMethodSubcommands = false, sortOptions = false,
        description = {"Import scenarios from other tools as Rapport drafts: Twee 3 and Twee2 (.twee, .tw), Twine 2 published or "
                + "archive HTML, H5P Branching Scenario (.h5p, or its content.json), compiled ink JSON (versions 18-21) and Yarn Spinner 2 (.yarn).",
                "Structure and words come across; what no source carries (grades, steps, pitfalls, mood, why, outcomes, the customer) "
                        + "is left out, and the draft's validate errors are the author's to-do list. docs/import.md has the tag "
                        + "convention that carries those fields in the source tool.",
                "Prints the import report (located in the source file: FILE:LINE:COLUMN for Twee and Yarn, or a passage, content[i] or story path), "
                        + "then the to-dos (located in the draft), then one summary line per file.",
                "Without -o nothing is written. Exit code: 0 imported, 1 some file could not be imported, 2 bad usage."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Files to import.")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the draft: a .json file for one FILE, or a folder (each draft as ID.json).")
    Path output;

    @Option(names = "--force", description = "Overwrite a draft that is already there.")
    boolean force;

    @Option(names = "--brief", description = "Print only the summary line of each file.")
    boolean brief;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path f : files) {
            if (!Files.exists(f)) {
                err.println("rapport import: no such file: " + f);
                return 2;
            }
        }
        boolean folder = output != null && (files.size() > 1 || Files.isDirectory(output));
        if (folder && Files.exists(output) && !Files.isDirectory(output)) {
            err.println("rapport import: with several files, -o names a folder; " + output + " is a file.");
            return 2;
        }
        Importer importer = new Importer(Catalog.bundled());
        Validator validator = new Validator(Catalog.bundled());
        int failed = 0;
        for (Path f : files) {
            ImportResult r = importer.importFile(f);
            if (!brief) for (Diagnostic d : r.report()) out.println(d.toLine());
            if (!r.ok()) {
                failed++;
                out.println(f + ": not imported (" + r.errors() + (r.errors() == 1 ? " error" : " errors") + ", " + r.warnings()
                        + (r.warnings() == 1 ? " warning" : " warnings") + ")");
                continue;
            }
            String id = idOf(r.dialogueJson());
            Path target = output == null ? Path.of(id + ".json") : folder ? output.resolve(id + ".json") : output;
            byte[] bytes = r.dialogueJson().getBytes(StandardCharsets.UTF_8);
            Validated v = validator.validate(target.toString(), bytes);
            long todos = v.diagnostics().stream().filter(Diagnostic::isError).count();
            if (!brief) for (Diagnostic d : v.diagnostics()) out.println("  to do: " + d.toLine());
            String written = "";
            if (output != null) {
                if (Files.exists(target) && !force) {
                    err.println("rapport import: " + target + " is already there; not overwritten (--force overwrites it).");
                    failed++;
                    continue;
                }
                if (folder) Files.createDirectories(output);
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written = " -> " + target;
            }
            out.println(f + ": " + r.kind() + ", " + r.nodes() + " nodes, " + r.replies() + " replies, " + r.endings() + " endings, "
                    + r.warnings() + (r.warnings() == 1 ? " warning, " : " warnings, ") + todos + (todos == 1 ? " to-do" : " to-dos") + written);
        }
        out.flush();
        return failed > 0 ? 1 : 0;
    }

    private static String idOf(String json) {
        var o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        return o.has("id") ? o.get("id").getAsString() : "imported";
    }
}
