package org.rapport.cli;

import com.google.gson.GsonBuilder;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.library.DialogueLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "validate", addMethodSubcommands = false, sortOptions = false,
        description = {"Check dialogue files, or every *.json in a folder, and report each problem.",
                "Prints one line per problem, FILE:LINE:COLUMN: severity: CODE message, then a summary.",
                "Exit code: 0 no errors (warnings allowed), 1 some file has an error, 2 bad usage."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = "Dialogue files or folders of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print the diagnostics as JSON, for editors and other tools.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                spec.commandLine().getErr().println("rapport validate: no such file or folder: " + p);
                return 2;
            }
        }
        DialogueLibrary library = DialogueLibrary.load(new Validator(Catalog.bundled()), paths);
        List<Diagnostic> all = library.diagnostics();
        long errors = all.stream().filter(Diagnostic::isError).count();
        long warnings = all.size() - errors;
        int files = library.entries().size();
        if (json) {
            out.println(toJson(library, errors, warnings));
        } else {
            for (Diagnostic d : all) out.println(d.toLine());
            out.println(summary(files, library.broken().size(), errors, warnings));
        }
        out.flush();
        return errors > 0 ? 1 : 0;
    }

    static String summary(int files, int broken, long errors, long warnings) {
        return "Checked " + files + (files == 1 ? " file" : " files") + ": "
                + errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings")
                + (broken > 0 ? " (" + broken + (broken == 1 ? " file" : " files") + " cannot be played)." : ".");
    }

    private static String toJson(DialogueLibrary library, long errors, long warnings) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> files = new ArrayList<>();
        for (Validated v : library.entries()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", v.file());
            f.put("id", v.dialogue() == null ? null : v.dialogue().id());
            f.put("playable", v.playable());
            List<Map<String, Object>> ds = new ArrayList<>();
            for (Diagnostic d : v.diagnostics()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", d.file());
                m.put("line", d.line());
                m.put("column", d.column());
                m.put("severity", d.severity().word());
                m.put("code", d.code());
                m.put("message", d.message());
                if (d.nodeId() != null) m.put("node", d.nodeId());
                ds.add(m);
            }
            f.put("diagnostics", ds);
            files.add(f);
        }
        root.put("files", files);
        root.put("errors", errors);
        root.put("warnings", warnings);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }
}
