package org.rapport.author;

import org.rapport.model.Choice;
import org.rapport.model.Customer;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.model.Ending;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Dialogues built in code, with shapes whose path counts and best and worst scores are known. */
public final class Graphs {
    private Graphs() {
    }

    public static CustomerNode decision(String id, Choice... choices) {
        return new CustomerNode(id, "The customer speaks at " + id + ".", null, null, List.of("lead.listen"), List.of(choices));
    }

    public static Choice reply(int index, Grade grade, int mood, String next) {
        return reply(index, grade, mood, List.of(Route.always(next)));
    }

    public static Choice reply(int index, Grade grade, int mood, List<Route> routes) {
        List<String> uses = grade == Grade.BEST ? List.of("lead.listen") : List.of();
        List<String> pitfalls = grade == Grade.HARMFUL ? List.of("pitfall.policy-speak") : List.of();
        return new Choice(index, "Reply " + (index + 1), grade, uses, pitfalls, mood, "Reply " + (index + 1) + " is "
                + grade.word() + ": the customer hears exactly what it says, and the mood moves by " + mood + ".", routes);
    }

    public static EndingNode ending(String id, Outcome outcome) {
        return new EndingNode(id, "Goodbye.", null, null, new Ending(outcome, id, "The " + outcome.word() + " ending."));
    }

    public static Dialogue dialogue(String start, int mood, List<Node> nodes) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (Node n : nodes) map.put(n.id(), n);
        return new Dialogue("generated", "Generated", "A generated dialogue.", Difficulty.ADVANCED, 5, List.of(),
                new Customer("Gen", "Generated.", mood), "Test", start, map);
    }

    /**
     * A start node, then {@code depth - 1} layers of decisions, doubling in width (2, 4, 8…) up to {@code width}, then
     * three endings. Decision j of a layer has two replies: a best one (+1 mood) to decision 2j of the next layer and a
     * harmful one (-1) to decision 2j+1 (both modulo its width), so every node can be reached. The last layer's best
     * reply goes to "won" at mood 3 or more, else "kept"; its harmful reply goes to "lost". Every path has
     * {@code depth} decisions, so there are exactly 2^depth paths; all-best scores 100% and all-harmful 0%.
     */
    public static Dialogue layered(int depth, int width) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(decision("start", reply(0, Grade.BEST, 1, id(1, 0)), reply(1, Grade.HARMFUL, -1, id(1, 1 % widthOf(1, width)))));
        for (int layer = 1; layer < depth; layer++) {
            int next = widthOf(layer + 1, width);
            for (int j = 0; j < widthOf(layer, width); j++) {
                if (layer == depth - 1) {
                    nodes.add(decision(id(layer, j),
                            reply(0, Grade.BEST, 1, List.of(new Route(null, 3, "won"), Route.always("kept"))),
                            reply(1, Grade.HARMFUL, -1, "lost")));
                } else {
                    nodes.add(decision(id(layer, j), reply(0, Grade.BEST, 1, id(layer + 1, (2 * j) % next)),
                            reply(1, Grade.HARMFUL, -1, id(layer + 1, (2 * j + 1) % next))));
                }
            }
        }
        nodes.add(ending("won", Outcome.WON));
        nodes.add(ending("kept", Outcome.KEPT));
        nodes.add(ending("lost", Outcome.LOST));
        return dialogue("start", 0, nodes);
    }

    private static int widthOf(int layer, int width) {
        return layer >= 31 ? width : (int) Math.min(width, 1L << layer);
    }

    public static String id(int layer, int j) {
        return "n" + layer + "-" + j;
    }

    /**
     * A random dialogue without loops: each decision leads only to later decisions or to an ending, with random grades,
     * moods and mood routes.
     */
    public static Dialogue random(long seed, int decisions) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Node> nodes = new ArrayList<>();
        String[] endings = {"won", "kept", "lost"};
        for (int i = 0; i < decisions; i++) {
            int replies = 2 + r.nextInt(3);
            Choice[] choices = new Choice[replies];
            for (int c = 0; c < replies; c++) {
                Grade g = Grade.values()[r.nextInt(4)];
                int mood = r.nextInt(7) - 3;
                List<Route> routes = new ArrayList<>();
                if (r.nextInt(3) == 0) {
                    routes.add(r.nextBoolean() ? new Route(null, r.nextInt(7) - 3, target(r, i, decisions, endings))
                            : new Route(r.nextInt(7) - 3, null, target(r, i, decisions, endings)));
                }
                routes.add(Route.always(target(r, i, decisions, endings)));
                choices[c] = reply(c, g, mood, routes);
            }
            nodes.add(decision("d" + i, choices));
        }
        nodes.add(ending("won", Outcome.WON));
        nodes.add(ending("kept", Outcome.KEPT));
        nodes.add(ending("lost", Outcome.LOST));
        return dialogue("d0", r.nextInt(11) - 5, nodes);
    }

    private static String target(SplittableRandom r, int i, int decisions, String[] endings) {
        int later = decisions - i - 1;
        if (later == 0 || r.nextInt(4) == 0) return endings[r.nextInt(3)];
        return "d" + (i + 1 + r.nextInt(Math.min(later, 4)));
    }

    /** The dialogue as a format-1 file, for tests that need it on disk. */
    public static String json(Dialogue d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", 1);
        root.put("id", d.id());
        root.put("title", d.title());
        root.put("summary", d.summary());
        root.put("difficulty", d.difficulty().word());
        root.put("minutes", d.minutes());
        root.put("customer", Map.of("name", d.customer().name(), "persona", d.customer().persona(), "mood", d.customer().mood()));
        root.put("setting", d.setting());
        root.put("start", d.start());
        Map<String, Object> nodes = new LinkedHashMap<>();
        for (Node n : d.nodes().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("say", n.say());
            if (n instanceof EndingNode e) {
                m.put("ending", Map.of("outcome", e.ending().outcome().word(), "title", e.ending().title(), "summary", e.ending().summary()));
            } else {
                CustomerNode c = (CustomerNode) n;
                m.put("tests", c.tests());
                List<Object> choices = new ArrayList<>();
                for (Choice ch : c.choices()) {
                    Map<String, Object> cm = new LinkedHashMap<>();
                    cm.put("say", ch.say());
                    cm.put("grade", ch.grade().word());
                    cm.put("uses", ch.uses());
                    cm.put("pitfalls", ch.pitfalls());
                    cm.put("mood", ch.mood());
                    cm.put("why", ch.why());
                    if (ch.routes().size() == 1 && ch.routes().get(0).unconditional()) {
                        cm.put("next", ch.routes().get(0).to());
                    } else {
                        List<Object> routes = new ArrayList<>();
                        for (Route r : ch.routes()) {
                            Map<String, Object> rm = new LinkedHashMap<>();
                            if (r.moodAtMost() != null) rm.put("moodAtMost", r.moodAtMost());
                            if (r.moodAtLeast() != null) rm.put("moodAtLeast", r.moodAtLeast());
                            rm.put("to", r.to());
                            routes.add(rm);
                        }
                        cm.put("next", routes);
                    }
                    choices.add(cm);
                }
                m.put("choices", choices);
            }
            nodes.put(n.id(), m);
        }
        root.put("nodes", nodes);
        return new com.google.gson.GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }
}
