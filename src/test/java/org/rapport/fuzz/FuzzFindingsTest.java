package org.rapport.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rapport.Fixtures;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.format.DidYouMean;
import org.rapport.format.json.JsonValue.JNumber;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One regression test per bug the fuzzers found (docs/reliability.md lists them). Each input is run under the same
 * hang bound as the fuzz cases ({@link Bounded}); none of these is a timing assertion.
 */
class FuzzFindingsTest {

    private static Validated validate(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Validated v = Invariants.validate("found.json", bytes, "regression");
        Invariants.diagnosticsAreLocated("found.json", bytes, v, "regression");
        return v;
    }

    private static List<String> codes(Validated v) {
        return v.diagnostics().stream().map(Diagnostic::code).toList();
    }

    // == 1. A node id containing '/' made the unknown-field warning throw NumberFormatException ==

    @Example
    void aNodeIdWithASlashAndAnUnknownFieldInAReplyIsReportedNotThrown() {
        String text = Fixtures.minimal()
                .replace("\"calmer\": {", "\"x/choices/y\": {")
                .replace("{\"moodAtLeast\": 1, \"to\": \"calmer\"}", "{\"moodAtLeast\": 1, \"to\": \"x/choices/y\"}")
                .replace("\"grade\": \"best\",\n          \"uses\": [\"lead.accept\"", "\"grade\": \"best\", \"tone\": 1,\n          \"uses\": [\"lead.accept\"");
        Validated v = validate(text);
        assertTrue(codes(v).contains("RAP014"), v.diagnostics().toString()); // the id is not kebab-case
        Diagnostic unknown = v.diagnostics().stream().filter(d -> d.code().equals("RAP012")).findFirst().orElseThrow();
        assertEquals("Unknown field \"tone\" in reply 1 of node \"x/choices/y\"; Rapport ignores it.", unknown.message());
        assertEquals(Fixtures.lineOf(text, "\"tone\""), unknown.line());
    }

    // == 2. A long id such as "a-a-a-…" overflowed the stack in the kebab-case regular expression ==

