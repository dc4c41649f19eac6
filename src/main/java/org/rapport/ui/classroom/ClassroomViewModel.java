package org.rapport.ui.classroom;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.classroom.ClassBook;
import org.rapport.classroom.ClassReport;
import org.rapport.classroom.ClassRoster;
import org.rapport.classroom.ClassRoster.Assigned;
import org.rapport.classroom.ReportCsv;
import org.rapport.classroom.ReportHtml;
import org.rapport.classroom.ResultsCollector;
import org.rapport.classroom.RoomException;
import org.rapport.classroom.Xapi;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.util.Duration;
import org.rapport.print.Printable;
import org.rapport.store.Store;
import org.rapport.ui.UiExecutor;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The classroom screen's state: the facilitator's classes, the one being edited, the library to assign from, and the
 * class report once results are collected. Reading a folder of results runs in the background.
 */
public final class ClassroomViewModel {
    /** The export formats. */
    public enum Export { CSV, HTML, PDF, XAPI }

    private final Catalog catalog;
    private final ClassBook book;
    private final AppContext ctx;
    private final ObservableList<ClassRoster> classes = FXCollections.observableArrayList();
    private final ObjectProperty<ClassRoster> selected = new SimpleObjectProperty<>();
    private final ObservableList<Dialogue> library = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ClassReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty live = new SimpleBooleanProperty(false);
    private final Timeline liveTimer = new Timeline(new KeyFrame(LIVE_EVERY, e -> refreshLive()));

    /** How often the report is read again from the shared store while it is live. */
    public static final Duration LIVE_EVERY = Duration.seconds(30);

    public ClassroomViewModel(AppContext ctx, Path dataDir) {
        this.ctx = ctx;
        this.catalog = ctx.catalog();
        this.book = ClassBook.in(dataDir);
        selected.addListener((o, a, b) -> {
            if (a != null && b != null && a.id().equals(b.id())) return;
            report.set(null);
            live.set(false);
        });
        liveTimer.setCycleCount(Animation.INDEFINITE);
        live.addListener((o, was, now) -> {
            if (now) liveTimer.play();
            else liveTimer.stop();
        });
    }

    public ObservableList<ClassRoster> classes() {
        return classes;
    }

    public ObjectProperty<ClassRoster> selectedProperty() {
        return selected;
    }

    public ObservableList<Dialogue> library() {
        return library;
    }

    public ReadOnlyObjectProperty<ClassReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Reads the classes (small files, at once) and the library (in the background). */
    public void load() {
        refreshClasses(null);
        UiExecutor.background(() -> DialogueLibrary.load(ctx.validator(), ctx.libraryPaths()).playable().stream().map(Validated::dialogue).toList(),
                library::setAll, e -> message.set("The library could not be read: " + e.getMessage()));
    }

    private void refreshClasses(String selectId) {
        ClassBook.Listing l = book.list();
        classes.setAll(l.classes());
        if (!l.problems().isEmpty()) message.set(String.join(" ", l.problems()));
        if (selectId != null) classes.stream().filter(c -> c.id().equals(selectId)).findFirst().ifPresent(selected::set);
        else if (selected.get() == null && !classes.isEmpty()) selected.set(classes.get(0));
    }

    public void newClass(String name) {
        try {
            ClassRoster c = book.create(name == null || name.isBlank() ? "New class" : name, List.of(), List.of(), System.currentTimeMillis());
            refreshClasses(c.id());
            message.set("Class \"" + c.name() + "\" created. Add its trainees and assign dialogues, then save.");
        } catch (IOException | IllegalArgumentException e) {
            message.set("The class could not be created: " + e.getMessage());
        }
    }

    /** Saves the selected class with a new name, trainee list (one per line) and assigned dialogue ids. */
    public void save(String name, String traineesText, List<String> dialogueIds) {
        ClassRoster current = selected.get();
        save(name, traineesText, dialogueIds, current == null ? null : current.xapiBase());
    }

