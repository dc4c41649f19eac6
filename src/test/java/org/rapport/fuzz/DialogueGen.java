package org.rapport.fuzz;

import org.rapport.catalog.Catalog;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.fuzz.JsonTree.Arr;
import org.rapport.fuzz.JsonTree.Obj;
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
import org.rapport.model.Prebrief;
import org.rapport.model.Route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.rapport.fuzz.JsonTree.num;
import static org.rapport.fuzz.JsonTree.str;
import static org.rapport.fuzz.JsonTree.strings;

/**
 * Generates random dialogues that are valid by construction, together with the model the reader must build from them.
 *
 * <p>How validity is guaranteed: decisions come first in an order, endings last. Every node after the first is the
 * target of a route from an earlier decision (so every node is reachable and nothing warns RAP030), and every
 * decision has a "progress" reply whose routes all lead forward in that order, whatever the mood (so from any state
 * an ending is reachable, RAP031 holds and a trainee can never be trapped). Other replies may lead anywhere,
 * backwards included, so the graphs have cycles. Route lists end with an unconditional route (RAP022) and have no
 * contradictory bounds (RAP023); every decision has 2 to 4 replies (RAP032), one of them graded best (RAP033), every
 * reply a non-blank "why" (RAP034), and every tag comes from the catalog (RAP035).
 *
 * <p>The teaching checks hold too: the best reply uses every step the decision tests (RAP050, RAP056) and falls into
 * no pitfall (RAP051); every "why" has at least 12 words (RAP052); exactly one reply is best (RAP053, RAP057); a
 * harmful reply names a pitfall (RAP055), never leads to a won ending (RAP058) and never carries the route that
 * makes a node reachable, so every ending, won ones included, is reachable without a harmful reply (RAP054).
 */
public final class DialogueGen {
    /** A generated dialogue: the JSON tree to write and the model reading it must give. */
    public record Generated(Obj tree, Dialogue expected) {
        /** The file's bytes in the given style (with a byte-order mark when asked). */
        public byte[] bytes(JsonTree.Style style, boolean bom) {
            byte[] body = JsonTree.write(tree, style).getBytes(StandardCharsets.UTF_8);
            if (!bom) return body;
            byte[] out = new byte[body.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(body, 0, out, 3, body.length);
            return out;
        }

        /** Pretty-printed, two-space indent, no byte-order mark. */
        public byte[] bytes() {
            return bytes(JsonTree.Style.PRETTY, false);
        }
    }

    private final SplittableRandom r;
    private final boolean plain;
    private final boolean acyclic;
    private final Catalog catalog;
    private final List<String> steps = new ArrayList<>();
    private final List<String> techniques = new ArrayList<>();
    private final List<String> pitfalls = new ArrayList<>();

    /**
     * @param plain true for ordinary English text of realistic length (benchmarks); false for short text full of
     *              escapes, astral characters, invisible and right-to-left characters (fuzzing)
     */
    public DialogueGen(Catalog catalog, long seed, boolean plain) {
        this(catalog, seed, plain, false);
    }

    /**
     * @param acyclic true to send every reply forward, so that the graph has no cycle and the number of paths is finite
     *                (and, for a few thousand nodes, astronomically large): what path analysis is measured on
     */
    public DialogueGen(Catalog catalog, long seed, boolean plain, boolean acyclic) {
        this.r = new SplittableRandom(seed);
        this.plain = plain;
        this.acyclic = acyclic;
        this.catalog = catalog;
        for (Technique t : catalog.techniques()) {
            techniques.add(t.id());
            for (Step s : t.steps()) if (!s.silent()) steps.add(s.id()); // silent steps are never tagged (RAP065)
        }
        for (Pitfall p : catalog.pitfalls()) pitfalls.add(p.id());
    }

