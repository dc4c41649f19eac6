package org.rapport.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.Fixtures.columnOf;
import static org.rapport.Fixtures.lineOf;
import static org.rapport.Fixtures.minimal;
import static org.rapport.Fixtures.replaceOnce;
import static org.rapport.Fixtures.validate;

/**
 * The teaching checks: one small slip in the minimal dialogue each. Every one is a warning at the right place, says
 * what to change, and leaves the dialogue playable.
 */
class TeachingChecksTest {

    /** code, the slipped dialogue, the text the warning must point at, and words its message must contain. */
    static Stream<Arguments> cases() {
        String m = minimal();
        return Stream.of(
                slip("RAP050", replaceOnce(m, "\"tests\": [\"lead.accept\"]", "\"tests\": [\"lead.accept\", \"apology.own\"]"),
                        "\"apology.own\"", "none of its replies uses it"),
                slip("RAP051", replaceOnce(m, "\"uses\": [\"lead.accept\", \"lead.deliver\"],\n          \"pitfalls\": []",
                        "\"uses\": [\"lead.accept\", \"lead.deliver\"],\n          \"pitfalls\": [\"pitfall.overpromise\"]"),
                        "\"pitfall.overpromise\"", "graded best but falls into pitfall.overpromise"),
                slip("RAP052", replaceOnce(m, "\"why\": \"Explaining the courier's backlog sounds like an excuse; she wanted ownership. Accept responsibility, then fix it.\"",
                        "\"why\": \"Sounds like an excuse.\""), "\"Sounds like an excuse.\"", "has 4 words"),
                slip("RAP053", replaceOnce(replaceOnce(m, "\"grade\": \"harmful\",\n          \"uses\": [],", "\"grade\": \"good\",\n          \"uses\": [],"),
                        "\"grade\": \"best\",\n          \"uses\": [\"lead.empathize\"]", "\"grade\": \"good\",\n          \"uses\": [\"lead.empathize\"]"),
                        "[\n        {\n          \"say\": \"You planned", "is graded good"),
                slip("RAP054", replaceOnce(replaceOnce(m, "[{\"moodAtLeast\": 1, \"to\": \"calmer\"}, {\"to\": \"still-cross\"}]", "\"still-cross\""),
                        "\"next\": \"still-cross\"\n        }\n      ]", "\"next\": \"calmer\"\n        }\n      ]"),
                        "\"won\": {", "goes through a harmful reply"),
                slip("RAP055", replaceOnce(m, "\"pitfalls\": [\"pitfall.non-apology\", \"pitfall.rush-to-remedy\"]", "\"pitfalls\": [ ]"),
                        "[ ]", "lists no pitfall"),
                slip("RAP056", replaceOnce(m, "\"uses\": [\"lead.listen\", \"active-listening.invite\"]", "\"uses\": [ ]"),
                        "[ ]", "no technique step"),
                slip("RAP057", replaceOnce(m, "\"grade\": \"weak\"", "\"grade\": \"best\""), "\"best\",\n          \"uses\": [],", "2 replies graded best (replies 1, 2)"),
                slip("RAP058", replaceOnce(m, "\"next\": \"lost\"", "\"next\": \"won\""), "\"won\"\n        }\n      ]\n    },\n    \"won\"", "leads straight to the won ending \"won\"")
        );
    }

    private static Arguments slip(String code, String text, String pointAt, String says) {
        return Arguments.of(code, text, pointAt, says);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachSlipIsAWarningAtItsPlaceAndTheDialogueStillPlays(String code, String text, String pointAt, String says) {
        Validated v = validate(text);
        List<Diagnostic> found = v.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, found.size(), "exactly one " + code + " in " + v.diagnostics());
        Diagnostic d = found.get(0);
        assertEquals(Severity.WARNING, d.severity(), d.toLine());
        assertEquals(lineOf(text, pointAt), d.line(), d.toLine());
        assertEquals(columnOf(text, pointAt), d.column(), d.toLine());
        assertTrue(d.message().contains(says), d.message());
        assertTrue(v.playable(), "a teaching warning never stops the dialogue from playing: " + v.diagnostics());
    }

    @Test
    void aWholeTechniqueInTestsCountsAsUsedWhenAReplyUsesOneOfItsSteps() {
        Validated v = validate(replaceOnce(minimal(), "\"tests\": [\"lead.accept\"]", "\"tests\": [\"lead\"]"));
        assertEquals(List.of(), v.diagnostics());
    }

    @Test
    void aWinThatCanBeReachedWithoutHarmIsFineEvenIfAHarmfulPathAlsoLeadsThere() {
        // The harmful opening reply now also leads to "calmer", from which "won" is reachable; the best reply still does too.
        Validated v = validate(replaceOnce(minimal(), "\"next\": \"still-cross\"\n        }\n      ]", "\"next\": \"calmer\"\n        }\n      ]"));
        assertTrue(v.diagnostics().stream().noneMatch(d -> d.code().equals("RAP054")), v.diagnostics().toString());
    }

    @Test
    void theWarningsNameTheNodeSoTheAuthorViewCanSelectIt() {
        Validated v = validate(replaceOnce(minimal(), "\"next\": \"lost\"", "\"next\": \"won\""));
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals("RAP058")).findFirst().orElseThrow();
        assertEquals("still-cross", d.nodeId());
    }
}
