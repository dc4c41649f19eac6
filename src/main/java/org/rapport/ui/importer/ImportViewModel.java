package org.rapport.ui.importer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.importer.ImportResult;
import org.rapport.importer.Importer;
import org.rapport.ui.UiExecutor;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * "Import…" in the author view: a scenario from Twine, H5P, ink or Yarn read by the {@link Importer} (the same one as
 * {@code rapport import}) in the background, its draft saved where the author chooses (never over a file without
 * asking) and opened in the author view, and the import report in words. The questions to the author (where to save,
 * whether to replace a file) and showing the report are the dialog's, through {@link Author}.
 */
public final class ImportViewModel {
    /** What the flow asks of the screen. */
    public interface Author {
        /** Where to save the draft, starting from {@code suggested} (the author's folder and {@code <id>.json}); null: do not save. */
        Path whereToSave(Path suggested);

        /** True when the author agrees to replace {@code existing} with the draft. */
        boolean replace(Path existing);

        /** The report of the last import is ready to show ({@link #summaryProperty()}, {@link #report()}, {@link #failedProperty()}). */
        void showReport();
    }

    /** One import, read and checked: the importer's result, the draft's id and how many things it leaves to fill in. */
    public record Imported(Path source, ImportResult result, String id, long todos) {
        /** The line that sums the import up, as the report's heading says it. */
        public String summary() {
            int customer = result.nodes() - result.endings();
            return "Imported " + count(customer, "customer line", "customer lines") + ", " + count(result.replies(), "reply", "replies")
                    + ", " + count(result.endings(), "ending", "endings") + "; " + count(result.warnings(), "warning", "warnings") + "; "
                    + (todos == 0 ? "nothing left to fill in." : count(todos, "thing", "things") + " to fill in (see Problems).");
        }
    }

    private final Importer importer;
    private final Validator validator;
    private final Supplier<Path> folder;
    private final Consumer<Path> opener;
    private Author author;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Diagnostic> report = FXCollections.observableArrayList();

    /**
     * @param folder the folder the author works in (where the draft is offered to be saved); null or missing: the
     *               current folder
     * @param opener opens a saved draft in the author view, as opening a file there does
     */
    public ImportViewModel(Catalog catalog, Validator validator, Supplier<Path> folder, Consumer<Path> opener) {
        this.importer = new Importer(catalog);
        this.validator = validator;
        this.folder = folder;
        this.opener = opener;
    }

    /** Who answers the questions and shows the report: the dialog, or a test. */
    public void setAuthor(Author author) {
        this.author = author;
    }

    /** A line saying what the last import did, or is doing. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last import's heading: its counts, or why nothing was imported. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The name of the file the last report is about. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** True when the last import failed: the report holds its errors and nothing was written or opened. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The last import's report: the importer's warnings and errors, located in the source file. */
    public ObservableList<Diagnostic> report() {
        return report;
    }

    /** Imports {@code file} in the background, then asks where to save the draft, saves it and opens it. */
    public void importFrom(Path file) {
        busy.set(true);
        message.set("Importing " + file.getFileName() + "…");
        UiExecutor.background(work(file), this::imported, this::failed);
    }

    /** The import, to run off the FX thread: the importer's draft and report, and the draft's to-dos counted by validate. */
    Callable<Imported> work(Path file) {
        return () -> {
            ImportResult r = importer.importFile(file);
            if (!r.ok()) return new Imported(file, r, null, 0);
            String id = idOf(r.dialogueJson());
            long todos = validator.validate(id + ".json", r.dialogueJson().getBytes(StandardCharsets.UTF_8)).diagnostics().stream()
                    .filter(Diagnostic::isError).count();
            return new Imported(file, r, id, todos);
        };
    }

    /** Back on the FX thread with the import: a failure is reported; a draft is offered a place and saved there. */
    void imported(Imported i) {
        if (!i.result().ok()) {
            busy.set(false);
            showFailure(i);
            return;
        }
        Target t = target(i);
        if (t == null) {
            busy.set(false);
            return;
        }
        save(i, t.path(), t.replace());
    }

    /** Where the author saves the draft, and whether a file there is to be replaced. */
    record Target(Path path, boolean replace) {
    }

