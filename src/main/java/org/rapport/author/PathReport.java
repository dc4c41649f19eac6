package org.rapport.author;

import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.diag.Severity;
import org.rapport.diag.SourceMap;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Every way through a dialogue from one node and mood, found without listing them one by one.
 *
 * @param startNode      where play starts
 * @param startMood      the customer's mood there
 * @param pathCount      how many distinct sequences of replies lead from the start to an ending; null when replies can
 *                       go round in a loop (see {@code cycles}), because then there is no end to them
 * @param pathsPerEnding for every ending of the dialogue, in file order, how many of those paths end there
 * @param cycles         loops a trainee can go round, as node ids (the first node is repeated at the end); empty when none
 * @param best           the path with the highest score (ties: the better ending); null when no path ends
 * @param worst          the path with the lowest score (ties: the worse ending)
 * @param typical        the median-scoring path: of every path when they are listed, else of a seeded uniform sample
 * @param paths          every path, best score first, when there are at most {@code listLimit}; else empty
 * @param findings       what the report warns about (best path not won, endings the moods never reach, loops…)
 */
public record PathReport(String dialogueId, String startNode, int startMood, BigInteger pathCount,
                         Map<String, BigInteger> pathsPerEnding, List<List<String>> cycles, DialoguePath best,
                         DialoguePath worst, DialoguePath typical, List<DialoguePath> paths, int sampled,
                         List<Finding> findings) {

    /** A warning of the path report, about one node; {@code path} locates it in the file (see {@link SourceMap}). */
    public record Finding(String code, String nodeId, String path, String message) {
    }

    public PathReport {
        pathsPerEnding = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(pathsPerEnding));
        cycles = cycles.stream().map(List::copyOf).toList();
        paths = List.copyOf(paths);
        findings = List.copyOf(findings);
    }

    public boolean hasCycles() {
        return !cycles.isEmpty();
    }

    /** True when {@link #paths()} holds every path. */
    public boolean complete() {
        return pathCount != null && !paths.isEmpty() && BigInteger.valueOf(paths.size()).equals(pathCount);
    }

    /** The findings as located warnings, in the file's own terms. */
    public List<Diagnostic> diagnostics(String file, SourceMap sourceMap) {
        return findings.stream().map(f -> {
            Position p = sourceMap.find(f.path());
            return new Diagnostic(file, p.line(), p.column(), Severity.WARNING, f.code(), f.message(), f.nodeId());
        }).sorted(Diagnostic.ORDER).toList();
    }
}
