package org.rapport.cli;

import org.rapport.author.DialogueTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "new", addMethodSubcommands = false, sortOptions = false,
        description = {"Write a new dialogue file from the template: a small, complete and valid dialogue whose texts say what belongs in each field.",
                "The file's \"$schema\" is set, and dialogue.schema.json is written beside it if the folder has none. "
                        + "An existing file is never overwritten.",
                "Exit code: 0 written, 1 the file exists or cannot be written, 2 bad usage (such as an id that is not kebab-case)."})
final class NewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to create, normally dialogues/<id>.json.")
    Path file;

    @Option(names = "--id", paramLabel = "ID", description = "The dialogue id (kebab-case). Default: from the file name.")
    String id;

    @Option(names = "--title", paramLabel = "TITLE", description = "The title. Default: from the id.")
    String title;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String theId = id == null ? DialogueTemplate.idFromFileName(file) : id;
        if (!DialogueTemplate.validId(theId)) {
            err.println("rapport new: \"" + theId + "\" is not a valid id: use lowercase letters and digits separated by single hyphens, e.g. late-parcel.");
            return 2;
        }
        String theTitle = title == null ? DialogueTemplate.titleFromId(theId) : title;
        if (theTitle.isBlank()) {
            err.println("rapport new: the title must not be empty.");
            return 2;
        }
        if (Files.exists(file)) {
            err.println("rapport new: " + file + " already exists, and Rapport never overwrites a file. Choose another name.");
            return 1;
        }
        try {
            Path schema = DialogueTemplate.write(file, theId, theTitle);
            out.println("Wrote " + file + ": \"" + theTitle + "\" (id " + theId + ").");
            if (schema != null) out.println("Wrote " + schema + " beside it, so that the \"$schema\" line finds the schema.");
            if (!file.getFileName().toString().equals(theId + ".json")) {
                out.println("Note: dialogue files are named after their id; consider renaming it to " + theId + ".json.");
            }
            out.println("Next: edit it in your editor, follow it in the app's author view, and check it with `rapport validate " + file + "`.");
            out.flush();
            return 0;
        } catch (FileAlreadyExistsException e) {
            err.println("rapport new: " + file + " already exists, and Rapport never overwrites a file. Choose another name.");
            return 1;
        } catch (IOException e) {
            err.println("rapport new: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
