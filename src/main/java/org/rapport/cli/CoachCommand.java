package org.rapport.cli;

import com.google.gson.GsonBuilder;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.coach.Coach;
import org.rapport.coach.CoachFeedback;
import org.rapport.format.DidYouMean;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "coach", addMethodSubcommands = false, sortOptions = false,
        description = {"The phrase coach: type your own reply to one decision of a dialogue and see which of the steps it tests can be seen in your words, which cannot, and any pitfall's tell-tale phrases.",
                "It reports what it finds, not a grade; it sees words, not tone or truth.",
                "Exit code: 0 feedback printed, 1 the file has errors, 2 bad usage (no such file, no such decision)."})
final class CoachCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The dialogue file.")
    Path file;

    @Option(names = "--node", required = true, paramLabel = "ID", description = "The decision (customer node) you are answering.")
    String node;

    @Option(names = "--say", required = true, paramLabel = "TEXT", description = "Your reply, in quotes.")
    String say;

    @Option(names = "--json", description = "Print the feedback as JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Catalog catalog = Catalog.bundled();
        PlayableFile read = PlayableFile.read("coach", file, catalog, err);
        if (!read.ok()) return read.exit();
        Validated v = read.validated();
        Dialogue d = v.dialogue();
        Node n = d.node(node);
        if (!(n instanceof CustomerNode decision)) {
            List<String> ids = d.decisions().stream().map(CustomerNode::id).toList();
            String what = n == null ? "has no node \"" + node + "\"" : "\"" + node + "\" is an ending, not a decision";
            err.println("rapport coach: " + file + " " + what + ". Nearby decisions: "
                    + String.join(", ", DidYouMean.nearest(node, ids, 5)) + ".");
            return 2;
        }
        CoachFeedback f = Coach.feedback(catalog, decision, say);
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("file", file.toString());
            root.put("dialogue", d.id());
            root.put("node", f.node());
            root.put("customerSays", f.customerSays());
            root.put("reply", f.reply());
            root.put("empty", f.empty());
            root.put("found", f.found());
            root.put("missing", f.missing());
            root.put("pitfalls", f.pitfalls());
            root.put("notChecked", f.notChecked().stream().map(id -> Map.of("id", id, "name", catalog.displayName(id))).toList());
            root.put("note", f.note());
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root));
        } else {
            out.print(text(f, d, catalog));
        }
        out.flush();
        return 0;
    }

    /** One line per finding: ✓ a tested step seen, – one not seen, ! a pitfall's phrase, · a step no words can show. */
    static String text(CoachFeedback f, Dialogue d, Catalog catalog) {
        StringBuilder b = new StringBuilder();
        b.append(d.title()).append(", decision \"").append(f.node()).append("\"\n");
        b.append("Customer: ").append(f.customerSays().strip().replaceAll("\\s+", " ")).append('\n');
        if (f.empty()) {
            b.append(f.note()).append('\n');
            return b.toString();
        }
        b.append("You: ").append(f.reply().strip().replaceAll("\\s+", " ")).append("\n\n");
        for (CoachFeedback.Finding x : f.found()) b.append("✓ ").append(x.sentence()).append("  [").append(x.id()).append("]\n");
        for (CoachFeedback.Finding x : f.missing()) b.append("– ").append(x.sentence()).append("  [").append(x.id()).append("]\n");
        for (CoachFeedback.Finding x : f.pitfalls()) b.append("! ").append(x.sentence()).append("  [").append(x.id()).append("]\n");
        for (String id : f.notChecked()) {
            b.append("· Not checked: ").append(catalog.displayName(id)).append(" cannot be seen in words alone.  [").append(id).append("]\n");
        }
        if (f.found().isEmpty() && f.missing().isEmpty() && f.pitfalls().isEmpty() && f.notChecked().isEmpty()) {
            b.append("This decision tests no step, and the coach found no pitfall phrase.\n");
        }
        b.append('\n').append(f.note()).append('\n');
        return b.toString();
    }
}
