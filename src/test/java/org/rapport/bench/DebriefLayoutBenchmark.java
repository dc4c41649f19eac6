package org.rapport.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rapport.author.GraphFacts;
import org.rapport.author.GraphLayout;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Transcript;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;

import java.util.concurrent.TimeUnit;

/**
 * The debrief of a 500-decision transcript ({@link Debrief#of}) against one pass over the same transcript that looks
 * up each decision's node and reply and adds up the points (the least a debrief must do); and the layered layout of
 * a 2,000-node dialogue with loops ({@link GraphLayout#of}) against {@link GraphFacts#of}, the one pass over its
 * nodes and replies that the layout starts from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DebriefLayoutBenchmark {
    Dialogue dialogue;
    Transcript transcript;
    Catalog catalog;

    @Setup
    public void setUp() {
        catalog = Catalog.bundled();
        Validated v = new Validator(catalog).validate(BenchFixtures.forLayout(BenchFixtures.dir()));
        if (!v.playable()) throw new IllegalStateException("the fixture must play: " + v.diagnostics());
        dialogue = v.dialogue();
        transcript = BenchFixtures.longTranscript(dialogue, BenchFixtures.DEBRIEF_DECISIONS);
    }

    @Benchmark
    public Debrief debrief() {
        return Debrief.of(dialogue, transcript, catalog);
    }

    @Benchmark
    public int transcriptPass() {
        return transcriptPass(dialogue, transcript);
    }

    @Benchmark
    public GraphLayout.Layout layout() {
        return GraphLayout.of(dialogue);
    }

    @Benchmark
    public GraphFacts graphFacts() {
        return GraphFacts.of(dialogue);
    }

    static int transcriptPass(Dialogue d, Transcript t) {
        int points = 0;
        for (Decision decision : t.decisions()) {
            CustomerNode c = (CustomerNode) d.node(decision.nodeId());
            points += c.choices().get(decision.chosen()).grade().points();
        }
        return points;
    }
}
