package org.rapport.fuzz;

import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the fuzz cases did, per kind of damage: how many cases, and how the validator answered (the file could
 * not be read as JSON, it was read with errors, with warnings only, or clean; clean and error-free files were then
 * played to an ending). Written to {@code target/fuzz-report/<class>.md} after each test class, for
 * docs/reliability.md. Counting only: nothing here is asserted.
 */
final class FuzzTally {
    /** Problems found before there is a dialogue: the file is too big, not UTF-8, not JSON, too deep, empty, unreadable. */
    private static final Set<String> UNREADABLE = Set.of("RAP001", "RAP002", "RAP003", "RAP004", "RAP006", "RAP007");

    private static final Map<String, long[]> ROWS = new TreeMap<>();
    private static final LongAdder CASES = new LongAdder();
    private static long largestFile;

    private FuzzTally() {
    }

    /** Columns: cases, unreadable, errors, warnings only, clean, played to an ending. */
    static synchronized void record(Collection<String> labels, int fileBytes, Validated v, boolean played) {
        CASES.increment();
        largestFile = Math.max(largestFile, fileBytes);
        int outcome;
        if (v.diagnostics().stream().map(Diagnostic::code).anyMatch(UNREADABLE::contains)) {
            outcome = 1;
        } else if (v.hasErrors()) {
            outcome = 2;
        } else if (!v.diagnostics().isEmpty()) {
            outcome = 3;
        } else {
            outcome = 4;
        }
        for (String label : labels) {
            long[] row = ROWS.computeIfAbsent(label, k -> new long[6]);
            row[0]++;
            row[outcome]++;
            if (played) row[5]++;
        }
    }

    /** Writes the table of everything counted since the last write, then starts again. */
    static synchronized void write(String name) {
        StringBuilder sb = new StringBuilder("# " + name + ": " + CASES.sum() + " cases, largest file " + largestFile + " bytes\n\n");
        sb.append("| Damage | Cases | Not readable as JSON | Read, with errors | Warnings only | Clean | Played to an ending |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, long[]> e : ROWS.entrySet()) {
            long[] r = e.getValue();
            sb.append("| ").append(e.getKey());
            for (long x : r) sb.append(" | ").append(x);
            sb.append(" |\n");
        }
        try {
            Path dir = Path.of("target", "fuzz-report");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".md"), sb.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ROWS.clear();
        CASES.reset();
        largestFile = 0;
    }
}