    /** A dialogue of {@code nodeCount} nodes (at least 2). */
    public Generated generate(int nodeCount) {
        int n = Math.max(2, nodeCount);
        int endings = Math.min(n - 1, 1 + r.nextInt(Math.max(1, n / 4)));
        int decisions = n - endings;
        List<String> ids = uniqueIds(n);

        // Every node after the first gets a parent: an earlier decision with room for one more route.
        final int maxTargets = 12; // 4 replies x 3 routes
        List<List<Integer>> required = new ArrayList<>();
        for (int i = 0; i < decisions; i++) required.add(new ArrayList<>());
        for (int t = 1; t < n; t++) {
            int limit = Math.min(t, decisions);
            int parent = r.nextInt(limit);
            for (int k = 0; required.get(parent).size() >= maxTargets && k < limit; k++) parent = (parent + 1) % limit;
            required.get(parent).add(t);
        }

        Outcome[] outcomes = new Outcome[n];
        for (int i = decisions; i < n; i++) outcomes[i] = Outcome.values()[r.nextInt(Outcome.values().length)];
        Node[] model = new Node[n];
        Obj[] json = new Obj[n];
        for (int i = 0; i < decisions; i++) decision(i, n, ids, required.get(i), outcomes, model, json);
        for (int i = decisions; i < n; i++) ending(i, ids, outcomes[i], model, json);

        // Nodes appear in the file in a random order; the model keeps file order.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) order.add(i);
        shuffle(order);
        Obj nodes = new Obj();
        Map<String, Node> nodeMap = new LinkedHashMap<>();
        for (int i : order) {
            nodes.put(ids.get(i), json[i]);
            nodeMap.put(ids.get(i), model[i]);
        }

        String id = Texts.kebab(r) + "-" + Texts.kebab(r);
        String title = text(20, 60);
        String summary = text(40, 160);
        Difficulty difficulty = Difficulty.values()[r.nextInt(Difficulty.values().length)];
        int minutes = 1 + r.nextInt(240);
        List<String> tags = r.nextInt(4) == 0 ? null : randomWords(r.nextInt(4));
        Customer customer = new Customer(text(3, 30), text(20, 120), r.nextInt(11) - 5);
        String setting = text(3, 30);
        // A pre-brief: 2 or 3 objectives, each starting with a verb a trainee can be seen doing (RAP066), what the agent may do, and sometimes what not.
        List<String> objectives = new ArrayList<>();
        for (int k = 0, count = 2 + r.nextInt(2); k < count; k++) objectives.add("Ask " + text(3, 60));
        List<String> mayDo = new ArrayList<>();
        for (int k = 0, count = 1 + r.nextInt(3); k < count; k++) mayDo.add("Offer " + text(3, 80));
        List<String> mayNotDo = new ArrayList<>();
        for (int k = 0, count = r.nextInt(3); k < count; k++) mayNotDo.add("Promise " + text(3, 80));
        Prebrief prebrief = new Prebrief(objectives, mayDo, mayNotDo);
        String start = ids.get(0);

        Obj top = new Obj();
        if (r.nextBoolean()) top.put("$schema", str("./dialogue.schema.json"));
        top.put("format", num(1)).put("id", str(id)).put("title", str(title)).put("summary", str(summary))
                .put("difficulty", str(difficulty.word())).put("minutes", num(minutes));
        if (tags != null) top.put("tags", strings(tags));
        top.put("customer", new Obj().put("name", str(customer.name())).put("persona", str(customer.persona()))
                .put("mood", num(customer.mood())));
        Obj pj = new Obj().put("objectives", strings(objectives)).put("mayDo", strings(mayDo));
        if (!mayNotDo.isEmpty() || r.nextBoolean()) pj.put("mayNotDo", strings(mayNotDo));
        top.put("setting", str(setting)).put("prebrief", pj).put("start", str(start)).put("nodes", nodes);
        if (!plain) shuffleMembers(top);

        Dialogue expected = new Dialogue(id, title, summary, difficulty, minutes, tags == null ? List.of() : tags,
                customer, setting, prebrief, start, nodeMap);
        return new Generated(top, expected);
    }