    /** As {@link #save(String, String, List)}, with the department's xAPI address for the class's exports. */
    public void save(String name, String traineesText, List<String> dialogueIds, String xapiBase) {
        ClassRoster c = selected.get();
        if (c == null) return;
        List<Assigned> assigned = new ArrayList<>();
        for (String id : dialogueIds) {
            String title = library.stream().filter(d -> d.id().equals(id)).map(Dialogue::title).findFirst()
                    .orElse(c.dialogues().stream().filter(a -> a.id().equals(id)).map(Assigned::title).findFirst().orElse(id));
            assigned.add(new Assigned(id, title));
        }
        try {
            ClassRoster updated = c.withName(name).withTrainees(ClassRoster.parseNames(traineesText)).withDialogues(assigned).withXapiBase(xapiBase);
            book.save(updated);
            refreshClasses(updated.id());
            message.set("Saved \"" + updated.name() + "\": " + updated.trainees().size() + " trainees, " + updated.dialogues().size() + " dialogues.");
        } catch (IOException | IllegalArgumentException e) {
            message.set("The class could not be saved: " + e.getMessage());
        }
    }

    public void delete() {
        ClassRoster c = selected.get();
        if (c == null) return;
        try {
            book.delete(c);
            selected.set(null);
            refreshClasses(null);
            message.set("Class \"" + c.name() + "\" deleted. The trainees' own files are untouched.");
        } catch (IOException e) {
            message.set("The class could not be deleted: " + e.getMessage());
        }
    }

    /** A new class from a folder of history files: everyone who sent one, and every dialogue they played. */
    public void createFromFolder(Path folder, String name) {
        busy.set(true);
        UiExecutor.background(() -> new ResultsCollector(catalog).survey(folder), survey -> {
            busy.set(false);
            try {
                ClassRoster c = book.create(name, survey.trainees(), survey.dialogues(), System.currentTimeMillis());
                refreshClasses(c.id());
                message.set("Class \"" + c.name() + "\" created from " + folder.getFileName() + ": " + c.trainees().size() + " trainees, "
                        + c.dialogues().size() + " dialogues" + (survey.skipped().isEmpty() ? "." : "; " + survey.skipped().size() + " files were not history files."));
            } catch (IOException | IllegalArgumentException e) {
                message.set("The class could not be created: " + e.getMessage());
            }
        }, e -> {
            busy.set(false);
            message.set("The folder could not be read: " + e.getMessage());
        });
    }

    /**
     * A collector that checks every attempt against this app's own library (read afresh, off the FX thread): an attempt
     * played on a copy of a dialogue that differs from the library's is listed as not matching and not scored.
     */
    private ResultsCollector collector() throws java.io.IOException {
        java.util.Map<String, String> reference = new java.util.HashMap<>();
        for (var v : org.rapport.library.DialogueLibrary.load(ctx.validator(), ctx.libraryPaths()).playable()) {
            reference.put(v.dialogue().id(), v.read().contentHash());
        }
        return new ResultsCollector(catalog).checkedAgainst(reference);
    }

    /** Collects the selected class's results from a folder of history files, in the background. */
    public void collect(Path folder) {
        ClassRoster c = selected.get();
        if (c == null) return;
        live.set(false);
        busy.set(true);
        message.set("Reading " + folder + "…");
        UiExecutor.background(() -> ClassReport.of(collector().collect(folder, c), catalog), r -> {
            busy.set(false);
            report.set(r);
            var res = r.results();
            message.set("Read " + res.used().size() + (res.used().size() == 1 ? " file" : " files") + " for \"" + c.name() + "\""
                    + (res.skipped().isEmpty() ? "." : "; " + res.skipped().size() + " skipped (see below)."));
        }, e -> {
            busy.set(false);
            message.set("The results could not be read: " + e.getMessage());
        });
    }

    /** Whether results can be read from the app's store, and what it is called on the button. */
    public boolean canReadStore() {
        return ctx.store().isPresent();
    }

