package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassBook;
import org.rapport.classroom.ClassReport;
import org.rapport.classroom.ClassReport.Completion;
import org.rapport.classroom.ClassReport.MissedDecision;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ClassRoster;
import org.rapport.classroom.ReportCsv;
import org.rapport.classroom.ReportHtml;
import org.rapport.print.Printable;
import org.rapport.store.Store;
import org.rapport.store.StoreException;
import org.rapport.classroom.ResultsCollector;
import org.rapport.classroom.ResultsCollector.ClassResults;
import org.rapport.classroom.ResultsCollector.Skipped;
import org.rapport.classroom.ResultsCollector.Used;
import org.rapport.classroom.RoomException;
import org.rapport.classroom.Xapi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "class-report", addMethodSubcommands = false, sortOptions = false,
        description = {"Report how a class did, from a folder of trainees' exported history files or the department's shared database (--db).",
                "The report gives mastery per trainee and technique step, the decisions most often missed, and the completion "
                        + "of the assigned dialogues.",
                "Files that are malformed, duplicated, from someone not in the class, for dialogues the class is not assigned, "
                        + "huge or oddly named are listed and skipped.",
                "Exit code: 0 every file was used, 1 the report was made but some files were skipped, or the database could not be read, 2 bad usage."})
final class ClassReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FOLDER", arity = "0..1", description = "The folder with the trainees' history files (*.json). Not with --db.")
    Path folder;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Read the results live from the shared database instead, "
            + "e.g. jdbc:postgresql://host/rapport (user and password from --db-user/--db-password, or RAPPORT_DB_USER/RAPPORT_DB_PASSWORD).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "The database user.")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "The database password. Visible to other users of this "
            + "computer in the list of running programs: prefer RAPPORT_DB_PASSWORD or PostgreSQL's ~/.pgpass, which are used when it is not given.")
    String dbPassword;

    @Option(names = "--class", required = true, paramLabel = "FILE", description = "The class file (kind \"rapport-class\"): its name, trainees and assigned dialogues.")
    Path classFile;

    @Option(names = "--library", paramLabel = "DIR",
            description = "The class's own dialogue files (default: dialogues in the working folder, else the dialogues bundled with the "
                    + "installed app). Every attempt is checked against them: one played on "
                    + "a copy that differs (an edited export, an old version) is listed as not matching and not scored.")
    Path library;

    @Option(names = "--csv", paramLabel = "OUT", description = "Also write the report as a CSV table.")
    Path csv;

    @Option(names = "--html", paramLabel = "OUT", description = "Also write the printable HTML report.")
    Path html;

    @Option(names = "--pdf", paramLabel = "OUT", description = "Also write the report as a PDF (landscape A4).")
    Path pdf;

    @Option(names = "--xapi", paramLabel = "OUT", description = "Also write every attempt as xAPI statements (a JSON array).")
    Path xapi;

    @Option(names = "--xapi-base", paramLabel = "URL", description = "An address such as https://lms.example.org/rapport/, under which "
            + "the statements name the class, its dialogues and its trainees (default: the class file's \"xapiBase\").")
    String xapiBase;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((folder == null) == (db == null)) {
            err.println("rapport class-report: give either a FOLDER of history files or --db JDBC-URL, not " + (folder == null ? "neither" : "both") + ".");
            return 2;
        }
        if (folder != null && !Files.isDirectory(folder)) {
            err.println("rapport class-report: no such folder: " + folder);
            return 2;
        }
        if (!Files.isRegularFile(classFile)) {
            err.println("rapport class-report: no such class file: " + classFile);
            return 2;
        }
        ClassRoster roster;
        try {
            roster = ClassBook.read(classFile);
        } catch (RoomException e) {
            err.println("rapport class-report: " + e.getMessage());
            return 2;
        }
        Catalog catalog = Catalog.bundled();
        if (library == null) library = org.rapport.library.LibraryFolder.resolve();
        if (!Files.isDirectory(library)) {
            err.println("rapport class-report: no folder of dialogues at " + library + "; give --library DIR, the class's own copies"
                    + " that every attempt is checked against.");
            return 2;
        }
        ResultsCollector collector = new ResultsCollector(catalog).checkedAgainst(reference(library, catalog));
        ClassResults results;
        if (db != null) {
            String user = dbUser != null ? dbUser : System.getenv("RAPPORT_DB_USER");
            if (dbPassword != null) {
                err.println("rapport class-report: warning: a password given with --db-password can be read by anyone on this computer"
                        + " (in the list of running programs); use RAPPORT_DB_PASSWORD or PostgreSQL's ~/.pgpass instead.");
            }
            String password = dbPassword != null ? dbPassword : System.getenv("RAPPORT_DB_PASSWORD");
            try (Store store = Store.openShared(db, user, password, Clock.systemUTC())) {
                results = collector.collect(store, roster, System.currentTimeMillis());
            } catch (StoreException e) {
                err.println("rapport class-report: " + e.getMessage());
                return 1;
            }
        } else {
            results = collector.collect(folder, roster);
        }
        ClassReport report = ClassReport.of(results, catalog);
        print(report, catalog, out);
        if (csv != null) write(csv, w -> ReportCsv.write(report, catalog, w), out);
        if (html != null) write(html, w -> w.write(ReportHtml.render(report, catalog, Instant.now(), ZoneId.systemDefault())), out);
        if (pdf != null) {
            Path abs = pdf.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            ReportHtml.printable(report, catalog, Instant.now(), ZoneId.systemDefault()).save(abs, Printable.Kind.PDF);
            out.println("Wrote " + pdf);
        }
        if (xapi != null) {
            Xapi.Export export;
            try {
                export = Xapi.export(results, catalog, xapiBase);
            } catch (RoomException | IllegalArgumentException e) {
                err.println("rapport class-report: no xAPI file written: " + e.getMessage());
                return 2;
            }
            write(xapi, w -> w.write(Xapi.toJson(export.statements())), out);
            for (String s : export.skipped()) out.println("  not in the xAPI file: " + s);
        }
        out.flush();
        return results.skipped().isEmpty() ? 0 : 1;
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void write(Path file, Body body, PrintWriter out) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling(abs.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        }
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        out.println("Wrote " + file);
    }

    static void print(ClassReport r, Catalog catalog, PrintWriter out) {
        long with = r.trainees().stream().filter(TraineeRow::hasResults).count();
        int attempts = r.trainees().stream().mapToInt(TraineeRow::attempts).sum();
        out.println("Class report: " + r.roster().name());
        out.println(with + " of " + r.trainees().size() + " trainees sent results, " + attempts + (attempts == 1 ? " attempt, " : " attempts, ")
                + r.completionPercent() + "% of assigned dialogues completed.");
        out.println();
        out.println("Mastery by trainee and step (percent; - is no data):");
        masteryTable(out, r, catalog);
        out.println();
        out.println("Decisions most often missed:");
        if (r.missed().isEmpty()) out.println("  none: every attempt took the best reply everywhere.");
        int n = 0;
        for (MissedDecision m : r.missed().subList(0, Math.min(ReportHtml.MISSED_SHOWN, r.missed().size()))) {
            out.println("  " + (++n) + ". " + m.dialogueTitle() + ": \"" + m.customerSaid() + "\"");
            out.println("     missed in " + m.missed() + " of " + m.reached() + " attempts (" + m.missedPercent() + "%), by " + String.join(", ", m.traineesWhoMissed()));
            out.println("     most chosen instead (" + m.commonMissCount() + "x, " + m.commonMiss().grade().word() + "): \"" + m.commonMiss().say() + "\"");
            out.println("     why it falls short: " + m.commonMiss().why());
            out.println("     better: \"" + m.better().say() + "\"");
        }
        out.println();
        out.println("Completion of assigned dialogues:");
        for (Completion c : r.completion()) {
            out.println("  " + c.dialogue().title() + ": " + c.finished().size() + " of " + (c.finished().size() + c.notYet().size())
                    + " (" + c.percent() + "%)" + (c.notYet().isEmpty() ? "" : "; not yet: " + String.join(", ", c.notYet())));
        }
        out.println();
        List<Used> used = r.results().used();
        List<Skipped> skipped = r.results().skipped();
        out.println("Files: " + used.size() + " used, " + skipped.size() + " skipped.");
        for (Used u : used) {
            if (!u.notes().isEmpty()) out.println("  " + u.file() + ": used for " + u.trainee() + "; " + String.join("; ", u.notes()));
        }
        for (Skipped s : skipped) out.println("  skipped " + s.file() + ": " + s.reason());
    }

    /** Dialogue id to the SHA-256 of its file, for every dialogue of the library that plays (errors leave a file out). */
    static java.util.Map<String, String> reference(Path library, Catalog catalog) throws java.io.IOException {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (var v : org.rapport.library.DialogueLibrary.load(new org.rapport.check.Validator(catalog), List.of(library)).playable()) {
            out.put(v.dialogue().id(), v.read().contentHash());
        }
        return out;
    }

    /** The widest line the mastery table prints: it reads in a 100-column terminal. */
    static final int WIDTH = 100;

    /**
     * Mastery as a table a facilitator can read in a terminal: a row per trainee and the class average, a column per
     * step under a short code (S1, S2, ...) explained in a legend; as many blocks of columns as it takes to stay
     * within {@value #WIDTH} characters.
     */
    static void masteryTable(java.io.PrintWriter out, ClassReport r, Catalog catalog) {
        if (r.steps().isEmpty()) {
            out.println("  no results");
            return;
        }
        List<String> names = new ArrayList<>();
        for (TraineeRow t : r.trainees()) names.add(t.name());
        names.add("Class average");
        int nameWidth = Math.min(24, names.stream().mapToInt(String::length).max().orElse(8));
        int cell = 5;
        int perBlock = Math.max(1, (WIDTH - 2 - nameWidth - 1) / cell);
        for (int from = 0; from < r.steps().size(); from += perBlock) {
            int to = Math.min(r.steps().size(), from + perBlock);
            StringBuilder head = new StringBuilder("  " + pad("", nameWidth) + " ");
            for (int j = from; j < to; j++) head.append(String.format("%" + cell + "s", "S" + (j + 1)));
            out.println(head.toString().stripTrailing());
            for (TraineeRow t : r.trainees()) out.println(row(t.name(), t.stepMastery(), r, from, to, nameWidth, cell));
            out.println(row("Class average", r.classStepMastery(), r, from, to, nameWidth, cell));
            out.println();
        }
        for (int j = 0; j < r.steps().size(); j++) {
            out.println(shorten(String.format("  %-4s %s", "S" + (j + 1), catalog.displayName(r.steps().get(j))), WIDTH));
        }
    }

    private static String row(String name, java.util.Map<String, Double> mastery, ClassReport r, int from, int to, int nameWidth, int cell) {
        StringBuilder line = new StringBuilder("  " + pad(shorten(name, nameWidth), nameWidth) + " ");
        for (int j = from; j < to; j++) {
            Double m = mastery.get(r.steps().get(j));
            line.append(String.format("%" + cell + "s", m == null ? "-" : String.valueOf(ClassReport.percent(m))));
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
