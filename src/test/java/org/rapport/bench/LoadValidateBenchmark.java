package org.rapport.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.format.DialogueReader;
import org.rapport.format.ReadResult;
import org.rapport.format.json.JsonSyntaxError;
import org.rapport.format.json.JsonValue;
import org.rapport.format.json.StrictJsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

/**
 * Loading and validating the generated 10,000-node dialogue, against a bare Gson token pass over the same bytes.
 * {@code parse} and {@code read} split the cost: decoding and the strict parser alone, then also mapping to the model.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadValidateBenchmark {
    private byte[] bytes;
    private Validator validator;
    private DialogueReader reader;

    @Setup
    public void setUp() throws IOException {
        bytes = Files.readAllBytes(BenchFixtures.big(BenchFixtures.dir()));
        validator = new Validator(Catalog.bundled());
        reader = new DialogueReader();
        Validated v = validator.validate("big.json", bytes);
        if (!v.diagnostics().isEmpty()) throw new IllegalStateException("the fixture must validate clean: " + v.diagnostics().get(0));
    }

    /** The baseline. */
    @Benchmark
    public int gsonTokenPass() {
        return GsonTokenPass.tokens(bytes);
    }

    /** What the library and the command line do for each file: read, map and run every check. */
    @Benchmark
    public Validated validate() {
        return validator.validate("big.json", bytes);
    }

    /** Decoding, the strict parser and the mapper, without the checks. */
    @Benchmark
    public ReadResult read() {
        return reader.read("big.json", bytes);
    }

    /** Decoding and the strict parser alone (the located tree). */
    @Benchmark
    public JsonValue parse() throws JsonSyntaxError {
        return StrictJsonParser.parse(new String(bytes, StandardCharsets.UTF_8));
    }
}
