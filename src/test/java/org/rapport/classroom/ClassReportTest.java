package org.rapport.classroom;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassReport.MissedDecision;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ResultsCollector.ClassResults;
import org.rapport.classroom.ResultsCollector.Skipped;
import org.rapport.store.Progress;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The class report's figures, file handling and exports on the fixture class (see {@link ClassFixtures}). */
class ClassReportTest {
    @TempDir
    static Path dir;

    static final Catalog catalog = Catalog.bundled();
    static ClassResults results;
    static ClassReport report;

    @BeforeAll
    static void collect() throws Exception {
        Path folder = ClassFixtures.writeFolder(dir, dir.resolve("results"));
        results = new ResultsCollector(catalog, ClassFixtures.HUGE_LIMIT).collect(folder, ClassFixtures.roster());
        report = ClassReport.of(results, catalog);
    }

    private static TraineeRow row(String name) {
        return report.trainees().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static String reasonFor(String file) {
        return results.skipped().stream().filter(s -> s.file().equals(file)).map(Skipped::reason).findFirst()
                .orElseThrow(() -> new AssertionError(file + " was not skipped: " + results.skipped()));
    }

    @Test
    void everyBadFileIsReportedAndSkippedWithItsReason() {
        assertEquals("duplicate: the same file as ana-copy.json", reasonFor("ana.rapport-history.json"));
        assertTrue(reasonFor("ben2.json").startsWith("duplicate: every attempt in it already came from ben.json"), reasonFor("ben2.json"));
        assertEquals("unknown trainee: Zed is not in Tuesday group", reasonFor("zed.json"));
        assertTrue(reasonFor("eve.json").startsWith("dialogue not in the class"), reasonFor("eve.json"));
        assertEquals("malformed: it is not valid JSON at line 1 column 44", reasonFor("broken.json"));
        assertTrue(reasonFor("newer.json").contains("history format 2"), reasonFor("newer.json"));
        assertTrue(reasonFor("huge.json").contains("over the 256 KB"), reasonFor("huge.json"));
        assertEquals("odd name: a hidden file", reasonFor(".hidden.json"));
        assertEquals("odd name: it contains control or invisible characters", reasonFor("bell?.json"));
        assertEquals("not a .json file", reasonFor("notes.txt"));
        assertTrue(reasonFor("old").contains("folder"));
        assertEquals(List.of("ana-copy.json", "ben.json", "caro.json"), results.used().stream().map(ResultsCollector.Used::file).toList());
        assertTrue(results.used().get(0).notes().get(0).contains("\"Another parcel\" (1)"), "Ana's other-parcel attempt is left out and said so");
    }

    @Test
    void attemptsLandWithTheRightTraineeOnlyOnceAndOnlyForClassDialogues() {
        assertEquals(List.of(2, 1, 1, 0, 0), report.trainees().stream().map(TraineeRow::attempts).toList());
        assertEquals(List.of("Ana", "Ben", "Caro", "Dee", "Eve"), report.trainees().stream().map(TraineeRow::name).toList());
        assertTrue(results.all().stream().allMatch(a -> a.dialogue().id().equals("late-parcel")));
    }

    @Test
    void masteryPerTraineeAndStepIsTheProgressFigure() {
        assertEquals(List.of("lead.listen", "lead.empathize", "lead.accept"), report.steps(), "catalog order, only steps tested");
        assertEquals(1.0, row("Ana").stepMastery().get("lead.listen"), 1e-9);
        // Newest attempt best (weight 1), the one before weak (weight 0.7).
        double anaAccept = (1.0 + Progress.DECAY / 3.0) / (1 + Progress.DECAY);
        assertEquals(anaAccept, row("Ana").stepMastery().get("lead.accept"), 1e-9);
        assertEquals(0.0, row("Ben").stepMastery().get("lead.listen"), 1e-9);
        assertEquals(1.0, row("Ben").stepMastery().get("lead.empathize"), 1e-9);
        assertFalse(row("Ben").stepMastery().containsKey("lead.accept"), "Ben never reached that decision: no data, not zero");
        assertEquals(1 / 3.0, row("Caro").stepMastery().get("lead.accept"), 1e-9);
        assertTrue(row("Dee").stepMastery().isEmpty());

        assertEquals(2 / 3.0, report.classStepMastery().get("lead.listen"), 1e-9);
        assertEquals((anaAccept + 1 / 3.0) / 2, report.classStepMastery().get("lead.accept"), 1e-9);
        assertEquals(1.0, report.classStepMastery().get("lead.empathize"), 1e-9);
        assertEquals(4, ClassReport.band(row("Ana").stepMastery().get("lead.listen")));
        assertEquals(0, ClassReport.band(row("Ben").stepMastery().get("lead.listen")));
    }

    @Test
    void theMostMissedDecisionComesFirstWithTheReplyMostChosenAndWhyItFallsShort() {
        assertEquals(2, report.missed().size(), "the third decision was never missed");
        MissedDecision top = report.missed().get(0);
        assertEquals("calmer", top.nodeId());
        assertEquals(3, top.reached());
        assertEquals(2, top.missed());
        assertEquals(67, top.missedPercent());
        assertEquals(List.of("Ana", "Caro"), top.traineesWhoMissed());
        assertTrue(top.commonMiss().say().startsWith(ClassFixtures.ACCEPT_WEAK));
        assertEquals(2, top.commonMissCount());
        assertTrue(top.commonMiss().why().startsWith("Explaining the courier's backlog sounds like an excuse"));
        assertTrue(top.better().say().startsWith(ClassFixtures.ACCEPT_BEST));
        MissedDecision second = report.missed().get(1);
        assertEquals("opening", second.nodeId());
        assertEquals(4, second.reached());
        assertEquals(1, second.missed());
        assertEquals(List.of("Ben"), second.traineesWhoMissed());
    }

    @Test
    void completionCountsWhoFinishedEachAssignedDialogue() {
        assertEquals(List.of("Ana", "Ben", "Caro"), report.completion().get(0).finished());
        assertEquals(List.of("Dee", "Eve"), report.completion().get(0).notYet());
        assertEquals(60, report.completion().get(0).percent());
        assertEquals(0, report.completion().get(1).finished().size());
        assertEquals(30, report.completionPercent(), "3 of 10 assigned trainee-dialogue pairs");
        assertEquals(Map.of("late-parcel", 100), row("Ana").bestPercent(), "the best of Ana's two attempts");
        assertEquals(Map.of("late-parcel", 67), row("Caro").bestPercent());
    }

    @Test
    void theCsvHasARowPerTraineeAndClassAveragesAndReadsBack() throws Exception {
        StringBuilder out = new StringBuilder();
        ReportCsv.write(report, catalog, out);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(out.toString())).getRecords();
        assertEquals(6, rows.size(), "five trainees and the class average");
        CSVRecord ana = rows.get(0);
        assertEquals("Ana", ana.get("Trainee"));
        assertEquals("2", ana.get("Attempts"));
        assertEquals("1 of 2", ana.get("Completed"));
        assertEquals("100", ana.get("Best %: The parcel that missed the birthday"));
        assertEquals("", ana.get("Best %: Missed swim classes"));
        assertEquals("100", ana.get("Mastery %: LEAD: Listen"));
        assertEquals("73", ana.get("Mastery %: LEAD: Accept responsibility"));
        assertEquals("", rows.get(1).get("Mastery %: LEAD: Accept responsibility"), "no data is an empty cell, not 0");
        CSVRecord avg = rows.get(5);
        assertEquals("Class average", avg.get("Trainee"));
        assertEquals("3 of 5", avg.get("Results"));
        assertEquals("30%", avg.get("Completed"));
        assertEquals("67", avg.get("Mastery %: LEAD: Listen"));
    }

