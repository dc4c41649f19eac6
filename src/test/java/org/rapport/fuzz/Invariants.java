package org.rapport.fuzz;

import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.engine.StepResult;
import org.rapport.model.Choice;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What must hold for any input at all, checked after each fuzz case. */
final class Invariants {
    static final Catalog CATALOG = Catalog.bundled();
    static final Validator VALIDATOR = new Validator(CATALOG);

    /** Diagnostics about the file as a whole (too big, unreadable) sit at 0:0; every other one inside the file. */
    static final Set<String> FILE_LEVEL = Set.of("RAP002", "RAP007");

    /**
     * The longest message allowed. The fixed wording of the longest message is under 300 characters; quoted ids and
     * values are shortened, so a 5 MB node id cannot turn into a 5 MB message in the terminal or on a library card.
     */
    static final int MAX_MESSAGE = 1000;

    private static final Set<String> DOCUMENTED = documentedCodes();

    private Invariants() {
    }

    private static Set<String> documentedCodes() {
        try {
            Set<String> codes = new TreeSet<>();
            Matcher m = Pattern.compile("^\\| (RAP\\d{3}) \\|", Pattern.MULTILINE).matcher(Files.readString(Path.of("docs/diagnostics.md")));
            while (m.find()) codes.add(m.group(1));
            return codes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates under the hang bound; the validator must neither throw nor hang. */
    static Validated validate(String name, byte[] bytes, String what) {
        return Bounded.call(what, () -> VALIDATOR.validate(name, bytes));
    }

    /** Every diagnostic is well formed and points inside the file (or at 0:0 for the file as a whole). */
    static void diagnosticsAreLocated(String name, byte[] bytes, Validated v, String what) {
        if (v == null || v.read() == null) throw new AssertionError("no result for " + what);
        int[] lineLengths = null;
        for (Diagnostic d : v.diagnostics()) {
            String where = d.toLine().length() > 300 ? d.toLine().substring(0, 300) + "…" : d.toLine();
            check(name.equals(d.file()), "wrong file name in " + where, what);
            check(d.severity() != null, "no severity: " + where, what);
            check(d.code() != null && DOCUMENTED.contains(d.code()), "undocumented code: " + where, what);
            check(d.message() != null && !d.message().isBlank(), "blank message: " + where, what);
            check(d.message().length() <= MAX_MESSAGE, "message of " + d.message().length() + " characters: " + where, what);
            if (d.line() == 0 && d.column() == 0) {
                check(FILE_LEVEL.contains(d.code()), "0:0 for a problem that has a place in the file: " + where, what);
                continue;
            }
            if (lineLengths == null) lineLengths = lineLengths(bytes);
            check(d.line() >= 1 && d.line() <= lineLengths.length, "line " + d.line() + " outside the file's "
                    + lineLengths.length + " lines: " + where, what);
            int len = lineLengths[d.line() - 1];
            check(d.column() >= 1 && d.column() <= len + 1, "column " + d.column() + " outside line " + d.line()
                    + " of " + len + " characters: " + where, what);
        }
        if (v.playable()) check(v.dialogue() != null, "playable without a dialogue", what);
    }

    /**
     * The length of each line in characters, as the reader counts them: the text decoded as UTF-8 (bad bytes as one
     * replacement character each, as far as the reader got), split at '\n'.
     */
    static int[] lineLengths(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("REPLACE never throws", e);
        }
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lengths.add(i - start);
                start = i + 1;
            }
        }
        lengths.add(text.length() - start);
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A dialogue the validator passes can always be finished: every state a trainee can reach (node and mood) still
     * leads to an ending, and the real engine, driven along a shortest way and along random replies, agrees with the
     * model at every step and reaches an ending. The debrief of the result is built without error.
     */
    static void playsToAnEnding(Dialogue d, long seed, String what) {
        Bounded.call(what, () -> {
            MoodPaths paths = new MoodPaths(d);
            int startMood = Mood.clamp(d.customer().mood());
            List<String> traps = paths.traps(d.start(), startMood);
            check(traps.isEmpty(), "validated clean, but a trainee can get stuck with no way to an ending at "
                    + traps.subList(0, Math.min(5, traps.size())), what);

            // Random replies for a while, then the shortest way from wherever that led.
            SplittableRandom r = new SplittableRandom(seed);
            Playthrough p = Playthrough.start(d, seed);
            int randomSteps = r.nextInt(2 * d.nodes().size() + 1);
            for (int k = 0; k < randomSteps && !p.ended(); k++) {
                int shown = r.nextInt(p.offered().size());
                int before = p.mood();
                Choice c = p.offered().get(shown);
                StepResult step = p.choose(shown, r.nextInt(5000));
                agree(d, before, c, step, what);
            }
            if (!p.ended()) {
                List<Integer> way = paths.shortestToEnding(p.current().id(), p.mood());
                check(way != null, "no way to an ending from " + p.current().id() + "@" + p.mood(), what);
                for (int fileIndex : way) {
                    int before = p.mood();
                    Choice c = ((org.rapport.model.CustomerNode) p.current()).choices().get(fileIndex);
                    agree(d, before, c, p.chooseIndex(fileIndex, 1000), what);
                }
            }
            check(p.ended() && p.transcript().finished(), "the guided play did not end", what);
            Debrief debrief = Debrief.of(d, p.transcript(), CATALOG);
            check(debrief.ending() != null && debrief.ending().id().equals(p.transcript().endingId()), "debrief ending differs", what);
            check(debrief.decisions().size() == p.transcript().decisions().size(), "debrief lost decisions", what);
            return null;
        });
    }

    private static void agree(Dialogue d, int before, Choice c, StepResult step, String what) {
        int after = Mood.clamp(before + c.mood());
        check(step.decision().moodAfter() == after, "engine mood " + step.decision().moodAfter() + ", expected " + after, what);
        check(step.now().id().equals(c.nextFor(after)), "engine went to " + step.now().id() + ", expected " + c.nextFor(after), what);
        check(step.ended() == (step.now() instanceof org.rapport.model.EndingNode), "ended flag wrong", what);
        check(d.node(step.now().id()) == step.now(), "engine left the dialogue", what);
    }

    static void check(boolean ok, String message, String what) {
        if (!ok) throw new AssertionError(message + "\n  case: " + what);
    }
}
