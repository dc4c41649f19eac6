package org.rapport.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rapport.Fixtures;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;
import org.rapport.fuzz.Mutator.Kind;
import org.rapport.fuzz.Mutator.Mutation;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Node;
import org.rapport.model.Route;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks rewritten for speed (docs/performance.md) give exactly the answers of the code they replaced, kept here as
 * the reference: the graph checks (RAP030, RAP031) on damaged generated dialogues, and the word count of RAP052.
 */
class OptimisedChecksAgreeTest {

    @Property(tries = 200)
    void graphChecksAgreeWithTheSetBasedSearch(@ForAll("damagedGenerated") FuzzCase c) {
        byte[] bytes = c.bytes();
        Validated v = Invariants.validate("g.json", bytes, c.toString());
        if (v.dialogue() == null) return;
        Set<String> actual = new TreeSet<>();
        for (Diagnostic d : v.diagnostics()) {
            // RAP031 now also reports traps that only moods make ("A trainee can reach ..."): the old search had none.
            boolean edgeBased = d.code().equals("RAP030") || (d.code().equals("RAP031") && d.message().startsWith("No ending can be reached"));
            if (edgeBased) actual.add(d.code() + " " + d.nodeId());
        }
        assertEquals(reference(v.dialogue()), actual, c.toString());
    }

    @Provide
    Arbitrary<FuzzCase> damagedGenerated() {
        Arbitrary<String> source = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 60))
                .as((seed, size) -> "generated:" + seed + ":" + size);
        Arbitrary<List<Mutation>> graphDamage = Combinators.combine(
                        Arbitraries.of(Kind.RETARGET, Kind.DROP_NODE, Kind.CLONE_NODE, Kind.NODE_ID, Kind.MOOD_ROUTES, Kind.DELETE_FIELD),
                        Arbitraries.longs()).as(Mutation::new)
                .list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(source, graphDamage, Arbitraries.longs()).as(FuzzCase::new);
    }

    /** What GraphCheck reported before it worked on node numbers: the same rules, on sets of ids. */
    private static Set<String> reference(Dialogue d) {
        Set<String> out = new TreeSet<>();
        if (d.nodes().containsKey(d.start())) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.push(d.start());
            while (!todo.isEmpty()) {
                String id = todo.pop();
                if (!seen.add(id)) continue;
                for (String next : successors(d.node(id))) if (d.nodes().containsKey(next) && !seen.contains(next)) todo.push(next);
            }
            for (Node n : d.nodes().values()) if (!seen.contains(n.id())) out.add("RAP030 " + n.id());
        }
        Map<String, List<String>> preds = new HashMap<>();
        for (Node n : d.nodes().values()) for (String next : successors(n)) preds.computeIfAbsent(next, k -> new ArrayList<>()).add(n.id());
        Set<String> ok = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (EndingNode e : d.endings()) todo.push(e.id());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!ok.add(id)) continue;
            for (String p : preds.getOrDefault(id, List.of())) if (!ok.contains(p)) todo.push(p);
        }
        for (CustomerNode n : d.decisions()) if (!n.choices().isEmpty() && !ok.contains(n.id())) out.add("RAP031 " + n.id());
        return out;
    }

    private static List<String> successors(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof CustomerNode c) for (Choice ch : c.choices()) for (Route r : ch.routes()) out.add(r.to());
        return out;
    }

    @Property(tries = 500)
    void shortWhyCountsWordsAsTheRegularExpressionDid(@ForAll("whyText") String why) {
        String text = Fixtures.replaceOnce(Fixtures.minimal(),
                "\"why\": \"A flat 'nothing more I can do' leaves her helpless. Acknowledge the feeling and offer what you can.\"",
                "\"why\": " + quote(why));
        Validated v = Invariants.validate("w.json", text.getBytes(StandardCharsets.UTF_8), why);
        boolean reported = v.diagnostics().stream().anyMatch(d -> d.code().equals("RAP052"));
        boolean expected = !why.isBlank() && why.strip().split("\\s+").length < 12;
        assertEquals(expected, reported, quote(why));
    }

    @Provide
    Arbitrary<String> whyText() {
        return Arbitraries.strings().withChars("ab \t\n\r\f\u000b\u00a0\u2028\u1680\u3000\u001c.").ofMinLength(0).ofMaxLength(40);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        JsonTree.quote(s, false, sb);
        return sb.toString();
    }
}