    private void decision(int i, int n, List<String> ids, List<Integer> required, Outcome[] outcomes, Node[] model, Obj[] json) {
        int choiceCount = Math.min(4, Math.max(2, (required.size() + 2) / 3) + r.nextInt(2));
        // Share the required targets out, at most 3 per reply; reply 0 is the progress reply.
        List<List<Integer>> targets = new ArrayList<>();
        for (int c = 0; c < choiceCount; c++) targets.add(new ArrayList<>());
        List<Integer> pending = new ArrayList<>(required);
        shuffle(pending);
        int c0 = r.nextInt(choiceCount);
        for (int t : pending) {
            int c = c0;
            while (targets.get(c).size() >= 3) c = (c + 1) % choiceCount;
            targets.get(c).add(t);
            c0 = r.nextInt(choiceCount);
        }
        for (int c = 0; c < choiceCount; c++) {
            List<Integer> ts = targets.get(c);
            if (ts.isEmpty()) {
                int count = 1 + r.nextInt(3);
                for (int k = 0; k < count; k++) {
                    // The progress reply only goes forward; the others may go anywhere, back and to themselves too.
                    if (acyclic) {
                        ts.add(i + 1 + r.nextInt(Math.min(n - i - 1, 30))); // a near successor: long paths, many of them
                    } else {
                        ts.add(c == 0 ? i + 1 + r.nextInt(n - i - 1) : r.nextInt(n));
                    }
                }
            }
        }
        int best = r.nextInt(choiceCount);
        List<String> tests = randomTags(1 + r.nextInt(3), true);
        List<Choice> choices = new ArrayList<>();
        Arr choicesJson = new Arr();
        for (int c = 0; c < choiceCount; c++) {
            String say = text(10, 100);
            Grade grade = c == best ? Grade.BEST : List.of(Grade.GOOD, Grade.WEAK, Grade.HARMFUL).get(r.nextInt(3));
            if (grade == Grade.HARMFUL && (required.stream().anyMatch(targets.get(c)::contains)
                    || targets.get(c).stream().anyMatch(t -> outcomes[t] == Outcome.WON))) {
                grade = Grade.WEAK;
            }
            List<String> uses = randomFrom(steps, r.nextInt(3));
            if (grade == Grade.BEST) uses = usesFor(tests, uses);
            List<String> pits = grade == Grade.BEST ? List.of()
                    : randomFrom(pitfalls, grade == Grade.HARMFUL || r.nextInt(3) == 0 ? 1 + r.nextInt(2) : 0);
            int mood = r.nextInt(11) - 5;
            String why = plain ? Texts.words(r, 12, 24) : Texts.nonBlank(r, 8);
            List<Route> routes = routes(targets.get(c), ids);
            choices.add(new Choice(c, say, grade, uses, pits, mood, why, routes));
            Obj cj = new Obj().put("say", str(say)).put("grade", str(grade.word())).put("uses", strings(uses))
                    .put("pitfalls", strings(pits)).put("mood", num(mood)).put("why", str(why)).put("next", next(routes));
            if (!plain) shuffleMembers(cj);
            choicesJson.add(cj);
        }
        String say = text(10, 120);
        String emotion = r.nextBoolean() ? Texts.WORDS.get(r.nextInt(Texts.WORDS.size())) : null;
        String note = r.nextInt(4) == 0 ? text(10, 80) : null;
        model[i] = new CustomerNode(ids.get(i), say, emotion, note, tests, choices);
        Obj nj = new Obj().put("say", str(say));
        if (emotion != null) nj.put("emotion", str(emotion));
        if (note != null) nj.put("note", str(note));
        nj.put("tests", strings(tests)).put("choices", choicesJson);
        if (!plain) shuffleMembers(nj);
        json[i] = nj;
    }

    /**
     * Routes to the given targets: every one but the last has a condition, the last has none, and each is taken at
     * some mood no earlier route takes (RAP023), the last one included.
     */
    private List<Route> routes(List<Integer> targets, List<String> ids) {
        List<Route> routes = new ArrayList<>();
        boolean[] taken = new boolean[11]; // moods -5..5 an earlier route already takes
        for (int k = 0; k < targets.size(); k++) {
            String to = ids.get(targets.get(k));
            if (k == targets.size() - 1) {
                routes.add(Route.always(to));
                continue;
            }
            List<Integer> free = new ArrayList<>();
            for (int m = 0; m < 11; m++) if (!taken[m]) free.add(m - 5);
            int u = free.get(r.nextInt(free.size()));
            int a = r.nextInt(11) - 5;
            Route route = switch (r.nextInt(3)) {
                case 0 -> new Route(Math.max(a, u), null, to);
                case 1 -> new Route(null, Math.min(a, u), to);
                default -> new Route(Math.max(a, u), Math.min(r.nextInt(11) - 5, u), to);
            };
            int stillFree = 0;
            for (int m : free) if (!route.matches(m)) stillFree++;
            int after = targets.size() - 1 - k; // routes still to come, each needs a mood of its own
            if (stillFree < after) route = new Route(u, u, to); // takes one mood only: enough are left
            routes.add(route);
            for (int m = -5; m <= 5; m++) if (route.matches(m)) taken[m + 5] = true;
        }
        return routes;
    }