    @Example
    void aLongDashedIdIsCheckedWithoutOverflowingTheStack() {
        String id = "a-".repeat(200_000) + "a";
        Validated v = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"late-parcel\"", "\"" + id + "\""));
        assertTrue(v.playable(), v.diagnostics().toString()); // long but kebab-case: fine
        Validated bad = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"late-parcel\"", "\"" + id + "-\""));
        assertEquals(List.of("RAP014"), codes(bad));
    }

    private static final Pattern OLD_KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The loop that replaced the regular expression accepts exactly what it accepted. */
    @Property(tries = 300)
    void kebabCaseMeansWhatTheRegularExpressionMeant(@ForAll("idLike") String id) {
        String text = Fixtures.replaceOnce(Fixtures.minimal(), "\"late-parcel\"", quote(id));
        boolean reported = codes(validate(text)).contains("RAP014");
        assertEquals(!OLD_KEBAB.matcher(id).matches(), reported, id);
    }

    @Provide
    Arbitrary<String> idLike() {
        return Arbitraries.strings().withChars("ab9-_A .").ofMinLength(0).ofMaxLength(12);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        JsonTree.quote(s, false, sb);
        return sb.toString();
    }

    // == 3. A number with a million digits took minutes: BigDecimal parses in quadratic time ==

    @Example
    void aNumberWithMillionsOfDigitsIsRefusedAtOnce() {
        String digits = "1" + "0".repeat(4_000_000);
        Validated v = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"minutes\": 3", "\"minutes\": " + digits));
        assertEquals(List.of("RAP010"), codes(v));
        assertTrue(v.diagnostics().get(0).message().length() < 300, v.diagnostics().get(0).message());
    }

    @Example
    void aWholeNumberWrittenWithMillionsOfZerosIsStillThatNumber() {
        assertEquals(3L, asLong("3." + "0".repeat(4_000_000)));
        assertEquals(3L, asLong("300" + "0".repeat(4_000_000) + "e-4000002"));
        assertEquals(0L, asLong("-0.0" + "0".repeat(4_000_000) + "e99999999999999"));
        assertNull(asLong("0." + "0".repeat(4_000_000) + "1"));
        Validated v = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"minutes\": 3", "\"minutes\": 3." + "0".repeat(1_000_000)));
        assertTrue(v.playable(), v.diagnostics().toString());
        assertEquals(3, v.dialogue().minutes());
    }

    private static Long asLong(String raw) {
        return Bounded.call("asLong of " + raw.length() + " characters", () -> new JNumber(Position.START, raw).asLong());
    }

    /** The old reading, kept here as the reference for short numbers (where it is fast). */
    private static Long oldAsLong(String raw) {
        BigDecimal d;
        try {
            d = new BigDecimal(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        if (d.signum() == 0) return 0L;
        if (d.precision() - d.scale() > 19) return null;
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** For every JSON number short enough for the old code, the linear reading gives the same answer. */
    @Property(tries = 2000)
    void theLinearReadingAgreesWithBigDecimal(@ForAll("jsonNumbers") String raw) {
        assertEquals(oldAsLong(raw), new JNumber(Position.START, raw).asLong(), raw);
    }

    @Provide
    Arbitrary<String> jsonNumbers() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> integer = Arbitraries.oneOf(Arbitraries.just("0"),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22).filter(s -> s.charAt(0) != '0'));
        Arbitrary<String> fraction = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(8).map(s -> "." + s));
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"),
                        Arbitraries.integers().between(0, 30)).as((e, s, n) -> e + s + n));
        return Combinators.combine(sign, integer, fraction, exponent).as((s, i, f, e) -> s + i + f + e);
    }

    // == 4. "Did you mean" built a table of (word length x id length) cells: a 4 MB id made it crawl ==

    @Example
    void aHugeNodeIdAndDanglingReferencesStayFast() {
        String huge = "k".repeat(4_000_000);
        String text = Fixtures.minimal().replace("\"kept\": {", "\"" + huge + "\": {");
        Validated v = validate(text);
        assertTrue(codes(v).contains("RAP021"), v.diagnostics().toString()); // the replies that led to "kept"
        assertTrue(codes(v).contains("RAP030"), v.diagnostics().toString()); // the renamed node: nothing leads to it
    }

    @Example
    void didYouMeanStillSuggests() {
        assertEquals("choices", DidYouMean.closest("chioces", List.of("say", "choices", "k".repeat(1_000_000))).orElseThrow());
        assertFalse(DidYouMean.closest("zzzzzz", List.of("say", "choices")).isPresent());
    }

    // == 6. "start": "" validated clean, but no playthrough can start (found by the long fuzz run: a node renamed to ""
    //       with "start" following it, then dropped) ==

    @Example
    void anEmptyStartIsAnError() {
        Validated v = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"start\": \"opening\"", "\"start\": \"\""));
        assertFalse(v.playable(), v.diagnostics().toString());
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals("RAP020")).findFirst().orElseThrow();
        assertEquals(Fixtures.lineOf(Fixtures.minimal(), "\"start\""), d.line());
        Validated missing = validate(Fixtures.minimal().replace("  \"start\": \"opening\",\n", ""));
        assertEquals(List.of("RAP011"), codes(missing).stream().filter(c -> c.startsWith("RAP0")).filter(c -> !c.equals("RAP030")).toList(),
                "a missing start is RAP011 only: " + missing.diagnostics());
    }

    // == 7. A trap only moods make validated clean (found by the long fuzz run: RETARGET on a generated dialogue). Every
    //       route counted as an edge whatever the mood, so a route to an ending that is never taken kept RAP031 quiet ==

    private static final String EMPATHIZE = "          \"mood\": 2,\n          \"why\": \"Naming what she lost, not just the delay, shows you"
            + " understand why it matters. That is LEAD's empathize step.\",\n          \"next\": \"kept\"";

    /** still-cross: reply 1 leaves the mood as it is and goes to "kept" only at +5; reply 2 now loops back. */
    private static String moodTrap(String routes) {
        String t = Fixtures.replaceOnce(Fixtures.minimal(), EMPATHIZE, EMPATHIZE.replace("\"mood\": 2", "\"mood\": 0")
                .replace("\"next\": \"kept\"", "\"next\": " + routes));
        return Fixtures.replaceOnce(t, "\"next\": \"lost\"", "\"next\": \"still-cross\"");
    }

    @Example
    void aNodeWhoseWayOutNeedsAMoodTheTraineeCannotReachIsATrap() {
        String text = moodTrap("[{\"moodAtLeast\": 5, \"to\": \"kept\"}, {\"to\": \"still-cross\"}]");
        Validated v = validate(text);
        assertFalse(v.playable(), v.diagnostics().toString());
        // Every state a trainee can be in is trapped: "opening" leads only to "still-cross", which never reaches +5.
        assertEquals(List.of("opening", "still-cross"), v.diagnostics().stream().filter(x -> x.code().equals("RAP031"))
                .map(Diagnostic::nodeId).sorted().toList());
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals("RAP031") && x.nodeId().equals("still-cross")).findFirst().orElseThrow();
        assertTrue(d.message().startsWith("A trainee can reach \"still-cross\" with the customer's mood at "), d.message());
        assertEquals(Fixtures.lineOf(text, "\"still-cross\": {"), d.line());
    }

    @Example
    void aRouteThatEarlierRoutesAlwaysBeatIsNeverTakenAndCanTrap() {
        String text = moodTrap("[{\"moodAtMost\": 4, \"to\": \"still-cross\"}, {\"moodAtMost\": -3, \"to\": \"kept\"}, {\"to\": \"still-cross\"}]");
        Validated v = validate(text);
        assertFalse(v.playable(), v.diagnostics().toString());
        assertTrue(codes(v).contains("RAP031"), v.diagnostics().toString());
        Diagnostic shadowed = v.diagnostics().stream().filter(x -> x.code().equals("RAP023")).findFirst().orElseThrow();
        assertTrue(shadowed.message().contains("an earlier route of the reply matches first"), shadowed.message());
        assertEquals(Fixtures.lineOf(text, "{\"moodAtMost\": -3"), shadowed.line());
        assertEquals(Fixtures.columnOf(text, "{\"moodAtMost\": -3"), shadowed.column());
    }

    @Example
    void aMoodRouteTheTraineeCanMeetIsNoTrap() {
        // The same shape, but reply 1 raises the mood: +5 is reached and "kept" with it.
        String text = moodTrap("[{\"moodAtLeast\": 5, \"to\": \"kept\"}, {\"to\": \"still-cross\"}]")
                .replace(EMPATHIZE.replace("\"mood\": 2", "\"mood\": 0").substring(0, 30), EMPATHIZE.substring(0, 30));
        Validated v = validate(text);
        assertFalse(codes(v).contains("RAP031"), v.diagnostics().toString());
    }

    // == 5. Messages quoted ids and values whole: a 1 MB id gave a 1 MB message ==

    @Example
    void messagesQuotingHugeValuesStayReadable() {
        String huge = "x".repeat(1_000_000);
        Validated v = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"next\": \"won\"", "\"next\": \"" + huge + "\""));
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals("RAP021")).findFirst().orElseThrow();
        assertTrue(d.message().length() < 400, d.message());
        assertTrue(d.message().startsWith("Reply 1 of \"calmer\" leads to \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…\""), d.message());
        Validated format = validate(Fixtures.replaceOnce(Fixtures.minimal(), "\"format\": 1", "\"format\": 1" + "0".repeat(100_000)));
        assertTrue(format.diagnostics().get(0).message().length() < 300, format.diagnostics().get(0).message());
    }

    @Example
    void messagesOfNormalLengthAreKeptExactly() {
        String message = "\"" + "n".repeat(80) + "\" is fine: " + "w ".repeat(150);
        assertEquals(message, new Diagnostic("f", 1, 1, org.rapport.diag.Severity.ERROR, "RAP001", message, null).message());
    }
}
