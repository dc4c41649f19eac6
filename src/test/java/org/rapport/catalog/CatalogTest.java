package org.rapport.catalog;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {
    private final Catalog catalog = Catalog.bundled();

    @Test
    void theNamedTechniquesHaveTheirStepsInOrder() {
        assertEquals(List.of("lead.listen", "lead.empathize", "lead.accept", "lead.deliver"), stepIds("lead"));
        assertEquals(List.of("snatch-flip.listen", "snatch-flip.identify", "snatch-flip.flip"), stepIds("snatch-flip"));
        assertEquals(List.of("empathy-steps.identify", "empathy-steps.why", "empathy-steps.recall", "empathy-steps.demonstrate"), stepIds("empathy-steps"));
        assertTrue(stepIds("active-listening").containsAll(List.of("active-listening.paraphrase", "active-listening.summarize",
                "active-listening.label", "active-listening.invite", "active-listening.clarify")));
        assertEquals(List.of("bad-news.appreciate", "bad-news.label", "bad-news.clarity", "bad-news.validate", "bad-news.benefit"), stepIds("bad-news"));
        for (String t : List.of("apology", "name-recap", "whats-next", "options")) assertTrue(catalog.isTechnique(t), t);
    }

    @Test
    void theRequiredPitfallsAreThere() {
        for (String p : List.of("pitfall.sympathy-trap", "pitfall.non-apology", "pitfall.rush-to-remedy", "pitfall.blame-customer",
                "pitfall.policy-speak", "pitfall.overpromise")) {
            assertTrue(catalog.isPitfall(p), p);
        }
    }

    @Test
    void everyEntryTeaches() {
        for (Technique t : catalog.techniques()) {
            assertTrue(t.description().length() > 150, t.id() + " description is a paragraph");
            assertFalse(t.source().isBlank(), t.id() + " names its source");
            for (Step s : t.steps()) {
                assertTrue(s.id().startsWith(t.id() + "."), s.id());
                assertFalse(s.soundsLike().isEmpty(), s.id() + " has examples");
                assertFalse(s.mistakes().isEmpty(), s.id() + " has common mistakes");
                for (String a : s.after()) assertTrue(a.startsWith(t.id() + ".") && catalog.isStep(a), s.id() + " after " + a);
            }
        }
        for (Pitfall p : catalog.pitfalls()) {
            assertTrue(p.id().startsWith("pitfall."), p.id());
            assertTrue(p.whyItHurts().length() > 60, p.id());
            assertFalse(p.instead().isBlank(), p.id());
        }
    }

    @Test
    void everyStepAndPitfallGivesTheFacilitatorAQuestionForTheRoom() {
        for (Technique t : catalog.techniques()) {
            for (Step s : t.steps()) {
                assertTrue(s.discuss().endsWith("?") && s.discuss().split("\\s+").length >= 8, s.id() + " needs a discussion question: " + s.discuss());
            }
        }
        for (Pitfall p : catalog.pitfalls()) {
            assertTrue(p.discuss().endsWith("?") && p.discuss().split("\\s+").length >= 8, p.id() + " needs a discussion question: " + p.discuss());
        }
    }

    @Test
    void orderingRulesTheDebriefReliesOnAreDeclared() {
        assertTrue(catalog.step("lead.deliver").orElseThrow().after().containsAll(List.of("lead.listen", "lead.empathize")));
        assertFalse(catalog.step("snatch-flip.flip").orElseThrow().after().isEmpty());
    }

    @Test
    void theEmpathyStepsThatHappenInTheAgentsHeadAreSilentAndNothingWaitsOnThem() {
        assertTrue(catalog.step("empathy-steps.why").orElseThrow().silent(), "asking yourself why happens in your head");
        assertTrue(catalog.step("empathy-steps.recall").orElseThrow().silent(), "recalling a feeling happens in your head");
        assertFalse(catalog.step("empathy-steps.identify").orElseThrow().silent());
        assertFalse(catalog.step("empathy-steps.demonstrate").orElseThrow().silent());
        assertTrue(catalog.step("empathy-steps.why").orElseThrow().summary().contains("in your head"),
                "the catalog says where step 2 happens, as the source does: ask yourself, not the customer");
        for (Technique t : catalog.techniques()) {
            for (Step s : t.steps()) {
                for (String a : s.after()) {
                    assertFalse(catalog.step(a).orElseThrow().silent(), s.id() + " waits on " + a + ", which no reply can show");
                }
            }
        }
    }

    @Test
    void theActiveListeningSwapsAreAllThereAndEachNamesARealStep() {
        List<Swap> swaps = catalog.swaps();
        assertEquals(10, swaps.size());
        for (String instead : List.of("I get it.", "I hear you.", "Got it.", "I understand.", "I know how you feel.", "Okay.", "That's tough.", "Mhm.")) {
            assertTrue(swaps.stream().anyMatch(s -> s.instead().equals(instead)), "a swap for " + instead);
        }
        for (Swap s : swaps) {
            assertTrue(catalog.isStep(s.step()), s.step());
            assertFalse(catalog.step(s.step()).orElseThrow().silent(), s.say() + " applies a step a reply can show");
            assertTrue(s.why().split("\\s+").length >= 12, "the swap for " + s.instead() + " explains itself");
            assertFalse(s.say().equalsIgnoreCase(s.instead()));
        }
    }

    @Test
    void theReferenceDocumentHasTheSwapTable() throws IOException {
        String doc = Files.readString(Path.of("docs/techniques.md"));
        for (Swap s : catalog.swaps()) {
            assertTrue(doc.contains(s.instead()) && doc.contains(s.say()), "docs/techniques.md lacks the swap for " + s.instead());
        }
    }

    @Test
    void theReferenceDocumentMentionsEveryId() throws IOException {
        String doc = Files.readString(Path.of("docs/techniques.md"));
        for (String id : catalog.allIds()) assertTrue(doc.contains(id), "docs/techniques.md lacks " + id);
    }

    @Test
    void displayNamesAreForPeople() {
        assertEquals("LEAD: Listen", catalog.displayName("lead.listen"));
        assertEquals("unknown.tag", catalog.displayName("unknown.tag"));
    }

    private List<String> stepIds(String technique) {
        return catalog.technique(technique).orElseThrow().steps().stream().map(Step::id).toList();
    }
}
