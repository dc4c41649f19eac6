package org.rapport.ui.lms;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.lms.LmsOptions;
import org.rapport.lms.LmsStandard;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The "Package for LMS…" button and its small dialog: the standard, the pass mark, the mode and the department's
 * address, then where to save the zip. The work and its words are {@link PackageViewModel}'s.
 */
public final class PackageDialog {
    private PackageDialog() {
    }

    /** What the screen offers to package when asked: the dialogue files and the id of the first (for the file name). */
    public record Selection(List<Path> files, String firstId) {
    }

    /** A button that asks for the choices and a file, then packages what {@code selection} gives (null or empty: nothing). */
    public static Button button(PackageViewModel vm, Supplier<Selection> selection, String id) {
        Button b = new Button("Package for LMS…", new FontIcon("mdi2p-package-variant-closed"));
        b.setId(id);
        b.setTooltip(new Tooltip("Make a SCORM or cmi5 package of these conversations for your learning management system (Moodle and others)."));
        b.disableProperty().bind(vm.busyProperty());
        b.setOnAction(e -> {
            Selection s = selection.get();
            if (s == null || s.files().isEmpty()) return;
            Window owner = b.getScene() == null ? null : b.getScene().getWindow();
            if (!ask(vm, s, owner)) return;
            FileChooser fc = new FileChooser();
            fc.setTitle("Save the package");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip package", "*.zip"));
            fc.setInitialFileName(vm.suggestedName(s.firstId()));
            java.io.File chosen = fc.showSaveDialog(owner);
            if (chosen != null) vm.packageTo(s.files(), chosen.toPath());
        });
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    /** A line saying what the last packaging did. */
    public static Label status(PackageViewModel vm, String id) {
        return org.rapport.ui.Widgets.statusLine(vm.messageProperty(), id);
    }

    /** Shows the choices; true when the user pressed "Save package…" with choices that work. */
    static boolean ask(PackageViewModel vm, Selection s, Window owner) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Package for LMS");
        d.setHeaderText("Package " + (s.files().size() == 1 ? "this conversation" : s.files().size() + " conversations")
                + " for a learning management system");
        ButtonType go = new ButtonType("Save package…", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(go, ButtonType.CANCEL);
        d.getDialogPane().setContent(form(vm));
        org.rapport.ui.AppShell.styleDialog(d.getDialogPane());
        d.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        d.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label problem = new Label();
        problem.getStyleClass().add("broken-label");
        problem.setWrapText(true);
        ((VBox) d.getDialogPane().getContent()).getChildren().add(problem);
        Button ok = (Button) d.getDialogPane().lookupButton(go);
        // Its whole label: the bar's uniform sizing measured it before the app's style sheet set the font.
        ok.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(ok, false);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String p = vm.problem();
            if (p != null) {
                problem.setText(p);
                e.consume();
            }
        });
        return d.showAndWait().filter(go::equals).isPresent();
    }

    static Node form(PackageViewModel vm) {
        ComboBox<LmsStandard> standard = new ComboBox<>();
        standard.getItems().addAll(LmsStandard.values());
        standard.setId("lms-standard");
        standard.setCellFactory(l -> cell());
        standard.setButtonCell(cell());
        standard.valueProperty().bindBidirectional(vm.standardProperty());
        standard.setAccessibleText("Standard");

        TextField pass = new TextField();
        pass.setId("lms-pass-mark");
        pass.setPromptText("e.g. 80, or empty for none");
        pass.setPrefColumnCount(8);
        pass.textProperty().bindBidirectional(vm.passMarkProperty());
        pass.setAccessibleText("Pass mark, percent of the debrief's score; empty for none");

        ToggleGroup modes = new ToggleGroup();
        RadioButton practice = new RadioButton("Practice: feedback after every reply");
        practice.setUserData(LmsOptions.Mode.PRACTICE);
        practice.setId("lms-mode-practice");
        RadioButton assessment = new RadioButton("Assessment: feedback in the debrief");
        assessment.setUserData(LmsOptions.Mode.ASSESSMENT);
        assessment.setId("lms-mode-assessment");
        practice.setToggleGroup(modes);
        assessment.setToggleGroup(modes);
        modes.selectToggle(vm.modeProperty().get() == LmsOptions.Mode.ASSESSMENT ? assessment : practice);
        modes.selectedToggleProperty().addListener((o, a, now) -> {
            if (now != null) vm.modeProperty().set((LmsOptions.Mode) now.getUserData());
        });

        TextField base = new TextField();
        base.setId("lms-base");
        base.setPromptText("https://learning.example.org/rapport/");
        base.setPrefColumnCount(28);
        base.textProperty().bindBidirectional(vm.baseProperty());
        base.setAccessibleText("Your department's address, required for cmi5");

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Standard"), standard);
        g.addRow(1, new Label("Pass mark (%)"), pass);
        g.addRow(2, new Label("Mode"), new VBox(6, practice, assessment));
        g.addRow(3, new Label("Your address"), base);
        // The labels keep their whole width; the fields take the rest.
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        Label hint = new Label("With a pass mark the gradebook shows passed or failed; without one, completed. The address names the "
                + "course and each conversation (as in the xAPI export) and is required for cmi5.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMaxWidth(520);
        VBox box = new VBox(10, g, hint);
        box.getStyleClass().add("dialog-form");
        return box;
    }

    private static ListCell<LmsStandard> cell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(LmsStandard item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.label());
            }
        };
    }
}
