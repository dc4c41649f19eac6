package org.rapport.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rapport.diag.Position;
import org.rapport.diag.SourceMap;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.format.TreeReading;
import org.rapport.fuzz.Mutator.Kind;
import org.rapport.fuzz.Mutator.Mutation;
import org.rapport.model.CustomerNode;
import org.rapport.model.Node;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The reader maps each node as the parser reads it and records positions only when one is first asked for
 * (docs/performance.md). Whatever the file, damaged or not, it must give exactly what reading the whole tree first and
 * recording every position gave: the same dialogue, the same diagnostics in the same order, the same declared ids, and
 * the same place for every part of the file an author can be sent to.
 */
class StreamedReadingAgreesTest {

    @Test
    void nodeRepeatsWrongFormatsAndOddNodesAgree() {
        String ok = "\"say\": \"Hi\", \"ending\": {\"outcome\": \"won\", \"title\": \"T\", \"summary\": \"S\"}";
        List<String> files = List.of(
                // a node id twice, the second with different content
                "{\"format\": 1, \"id\": \"a\", \"start\": \"x\", \"nodes\": {\"x\": {" + ok + "}, \"y\": {" + ok + "}, \"x\": {\"say\": 3}}}",
                // a format this reader does not know, with broken nodes: only the format is reported
                "{\"nodes\": {\"Bad Id\": {\"say\": 1}}, \"format\": 2}",
                // "nodes" twice: the first counts, the repeat is reported
                "{\"format\": 1, \"nodes\": {\"x\": {" + ok + "}}, \"nodes\": {\"y\": {" + ok + "}}}",
                // "nodes" first as a list, then as an object
                "{\"format\": 1, \"nodes\": [], \"nodes\": {\"y\": {" + ok + "}}}",
                // empty nodes, a node that is not an object, an unknown field with a near name
                "{\"format\": 1, \"nodes\": {}}",
                "{\"format\": 1, \"nodes\": {\"x\": [1, 2], \"y\": {" + ok + ", \"notes\": \"n\"}}}",
                // nodes before format, no format at all, a root that is not an object
                "{\"nodes\": {\"x\": {" + ok + "}}}",
                "[{\"nodes\": {}}]",
                // a deeper object called "nodes" is not the dialogue's nodes
                "{\"format\": 1, \"customer\": {\"nodes\": {\"x\": 1}}, \"nodes\": {\"x\": {" + ok + "}}}");
        for (String f : files) agree(f.getBytes(StandardCharsets.UTF_8), f);
    }

    @Test
    void everyBundledDialogueAgrees() throws Exception {
        for (Path p : FuzzCase.BUNDLED) agree(java.nio.file.Files.readAllBytes(p), p.toString());
    }

    @Property(tries = 400)
    void damagedDialoguesAgree(@ForAll("cases") FuzzCase c) {
        agree(c.bytes(), c.toString());
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        Arbitrary<String> bundled = Arbitraries.of(FuzzCase.BUNDLED.stream().map(Path::getFileName).map(Path::toString).toList());
        Arbitrary<String> generated = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 60))
                .as((seed, size) -> "generated:" + seed + ":" + size);
        Arbitrary<List<Mutation>> mutations = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs())
                .as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(Arbitraries.oneOf(bundled, generated), mutations, Arbitraries.longs()).as(FuzzCase::new);
    }

    private static void agree(byte[] bytes, String what) {
        ReadResult tree = TreeReading.read("f.json", bytes);
        ReadResult streamed = new DialogueReader().read("f.json", bytes);
        if (tree == null) return; // a syntax error (or bytes that are not UTF-8): the parser is the same on both paths
        assertEquals(tree.diagnostics(), streamed.diagnostics(), what);
        assertEquals(tree.declaredNodeIds(), streamed.declaredNodeIds(), what);
        assertEquals(tree.dialogue(), streamed.dialogue(), what);
        for (String path : paths(tree)) {
            Position expected = tree.sourceMap().find(path);
            assertNotNull(expected);
            assertEquals(expected, streamed.sourceMap().find(path), what + ": " + path);
        }
    }

    /** The places diagnostics and the author view look up: the top fields, each node, reply, route, tag and text. */
    private static List<String> paths(ReadResult r) {
        List<String> out = new ArrayList<>(List.of("", "format", "id", "title", "summary", "difficulty", "minutes", "tags",
                "tags/0", "customer", "customer/name", "customer/mood", "setting", "prebrief", "prebrief/mayDo/0", "start", "nodes"));
        for (String id : r.declaredNodeIds()) {
            String n = SourceMap.path("nodes", id);
            out.addAll(List.of(n, n + "/say", n + "/tests", n + "/tests/0", n + "/choices", n + "/ending", n + "/ending/title", n + "/missing"));
            Node node = r.dialogue() == null ? null : r.dialogue().nodes().get(id);
            int replies = node instanceof CustomerNode c ? c.choices().size() + 1 : 4;
            for (int i = 0; i < replies; i++) {
                String c = n + "/choices/" + i;
                out.addAll(List.of(c, c + "/say", c + "/grade", c + "/uses/0", c + "/pitfalls/0", c + "/mood", c + "/why",
                        c + "/next", c + "/next/0", c + "/next/1/to"));
            }
        }
        return out;
    }
}