    private JsonTree.J next(List<Route> routes) {
        if (routes.size() == 1 && r.nextInt(4) > 0) return str(routes.get(0).to());
        Arr a = new Arr();
        for (Route route : routes) {
            Obj o = new Obj();
            if (route.moodAtMost() != null) o.put("moodAtMost", num(route.moodAtMost()));
            if (route.moodAtLeast() != null) o.put("moodAtLeast", num(route.moodAtLeast()));
            o.put("to", str(route.to()));
            if (!plain) shuffleMembers(o);
            a.add(o);
        }
        return a;
    }

    private void ending(int i, List<String> ids, Outcome outcome, Node[] model, Obj[] json) {
        String say = text(5, 120);
        String title = text(5, 40);
        String summary = text(10, 120);
        String emotion = r.nextInt(3) == 0 ? Texts.WORDS.get(r.nextInt(Texts.WORDS.size())) : null;
        model[i] = new EndingNode(ids.get(i), say, emotion, null, new Ending(outcome, title, summary));
        Obj ending = new Obj().put("outcome", str(outcome.word())).put("title", str(title)).put("summary", str(summary));
        Obj nj = new Obj().put("say", str(say));
        if (emotion != null) nj.put("emotion", str(emotion));
        nj.put("ending", ending);
        if (!plain) {
            shuffleMembers(ending);
            shuffleMembers(nj);
        }
        json[i] = nj;
    }

    private List<String> uniqueIds(int n) {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>();
        while (ids.size() < n) {
            String id = plain ? "node-" + ids.size() + "-" + Texts.kebab(r) : Texts.kebab(r);
            if (seen.add(id)) ids.add(id);
        }
        return ids;
    }

    /** What the best reply uses: every tested step, a step of every tested technique, then a few more. */
    private List<String> usesFor(List<String> tests, List<String> extra) {
        List<String> uses = new ArrayList<>();
        for (String t : tests) {
            if (steps.contains(t)) {
                uses.add(t);
            } else {
                List<Step> ofTechnique = catalog.technique(t).orElseThrow().steps().stream().filter(x -> !x.silent()).toList();
                uses.add(ofTechnique.get(r.nextInt(ofTechnique.size())).id());
            }
        }
        uses.addAll(extra);
        return uses;
    }

    /** Steps and techniques (for "tests"), or steps only. */
    private List<String> randomTags(int count, boolean allowTechniques) {
        List<String> pool = new ArrayList<>(steps);
        if (allowTechniques) pool.addAll(techniques);
        return randomFrom(pool, count);
    }

    private List<String> randomFrom(List<String> pool, int count) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < count; k++) out.add(pool.get(r.nextInt(pool.size())));
        return out;
    }

    private List<String> randomWords(int count) {
        return randomFrom(Texts.WORDS, count);
    }

    private String text(int minChars, int maxChars) {
        String t = plain ? Texts.plain(r, minChars, maxChars) : Texts.odd(r, Math.max(1, maxChars / 12));
        // A required text may hold any characters but must not be blank (RAP011): odd whitespace gets a word in front.
        // The word is picked without drawing from the random stream, so every generated dialogue keeps its shape.
        return t.isBlank() ? Texts.WORDS.get(Math.floorMod(t.hashCode(), Texts.WORDS.size())) + t : t;
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) Collections.swap(list, i, r.nextInt(i + 1));
    }

    private void shuffleMembers(Obj o) {
        shuffle(o.members);
    }
}
