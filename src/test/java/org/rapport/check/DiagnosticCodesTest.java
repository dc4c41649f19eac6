package org.rapport.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.Fixtures.codes;
import static org.rapport.Fixtures.columnOf;
import static org.rapport.Fixtures.lineOf;
import static org.rapport.Fixtures.minimal;
import static org.rapport.Fixtures.replaceOnce;
import static org.rapport.Fixtures.validate;

/** One small broken fixture per diagnostic code: each must be reported, at the right place, with the right severity. */
class DiagnosticCodesTest {

    @Test
    void theMinimalFixtureIsCleanSoEveryCaseBelowTestsOneSlip() {
        Validated v = validate(minimal());
        assertEquals(java.util.List.of(), v.diagnostics());
        assertTrue(v.playable());
    }

    /** code, severity, the broken text, and the text the diagnostic must point at (line and column). */
    static Stream<Arguments> cases() {
        String m = minimal();
        return Stream.of(
                bad("RAP001", Severity.ERROR, replaceOnce(m, "\"minutes\": 3,", "\"minutes\": 3,,"), ",,", 1),
                bad("RAP001", Severity.ERROR, replaceOnce(m, "\"tags\": [\"delivery\"],", "\"tags\": [\"delivery\",],"), "],", 0),
                bad("RAP001", Severity.ERROR, replaceOnce(m, "\"setting\": \"Phone\",", "// spoken\n  \"setting\": \"Phone\","), "// spoken", 0),
                bad("RAP005", Severity.ERROR, replaceOnce(m, "\"next\": \"won\"", "\"next\": \"won\", \"next\": \"kept\""), "\"next\": \"kept\"", 0),
                bad("RAP010", Severity.ERROR, replaceOnce(m, "\"minutes\": 3", "\"minutes\": \"three\""), "\"three\"", 0),
                bad("RAP011", Severity.ERROR, replaceOnce(m, "\"title\": \"The parcel that missed the birthday\",", ""), "{", 0),
                bad("RAP012", Severity.WARNING, replaceOnce(m, "\"emotion\": \"annoyed\",", "\"emotoin\": \"annoyed\","), "\"emotoin\"", 0),
                bad("RAP013", Severity.ERROR, replaceOnce(m, "\"format\": 1", "\"format\": 2"), "2,", 0),
                bad("RAP014", Severity.ERROR, replaceOnce(m, "\"difficulty\": \"beginner\"", "\"difficulty\": \"easy\""), "\"easy\"", 0),
                bad("RAP015", Severity.ERROR, replaceOnce(m, "\"mood\": -2\n", "\"mood\": -9\n"), "-9", 0),
                bad("RAP020", Severity.ERROR, replaceOnce(m, "\"start\": \"opening\"", "\"start\": \"openin\""), "\"openin\"", 0),
                bad("RAP021", Severity.ERROR, replaceOnce(m, "\"next\": \"won\"", "\"next\": \"wonn\""), "\"wonn\"", 0),
                bad("RAP022", Severity.ERROR, replaceOnce(m, "{\"to\": \"still-cross\"}", "{\"moodAtMost\": 0, \"to\": \"still-cross\"}"), "[{\"moodAtLeast\"", 0),
                bad("RAP023", Severity.WARNING, replaceOnce(m, "[{\"moodAtLeast\": 1, \"to\": \"calmer\"}, {\"to\": \"still-cross\"}]",
                        "[{\"to\": \"calmer\"}, {\"moodAtLeast\": 1, \"to\": \"still-cross\"}]"), "{\"moodAtLeast\": 1, \"to\": \"still", 0),
                bad("RAP024", Severity.ERROR, replaceOnce(m, "\"kept\": {\n      \"say\": \"Fine. I'll see.\"",
                        "\"lost\": {\"say\": \"x\", \"ending\": {\"outcome\": \"lost\", \"title\": \"t\", \"summary\": \"s\"}},\n    \"kept\": {\n      \"say\": \"Fine. I'll see.\""),
                        "\"lost\": {\n      \"say\": \"Forget", 0),
                bad("RAP030", Severity.WARNING, replaceOnce(m, "\"next\": \"lost\"", "\"next\": \"kept\""), "\"lost\": {", 0),
                bad("RAP031", Severity.ERROR, replaceOnce(replaceOnce(m, "\"next\": \"lost\"", "\"next\": \"loop\""), "\"won\": {",
                        "\"loop\": {\"say\": \"Round again.\", \"tests\": [\"lead.listen\"], \"choices\": ["
                                + "{\"say\": \"a\", \"grade\": \"best\", \"uses\": [\"lead.listen\"], \"pitfalls\": [], \"mood\": 0, \"why\": \"w\", \"next\": \"loop\"},"
                                + "{\"say\": \"b\", \"grade\": \"weak\", \"uses\": [], \"pitfalls\": [], \"mood\": 0, \"why\": \"w\", \"next\": \"loop\"}]},\n    \"won\": {"),
                        "\"loop\": {", 0),
                bad("RAP032", Severity.ERROR, replaceOnce(m, "\"tests\": [\"lead.empathize\"],\n      \"choices\": [", "\"tests\": [\"lead.empathize\"],\n      \"choices\": [ {\"say\": \"Only one\", \"grade\": \"best\", \"uses\": [\"lead.empathize\"], \"pitfalls\": [], \"mood\": 1, \"why\": \"w\", \"next\": \"kept\"}], \"x\": ["), "[ {\"say\": \"Only one\"", 0),
                bad("RAP033", Severity.WARNING, replaceOnce(m, "\"uses\": [\"lead.empathize\"],\n          \"pitfalls\": [],\n          \"mood\": 2", "\"uses\": [\"lead.empathize\"],\n          \"pitfalls\": [],\n          \"mood\": 2").replace("\"grade\": \"best\",\n          \"uses\": [\"lead.empathize\"]", "\"grade\": \"good\",\n          \"uses\": [\"lead.empathize\"]"), "[\n        {\n          \"say\": \"You planned", 0),
                bad("RAP034", Severity.ERROR, replaceOnce(m, "\"why\": \"A flat 'nothing more I can do' leaves her helpless. Acknowledge the feeling and offer what you can.\"", "\"why\": \"  \""), "\"  \"", 0),
                bad("RAP035", Severity.ERROR, replaceOnce(m, "\"tests\": [\"lead.accept\"]", "\"tests\": [\"lead.acept\"]"), "\"lead.acept\"", 0),
                bad("RAP035", Severity.ERROR, replaceOnce(m, "\"uses\": [\"lead.empathize\"]", "\"uses\": [\"pitfall.sympathy-trap\"]"), "\"pitfall.sympathy-trap\"", 0),
                bad("RAP037", Severity.ERROR, replaceOnce(m, "\"say\": \"Forget it.\",", "\"say\": \"Forget it.\", \"choices\": [],"), "{\n      \"say\": \"Forget it.\"", 0)
        );
    }

