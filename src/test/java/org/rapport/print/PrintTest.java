package org.rapport.print;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Grade;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Printable debriefs and facilitator guides: complete, well-formed, safe with any text, and real PDFs. */
class PrintTest {
    static final Catalog catalog = Catalog.bundled();
    static final DebriefDocument.Meta META = new DebriefDocument.Meta("Priya Shah", Instant.parse("2026-11-23T14:05:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    static List<Dialogue> bundled() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("dialogues"))) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".schema.json")).sorted()
                    .map(p -> new Validator(catalog).validate(p)).filter(Validated::playable).map(Validated::dialogue).toList();
        }
    }

    static Document xml(String xhtml) throws Exception {
        var f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    }

    /** The text of the page as a reader sees it (tags dropped, entities decoded, spaces collapsed). */
    static String text(String xhtml) throws Exception {
        return xml(xhtml).getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    static String squash(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void aGuideHoldsEveryDecisionReplyGradeExplanationNoteAndEndingOfEveryBundledDialogue() throws Exception {
        List<Dialogue> all = bundled();
        assertTrue(all.size() >= 12);
        for (Dialogue d : all) {
            Printable p = FacilitatorGuide.of(d, catalog);
            String page = text(p.xhtml());
            assertTrue(page.contains("Facilitator guide: " + d.title()), d.id());
            assertTrue(page.contains(squash(d.customer().persona())), d.id() + ": the customer");
            for (CustomerNode c : d.decisions()) {
                assertTrue(page.contains(squash(c.say())), d.id() + "/" + c.id() + ": what the customer says");
                if (c.note() != null) assertTrue(page.contains(squash(c.note())), d.id() + "/" + c.id() + ": the facilitator's note");
                for (Choice ch : c.choices()) {
                    assertTrue(page.contains(squash(ch.say())), d.id() + "/" + c.id() + ": a reply");
                    assertTrue(page.contains(squash(ch.why())), d.id() + "/" + c.id() + ": why");
                }
            }
            for (EndingNode e : d.endings()) assertTrue(page.contains(e.ending().title()) && page.contains(squash(e.ending().summary())), d.id() + "/" + e.id());
            long decisions = xml(p.xhtml()).getElementsByTagName("h3").getLength();
            assertEquals(d.decisions().size(), decisions, d.id() + ": one card per decision");
            assertTrue(page.contains("The model path"), d.id());
        }
    }

    @Test
    void everyDecisionGetsAQuestionForTheRoomAndTheGuideRarelyRepeatsOne() throws Exception {
        for (Dialogue d : bundled()) {
            String x = FacilitatorGuide.of(d, catalog).xhtml();
            int cards = d.decisions().size();
            int lists = x.split("<ul class=\"questions\">", -1).length - 1;
            assertEquals(cards + 1, lists, d.id() + ": a list of questions at every decision, and the closing one");
            java.util.Set<String> questions = new java.util.HashSet<>();
            int asked = 0;
            var m = java.util.regex.Pattern.compile("<li>([^<]*\\?)</li>").matcher(x);
            while (m.find()) {
                asked++;
                questions.add(m.group(1));
            }
            assertTrue(questions.size() >= asked * 0.75, d.id() + ": " + questions.size() + " different questions of " + asked);
        }
    }

    @Test
    void theGuideIsARealPdfWithTheScenarioInIt() throws Exception {
        Dialogue d = bundled().stream().filter(x -> x.id().equals("wedding-catering")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FacilitatorGuide.of(d, catalog).writeTo(out, Printable.Kind.PDF);
        byte[] pdf = out.toByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(pdf);
        assertTrue(text.contains("Facilitator guide: " + d.title()), text.substring(0, 300));
        assertTrue(text.contains(d.customer().name()));
        assertTrue(text.contains("Questions for the room".toUpperCase()) || text.contains("Questions for the room"), "the questions are printed");
        assertTrue(text.contains("Page 1 of"), "pages are numbered");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            String second = page2.getText(doc).replaceAll("\\s+", " ");
            assertTrue(second.contains("Facilitator guide: " + d.title()) && second.contains("Page 2 of"), "every page says what it is: " + second);
        }
        assertTrue(text.contains("—") || text.contains("’") || text.contains("“"), "typographic characters survive (embedded font)");
        assertTagged(pdf, "Facilitator guide: " + d.title());
    }

    /** A tagged PDF (PDF/UA): marked content with a structure tree of headings and paragraphs, its language and its title. */
    static void assertTagged(byte[] pdf, String title) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var catalogDict = doc.getDocumentCatalog();
            assertTrue(catalogDict.getMarkInfo() != null && catalogDict.getMarkInfo().isMarked(), "the PDF says it is tagged");
            var root = catalogDict.getStructureTreeRoot();
            assertTrue(root != null && !root.getKids().isEmpty(), "with a structure tree");
            java.util.Set<String> types = new java.util.HashSet<>();
            java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>(root.getKids());
            while (!todo.isEmpty()) {
                Object k = todo.pop();
                if (k instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    types.add(e.getStructureType());
                    todo.addAll(e.getKids());
                }
            }
            assertTrue(types.contains("H1") && types.contains("P"), "headings and paragraphs are tagged: " + types);
            assertEquals("en", catalogDict.getLanguage(), "the language is set");
            assertEquals(title, doc.getDocumentInformation().getTitle(), "the title is set");
        }
    }

