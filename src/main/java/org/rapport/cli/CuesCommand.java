package org.rapport.cli;

import com.google.gson.GsonBuilder;
import org.rapport.catalog.Catalog;
import org.rapport.check.SurfaceCues;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Outcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "cues", addMethodSubcommands = false, sortOptions = false,
        description = {"Can a trainee win without skill? Shows how often picking replies by a surface cue finds the best one.",
                "The cues: the longest or shortest reply, the one with the most sentences, \"you\" words, warm words, questions "
                        + "or echoed customer words, and the first or last in the file.",
                "For each cue it prints how often picking by it finds the best reply, next to chance; the dialogues a trainee who "
                        + "only picks by it would win; and the dialogue where it does best.",
                "It warns (RAP064) where a cue is 25 points or more above chance in one dialogue.",
                "Exit code: 0 no giveaway, 1 some dialogue has one (or a file has errors), 2 bad usage."})
final class CuesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = "Dialogue files or folders of them.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    /** What always picking by one cue does in one dialogue. */
    record Played(Outcome outcome, int percent) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                spec.commandLine().getErr().println("rapport cues: no such file or folder: " + p);
                return 2;
            }
        }
        Catalog catalog = Catalog.bundled();
        DialogueLibrary lib = DialogueLibrary.load(new Validator(catalog), paths);
        List<Dialogue> dialogues = lib.playable().stream().map(Validated::dialogue).toList();
        List<SurfaceCues.Result> all = SurfaceCues.ofAll(dialogues);
        Map<Dialogue, List<SurfaceCues.Result>> per = new LinkedHashMap<>();
        for (Dialogue d : dialogues) per.put(d, SurfaceCues.of(d));
        List<String> giveaways = new ArrayList<>();
        per.forEach((d, rs) -> rs.stream().filter(SurfaceCues.Result::giveaway).forEach(r -> giveaways.add(d.id() + ": " + r.cue().label())));
        if (json) {
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson(all, per, catalog, giveaways)));
        } else {
            printText(out, lib, dialogues, all, per, catalog, giveaways);
        }
        out.flush();
        return giveaways.isEmpty() && lib.broken().isEmpty() ? 0 : 1;
    }

    private static void printText(PrintWriter out, DialogueLibrary lib, List<Dialogue> dialogues, List<SurfaceCues.Result> all,
                                  Map<Dialogue, List<SurfaceCues.Result>> per, Catalog catalog, List<String> giveaways) {
        for (Validated broken : lib.broken()) out.println("skipped (has errors): " + broken.file());
        int decisions = all.isEmpty() ? 0 : all.get(0).decisions();
        out.println("Surface cues over " + dialogues.size() + (dialogues.size() == 1 ? " dialogue, " : " dialogues, ") + decisions
                + " decisions. \"Finds best\": how often the reply the cue points to is the best one (ties share); \"chance\":");
        out.println("the same for a reply picked at random; \"wins\": dialogues won by a trainee who always picks by the cue.");
        out.println();
        out.printf(Locale.ROOT, "  %-45s %10s %7s %6s   %s%n", "Always picking the reply with", "finds best", "chance", "wins", "highest in one dialogue");
        for (int i = 0; i < all.size(); i++) {
            SurfaceCues.Result r = all.get(i);
            int c = i;
            long wins = dialogues.stream().filter(d -> play(d, r.cue(), catalog).outcome() == Outcome.WON).count();
            Map.Entry<Dialogue, List<SurfaceCues.Result>> top = per.entrySet().stream()
                    .max((a, b) -> Double.compare(a.getValue().get(c).margin(), b.getValue().get(c).margin())).orElse(null);
            String worst = top == null ? "" : String.format(Locale.ROOT, "%s %d%% (chance %d%%)", top.getKey().id(),
                    pct(top.getValue().get(c).rate()), pct(top.getValue().get(c).chanceRate()));
            out.printf(Locale.ROOT, "  %-45s %9d%% %6d%% %3d/%-2d   %s%n", r.cue().label(), pct(r.rate()), pct(r.chanceRate()), wins,
                    dialogues.size(), worst);
        }
        out.println();
        out.println(giveaways.isEmpty() ? "No giveaway: in no dialogue does a cue find the best reply "
                + pct(SurfaceCues.WARN_MARGIN) + " points or more above chance."
                : "Giveaways (RAP064, " + pct(SurfaceCues.WARN_MARGIN) + " points or more above chance): " + String.join("; ", giveaways));
    }

    private static Map<String, Object> toJson(List<SurfaceCues.Result> all, Map<Dialogue, List<SurfaceCues.Result>> per, Catalog catalog,
                                              List<String> giveaways) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> cues = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            SurfaceCues.Result r = all.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cue", r.cue().id());
            m.put("label", r.cue().label());
            m.put("findsBest", round(r.rate()));
            m.put("chance", round(r.chanceRate()));
            m.put("decisions", r.decisions());
            Map<String, Object> dialogues = new LinkedHashMap<>();
            for (Map.Entry<Dialogue, List<SurfaceCues.Result>> e : per.entrySet()) {
                SurfaceCues.Result one = e.getValue().get(i);
                Played p = play(e.getKey(), r.cue(), catalog);
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("findsBest", round(one.rate()));
                dm.put("chance", round(one.chanceRate()));
                dm.put("decisions", one.decisions());
                dm.put("giveaway", one.giveaway());
                dm.put("outcome", p.outcome().word());
                dm.put("percent", p.percent());
                dialogues.put(e.getKey().id(), dm);
            }
            m.put("dialogues", dialogues);
            cues.add(m);
        }
        root.put("cues", cues);
        root.put("giveaways", giveaways);
        return root;
    }

    /**
     * Plays the dialogue as a trainee who always takes the reply this cue points to (the first in the file when several
     * tie), through the engine, and returns the ending's outcome and the debrief's score.
     */
    static Played play(Dialogue d, SurfaceCues.Cue cue, Catalog catalog) {
        Playthrough p = Playthrough.start(d, 1L);
        int guard = 0;
        while (!p.ended() && guard++ < 1_000) {
            CustomerNode n = (CustomerNode) p.current();
            p.chooseIndex(SurfaceCues.pick(cue, n).get(0).index(), 0);
        }
        if (!p.ended()) return new Played(Outcome.LOST, 0);
        Debrief debrief = Debrief.of(d, p.transcript(), catalog);
        return new Played(debrief.ending().ending().outcome(), debrief.percent());
    }

    private static int pct(double share) {
        return (int) Math.round(100 * share);
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
