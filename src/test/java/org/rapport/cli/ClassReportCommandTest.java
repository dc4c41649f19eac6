package org.rapport.cli;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.classroom.ClassBook;
import org.rapport.classroom.ClassFixtures;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassReportCommandTest {
    @Test
    void theClassReportPrintsTheFiguresWritesEveryExportAndSaysWhichFilesWereSkipped(@TempDir Path dir) throws Exception {
        Path folder = ClassFixtures.writeFolder(dir.resolve("work"), dir.resolve("results"));
        Path classFile = dir.resolve("tuesday.json");
        ClassBook.write(ClassFixtures.roster(), classFile);
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), folder.toString(), "--class", classFile.toString(),
                "--csv", out.resolve("c.csv").toString(), "--html", out.resolve("c.html").toString(), "--xapi", out.resolve("c.json").toString(),
                "--xapi-base", "https://learning.example.org/rapport");
        assertEquals(1, r.code(), "some files were skipped: " + r.err());
        assertTrue(r.out().startsWith("Class report: Tuesday group\n3 of 5 trainees sent results, 4 attempts, 30% of assigned dialogues completed."), r.out());
        assertMasteryTable(r.out());
        assertTrue(r.out().contains("  1. The parcel that missed the birthday: \"Thank you. I just wanted someone to admit it was late.\""), r.out());
        assertTrue(r.out().contains("     missed in 2 of 3 attempts (67%), by Ana, Caro"), r.out());
        assertTrue(r.out().contains("  Missed swim classes: 0 of 5 (0%); not yet: Ana, Ben, Caro, Dee, Eve"), r.out());
        assertTrue(r.out().contains("  skipped zed.json: unknown trainee: Zed is not in Tuesday group"), r.out());
        assertTrue(Files.readString(out.resolve("c.csv")).startsWith("Trainee,Results,Attempts,Completed,"));
        assertTrue(Files.readString(out.resolve("c.html")).contains("<h1>Class report: Tuesday group</h1>"));
        assertEquals(4, JsonParser.parseString(Files.readString(out.resolve("c.json"))).getAsJsonArray().size());
        assertTrue(r.out().contains("Wrote " + out.resolve("c.json")));
    }

    /** Mastery prints as a table that reads in a 100-column terminal: a row per trainee, a coded column per step, a legend. */
    private static void assertMasteryTable(String out) {
        assertTrue(out.lines().anyMatch(l -> l.matches("  Ana +100 +- +73( .*)?")), "Ana's row: LEAD Listen 100, Empathize no data, Accept 73\n" + out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  Class average( +(\\d+|-))+")), out);
        assertTrue(out.lines().anyMatch(l -> l.matches("  +S1 +S2 +S3.*")), "the columns are headed S1, S2, ...\n" + out);
        assertTrue(out.contains("  S1   LEAD: Listen\n") && out.contains("  S3   LEAD: Accept responsibility\n"), "a legend explains the codes\n" + out);
        String table = out.substring(out.indexOf("Mastery by trainee and step"), out.indexOf("Decisions most often missed"));
        for (String line : table.lines().toList()) assertTrue(line.length() <= 100, "wider than 100 columns: " + line);
    }

    @Test
    void aHistoryWhoseCarriedDialogueWasEditedToAllBestIsFlaggedAndNotScored(@TempDir Path dir) throws Exception {
        Path folder = ClassFixtures.writeFolder(dir.resolve("work"), dir.resolve("results"));
        Path classFile = dir.resolve("tuesday.json");
        ClassBook.write(ClassFixtures.roster(), classFile);
        // Caro edits her export: in the dialogue it carries, every grade becomes "best".
        Path caro = folder.resolve("caro.json");
        com.google.gson.JsonObject h = com.google.gson.JsonParser.parseString(Files.readString(caro)).getAsJsonObject();
        for (var a : h.getAsJsonArray("attempts")) {
            var d = a.getAsJsonObject().getAsJsonObject("dialogue");
            d.addProperty("content", d.get("content").getAsString().replaceAll("\"grade\": \"(good|weak|harmful)\"", "\"grade\": \"best\""));
        }
        Files.writeString(caro, h.toString());
        CliTest.Run r = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), folder.toString(),
                "--class", classFile.toString());
        assertTrue(r.out().contains("  skipped caro.json: does not match this class's dialogue: the copy of \"The parcel that missed the birthday\""),
                r.out());
        assertTrue(r.out().lines().noneMatch(l -> l.startsWith("  Caro ") && l.contains("100")), "Caro is not scored 100%\n" + r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  Caro( +-)+")), "Caro has no scores at all\n" + r.out());

        CliTest.Run noLibrary = CliTest.run("class-report", "--library", dir.resolve("none").toString(), folder.toString(), "--class", classFile.toString());
        assertEquals(2, noLibrary.code());
        assertTrue(noLibrary.err().contains("give --library DIR"), noLibrary.err());
    }

    @Test
    void aMissingFolderOrABrokenClassFileIsBadUsage(@TempDir Path dir) throws Exception {
        Path classFile = dir.resolve("c.json");
        Files.writeString(classFile, "{\"kind\": \"something-else\"}");
        CliTest.Run noFolder = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), dir.resolve("nope").toString(), "--class", classFile.toString());
        assertEquals(2, noFolder.code());
        assertTrue(noFolder.err().contains("no such folder"), noFolder.err());
        CliTest.Run broken = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), dir.toString(), "--class", classFile.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().contains("is not a Rapport class file"), broken.err());
    }

    @Test
    void theReportAlsoPrintsAsAPdfAndReadsTheSharedDatabaseWhenGivenOne(@TempDir Path dir) throws Exception {
        Path folder = ClassFixtures.writeFolder(dir.resolve("work"), dir.resolve("results"));
        Path classFile = dir.resolve("tuesday.json");
        ClassBook.write(ClassFixtures.roster(), classFile);
        Path pdf = dir.resolve("out/report");
        CliTest.Run r = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), folder.toString(), "--class", classFile.toString(), "--pdf", pdf.toString());
        assertEquals(1, r.code(), r.err());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains("Class report: Tuesday group"), text);
            assertTrue(doc.getPage(0).getMediaBox().getWidth() > doc.getPage(0).getMediaBox().getHeight(), "landscape, for the heat map");
        }

        CliTest.Run both = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), folder.toString(), "--class", classFile.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("either a FOLDER of history files or --db JDBC-URL, not both"), both.err());
        CliTest.Run down = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), "--class", classFile.toString(), "--db", "jdbc:postgresql://127.0.0.1:1/none");
        assertEquals(1, down.code(), "a database that cannot be reached: " + down.err());
        assertTrue(down.err().startsWith("rapport class-report: "), down.err());
        assertFalse(down.err().contains("Exception"), "a plain message, not a stack trace: " + down.err());

        String url = System.getenv("RAPPORT_TEST_PG_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) return;
        String schema = "t_" + java.util.UUID.randomUUID().toString().replace("-", "");
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String shared = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        try {
            org.rapport.store.Store.initShared(shared, null, null);
            try (var store = org.rapport.store.Store.openShared(shared, null, null, ClassFixtures.ticking())) {
                ClassFixtures.populate(store, org.rapport.catalog.Catalog.bundled());
            }
            CliTest.Run live = CliTest.run("class-report", "--library", ClassFixtures.writeLibrary(dir.resolve("lib")).toString(), "--class", classFile.toString(), "--db", shared);
            assertTrue(live.out().startsWith("Class report: Tuesday group\n3 of 5 trainees sent results, 4 attempts, 30% of assigned dialogues completed."), live.out() + live.err());
            assertMasteryTable(live.out());
        } finally {
            try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
