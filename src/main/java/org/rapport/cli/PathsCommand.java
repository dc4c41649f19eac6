package org.rapport.cli;

import com.google.gson.GsonBuilder;
import org.rapport.author.DialoguePath;
import org.rapport.author.GraphExport;
import org.rapport.author.PathAnalysis;
import org.rapport.author.PathReport;
import org.rapport.author.PathStep;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Mood;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "paths", addMethodSubcommands = false, sortOptions = false,
        description = {"The path report: how many distinct paths lead from the start to each ending, and which are the best, worst and typical ones.",
                "Each of those is shown with its score, mood curve, techniques and ending; when there are few paths, every one is listed.",
                "Counts are exact even in the billions: paths are counted, never listed one by one.",
                "Exit code: 0 report printed (warnings allowed), 1 the file has errors, 2 bad usage."})
final class PathsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The dialogue file.")
    Path file;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--from", paramLabel = "NODE", description = "Start at this node instead of the dialogue's start.")
    String from;

    @Option(names = "--mood", paramLabel = "N", description = "Start the customer at this mood (-5..5) instead of the file's.")
    Integer mood;

    @Option(names = "--list", paramLabel = "N", defaultValue = "100",
            description = "List every path when there are at most N (default ${DEFAULT-VALUE}).")
    int list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("rapport paths: no such file: " + file);
            return 2;
        }
        if (mood != null && !Mood.inRange(mood)) {
            err.println("rapport paths: --mood must be from -5 to 5, not " + mood + ".");
            return 2;
        }
        if (list < 0) {
            err.println("rapport paths: --list must be 0 or more.");
            return 2;
        }
        Catalog catalog = Catalog.bundled();
        PlayableFile read = PlayableFile.validate("paths", file, catalog, err);
        if (!read.ok()) return read.exit();
        Validated v = read.validated();
        Dialogue d = v.dialogue();
        String start = from == null ? d.start() : from;
        if (!d.nodes().containsKey(start)) {
            err.println("rapport paths: there is no node \"" + start + "\" in " + file + ".");
            return 2;
        }
        int startMood = mood == null ? d.customer().mood() : mood;
        PathReport r = PathAnalysis.analyze(d, catalog, start, startMood,
                new PathAnalysis.Options(list, PathAnalysis.Options.DEFAULT.samples(), PathAnalysis.Options.DEFAULT.seed()));
        List<Diagnostic> warnings = new ArrayList<>(r.diagnostics(v.file(), v.read().sourceMap()));
        // The giveaway check is about every path at once, so the path report shows it too.
        v.diagnostics().stream().filter(w -> w.code().equals("RAP064")).forEach(warnings::add);
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create()
                    .toJson(toJson(v, d, r, warnings)));
        } else {
            printText(out, d, r, warnings);
        }
        out.flush();
        return 0;
    }

    // == text ==

    private static void printText(PrintWriter out, Dialogue d, PathReport r, List<Diagnostic> warnings) {
        out.println(d.id() + ": " + d.title());
        boolean fromStart = r.startNode().equals(d.start()) && r.startMood() == Mood.clamp(d.customer().mood());
        out.println("From \"" + r.startNode() + "\" at mood " + GraphExport.signed(r.startMood())
                + (fromStart ? " (the start, with the customer's starting mood)." : "."));
        if (r.hasCycles()) {
            out.println("Replies lead round in a loop, so the paths are endless and cannot be counted:");
            for (List<String> c : r.cycles()) out.println("  " + String.join(" → ", c));
        } else {
            out.println("Paths: " + grouped(r.pathCount()) + " distinct " + (r.pathCount().equals(BigInteger.ONE) ? "path" : "paths")
                    + " to an ending.");
            for (Map.Entry<String, BigInteger> e : r.pathsPerEnding().entrySet()) {
                EndingNode end = (EndingNode) d.node(e.getKey());
                out.printf(Locale.ROOT, "  %-5s %14s  %s (%s)%n", end.ending().outcome().word(), grouped(e.getValue()),
                        e.getKey(), end.ending().title());
            }
        }
        if (r.best() != null) {
            out.println();
            printPath(out, "Best path", r.best());
            printPath(out, "Worst path", r.worst());
            printPath(out, r.complete() ? "Typical path (the median of all " + r.paths().size() + ")"
                    : "Typical path (the median of " + r.sampled() + " paths drawn at random)", r.typical());
        }
        if (r.complete() && r.paths().size() > 1) {
            out.println("Every path, best score first:");
            for (DialoguePath p : r.paths()) {
                out.printf(Locale.ROOT, "  %3d%%  %-5s  %s%n", p.percent(), p.outcome().word(), p.describe());
            }
            out.println();
        }
        for (Diagnostic w : warnings) out.println(w.toLine());
        out.println(warnings.isEmpty() ? "No warnings." : warnings.size() + (warnings.size() == 1 ? " warning." : " warnings."));
    }

    private static void printPath(PrintWriter out, String title, DialoguePath p) {
        EndingNode end = p.debrief().ending();
        out.println(title + ": " + p.percent() + "% (" + p.points() + " of " + p.maxPoints() + " points), "
                + p.steps().size() + (p.steps().size() == 1 ? " decision" : " decisions") + ", ends at \"" + p.endingId() + "\" ("
                + p.outcome().word() + ": " + end.ending().title() + ")");
        int n = 1;
        for (PathStep s : p.steps()) {
            out.printf(Locale.ROOT, "  %2d. %-24s reply %d  %-9s  mood %s → %s%n", n++, s.nodeId(), s.choice() + 1,
                    GraphExport.gradeMark(s.grade()), GraphExport.signed(s.moodBefore()), GraphExport.signed(s.moodAfter()));
        }
        out.println("  mood:       " + String.join(" → ", p.moodCurve().stream().map(GraphExport::signed).toList()));
        out.println("  techniques: " + (p.techniques().isEmpty() ? "none" : String.join(", ",
                p.techniques().stream().map(t -> t.name() + " " + t.percent() + "%").toList())));
        out.println("  steps used: " + (p.stepsUsed().isEmpty() ? "none" : String.join(", ", p.stepsUsed())));
        out.println("  pitfalls:   " + (p.pitfalls().isEmpty() ? "none" : String.join(", ", p.pitfalls())));
        out.println();
    }

    /** 8589934592 as 8,589,934,592: easier to read at a glance. */
    static String grouped(BigInteger n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    // == JSON ==

    private static Map<String, Object> toJson(Validated v, Dialogue d, PathReport r, List<Diagnostic> warnings) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", v.file());
        root.put("id", d.id());
        root.put("startNode", r.startNode());
        root.put("startMood", r.startMood());
        root.put("pathCount", r.pathCount());
        List<Map<String, Object>> endings = new ArrayList<>();
        for (Map.Entry<String, BigInteger> e : r.pathsPerEnding().entrySet()) {
            EndingNode end = (EndingNode) d.node(e.getKey());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.getKey());
            m.put("outcome", end.ending().outcome().word());
            m.put("title", end.ending().title());
            m.put("paths", r.hasCycles() ? null : e.getValue());
            endings.add(m);
        }
        root.put("endings", endings);
        root.put("cycles", r.cycles());
        root.put("best", path(r.best()));
        root.put("worst", path(r.worst()));
        root.put("typical", path(r.typical()));
        root.put("typicalOf", r.complete() ? "all" : r.sampled() > 0 ? "sample of " + r.sampled() : null);
        root.put("paths", r.paths().stream().map(PathsCommand::path).toList());
        List<Map<String, Object>> ws = new ArrayList<>();
        for (Diagnostic w : warnings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", w.file());
            m.put("line", w.line());
            m.put("column", w.column());
            m.put("severity", w.severity().word());
            m.put("code", w.code());
            m.put("message", w.message());
            m.put("node", w.nodeId());
            ws.add(m);
        }
        root.put("warnings", ws);
        return root;
    }

    private static Map<String, Object> path(DialoguePath p) {
        if (p == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("percent", p.percent());
        m.put("points", p.points());
        m.put("maxPoints", p.maxPoints());
        m.put("ending", p.endingId());
        m.put("outcome", p.outcome().word());
        m.put("moodCurve", p.moodCurve());
        List<Map<String, Object>> techniques = new ArrayList<>();
        for (Debrief.TechniqueScore t : p.techniques()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("id", t.techniqueId());
            tm.put("name", t.name());
            tm.put("percent", t.percent());
            techniques.add(tm);
        }
        m.put("techniques", techniques);
        m.put("stepsUsed", List.copyOf(p.stepsUsed()));
        m.put("pitfalls", List.copyOf(p.pitfalls()));
        List<Map<String, Object>> steps = new ArrayList<>();
        for (PathStep s : p.steps()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("node", s.nodeId());
            sm.put("reply", s.choice() + 1);
            sm.put("grade", s.grade().word());
            sm.put("moodBefore", s.moodBefore());
            sm.put("moodAfter", s.moodAfter());
            sm.put("next", s.next());
            steps.add(sm);
        }
        m.put("steps", steps);
        return m;
    }
}
