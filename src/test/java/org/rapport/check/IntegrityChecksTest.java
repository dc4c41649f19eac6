package org.rapport.check;

import org.junit.jupiter.api.Test;
import org.rapport.author.PathAnalysis;
import org.rapport.author.PathReport;
import org.rapport.catalog.Catalog;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Severity;
import org.rapport.model.Choice;
import org.rapport.model.Customer;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.model.Ending;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.rapport.model.Node;
import org.rapport.model.Outcome;
import org.rapport.model.Route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rapport.Fixtures.codes;
import static org.rapport.Fixtures.lineOf;
import static org.rapport.Fixtures.minimal;
import static org.rapport.Fixtures.replaceOnce;
import static org.rapport.Fixtures.validate;

/**
 * The checks that keep scores meaning skill: a surface cue that gives the best reply away (RAP064), a silent step
 * claimed by a spoken reply (RAP065), a missing or weak pre-brief (RAP066), and a best path that hits the top of the
 * mood scale too early (RAP067).
 */
class IntegrityChecksTest {
    private static final Catalog CATALOG = Catalog.bundled();

    /** A chain of {@code n} decisions, each with the given replies (best first in each array), ending won. */
    private static Dialogue chain(int startMood, List<String[]> replies, int bestMood) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (int i = 0; i < replies.size(); i++) {
            String next = i + 1 < replies.size() ? "d" + (i + 1) : "won";
            String[] says = replies.get(i);
            List<Choice> choices = new ArrayList<>();
            for (int j = 0; j < says.length; j++) {
                boolean best = j == 0;
                choices.add(new Choice(j, says[j], best ? Grade.BEST : Grade.WEAK, best ? List.of("lead.listen") : List.of(), List.of(),
                        best ? bestMood : -1, "Why this reply lands the way it does, in words long enough to teach something.",
                        List.of(Route.always(next))));
            }
            nodes.put("d" + i, new CustomerNode("d" + i, "I waited all week for the parcel and nobody called me back.", "cross", null,
                    List.of("lead.listen"), choices));
        }
        nodes.put("won", new EndingNode("won", "Thanks.", null, null, new Ending(Outcome.WON, "Won", "Won over.")));
        return new Dialogue("chain", "Chain", "A chain.", Difficulty.BEGINNER, 5, List.of(), new Customer("Ann", "Ann.", startMood),
                "Phone", "d0", nodes);
    }

    private static List<String[]> repeat(int n, String... replies) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(replies);
        return out;
    }

    @Test
    void whenTheLongestReplyIsAlwaysBestTheCueFindsItEveryTimeAndTheMessageGivesTheFigures() {
        Dialogue d = chain(-2, repeat(6, "I'm so sorry, that sounds like a miserable week, and I'm going to look into exactly what happened.",
                "Okay.", "Policy says five days.", "What's the order number?"), 0);
        SurfaceCues.Result longest = SurfaceCues.of(d).stream().filter(r -> r.cue().id().equals("most-length")).findFirst().orElseThrow();
        assertEquals(6, longest.decisions());
        assertEquals(1.0, longest.rate(), 1e-9);
        assertEquals(0.25, longest.chanceRate(), 1e-9);
        assertTrue(longest.giveaway());
        String message = GiveawayCheck.message(longest);
        assertTrue(message.contains("the most characters is the best one in 6 of 6 decisions (100%)"), message);
        assertTrue(message.contains("picking at random finds the best in 25%"), message);
        SurfaceCues.Result shortest = SurfaceCues.of(d).stream().filter(r -> r.cue().id().equals("fewest-length")).findFirst().orElseThrow();
        assertEquals(0.0, shortest.rate(), 1e-9);
        assertTrue(!shortest.giveaway(), "finding the best less often than chance is no giveaway");
    }

    @Test
    void tiesShareTheHitSoAFeatureEveryReplyHasEquallyIsExactlyChance() {
        Dialogue d = chain(-2, repeat(5, "Right, let me see.", "Fine, hold on.", "Sure, one sec."), 0);
        for (SurfaceCues.Result r : SurfaceCues.of(d)) {
            if (r.cue().id().endsWith("-questions") || r.cue().id().endsWith("-you")) {
                assertEquals(r.chanceRate(), r.rate(), 1e-9, r.cue().id() + ": no reply has one, so the cue cannot tell them apart");
            }
        }
    }

    @Test
    void theCountsFollowTheDocumentedDefinitions() {
        assertEquals(3, ReplyWords.sentences("That's on us. Not you! Let me fix it now?"));
        assertEquals(1, ReplyWords.sentences("Let me fix it now"));
        assertEquals(2, ReplyWords.sentences("\u201cNo.\u201d Then I\u2019ll call."));
        assertEquals(3, ReplyWords.echoed("The parcel came late and nobody called", "I waited for the parcel and nobody called me back."),
                "parcel, nobody and called; words under four letters and stop words don't count");
    }

    @Test
    void aDialogueWhereNoCueHelpsGetsNoWarning() {
        // The best reply rotates through being the longest, the shortest and the middle, with and without "you" or a question.
        List<String[]> replies = List.of(
                new String[]{"That's on us. I'll fix it.", "I'm so sorry for any trouble this may have caused you today, truly.", "Could you hold while I check the system?"},
                new String[]{"Your parcel was left at the depot; I've booked it onto tomorrow's first van before nine.", "Okay.", "Policy gives you five days, sorry."},
                new String[]{"What time suits you tomorrow?", "These things happen with couriers, it's not unusual at all this month.", "Right."},
                new String[]{"I'll ring you at four.", "Someone will call you.", "Honestly I'd be furious too, my own parcel went missing last year and I never got it back."},
                new String[]{"Nobody called you back, and that's our mistake.", "Calm down, it's only a parcel.", "Let me transfer you to the courier team?"},
                new String[]{"Yes.", "I hear you, I understand, I appreciate it.", "Would you like to make a complaint about it?"});
        Dialogue d = chain(-2, replies, 0);
        List<SurfaceCues.Result> results = SurfaceCues.of(d);
        for (SurfaceCues.Result r : results) {
            if (r.cue().id().equals("first")) continue; // the best is first in the file here by construction
            assertTrue(!r.giveaway(), r.cue().id() + " " + r.rate());
        }
    }

    @Test
    void theGiveawayWarningIsShownByTheValidatorForAFileWhoseLongestReplyAlwaysWins() {
        String text = minimal();
        // The minimal dialogue has too few decisions to judge: no RAP064 however its replies read.
        assertTrue(!codes(validate(text)).contains("RAP064"), validate(text).diagnostics().toString());
    }

    @Test
    void aReplyThatClaimsASilentStepAndADecisionThatTestsOneAreWarnedWhereTheyStand() {
        String text = replaceOnce(replaceOnce(minimal(), "\"uses\": [\"lead.listen\", \"active-listening.invite\"]",
                "\"uses\": [\"lead.listen\", \"empathy-steps.recall\"]"), "\"tests\": [\"lead.listen\"]", "\"tests\": [\"lead.listen\", \"empathy-steps.why\"]");
        Validated v = validate(text);
        List<Diagnostic> silent = v.diagnostics().stream().filter(x -> x.code().equals("RAP065")).toList();
        assertEquals(2, silent.size(), v.diagnostics().toString());
        Diagnostic tests = silent.stream().filter(x -> x.message().contains("tests \"empathy-steps.why\"")).findFirst().orElseThrow();
        assertEquals(lineOf(text, "\"empathy-steps.why\""), tests.line());
        assertTrue(tests.message().contains("happens in the agent's head"), tests.message());
        Diagnostic uses = silent.stream().filter(x -> x.message().contains("claims \"empathy-steps.recall\"")).findFirst().orElseThrow();
        assertEquals(lineOf(text, "\"empathy-steps.recall\""), uses.line());
        assertTrue(uses.message().contains("\"empathy-steps.demonstrate\""), "it says which step shows the result: " + uses.message());
        assertTrue(silent.stream().allMatch(x -> x.severity() == Severity.WARNING));
    }

    @Test
    void aMissingPreBriefIsAWarningThatSaysWhatToWrite() {
        String text = minimal();
        int from = text.indexOf("  \"prebrief\"");
        int to = text.indexOf("  \"start\"");
        Validated v = validate(text.substring(0, from) + text.substring(to));
        List<Diagnostic> found = v.diagnostics().stream().filter(x -> x.code().equals("RAP066")).toList();
        assertEquals(1, found.size(), v.diagnostics().toString());
        assertTrue(found.get(0).message().contains("\"objectives\"") && found.get(0).message().contains("\"mayDo\""), found.get(0).message());
        assertTrue(v.playable());
    }

    @Test
    void aPreBriefWithOneObjectiveNothingTheAgentMayDoOrAnUnobservableObjectiveIsWarned() {
        String text = replaceOnce(replaceOnce(minimal(),
                "\"objectives\": [\"Let her finish before you explain anything\", \"Own the late delivery and say what you will do about it\"]",
                "\"objectives\": [\"Understand why she is upset\"]"), "\"mayDo\": [\"Refund the $12 guaranteed-delivery fee\"]", "\"mayDo\": []");
        Validated v = validate(text);
        List<String> messages = v.diagnostics().stream().filter(x -> x.code().equals("RAP066")).map(Diagnostic::message).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("has 1 objective;")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("nothing under \"mayDo\"")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("starts with \"understand\"")), messages.toString());
    }

    @Test
    void thePreBriefIsReadIntoTheDialogue() {
        Validated v = validate(minimal());
        assertEquals(List.of("Let her finish before you explain anything", "Own the late delivery and say what you will do about it"),
                v.dialogue().prebrief().objectives());
        assertEquals(List.of("Refund the $12 guaranteed-delivery fee"), v.dialogue().prebrief().mayDo());
        assertEquals(List.of(), v.dialogue().prebrief().mayNotDo());
        assertEquals(List.of(), v.diagnostics(), "the minimal dialogue is clean");
    }

    @Test
    void aPreBriefWithAnUnknownFieldIsNamedAtItsPlace() {
        String text = replaceOnce(minimal(), "\"mayDo\": [", "\"mayDO\": [\"x\"], \"mayDo\": [");
        Validated v = validate(text);
        Diagnostic d = v.diagnostics().stream().filter(x -> x.code().equals("RAP012")).findFirst().orElseThrow();
        assertTrue(d.message().contains("\"mayDO\"") && d.message().contains("Did you mean \"mayDo\"?"), d.message());
    }

    @Test
    void aBestPathThatHitsTheTopOfTheMoodScaleBeforeItsLastDecisionIsReported() {
        Dialogue early = chain(2, repeat(6, "Let me sort it.", "Okay.", "Hmm."), 2); // 2 -> 4 -> 5 at decision 2 of 6
        PathReport r = PathAnalysis.analyze(early, CATALOG);
        PathReport.Finding f = r.findings().stream().filter(x -> x.code().equals("RAP067")).findFirst().orElseThrow();
        assertTrue(f.message().contains("at decision 2 of 6"), f.message());
        assertEquals("d2", f.nodeId(), "it points at the first decision that can no longer register");

        Dialogue registers = chain(-4, repeat(6, "Let me sort it.", "Okay.", "Hmm."), 1); // -4 ... +2: never at the top
        assertTrue(PathAnalysis.analyze(registers, CATALOG).findings().stream().noneMatch(x -> x.code().equals("RAP067")));
        Dialogue atTheEnd = chain(-1, repeat(6, "Let me sort it.", "Okay.", "Hmm."), 1); // reaches +5 only at the last reply
        assertTrue(PathAnalysis.analyze(atTheEnd, CATALOG).findings().stream().noneMatch(x -> x.code().equals("RAP067")));
    }
}