    private static Arguments bad(String code, Severity severity, String text, String pointAt, int offset) {
        return Arguments.of(code, severity, text, pointAt, offset);
    }

    @ParameterizedTest(name = "{0} at {3}")
    @MethodSource("cases")
    void eachSlipIsReportedAtItsPlace(String code, Severity severity, String text, String pointAt, int offset) {
        Validated v = validate(text);
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + code + " but got " + v.diagnostics()));
        assertEquals(severity, d.severity(), d.toLine());
        assertEquals(lineOf(text, pointAt), d.line(), d.toLine());
        assertEquals(columnOf(text, pointAt) + offset, d.column(), d.toLine());
        assertFalse(d.message().isBlank());
        assertTrue(d.toLine().startsWith("test.json:" + d.line() + ":" + d.column() + ": " + severity.word() + ": " + code + " "), d.toLine());
        if (severity == Severity.ERROR) assertFalse(v.playable(), "a file with an error must not be playable");
    }

    @Test
    void aMisspeltFieldGetsADidYouMean() {
        Validated v = validate(replaceOnce(minimal(), "\"emotion\": \"annoyed\",", "\"emotoin\": \"annoyed\","));
        assertTrue(v.diagnostics().get(0).message().contains("Did you mean \"emotion\"?"), v.diagnostics().toString());
        assertTrue(v.playable(), "an unknown field is a warning: the dialogue still plays");
    }

    @Test
    void aMisspeltNodeIdGetsADidYouMean() {
        Validated v = validate(replaceOnce(minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        assertTrue(v.diagnostics().stream().anyMatch(d -> d.message().contains("Did you mean \"won\"?")), v.diagnostics().toString());
    }

    @Test
    void aStepInPitfallsIsToldToMove() {
        Validated v = validate(replaceOnce(minimal(), "\"pitfalls\": [\"pitfall.non-apology\", \"pitfall.rush-to-remedy\"]", "\"pitfalls\": [\"lead.deliver\"]"));
        assertEquals(java.util.List.of("RAP035"), codes(v));
        assertTrue(v.diagnostics().get(0).message().contains("move it to \"uses\""));
    }

    @Test
    void aDuplicatedNextNamesTheFirstOne() {
        String text = replaceOnce(minimal(), "\"next\": \"won\"", "\"next\": \"won\",\n          \"next\": \"kept\"");
        Diagnostic d = validate(text).diagnostics().get(0);
        assertEquals("RAP005", d.code());
        assertTrue(d.message().contains("also at line " + lineOf(text, "\"next\": \"won\"")), d.message());
    }

    @Test
    void diagnosticsNameTheNodeTheyAreAbout() {
        Validated v = validate(replaceOnce(minimal(), "\"next\": \"won\"", "\"next\": \"wonn\""));
        assertEquals("calmer", v.diagnostics().get(0).nodeId());
    }
}
