package org.rapport.ui.importer;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.diag.Diagnostic;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The "Import…" button: a file chooser for the formats the importer reads, a second one for where to save the draft
 * (pre-filled with {@code <id>.json} in the author's folder), a question before a file is replaced, and the import
 * report in a window of its own that stays open beside the author view. The work and its words are
 * {@link ImportViewModel}'s.
 */
public final class ImportDialog {
    public static final String REPORT_ID = "import-report";
    public static final String SUMMARY_ID = "import-summary";

    private ImportDialog() {
    }

    /** The file chooser's filters: every format together first, then one per format. */
    static List<FileChooser.ExtensionFilter> filters() {
        return List.of(
                new FileChooser.ExtensionFilter("Scenarios Rapport can import", "*.twee", "*.tw", "*.txt", "*.html", "*.htm", "*.h5p", "*.json", "*.yarn"),
                new FileChooser.ExtensionFilter("Twine: Twee text (.twee, .tw, .txt)", "*.twee", "*.tw", "*.txt"),
                new FileChooser.ExtensionFilter("Twine 2: published or archive HTML (.html, .htm)", "*.html", "*.htm"),
                new FileChooser.ExtensionFilter("H5P Branching Scenario (.h5p, content.json)", "*.h5p", "content.json"),
                new FileChooser.ExtensionFilter("ink, compiled to JSON (.json)", "*.json"),
                new FileChooser.ExtensionFilter("Yarn Spinner 2 (.yarn)", "*.yarn"));
    }

    /** A button that asks for a scenario file and imports it; {@code folder} is where the file chooser starts. */
    public static Button button(ImportViewModel vm, Supplier<Path> folder, String id) {
        Button b = new Button("Import…", new FontIcon("mdi2i-import"));
        b.setId(id);
        b.setTooltip(new Tooltip("Import a scenario from Twine, H5P Branching Scenario, ink or Yarn Spinner as a draft to finish here."));
        b.setAccessibleText("Import a scenario from Twine, H5P Branching Scenario, ink or Yarn Spinner as a draft");
        b.disableProperty().bind(vm.busyProperty());
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> {
            Window owner = b.getScene() == null ? null : b.getScene().getWindow();
            vm.setAuthor(new Asker(vm, owner));
            FileChooser fc = new FileChooser();
            fc.setTitle("Import a scenario from Twine, H5P, ink or Yarn");
            fc.getExtensionFilters().addAll(filters());
            Path start = folder.get();
            if (start != null && Files.isDirectory(start)) fc.setInitialDirectory(start.toFile());
            File chosen = fc.showOpenDialog(owner);
            if (chosen != null) vm.importFrom(chosen.toPath());
        });
        return b;
    }

    /** A line saying what the last import did. */
    public static Label status(ImportViewModel vm, String id) {
        return org.rapport.ui.Widgets.statusLine(vm.messageProperty(), id);
    }

    /** The screen's side of the flow: the save chooser, the question before replacing, the report window. */
    private static final class Asker implements ImportViewModel.Author {
        private final ImportViewModel vm;
        private final Window owner;

        Asker(ImportViewModel vm, Window owner) {
            this.vm = vm;
            this.owner = owner;
        }

        @Override
        public Path whereToSave(Path suggested) {
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the imported draft");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dialogue files", "*.json"));
            if (suggested.getParent() != null && Files.isDirectory(suggested.getParent())) fc.setInitialDirectory(suggested.getParent().toFile());
            fc.setInitialFileName(suggested.getFileName().toString());
            File f = fc.showSaveDialog(owner);
            return f == null ? null : f.toPath();
        }

        @Override
        public boolean replace(Path existing) {
            ButtonType replace = new ButtonType("Replace it", ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType("Keep it", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", replace, keep);
            a.initOwner(owner);
            a.setTitle("Replace a file?");
            a.setHeaderText(existing.getFileName() + " is already there.");
            a.setContentText("Replace it with the imported draft? What it holds now will be lost. Keep it to save nothing.");
            a.getDialogPane().lookupButton(keep).setId("import-keep");
            return a.showAndWait().filter(replace::equals).isPresent();
        }

        @Override
        public void showReport() {
            report(vm, owner).show();
        }
    }

    private static Dialog<Void> open;

    /** The report window: the summary, then every warning or error with its code, where it is and what it says. */
    static Dialog<Void> report(ImportViewModel vm, Window owner) {
        if (open != null) open.close();
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.initModality(Modality.NONE); // it stays open beside the author view and its problems list
        org.rapport.ui.AppShell.styleDialog(d.getDialogPane());
        d.setResizable(true);
        boolean failed = vm.failedProperty().get();
        d.setTitle(failed ? "Nothing was imported" : "Import report");
        d.setHeaderText((failed ? "Could not import " : "Imported ") + vm.sourceProperty().get());
        Label summary = new Label(vm.summaryProperty().get());
        summary.setId(SUMMARY_ID);
        summary.setWrapText(true);
        summary.getStyleClass().add(failed ? "broken-label" : "section-title");
        Label hint = new Label(failed
                ? "The file was not changed, and no draft was written. The lines below say what stopped the import."
                : vm.report().isEmpty()
                ? "Nothing was lost on the way."
                : "What was lost or changed on the way, located in the source file. Each code is explained in docs/diagnostics.md.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        ListView<Diagnostic> list = new ListView<>(vm.report());
        list.setId(REPORT_ID);
        list.setAccessibleText("The import report");
        list.setCellFactory(l -> new org.rapport.ui.DiagnosticCell(ImportDialog::heading, ImportViewModel::describe));
        list.setPrefSize(760, Math.min(420, 24 + 64 * vm.report().size()));
        list.setFocusTraversable(true);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(10, summary, hint);
        if (!vm.report().isEmpty()) box.getChildren().add(list);
        box.setPrefWidth(800);
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE));
        d.setOnHidden(e -> {
            if (open == d) open = null;
        });
        open = d;
        return d;
    }

    /** The report's line above each message: "Warning RAP113, line 12, column 5". */
    static String heading(Diagnostic d) {
        String where = ImportViewModel.where(d);
        return (d.isError() ? "Error " : "Warning ") + d.code() + (where.isEmpty() ? "" : ", " + where);
    }
}
