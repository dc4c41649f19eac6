package org.rapport.ui.author;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.diag.Diagnostic;

/**
 * The author view's problems list: how many errors and warnings, each diagnostic with its code, where it is and its
 * whole message, and the location of what is selected. It follows the view model's diagnostics after every save or edit.
 */
final class ProblemsView extends VBox {
    private final ListView<Diagnostic> list = new ListView<>();
    private final Label title = new Label();

    ProblemsView(AuthorViewModel vm) {
        list.setId(AuthorView.DIAGNOSTICS_ID);
        list.setItems(vm.diagnostics());
        list.setCellFactory(lv -> new org.rapport.ui.DiagnosticCell(ProblemsView::heading, ProblemsView::spoken));
        list.setPlaceholder(new Label("No problems."));
        list.setAccessibleText("Problems in the file");
        Label location = new Label();
        location.setId(AuthorView.LOCATION_ID);
        location.getStyleClass().add("author-location");
        location.textProperty().bind(vm.locationProperty());
        location.setGraphic(new FontIcon("mdi2m-map-marker-outline"));
        location.visibleProperty().bind(vm.locationProperty().isNotEmpty());
        location.setMinWidth(0);
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(10, title, grow, location);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("author-problems-head");
        getChildren().addAll(head, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        getStyleClass().add("author-problems");
        vm.diagnostics().addListener((ListChangeListener<Diagnostic>) c -> count(vm));
        count(vm);
    }

    /** The list itself, for the view that keeps its selection in step with the graph's. */
    ListView<Diagnostic> list() {
        return list;
    }

    private void count(AuthorViewModel vm) {
        long errors = vm.diagnostics().stream().filter(Diagnostic::isError).count();
        long warnings = vm.diagnostics().size() - errors;
        title.setText("Problems: " + errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings"));
    }

    /** The Problems list's line above each message: severity, code, line and column, and the node. */
    static String heading(Diagnostic d) {
        return (d.isError() ? "Error" : "Warning") + " " + d.code() + "  line " + d.line() + ", column " + d.column()
                + (d.nodeId() == null ? "" : "  (" + d.nodeId() + ")");
    }

    static String spoken(Diagnostic d) {
        return (d.isError() ? "Error" : "Warning") + " " + d.code() + " at line " + d.line() + ", column " + d.column() + ": " + d.message();
    }
}