    @Test
    void aDebriefOnPaperExplainsEveryChoiceWithTheBetterReply() throws Exception {
        Dialogue d = bundled().stream().filter(x -> x.id().equals("wedding-catering")).findFirst().orElseThrow();
        Playthrough p = Playthrough.start(d, 11);
        while (!p.ended()) {
            CustomerNode c = (CustomerNode) p.current();
            int worst = 0;
            for (int i = 0; i < c.choices().size(); i++) if (c.choices().get(i).grade().compareTo(c.choices().get(worst).grade()) > 0) worst = i;
            p.chooseIndex(worst, 4200);
        }
        Debrief debrief = Debrief.of(d, p.transcript(), catalog);
        Printable doc = DebriefDocument.of(d, debrief, catalog, META);
        String page = text(doc.xhtml());
        assertTrue(page.contains("Priya Shah · 23 November 2026, 14:05"), "who and when");
        assertTrue(page.contains(debrief.percent() + "%"));
        assertTrue(page.contains(debrief.ending().ending().title()));
        for (Debrief.DecisionReview r : debrief.decisions()) {
            assertTrue(page.contains(squash(r.customerSaid())));
            assertTrue(page.contains(squash(r.chosen().say())) && page.contains(squash(r.chosen().why())));
            if (r.better() != null) assertTrue(page.contains(squash(r.better().say())) && page.contains(squash(r.better().why())), "the better reply and why");
            for (String pit : r.chosen().pitfalls()) assertTrue(page.contains(catalog.displayName(pit)), "the pitfall by name");
        }
        assertTrue(debrief.decisions().stream().anyMatch(r -> r.grade() == Grade.HARMFUL), "the worst path has harmful replies");
        assertTrue(page.contains("4.2 s to decide"));
        for (Debrief.TechniqueScore t : debrief.techniques()) assertTrue(page.contains(t.name()));

        Path pdf = dir.resolve("debrief.pdf");
        doc.save(pdf);
        String text = pdfText(Files.readAllBytes(pdf));
        assertTagged(Files.readAllBytes(pdf), "Debrief: " + d.title());
        assertTrue(text.contains("Debrief: " + d.title()));
        assertTrue(text.contains(debrief.percent() + "%"));
        assertTrue(text.contains("A better reply".toUpperCase()) || text.contains("A better reply"));
        Path html = dir.resolve("debrief.html");
        doc.save(html);
        assertEquals(doc.xhtml(), Files.readString(html));
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.toString().endsWith(".part")), "no half-written file is left behind");
        }
    }

    @Test
    void textFromAFileCannotBreakThePageOrRunInIt() throws Exception {
        String hostile = Fixtures.minimal().replace("I just wanted someone to admit it was late.",
                "</p><script>alert('x')</script> & \\u0007 bell \\ud83d\\ude00 \\u202e");
        Validated v = Fixtures.validate(hostile);
        assertTrue(v.playable(), v.diagnostics().toString());
        String x = FacilitatorGuide.of(v.dialogue(), catalog).xhtml();
        assertFalse(x.contains("<script>"), "markup from a file is escaped");
        String page = text(x); // parses as XML: no control character broke it
        assertTrue(page.contains("</p><script>alert('x')</script> & \uFFFD bell \uD83D\uDE00"), "the text shows as written, the bell replaced");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FacilitatorGuide.of(v.dialogue(), catalog).writeTo(out, Printable.Kind.PDF);
        assertTrue(out.size() > 1000);
    }

    @Test
    void aTitleInThePageFooterCannotCloseTheStyleSheet() throws Exception {
        String x = Xhtml.close(Xhtml.open("Quotes \" and </style><b>& \\ back\nslash", null));
        assertFalse(x.contains("</style><b>"), x);
        xml(x); // still well-formed
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Printable("t", x).writeTo(out, Printable.Kind.PDF);
        assertTrue(pdfText(out.toByteArray()).contains("Quotes \" and </style><b>& \\ back"), "the footer shows the title as written");
    }

    @Test
    void aPlaceThatCannotBeWrittenGivesAnErrorAndLeavesWhatWasThere() throws Exception {
        Printable p = new Printable("t", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>x</p></body></html>");
        Path notAFolder = Files.writeString(dir.resolve("notes"), "keep me");
        assertThrows(java.io.IOException.class, () -> p.save(notAFolder.resolve("out.pdf")));
        assertEquals("keep me", Files.readString(notAFolder));
        Path earlier = Files.writeString(dir.resolve("earlier.pdf"), "an earlier file");
        Printable broken = new Printable("t", "<html><body><p>not closed</body></html>");
        assertThrows(java.io.IOException.class, () -> broken.save(earlier));
        assertEquals("an earlier file", Files.readString(earlier), "a failed save does not replace the file");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(f -> f.toString().endsWith(".part")), "no half-written file is left behind");
        }
    }
}
