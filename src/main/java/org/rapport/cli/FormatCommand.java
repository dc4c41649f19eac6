package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.format.DialogueWriter;
import org.rapport.library.DialogueLibrary;
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

@Command(name = "format", addMethodSubcommands = false, sortOptions = false,
        description = {"Write dialogue files in Rapport's canonical form, the one the author view saves.",
                "Keys come in their own order, unknown fields and $schema are kept, indents are two spaces, short lists stay on "
                        + "one line and text is kept as written. Running it twice changes nothing.",
                "A file with errors is left alone (validate lists them).",
                "Exit code: 0 every file is (now) canonical, 1 with --check some would change, or a file has errors, 2 bad usage."})
final class FormatCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = "Dialogue files or folders of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--check", description = "Change nothing; list the files that would change, and exit 1 if any would.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                err.println("rapport format: no such file or folder: " + p);
                return 2;
            }
            files.addAll(DialogueLibrary.dialogueFiles(p));
        }
        Validator validator = new Validator(Catalog.bundled());
        int changed = 0;
        int broken = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            Validated v = validator.validate(f.toString(), bytes);
            if (v.hasErrors()) {
                broken++;
                Diagnostic first = v.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
                err.println(f + ": not formatted, it has errors; the first: " + first.toLine());
                continue;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) text = text.substring(1);
            String canonical = DialogueWriter.format(text);
            if (canonical.equals(text) && bytes.length == canonical.getBytes(StandardCharsets.UTF_8).length) continue;
            changed++;
            if (check) {
                out.println("would reformat " + f);
            } else {
                Path tmp = f.resolveSibling(f.getFileName() + ".part");
                Files.writeString(tmp, canonical, StandardCharsets.UTF_8);
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println("formatted " + f);
            }
        }
        out.println(files.size() + (files.size() == 1 ? " file" : " files") + ": " + changed + (check ? " would change" : " formatted")
                + (broken > 0 ? ", " + broken + " left alone (errors)" : "") + ".");
        out.flush();
        return broken > 0 || (check && changed > 0) ? 1 : 0;
    }
}