    @Test
    void csvCellsThatLookLikeFormulasAreDefused() {
        assertEquals("'=HYPERLINK(\"x\")", ReportCsv.safe("=HYPERLINK(\"x\")"));
        assertEquals("'+1", ReportCsv.safe("+1"));
        assertEquals("Ana", ReportCsv.safe("Ana"));
    }

    @Test
    void theHtmlReportIsSelfContainedEscapedAndShowsEveryPart() {
        String html = ReportHtml.render(report, catalog, Instant.parse("2026-11-24T09:30:00Z"), ZoneOffset.UTC);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<h1>Class report: Tuesday group</h1>"));
        assertTrue(html.contains("3 of 5 trainees sent results · 4 attempts · 30% of assigned dialogues completed · generated 24 November 2026, 09:30"), html);
        assertTrue(html.contains("<td class=\"cell m4\">100%</td>"), "a mastered cell shows its figure and its band");
        assertTrue(html.contains("<td class=\"cell m0\">0%</td>"), "Ben's listen");
        assertTrue(html.contains("<td class=\"cell none\">—</td>"), "no data is shown as a dash");
        assertTrue(html.contains("Missed in 2 of 3 attempts (67%), by Ana, Caro."));
        assertTrue(html.contains("Why it falls short: Explaining the courier&#39;s backlog sounds like an excuse"), "texts are escaped");
        assertTrue(html.contains("<td>Missed swim classes</td><td>0 of 5 (0%)</td><td>Ana, Ben, Caro, Dee, Eve</td>"));
        assertTrue(html.contains("Skipped: unknown trainee: Zed is not in Tuesday group"));
        assertFalse(html.contains("<link") || html.contains("src=\"http"), "nothing is loaded from elsewhere");
        assertTrue(ReportHtml.esc("<script>alert('x')</script>").equals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    @Test
    void xapiStatementsHaveTheStructureALearningRecordStoreRequires() {
        String base = "https://learning.example.org/rapport/";
        assertTrue(assertThrows(RoomException.class, () -> Xapi.export(results, catalog, null)).getMessage()
                .contains("Set your department's xAPI address"), "no statements under an address nobody set");
        String json = Xapi.toJson(Xapi.export(results, catalog, base).statements());
        JsonArray statements = JsonParser.parseString(json).getAsJsonArray();
        // Kept for scripts/xapi-validate.sh, which runs Learning Locker's own validator over them.
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "xapi"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "xapi", "fixture-statements.json"), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertEquals(4, statements.size(), "one statement per class attempt");
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        for (JsonElement e : statements) {
            JsonObject s = e.getAsJsonObject();
            assertTrue(uuid.matcher(s.get("id").getAsString()).matches());
            JsonObject actor = s.getAsJsonObject("actor");
            assertEquals("Agent", actor.get("objectType").getAsString());
            JsonObject account = actor.getAsJsonObject("account");
            assertTrue(account.get("homePage").getAsString().startsWith("https://"), "an account's homePage is an IRL");
            assertFalse(account.get("name").getAsString().isBlank());
            JsonObject verb = s.getAsJsonObject("verb");
            assertEquals("http://adlnet.gov/expapi/verbs/completed", verb.get("id").getAsString());
            assertEquals("completed", verb.getAsJsonObject("display").get("en-US").getAsString());
            JsonObject object = s.getAsJsonObject("object");
            assertEquals("Activity", object.get("objectType").getAsString());
            assertTrue(object.get("id").getAsString().startsWith(base + "dialogues/"), "activities under the department's address");
            assertTrue(account.get("homePage").getAsString().startsWith(base + "classes/"));
            java.time.OffsetDateTime.parse(s.get("timestamp").getAsString()); // RFC 3339
            JsonObject score = s.getAsJsonObject("result").getAsJsonObject("score");
            double scaled = score.get("scaled").getAsDouble();
            assertTrue(scaled >= 0 && scaled <= 1);
            assertTrue(score.get("raw").getAsInt() <= score.get("max").getAsInt());
            assertTrue(s.getAsJsonObject("result").get("duration").getAsString().startsWith("PT"));
            DateTimeFormatter.ISO_INSTANT.parse(s.get("timestamp").getAsString());
            assertEquals("1.0.3", s.get("version").getAsString());
            for (String key : s.getAsJsonObject("result").getAsJsonObject("extensions").keySet()) {
                assertTrue(key.startsWith(base), "extension keys are IRIs under the department's address: " + key);
            }
        }
        JsonObject ben = statements.asList().stream().map(JsonElement::getAsJsonObject)
                .filter(s -> s.getAsJsonObject("actor").get("name").getAsString().equals("Ben")).findFirst().orElseThrow();
        JsonObject result = ben.getAsJsonObject("result");
        assertEquals(0.5, result.getAsJsonObject("score").get("scaled").getAsDouble(), 1e-9);
        assertFalse(result.get("success").getAsBoolean(), "kept, not won");
        JsonObject first = result.getAsJsonObject("extensions").getAsJsonArray(base + Xapi.EXT_DECISIONS).get(0).getAsJsonObject();
        assertEquals("harmful", first.get("grade").getAsString());
        assertEquals("[\"lead.listen\"]", first.getAsJsonArray("stepsTested").toString());
        assertTrue(first.getAsJsonArray("pitfalls").toString().contains("pitfall.non-apology"));
        assertTrue(first.get("explanation").getAsString().startsWith("A stock apology plus an instant refund"));
        assertTrue(first.getAsJsonObject("better").get("reply").getAsString().startsWith(ClassFixtures.LISTEN_BEST));
        assertEquals("Tuesday group", ben.getAsJsonObject("context").getAsJsonObject("extensions").get(base + Xapi.EXT_CLASS).getAsString());
        // The same attempt always gets the same id, so sending the file twice stores it once.
        JsonArray again = Xapi.export(results, catalog, base).statements();
        assertEquals(statements.asList().stream().map(s -> s.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList()),
                again.asList().stream().map(s -> s.getAsJsonObject().get("id").getAsString()).collect(Collectors.toList()));
        assertNotNull(UUID.fromString(ben.get("id").getAsString()));
    }

    @Test
    void aClassFileRoundTripsAndABrokenOneSaysWhy() throws Exception {
        ClassBook book = new ClassBook(dir.resolve("classes"));
        ClassRoster made = book.create("Tuesday group", List.of("Ana", " ana ", "Ben"), ClassFixtures.roster().dialogues(), 5);
        assertEquals("tuesday-group", made.id());
        assertEquals(List.of("Ana", "Ben"), made.trainees(), "the same name twice is one trainee");
        ClassRoster second = book.create("Tuesday group", List.of(), List.of(), 6);
        assertEquals("tuesday-group-2", second.id(), "a second class of the same name gets its own file");
        assertEquals(List.of(made, second), book.list().classes());
        java.nio.file.Files.writeString(book.folder().resolve("junk.json"), "[]");
        ClassBook.Listing listing = book.list();
        assertEquals(2, listing.classes().size());
        assertTrue(listing.problems().get(0).contains("junk.json cannot be read: it is not a class file"), listing.problems().toString());
        assertEquals(List.of("Ann Lee", "Bo", "Cy"), ClassRoster.parseNames("Ann Lee\n\nBo, Cy;"));
    }
}
