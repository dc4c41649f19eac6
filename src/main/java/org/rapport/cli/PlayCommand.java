package org.rapport.cli;

import com.google.gson.GsonBuilder;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.rapport.print.DebriefDocument;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "play", addMethodSubcommands = false, sortOptions = false,
        description = {"Play a dialogue without a window, taking the given replies, and print the transcript and debrief.",
                "Replies are numbered by their position in the file (1-based), so a script does not depend on the shuffle the app uses.",
                "Exit code: 0 played to an ending, 1 the file has errors, a position does not exist at its decision, "
                        + "or the replies ran out before an ending or outnumber the decisions, 2 bad usage."})
final class PlayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The dialogue file.")
    Path file;

    @Option(names = "--choices", required = true, split = ",", paramLabel = "N",
            description = "The reply to take at each decision, by position in the file, e.g. 2,1,3.")
    List<Integer> choices;

    @Option(names = "--mood", paramLabel = "N", description = "Start the customer at this mood (-5..5) instead of the file's.")
    Integer mood;

    @Option(names = "--json", description = "Print the transcript and debrief as JSON.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Also save the printable debrief: a PDF when OUT ends in .pdf, else a self-contained HTML page.")
    Path output;

    @Option(names = "--trainee", paramLabel = "NAME", description = "The name printed on the saved debrief.")
    String trainee;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(file)) {
            err.println("rapport play: no such file: " + file);
            return 2;
        }
        if (mood != null && !Mood.inRange(mood)) {
            err.println("rapport play: --mood must be from -5 to 5, not " + mood + ".");
            return 2;
        }
        Catalog catalog = Catalog.bundled();
        Validated v = new Validator(catalog).validate(file);
        if (!v.playable()) {
            v.diagnostics().stream().filter(Diagnostic::isError).forEach(d -> err.println(d.toLine()));
            err.println("rapport play: " + file + " has errors and cannot be played.");
            return 1;
        }
        Dialogue d = v.dialogue();
        Playthrough p = mood == null ? Playthrough.start(d, 1) : Playthrough.startAt(d, d.start(), mood, 1);
        for (int i = 0; i < choices.size(); i++) {
            int pos = choices.get(i);
            if (p.ended()) {
                err.println("rapport play: the conversation reached the ending \"" + p.current().id() + "\" after "
                        + i + " decisions; --choices has " + (choices.size() - i) + " more. Remove them.");
                return 1;
            }
            CustomerNode node = (CustomerNode) p.current();
            if (pos < 1 || pos > node.choices().size()) {
                err.println("rapport play: decision " + (i + 1) + " (node \"" + node.id() + "\") has " + node.choices().size()
                        + " replies, so position " + pos + " does not exist.");
                return 1;
            }
            p.chooseIndex(pos - 1, 0);
        }
        if (!p.ended()) {
            err.println("rapport play: the replies ran out after " + choices.size() + " decisions, at node \"" + p.current().id()
                    + "\", before an ending. Add the reply to take there (1-" + ((CustomerNode) p.current()).choices().size() + ").");
            return 1;
        }
        Debrief debrief = Debrief.of(d, p.transcript(), catalog);
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(org.rapport.engine.DebriefTree.of(d, p.transcript(), debrief, catalog)));
        } else {
            out.print(DebriefText.of(d, debrief, catalog));
        }
        if (output != null) {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                DebriefDocument.of(d, debrief, catalog, new DebriefDocument.Meta(trainee, Instant.now(), ZoneId.systemDefault())).save(output);
            } catch (IOException e) {
                out.flush();
                err.println("rapport play: cannot write " + output + ": " + e.getMessage());
                return 1;
            }
            if (!json) out.println("Wrote " + output);
        }
        out.flush();
        return 0;
    }
}
