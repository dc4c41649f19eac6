package org.rapport.coach;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.CuePart;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.catalog.Tell;
import org.rapport.coach.CoachFeedback.Finding;
import org.rapport.model.CustomerNode;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoachTest {
    private final Catalog catalog = Catalog.bundled();

    private static final String LINE = "You charged my card twice for the gym membership, and now my rent payment bounced.";

    private static CustomerNode node(String... tests) {
        return new CustomerNode("n", LINE, "angry", null, List.of(tests), List.of());
    }

    private CoachFeedback coach(String reply, String... tests) {
        return Coach.feedback(catalog, node(tests), reply);
    }

    private static Optional<Finding> finding(List<Finding> list, String id) {
        return list.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    private static List<String> words(Finding f) {
        return f.words().stream().map(CoachFeedback.Span::text).toList();
    }

    @Test
    void findsANamedFeelingInAnInflectedFormWithItsSpan() {
        String reply = "That sounds really frustrating.";
        CoachFeedback f = coach(reply, "active-listening.label");
        Finding label = finding(f.found(), "active-listening.label").orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("frustrating"), words(label));
        CoachFeedback.Span span = label.words().get(0);
        assertEquals("frustrating", reply.substring(span.start(), span.end()));
        assertTrue(label.sentence().contains("\"frustrating\""), label.sentence());
        assertTrue(f.missing().isEmpty());

        CoachFeedback worries = coach("I can hear the worries in this.", "empathy-steps.identify");
        assertEquals(List.of("worries"), words(finding(worries.found(), "empathy-steps.identify").orElseThrow()));
    }

    @Test
    void aReplyWithoutAFeelingMissesTheStepAndANegatedOneDoesNotCount() {
        CoachFeedback none = coach("Let me look at the account.", "active-listening.label");
        assertTrue(finding(none.missing(), "active-listening.label").isPresent(), none.toString());
        CoachFeedback negated = coach("Don't worry about it.", "active-listening.label");
        assertTrue(finding(negated.missing(), "active-listening.label").isPresent(), "\"don't worry\" names no feeling: " + negated);
    }

    @Test
    void neutralTextGetsNoCreditAndNoPitfall() {
        String[] steps = {"active-listening.label", "lead.accept", "lead.deliver", "empathy-steps.identify", "apology.own"};
        for (String neutral : List.of("The train to Leeds was grey and slow on Tuesday.", "Here is the form.", "Okay.",
                "Fourteen lemons sat on the windowsill next to a blue kettle.")) {
            CoachFeedback f = coach(neutral, steps);
            assertTrue(f.found().isEmpty(), "nothing to credit in \"" + neutral + "\": " + f.found());
            assertTrue(f.pitfalls().isEmpty(), "no pitfall in \"" + neutral + "\": " + f.pitfalls());
        }
    }

    @Test
    void findsTheParaphraseOverlapWithTheCustomersLine() {
        CoachFeedback f = coach("So we took the membership fee twice, and that made the rent bounce. Have I got that right?",
                "active-listening.paraphrase");
        Finding p = finding(f.found(), "active-listening.paraphrase").orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("membership", "twice", "rent", "bounce"), words(p), "stems echo: bounce ~ bounced");

        CoachFeedback unrelated = coach("Thanks for calling. How can I help?", "active-listening.paraphrase");
        assertTrue(finding(unrelated.missing(), "active-listening.paraphrase").isPresent(), unrelated.toString());
    }

    @Test
    void stageDirectionsInTheCustomersLineAreNotEchoed() {
        CustomerNode n = new CustomerNode("n", "(slams the umbrella on the counter) The refund never came.", null, null,
                List.of("active-listening.paraphrase"), List.of());
        CoachFeedback f = Coach.feedback(catalog, n, "Your umbrella and the counter.");
        assertTrue(finding(f.missing(), "active-listening.paraphrase").isPresent(), f.toString());
    }

    @Test
    void findsADeliverWithATimeAndMissesItWithoutOne() {
        String reply = "I\u2019ll refund the second charge by tomorrow.";
        CoachFeedback f = coach(reply, "lead.deliver");
        Finding d = finding(f.found(), "lead.deliver").orElseThrow(() -> new AssertionError(f.toString()));
        assertEquals(List.of("I\u2019ll", "tomorrow"), words(d));
        assertEquals(0, d.words().get(0).start());
        assertEquals(reply.indexOf("tomorrow"), d.words().get(1).start());

        CoachFeedback noTime = coach("I'll refund the second charge.", "lead.deliver");
        Finding m = finding(noTime.missing(), "lead.deliver").orElseThrow(() -> new AssertionError(noTime.toString()));
        assertTrue(m.sentence().contains("not by when"), m.sentence());
        assertEquals(List.of("I'll"), words(m), "the part it did find is shown");

        assertTrue(finding(coach("I will call you within 24 hours.", "lead.deliver").found(), "lead.deliver").isPresent());
        assertTrue(finding(coach("We can't do that today.", "lead.deliver").missing(), "lead.deliver").isPresent(),
                "\"we can't\" commits to nothing");
    }

    @Test
    void flagsTheTellTalePhrasesOfPitfalls() {
        assertFlags("Sorry for any inconvenience.", "pitfall.non-apology", "Sorry for any inconvenience");
        assertFlags("I'm sorry you feel that way.", "pitfall.non-apology", "sorry you feel");
        assertFlags("Please calm down, sir.", "pitfall.calm-down", "calm down");
        assertFlags("Per our policy, refunds take ten days.", "pitfall.policy-speak", "policy");
        assertFlags("Policies are there for a reason.", "pitfall.policy-speak", "Policies");
        assertFlags("You should've read the email.", "pitfall.blame-customer", "You should've");
        assertFlags("At least it was only one charge.", "pitfall.minimize", "At least");
        assertFlags("Someone will get back to you.", "pitfall.vague-next", "Someone will");
        assertFlags("I know exactly how you feel.", "pitfall.sympathy-trap", "I know exactly how you feel");
    }

    private void assertFlags(String reply, String pitfall, String firstWords) {
        CoachFeedback f = coach(reply);
        Finding p = finding(f.pitfalls(), pitfall).orElseThrow(() -> new AssertionError(reply + " should show " + pitfall + ": " + f));
        assertEquals(firstWords, p.words().get(0).text(), reply);
        assertEquals(firstWords, reply.substring(p.words().get(0).start(), p.words().get(0).end()));
    }

    @Test
    void aRealApologyIsNotANonApologyAndCountsAsOwnership() {
        CoachFeedback f = coach("I'm sorry we charged you twice. That was our mistake.", "lead.accept");
        assertTrue(f.pitfalls().isEmpty(), f.pitfalls().toString());
        assertTrue(finding(f.found(), "lead.accept").isPresent(), f.toString());

        CoachFeedback non = coach("I'm sorry you feel that way.", "lead.accept");
        assertTrue(finding(non.missing(), "lead.accept").isPresent(), "words of a non-apology own nothing: " + non);
        assertTrue(coach("It's not your fault.").pitfalls().isEmpty(), "a negated tell is no blame");
    }

    @Test
    void aVagueNextStepWithATimeIsNotVague() {
        assertTrue(finding(coach("I'll get back to you by 3 pm today.").pitfalls(), "pitfall.vague-next").isEmpty());
        assertTrue(finding(coach("I'll get back to you.").pitfalls(), "pitfall.vague-next").isPresent());
    }

    @Test
    void anEmptyReplyGetsAClearMessageAndNothingElse() {
        for (String empty : new String[]{"", "   \n\t ", "?!", null}) {
            CoachFeedback f = coach(empty, "lead.deliver");
            assertTrue(f.empty());
            assertEquals(Coach.EMPTY, f.note());
            assertTrue(f.found().isEmpty() && f.missing().isEmpty() && f.pitfalls().isEmpty());
        }
        assertFalse(coach("Hello.", "lead.deliver").empty());
    }

    @Test
    void stepsWithoutCuesAreReportedAsNotCheckedAndATechniqueStandsForItsSpokenSteps() {
        CoachFeedback f = coach("Hello, Ms Vega.", "name-recap.name");
        assertEquals(List.of("name-recap.name"), f.notChecked());
        assertTrue(f.found().isEmpty() && f.missing().isEmpty());
        CoachFeedback lead = coach("Hello.", "lead");
        assertEquals(4, lead.found().size() + lead.missing().size() + lead.notChecked().size());
    }

    @Test
    void longInputIsQuick() {
        String sentence = "I'm sorry we charged you twice, that must be so frustrating; I'll refund it by Friday. ";
        String reply = sentence.repeat(10_000 / sentence.length() + 1);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(2), () -> {
            CoachFeedback f = coach(reply, "lead.empathize", "lead.accept", "lead.deliver", "active-listening.summarize");
            for (String step : List.of("lead.empathize", "lead.accept", "lead.deliver")) {
                assertTrue(finding(f.found(), step).isPresent(), step);
            }
        });
    }

    @Test
    void everyCueRefersToIdsAndListsTheCatalogHas() {
        int steps = 0;
        for (Technique t : catalog.techniques()) {
            for (Step s : t.steps()) {
                if (s.lookFor() == null) continue;
                steps++;
                assertFalse(s.silent(), s.id() + " happens in the agent's head; no words can show it");
                assertFalse(s.lookFor().parts().isEmpty(), s.id());
                assertFalse(s.lookFor().found().isBlank() || s.lookFor().missing().isBlank(), s.id());
                for (CuePart p : s.lookFor().parts()) {
                    assertTrue(!p.phrases().isEmpty() || !p.list().isEmpty() || p.echo() > 0, s.id() + " has an empty part");
                    if (!p.list().isEmpty()) assertTrue(catalog.cueWords().containsKey(p.list()), s.id() + " refers to list " + p.list());
                }
            }
        }
        assertTrue(steps >= 20, "most spoken steps have cues: " + steps);
        for (Pitfall p : catalog.pitfalls()) {
            assertFalse(p.tells().isEmpty(), p.id() + " has tell-tale phrases");
            for (Tell tell : p.tells()) {
                assertFalse(tell.says().isBlank(), p.id());
                if (!tell.list().isEmpty()) assertTrue(catalog.cueWords().containsKey(tell.list()), p.id() + " refers to " + tell.list());
            }
            for (String step : p.tellsUnless()) assertTrue(catalog.isStep(step), p.id() + " tellsUnless " + step);
        }
        for (String grammar : List.of("numbers", "negations", "notContent")) {
            assertFalse(catalog.cueWords(grammar).isEmpty(), grammar);
        }
        for (List<String> list : catalog.cueWords().values()) {
            for (String phrase : list) assertFalse(phrase.isBlank(), "blank phrase");
        }
    }

    @Test
    void contractionsAndCurlyApostrophesReadAsFullWords() {
        assertEquals(List.of("i", "will"), Words.expand("i'll"));
        assertEquals(List.of("can", "not"), Words.expand("can't"));
        assertEquals(List.of("that", "is"), Words.expand("that's"));
        assertEquals(List.of("customer"), Words.expand("customer's"));
        List<Words.Word> w = Words.of("We\u2019ll fix it.");
        assertEquals(List.of("we", "will", "fix", "it"), w.stream().map(Words.Word::stem).toList());
        assertEquals(0, w.get(1).start());
        assertEquals(5, w.get(1).end());
    }
}
