package org.rapport.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rapport.author.PathAnalysis;
import org.rapport.author.PathReport;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;
import org.rapport.model.Node;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Path analysis (org.rapport.author.PathAnalysis: count, best and worst path) on generated acyclic dialogues of
 * 2,500 and 5,000 nodes with astronomically many paths, against the least such an analysis must do: one
 * breadth-first pass over the same node x mood states. The 2,500-node run shows whether the cost grows linearly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PathBenchmark {
    @Param({"2500", "5000"})
    public int nodes;

    private Dialogue dialogue;
    private Catalog catalog;

    @Setup
    public void setUp() {
        catalog = Catalog.bundled();
        Path file = BenchFixtures.forPaths(BenchFixtures.dir(), nodes);
        Validated v = new Validator(catalog).validate(file);
        if (!v.playable()) throw new IllegalStateException("the fixture must play: " + v.diagnostics());
        dialogue = v.dialogue();
        PathReport r = PathAnalysis.analyze(dialogue, catalog);
        if (r.hasCycles() || r.pathCount() == null) throw new IllegalStateException("the fixture must be acyclic");
    }

    @Benchmark
    public PathReport analyze() {
        return PathAnalysis.analyze(dialogue, catalog);
    }

    /** The baseline: every state reachable from the start, each visited once. */
    @Benchmark
    public int statePass() {
        return statesReachable(dialogue);
    }

    static int statesReachable(Dialogue d) {
        List<Node> nodes = List.copyOf(d.nodes().values());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).id(), i);
        int moods = Mood.MAX - Mood.MIN + 1;
        boolean[] seen = new boolean[nodes.size() * moods];
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        int s = index.get(d.start()) * moods + Mood.clamp(d.customer().mood()) - Mood.MIN;
        seen[s] = true;
        todo.add(s);
        int count = 0;
        while (!todo.isEmpty()) {
            int cur = todo.poll();
            count++;
            if (!(nodes.get(cur / moods) instanceof CustomerNode c)) continue;
            int mood = cur % moods + Mood.MIN;
            for (Choice ch : c.choices()) {
                int after = Mood.clamp(mood + ch.mood());
                Integer to = index.get(ch.nextFor(after));
                if (to == null) continue;
                int nxt = to * moods + after - Mood.MIN;
                if (!seen[nxt]) {
                    seen[nxt] = true;
                    todo.add(nxt);
                }
            }
        }
        return count;
    }
}
