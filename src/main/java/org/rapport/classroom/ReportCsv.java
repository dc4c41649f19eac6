package org.rapport.classroom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ClassRoster.Assigned;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The class report as one CSV table for a spreadsheet: a row per trainee with their attempts, completion, best score
 * per assigned dialogue and mastery per step (percent; empty where there is no data), then a row of class averages.
 * Cells that a spreadsheet would take for a formula are written with a leading apostrophe.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static void write(ClassReport report, Catalog catalog, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("Trainee", "Results", "Attempts", "Completed"));
        for (Assigned d : report.roster().dialogues()) header.add("Best %: " + d.title());
        for (String s : report.steps()) header.add("Mastery %: " + catalog.displayName(s));
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.stream().map(ReportCsv::safe).toArray(String[]::new))
                .setRecordSeparator("\r\n").get();
        int assigned = report.roster().dialogues().size();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (TraineeRow r : report.trainees()) {
                List<Object> row = new ArrayList<>();
                row.add(safe(r.name()));
                row.add(r.hasResults() ? "yes" : "no");
                row.add(r.attempts());
                row.add(r.completed() + " of " + assigned);
                for (Assigned d : report.roster().dialogues()) row.add(r.bestPercent().containsKey(d.id()) ? r.bestPercent().get(d.id()) : "");
                for (String s : report.steps()) row.add(r.stepMastery().containsKey(s) ? ClassReport.percent(r.stepMastery().get(s)) : "");
                p.printRecord(row);
            }
            List<Object> avg = new ArrayList<>();
            avg.add("Class average");
            avg.add(report.trainees().stream().filter(TraineeRow::hasResults).count() + " of " + report.trainees().size());
            avg.add(report.trainees().stream().mapToInt(TraineeRow::attempts).sum());
            avg.add(report.completionPercent() + "%");
            for (var c : report.completion()) {
                avg.add(c.finished().isEmpty() ? "" : Math.round(report.trainees().stream().filter(r -> r.bestPercent().containsKey(c.dialogue().id()))
                        .mapToInt(r -> r.bestPercent().get(c.dialogue().id())).average().orElse(0)));
            }
            for (String s : report.steps()) avg.add(ClassReport.percent(report.classStepMastery().get(s)));
            p.printRecord(avg);
        }
    }

    /** Text a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe. */
    static String safe(String s) {
        if (s.isEmpty()) return s;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }
}
