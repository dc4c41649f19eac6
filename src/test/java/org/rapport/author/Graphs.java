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
final class Graphs {
    private Graphs() {
    }

    static CustomerNode decision(String id, Choice... choices) {
        return new CustomerNode(id, "The customer speaks at " + id + ".", null, null, List.of("lead.listen"), List.of(choices));
    }

    static Choice reply(int index, Grade grade, int mood, String next) {
        return reply(index, grade, mood, List.of(Route.always(next)));
    }

    static Choice reply(int index, Grade grade, int mood, List<Route> routes) {
        List<String> uses = grade == Grade.BEST ? List.of("lead.listen") : List.of();
        return new Choice(index, "Reply " + (index + 1), grade, uses, List.of(), mood, "Why reply " + (index + 1) + " is " + grade.word() + ".", routes);
    }

    static EndingNode ending(String id, Outcome outcome) {
        return new EndingNode(id, "Goodbye.", null, null, new Ending(outcome, id, "The " + outcome.word() + " ending."));
    }

    static Dialogue dialogue(String start, int mood, List<Node> nodes) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (Node n : nodes) map.put(n.id(), n);
        return new Dialogue("generated", "Generated", "A generated dialogue.", Difficulty.ADVANCED, 5, List.of(),
                new Customer("Gen", "Generated.", mood), "Test", start, map);
    }

    /**
     * A start node, then {@code depth - 1} layers of {@code width} decisions, then three endings. Every decision has two
     * replies: a best one (+1 mood) to the node below in the next layer and a harmful one (-1) to its neighbour. The last
     * layer's best reply goes to "won" at mood 3 or more, else "kept"; its harmful reply goes to "lost". Every path has
     * {@code depth} decisions, so there are exactly 2^depth paths; all-best scores 100% and all-harmful 0%.
     */
    static Dialogue layered(int depth, int width) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(decision("start", reply(0, Grade.BEST, 1, id(1, 0)), reply(1, Grade.HARMFUL, -1, id(1, 1 % width))));
        for (int layer = 1; layer < depth; layer++) {
            for (int j = 0; j < width; j++) {
                if (layer == depth - 1) {
                    nodes.add(decision(id(layer, j),
                            reply(0, Grade.BEST, 1, List.of(new Route(null, 3, "won"), Route.always("kept"))),
                            reply(1, Grade.HARMFUL, -1, "lost")));
                } else {
                    nodes.add(decision(id(layer, j), reply(0, Grade.BEST, 1, id(layer + 1, j)),
                            reply(1, Grade.HARMFUL, -1, id(layer + 1, (j + 1) % width))));
                }
            }
        }
        nodes.add(ending("won", Outcome.WON));
        nodes.add(ending("kept", Outcome.KEPT));
        nodes.add(ending("lost", Outcome.LOST));
        return dialogue("start", 0, nodes);
    }

    static String id(int layer, int j) {
        return "n" + layer + "-" + j;
    }

    /**
     * A random dialogue without loops: each decision leads only to later decisions or to an ending, with random grades,
     * moods and mood routes.
     */
    static Dialogue random(long seed, int decisions) {
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
}
