package org.rapport.format;

import org.junit.jupiter.api.Test;
import org.rapport.diag.Diagnostic;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A large file's nodes are mapped on a second thread while the parser reads on (DialogueReader, MappingThread). Read
 * that way, every file must give what reading on one thread gives: here every file takes the two-thread path.
 */
class PipelinedReadingTest {
    private final DialogueReader pipelined = new DialogueReader(DialogueReader.DEFAULT_MAX_BYTES, 0);
    private final DialogueReader plain = new DialogueReader(DialogueReader.DEFAULT_MAX_BYTES, Integer.MAX_VALUE);

    @Test
    void everyBundledDialogueReadsTheSameOnTwoThreads() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("dialogues"))) {
            files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).sorted().toList();
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            ReadResult one = plain.read(f.toString(), bytes);
            ReadResult two = pipelined.read(f.toString(), bytes);
            assertNotNull(two.dialogue(), f.toString());
            assertEquals(one.dialogue(), two.dialogue(), f.toString());
            assertEquals(one.diagnostics(), two.diagnostics(), f.toString());
            assertEquals(one.declaredNodeIds(), two.declaredNodeIds(), f.toString());
        }
    }

    /** Many batches of nodes (MappingThread hands them over MappingThread.BATCH at a time), the last one short. */
    @Test
    void aDialogueOfManyBatchesReadsTheSameOnTwoThreads() {
        for (int nodes : new int[]{MappingThread.BATCH - 1, MappingThread.BATCH, 7 * MappingThread.BATCH + 5}) {
            byte[] bytes = new org.rapport.fuzz.DialogueGen(org.rapport.catalog.Catalog.bundled(), nodes, true).generate(nodes).bytes();
            ReadResult one = plain.read("big.json", bytes);
            ReadResult two = pipelined.read("big.json", bytes);
            assertNotNull(two.dialogue());
            assertEquals(nodes, two.dialogue().nodes().size());
            assertEquals(one.dialogue(), two.dialogue());
            assertEquals(one.diagnostics(), two.diagnostics());
            assertEquals(one.declaredNodeIds(), two.declaredNodeIds());
        }
    }

    @Test
    void brokenNodesRepeatsAndALateSyntaxErrorAreReportedAsOnOneThread() {
        String ok = "\"say\": \"Hi\", \"ending\": {\"outcome\": \"won\", \"title\": \"T\", \"summary\": \"S\"}";
        for (String text : List.of(
                "{\"format\": 1, \"nodes\": {\"x\": {" + ok + "}, \"Bad\": [1], \"x\": {}, \"y\": {\"say\": 2, \"choices\": 3}}}",
                "{\"nodes\": {\"x\": {\"say\": 1}}, \"format\": 7}",
                "{\"format\": 1, \"nodes\": {\"x\": {" + ok + "}, \"y\": {" + ok + "}, \"z\": {\"say\": \"unclosed}}}")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            ReadResult one = plain.read("t.json", bytes);
            ReadResult two = pipelined.read("t.json", bytes);
            assertEquals(one.diagnostics(), two.diagnostics(), text);
            assertEquals(one.dialogue(), two.dialogue(), text);
        }
        ReadResult late = pipelined.read("t.json", ("{\"format\": 1, \"nodes\": {\"x\": {" + ok + "}, \"y\": {\"say\": \"open}}}")
                .getBytes(StandardCharsets.UTF_8));
        assertNull(late.dialogue());
        Diagnostic d = late.diagnostics().get(0);
        assertEquals("RAP001", d.code());
        assertEquals(1, d.line());
    }
}
