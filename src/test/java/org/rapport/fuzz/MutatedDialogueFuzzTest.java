package org.rapport.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.rapport.check.Validated;
import org.rapport.fuzz.Mutator.Kind;
import org.rapport.fuzz.Mutator.Mutation;

import java.nio.file.Path;
import java.util.List;

/**
 * Damaged dialogues: every bundled file, and generated ones, put through byte flips, truncation, deleted, duplicated
 * and renamed fields, swapped types, random unicode, huge numbers, deep nesting, broken ids and references. Whatever
 * the damage, the validator returns (never throws, never hangs), every diagnostic points inside the file, and a file
 * that still validates without an error can be played to an ending.
 */
@AddLifecycleHook(LongRun.class)
class MutatedDialogueFuzzTest {

    /** Every bundled file with every kind of mutation, three seeds each (all combinations, not a sample). */
    @Property(generation = GenerationMode.EXHAUSTIVE)
    void everyBundledFileSurvivesEveryKindOfDamage(@ForAll("bundledNames") String file, @ForAll Kind kind,
                                                   @ForAll @LongRange(min = 0, max = 2) long seed) {
        check(new FuzzCase(file, List.of(new Mutation(kind, seed)), seed));
    }

    /** Several mutations stacked on a random bundled file. */
    @Property(tries = 300)
    void stackedDamageToBundledFiles(@ForAll("bundledCases") FuzzCase c) {
        check(c);
    }

    /** Several mutations stacked on a random generated dialogue (any size, cycles, odd text). */
    @Property(tries = 150)
    void stackedDamageToGeneratedDialogues(@ForAll("generatedCases") FuzzCase c) {
        check(c);
    }

    static void check(FuzzCase c) {
        String what = c.toString();
        byte[] bytes = c.bytes();
        Validated v = Invariants.validate("fuzz.json", bytes, what);
        Invariants.diagnosticsAreLocated("fuzz.json", bytes, v, what);
        if (v.playable()) Invariants.playsToAnEnding(v.dialogue(), c.styleSeed(), what);
        String from = c.source().startsWith("generated:") ? "generated" : "bundled";
        String label = c.mutations().size() == 1 ? c.mutations().get(0).kind().toString()
                : c.mutations().size() + " stacked mutations, " + from + " files";
        FuzzTally.record(List.of(label, "all, " + from + " files"), bytes.length, v, v.playable());
    }

    @AfterContainer
    static void report() {
        FuzzTally.write("MutatedDialogueFuzzTest");
    }

    @Provide
    Arbitrary<String> bundledNames() {
        return Arbitraries.of(FuzzCase.BUNDLED.stream().map(Path::getFileName).map(Path::toString).toList());
    }

    private static Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.longs()).as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<FuzzCase> bundledCases() {
        return Combinators.combine(bundledNames(), mutations(), Arbitraries.longs()).as(FuzzCase::new);
    }

    @Provide
    Arbitrary<FuzzCase> generatedCases() {
        Arbitrary<String> source = Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(2, 80))
                .as((seed, size) -> "generated:" + seed + ":" + size);
        return Combinators.combine(source, mutations(), Arbitraries.longs()).as(FuzzCase::new);
    }
}