    /** "the shared database" with a department's server (--db), "this computer's trainees" for the local store. */
    public String storeName() {
        if (ctx.server().isPresent()) return "the shared database";
        return ctx.store().map(s -> s.isSqlite() ? "this computer's trainees" : "the shared database").orElse("no store");
    }

    /**
     * Reads the selected class's results from the app's store in the background: live from the department's shared
     * PostgreSQL database when Rapport was started with one ({@code --db}), else from the trainees on this computer.
     */
    public void collectFromStore() {
        ClassRoster c = selected.get();
        Store store = ctx.store().orElse(null);
        if (c == null || store == null) {
            if (store == null) message.set("No store is open, so there is nothing to read; collect from a folder instead.");
            return;
        }
        String where = storeName();
        busy.set(true);
        message.set("Reading " + where + "…");
        AppContext.Server server = ctx.server().orElse(null);
        UiExecutor.background(() -> {
            if (server == null) return ClassReport.of(collector().collect(store, c, System.currentTimeMillis()), catalog);
            // The department's server, over a connection held only for this read (off the FX thread, with timeouts).
            try (Store shared = Store.openShared(server.url(), server.user(), server.password(), java.time.Clock.systemUTC())) {
                return ClassReport.of(collector().collect(shared, c, System.currentTimeMillis()), catalog);
            }
        }, r -> {
            busy.set(false);
            if (!c.equals(selected.get())) return;
            var res = r.results();
            long with = r.trainees().stream().filter(ClassReport.TraineeRow::hasResults).count();
            message.set("Read " + where + " at " + java.time.LocalTime.now().withNano(0) + ": results for " + with + " of " + c.trainees().size()
                    + " trainees" + (res.skipped().isEmpty() ? "." : "; " + res.skipped().size() + " could not be read (see below).")
                    + (live.get() ? " Read again every " + (int) LIVE_EVERY.toSeconds() + " seconds." : ""));
            report.set(r);
        }, e -> {
            busy.set(false);
            live.set(false);
            message.set("The results could not be read from " + where + ": " + e.getMessage() + ". The report on screen is kept.");
        });
    }

    /** While true, the report is read from the store again every {@link #LIVE_EVERY}, so it fills in during a session. */
    public BooleanProperty liveProperty() {
        return live;
    }

    private void refreshLive() {
        if (!busy.get() && selected.get() != null) collectFromStore();
    }

    /** Writes the report in {@code kind} to {@code file} (atomically), in the background: a PDF takes a moment. */
    public void export(Export kind, Path file) {
        ClassReport r = report.get();
        if (r == null) {
            message.set("Collect the results first.");
            return;
        }
        busy.set(true);
        message.set("Exporting to " + file.getFileName() + "…");
        UiExecutor.background(() -> {
            write(r, catalog, kind, file);
            return file;
        }, f -> {
            busy.set(false);
            message.set("Exported " + switch (kind) {
                case CSV -> "the table";
                case HTML -> "the printable report";
                case PDF -> "the report as a PDF";
                case XAPI -> r.results().all().size() + " xAPI statements";
            } + " to " + f + ".");
        }, e -> {
            busy.set(false);
            message.set("The export failed: " + e.getMessage() + ". Nothing was lost; try another folder.");
        });
    }

    static void write(ClassReport r, Catalog catalog, Export kind, Path file) throws IOException {
        if (kind == Export.PDF) {
            ReportHtml.printable(r, catalog, Instant.now(), ZoneId.systemDefault()).save(file, Printable.Kind.PDF);
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            switch (kind) {
                case CSV -> ReportCsv.write(r, catalog, w);
                case HTML -> w.write(ReportHtml.render(r, catalog, Instant.now(), ZoneId.systemDefault()));
                case XAPI -> w.write(Xapi.toJson(Xapi.export(r.results(), catalog, null).statements()));
                case PDF -> throw new IllegalStateException("written above");
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
