package org.rapport.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.library.DialogueLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opening and listing a library of 300 generated dialogue files with {@link DialogueLibrary#load}, as the library
 * screen does: list the folder, read and validate every file, check ids across files. The baseline lists the same
 * folder and runs a bare Gson token pass over every file. Run warm (average time) and cold (one shot in a fresh JVM,
 * which is what a trainee opening the app waits for).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LibraryBenchmark {
    private Path folder;
    private Validator validator;

    @Setup
    public void setUp() {
        folder = BenchFixtures.library(BenchFixtures.dir());
        validator = new Validator(Catalog.bundled());
    }

    /** The baseline. */
    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SingleShotTime})
    public int gsonTokenPass() throws IOException {
        int n = 0;
        for (Path f : DialogueLibrary.dialogueFiles(folder)) n += GsonTokenPass.tokens(Files.readAllBytes(f));
        return n;
    }

    @Benchmark
    @BenchmarkMode({Mode.AverageTime, Mode.SingleShotTime})
    public int load() throws IOException {
        DialogueLibrary library = DialogueLibrary.load(validator, List.of(folder));
        if (library.playable().size() != BenchFixtures.LIBRARY_FILES) throw new IllegalStateException("every file should play");
        return library.entries().size();
    }
}
