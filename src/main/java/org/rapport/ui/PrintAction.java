package org.rapport.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.print.Printable;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Saving a printable document (a debrief, a facilitator guide, a class report) as PDF or as a web page: the file
 * chooser, the work on a background thread (a PDF takes a moment), and a line saying what happened. A failure (a full
 * disk, a folder that cannot be written) is said in plain words and loses nothing: the screen stays as it was.
 */
public final class PrintAction {
    private final Supplier<Callable<Printable>> document;
    private final Supplier<String> baseName;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastSaved = new ReadOnlyStringWrapper();

    /**
     * @param document makes the document; called on a background thread, so it must only read immutable data
     * @param baseName the file name offered, without extension, e.g. {@code wedding-catering-debrief}
     */
    public PrintAction(Callable<Printable> document, String baseName) {
        this(() -> document, () -> baseName);
    }

    /**
     * For a document that depends on what is on screen (the dialogue selected, say): both suppliers are asked on the
     * FX thread when the user saves; the callable they give runs in the background.
     */
    public PrintAction(Supplier<Callable<Printable>> document, Supplier<String> baseName) {
        this.document = document;
        this.baseName = baseName;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The absolute path of the last file saved, or null. */
    public ReadOnlyStringProperty lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    /** Saves to {@code file} in the background: PDF for a {@code .pdf} name, else HTML. */
    public void saveTo(Path file) {
        Path abs = file.toAbsolutePath();
        Callable<Printable> make = document.get();
        if (make == null) return;
        busy.set(true);
        message.set("Saving " + abs.getFileName() + "…");
        UiExecutor.background(() -> {
            make.call().save(abs);
            return abs;
        }, saved -> {
            busy.set(false);
            lastSaved.set(saved.toString());
            message.set("Saved " + saved.getFileName() + " in " + (saved.getParent() == null ? "/" : saved.getParent()) + ".");
        }, e -> {
            busy.set(false);
            message.set("Could not save " + abs.getFileName() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + ". Nothing else was changed; try another folder.");
        });
    }

    /** A button that asks where to save (PDF or web page) and saves there. */
    public Button button(String text, String id) {
        Button b = new Button(text, new FontIcon("mdi2f-file-pdf-box"));
        b.setId(id);
        b.setTooltip(new Tooltip("Save as a PDF to print or send, or as a web page that opens in any browser."));
        b.disableProperty().bind(busy);
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle(text.replace("…", ""));
            FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter("PDF document", "*.pdf");
            FileChooser.ExtensionFilter html = new FileChooser.ExtensionFilter("Web page", "*.html");
            fc.getExtensionFilters().addAll(pdf, html);
            fc.setInitialFileName(baseName.get() + ".pdf");
            Path chosen = java.util.Optional.ofNullable(fc.showSaveDialog(b.getScene() == null ? null : b.getScene().getWindow()))
                    .map(java.io.File::toPath).orElse(null);
            if (chosen == null) return;
            saveTo(withExtension(chosen, fc.getSelectedExtensionFilter() == html ? ".html" : ".pdf"));
        });
        return b;
    }

    /** A line that says what the last save did. */
    public Label status(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        l.textProperty().bind(message);
        return l;
    }

    /** {@code file} as chosen, with {@code ext} added when its name has neither .pdf nor .html/.htm. */
    static Path withExtension(Path file, String ext) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf") || name.endsWith(".html") || name.endsWith(".htm")) return file;
        return file.resolveSibling(file.getFileName() + ext);
    }
}