    /**
     * Asks the author where to save the draft and, when a file is already there, whether to replace it; null when the
     * draft is not to be saved ({@link #messageProperty()} says so).
     */
    Target target(Imported i) {
        Path chosen = author == null ? null : author.whereToSave(suggestedTarget(i));
        if (chosen == null) {
            message.set("The draft imported from " + i.source().getFileName() + " was not saved.");
            return null;
        }
        Path path = withJson(chosen.toAbsolutePath().normalize());
        if (!Files.exists(path)) return new Target(path, false);
        if (author.replace(path)) return new Target(path, true);
        message.set("The draft was not saved: " + path.getFileName() + " is already there and was kept as it was.");
        return null;
    }

    /** Writes the draft to {@code target} in the background (replacing a file only when {@code replace}), then opens it. */
    void save(Imported i, Path target, boolean replace) {
        busy.set(true);
        message.set("Saving " + target.getFileName() + "…");
        UiExecutor.background(saveWork(i, target, replace), t -> saved(i, t), e -> notSaved(target, e));
    }

    /** The writing, to run off the FX thread: through a temporary file, and never over a file unless {@code replace}. */
    Callable<Path> saveWork(Imported i, Path target, boolean replace) {
        byte[] bytes = i.result().dialogueJson().getBytes(StandardCharsets.UTF_8);
        return () -> {
            if (!replace && Files.exists(target)) throw new FileAlreadyExistsException(target.toString());
            Path tmp = target.resolveSibling(target.getFileName() + ".part");
            try {
                Files.write(tmp, bytes);
                if (replace) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                else Files.move(tmp, target);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        };
    }

    /** The draft is on disk: open it, and show the report. */
    void saved(Imported i, Path target) {
        busy.set(false);
        failed.set(false);
        source.set(i.source().getFileName().toString());
        summary.set(i.summary());
        report.setAll(i.result().report());
        message.set("Saved the draft from " + i.source().getFileName() + " as " + target.getFileName() + " in "
                + (target.getParent() == null ? "/" : target.getParent()) + ". " + i.summary());
        opener.accept(target);
        if (author != null) author.showReport();
    }

    void notSaved(Path target, Throwable e) {
        busy.set(false);
        if (e instanceof FileAlreadyExistsException) {
            message.set("The draft was not saved: " + target.getFileName() + " appeared meanwhile and was kept as it was.");
        } else {
            message.set("The draft was not saved in " + target + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        }
    }

    /** The importer itself failed in a way it does not report (it reports everything it can): said in words. */
    void failed(Throwable e) {
        busy.set(false);
        failed.set(true);
        report.clear();
        summary.set("Nothing was imported: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        message.set(summary.get());
        if (author != null) author.showReport();
    }

    private void showFailure(Imported i) {
        failed.set(true);
        source.set(i.source().getFileName().toString());
        report.setAll(i.result().report());
        String name = i.source().getFileName().toString();
        String first = i.result().report().stream().filter(Diagnostic::isError).findFirst()
                .map(d -> (where(d).isEmpty() ? name : name + " (" + where(d) + ")") + ": " + d.message())
                .orElse(name + ": the file could not be read.");
        summary.set("Nothing was imported from " + name + ", and nothing was saved or opened.");
        message.set("Nothing was imported from " + first);
        if (author != null) author.showReport();
    }

    /** Where the draft is offered to be saved: {@code <id>.json} in the author's folder. */
    Path suggestedTarget(Imported i) {
        Path f = folder.get();
        if (f == null || !Files.isDirectory(f)) f = Path.of("").toAbsolutePath();
        return f.resolve(i.id() + ".json");
    }

    /** Where in the source file a report line is: "line 12, column 5"; empty when the message itself starts with the place. */
    public static String where(Diagnostic d) {
        if (d.line() <= 0) return "";
        return "line " + d.line() + (d.column() > 0 ? ", column " + d.column() : "");
    }

    /** A report line in words: "Warning RAP113, line 12, column 5: Links to …". */
    public static String describe(Diagnostic d) {
        String w = where(d);
        return (d.isError() ? "Error " : "Warning ") + d.code() + (w.isEmpty() ? "" : ", " + w) + ": " + d.message();
    }

    /** The report, one line per warning or error, as {@link #describe} says them. */
    public List<String> reportLines() {
        return report.stream().map(ImportViewModel::describe).toList();
    }

    private static String idOf(String json) {
        var o = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
        return o.has("id") ? o.get("id").getAsString() : "imported";
    }

    /** {@code file} with ".json" added when its name does not end so. */
    static Path withJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? file : file.resolveSibling(file.getFileName() + ".json");
    }

    private static String count(long n, String one, String many) {
        return String.format(Locale.ROOT, "%,d", n) + " " + (n == 1 ? one : many);
    }
}
