package org.rapport.ui.classroom;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.classroom.ClassReport;
import org.rapport.classroom.ClassReport.Completion;
import org.rapport.classroom.ClassReport.MissedDecision;
import org.rapport.classroom.ClassReport.TraineeRow;
import org.rapport.classroom.ClassRoster;
import org.rapport.classroom.ReportHtml;
import org.rapport.classroom.ResultsCollector.Skipped;
import org.rapport.classroom.ResultsCollector.Used;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import org.rapport.ui.Widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * The facilitator's classes: create a class (by hand or from a folder of history files), list its trainees, assign
 * dialogues, collect results from a folder, and read the class report: mastery per trainee and step as a heat map, the
 * decisions most often missed, completion, and the files skipped. Exports the report as CSV, printable HTML and xAPI.
 */
public final class ClassroomView extends BorderPane {
    private final ClassroomViewModel vm;
    private final ListView<ClassRoster> list = new ListView<>();
    private final VBox content = new VBox();
    private final VBox reportBox = new VBox();

    public ClassroomView(AppContext ctx, Path dataDir) {
        this.vm = new ClassroomViewModel(ctx, dataDir);
        getStyleClass().addAll("screen", "classroom");
        setId("classroom");
        setLeft(createSide());
        content.getStyleClass().add("classroom-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        // Leaving the screen stops reading the store every half minute.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null) vm.liveProperty().set(false);
        });
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) list.getSelectionModel().select(b);
            render();
        });
        vm.library().addListener((javafx.collections.ListChangeListener<Dialogue>) c -> render());
        vm.reportProperty().addListener((o, a, b) -> renderReport());
        vm.load();
        render();
    }

    public ClassroomViewModel viewModel() {
        return vm;
    }

    private Node createSide() {
        Label title = new Label("Classes");
        title.getStyleClass().add("section-title");
        list.setItems(vm.classes());
        list.setId("class-list");
        list.getStyleClass().add("classroom-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ClassRoster c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.name() + " (" + c.trainees().size() + ")");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.selectedProperty().set(b);
        });
        Button add = new Button("New class", new FontIcon("mdi2p-plus"));
        add.setId("new-class");
        add.setOnAction(e -> vm.newClass("New class"));
        Button fromFolder = new Button("New class from a folder…", new FontIcon("mdi2f-folder-account-outline"));
        fromFolder.setId("class-from-folder");
        fromFolder.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("A folder of trainees' history files");
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) vm.createFromFolder(f.toPath(), f.getName());
        });
        fromFolder.setWrapText(true);
        VBox side = new VBox(title, list, add, fromFolder);
        side.getStyleClass().add("classroom-side");
        return side;
    }

    // == editing the class ==

    private void render() {
        content.getChildren().clear();
        Label message = new Label();
        message.setWrapText(true);
        message.setId("classroom-message");
        message.textProperty().bind(vm.messageProperty());
        ClassRoster c = vm.selectedProperty().get();
        if (c == null) {
            Label title = new Label("Classroom");
            title.getStyleClass().add("screen-title");
            Label none = new Label("No class yet. Create one with its trainees' names, or from a folder of the history files they exported.");
            none.setWrapText(true);
            content.getChildren().addAll(title, none, message);
            return;
        }
        TextField name = new TextField(c.name());
        name.setId("class-name");
        name.getStyleClass().add("screen-title");
        TextArea trainees = new TextArea(String.join("\n", c.trainees()));
        trainees.setId("class-trainees");
        trainees.setPrefRowCount(6);
        trainees.setPromptText("One name per line, as each trainee is called in Rapport");
        FlowPane dialogues = new FlowPane();
        dialogues.setId("class-dialogues");
        dialogues.getStyleClass().add("chip-row");
        List<String> assigned = c.dialogueIds();
        for (Dialogue d : vm.library()) {
            CheckBox box = new CheckBox(d.title());
            box.setId("assign-" + d.id());
            box.setUserData(d.id());
            box.setSelected(assigned.contains(d.id()));
            dialogues.getChildren().add(box);
        }
        for (ClassRoster.Assigned a : c.dialogues()) {
            if (vm.library().stream().noneMatch(d -> d.id().equals(a.id()))) {
                CheckBox box = new CheckBox(a.title() + " (not in this library)");
                box.setUserData(a.id());
                box.setSelected(true);
                dialogues.getChildren().add(box);
            }
        }
        TextField xapiBase = new TextField(c.xapiBase() == null ? "" : c.xapiBase());
        xapiBase.setId("class-xapi-base");
        xapiBase.setPromptText("https://learning.example.org/rapport/ (your department's address, for xAPI exports)");
        Button save = new Button("Save the class", new FontIcon("mdi2c-content-save-outline"));
        save.setId("save-class");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> vm.save(name.getText(), trainees.getText(), dialogues.getChildren().stream()
                .filter(n -> n instanceof CheckBox cb && cb.isSelected()).map(n -> (String) n.getUserData()).toList(), xapiBase.getText()));
        Button delete = new Button("Delete the class", new FontIcon("mdi2d-delete-outline"));
        delete.setId("delete-class");
        delete.setOnAction(e -> vm.delete());
        Button collect = new Button("Collect results from a folder…", new FontIcon("mdi2f-folder-download-outline"));
        collect.setId("collect-results");
        collect.disableProperty().bind(vm.busyProperty());
        collect.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("The folder with the trainees' exported history files");
            File f = dc.showDialog(getScene().getWindow());
            if (f != null) vm.collect(f.toPath());
        });
        Button fromStore = new Button("Read results from " + vm.storeName(), new FontIcon("mdi2d-database-sync-outline"));
        fromStore.setId("collect-store");
        fromStore.disableProperty().bind(vm.busyProperty());
        fromStore.setOnAction(e -> vm.collectFromStore());
        CheckBox live = new CheckBox("Keep reading every " + (int) ClassroomViewModel.LIVE_EVERY.toSeconds() + " seconds");
        live.setId("collect-live");
        live.selectedProperty().bindBidirectional(vm.liveProperty());
        live.setOnAction(e -> {
            if (live.isSelected()) vm.collectFromStore();
        });
        for (javafx.scene.Node n : List.of(fromStore, live)) {
            n.setVisible(vm.canReadStore());
            n.setManaged(vm.canReadStore());
        }
        HBox sources = new HBox(10, collect, fromStore, live);
        sources.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        content.getChildren().addAll(name, section("Trainees"), trainees, section("Assigned dialogues"), dialogues,
                section("xAPI address (statements name the class, its dialogues and its trainees under it)"), xapiBase,
                new HBox(10, save, delete), message, section("Results"),
                hint("Each trainee exports their history (Progress › Export history) into one shared folder. Files that are broken, "
                        + "duplicated, from someone outside the class or for other dialogues are listed and skipped. When the laptops "
                        + "share a database (Rapport started with --db), read the results from it instead, live during the session."),
                sources, reportBox);
        renderReport();
    }

    private static Label section(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    // == the report ==

    private void renderReport() {
        reportBox.getChildren().clear();
        reportBox.setSpacing(8);
        ClassReport r = vm.reportProperty().get();
        if (r == null) return;
        long with = r.trainees().stream().filter(TraineeRow::hasResults).count();
        Label summary = new Label(with + " of " + r.trainees().size() + " trainees sent results · "
                + r.trainees().stream().mapToInt(TraineeRow::attempts).sum() + " attempts · " + r.completionPercent() + "% of assigned dialogues completed");
        summary.setId("report-summary");
        summary.setWrapText(true);
        reportBox.getChildren().addAll(summary, exports(), section("Mastery by trainee and step"), heatMap(r),
                hint("Mastery: the recency-weighted share of the best grade over the decisions that tested a step (best 100%, good 67%, weak 33%, harmful 0%). — means no data."),
                section("The decisions most often missed"), missed(r), section("Completion"), completion(r), section("Files"), files(r));
    }

    private Node exports() {
        Button csv = exportButton("Export CSV…", "export-csv", ClassroomViewModel.Export.CSV, "class-report.csv", "CSV", "*.csv");
        Button html = exportButton("Export printable report…", "export-html", ClassroomViewModel.Export.HTML, "class-report.html", "Web page", "*.html");
        Button xapi = exportButton("Export xAPI…", "export-xapi", ClassroomViewModel.Export.XAPI, "class-statements.json", "xAPI statements", "*.json");
        Button pdf = exportButton("Export PDF…", "export-pdf", ClassroomViewModel.Export.PDF, "class-report.pdf", "PDF document", "*.pdf");
        HBox row = new HBox(pdf, html, csv, xapi);
        for (Button b : List.of(pdf, html, csv, xapi)) b.disableProperty().bind(vm.busyProperty());
        row.getStyleClass().add("classroom-row");
        return row;
    }

    private Button exportButton(String text, String id, ClassroomViewModel.Export kind, String fileName, String what, String pattern) {
        Button b = new Button(text, new FontIcon("mdi2e-export"));
        b.setId(id);
        b.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(ClassRoster.slug(vm.selectedProperty().get().name()) + "-" + fileName);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) vm.export(kind, f.toPath());
        });
        return b;
    }

    private Node heatMap(ClassReport r) {
        GridPane g = new GridPane();
        g.getStyleClass().add("heat-map");
        g.setId("heat-map");
        if (r.steps().isEmpty()) return hint("No results yet: no file had an attempt at an assigned dialogue.");
        g.add(head("Trainee"), 0, 0);
        for (int j = 0; j < r.steps().size(); j++) g.add(head(vm.catalog().displayName(r.steps().get(j))), j + 1, 0);
        int i = 1;
        for (TraineeRow t : r.trainees()) {
            Label name = new Label(t.name());
            name.getStyleClass().add("heat-name");
            g.add(name, 0, i);
            for (int j = 0; j < r.steps().size(); j++) {
                String step = r.steps().get(j);
                g.add(cell(t.stepMastery().get(step), t.name() + ", " + vm.catalog().displayName(step), false), j + 1, i);
            }
            i++;
        }
        Label avg = new Label("Class average");
        avg.getStyleClass().add("heat-name");
        g.add(avg, 0, i);
        for (int j = 0; j < r.steps().size(); j++) {
            String step = r.steps().get(j);
            g.add(cell(r.classStepMastery().get(step), "Class average, " + vm.catalog().displayName(step), true), j + 1, i);
        }
        ScrollPane sp = new ScrollPane(g);
        sp.setFitToHeight(true);
        sp.getStyleClass().add("edge-to-edge");
        return sp;
    }

    private static Label head(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("heat-head");
        l.setWrapText(true);
        return l;
    }

    private static Label cell(Double m, String what, boolean average) {
        Label l = new Label(m == null ? "—" : ClassReport.percent(m) + "%");
        l.getStyleClass().addAll("heat-cell", m == null ? "none" : "band-" + ClassReport.band(m));
        if (average) l.getStyleClass().add("average");
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        l.setFocusTraversable(true);
        l.setAccessibleRole(AccessibleRole.TEXT);
        l.setAccessibleText(what + ": " + (m == null ? "no data" : ClassReport.percent(m) + " percent mastery"));
        return l;
    }

    private Node missed(ClassReport r) {
        VBox box = new VBox(8);
        box.setId("missed-list");
        if (r.missed().isEmpty()) box.getChildren().add(hint("No decision was missed: every attempt took the best reply everywhere."));
        for (MissedDecision m : r.missed().subList(0, Math.min(ReportHtml.MISSED_SHOWN, r.missed().size()))) {
            Label where = new Label(m.dialogueTitle() + ": “" + m.customerSaid() + "”");
            where.setWrapText(true);
            where.getStyleClass().add("card-title");
            Label how = new Label("Missed in " + m.missed() + " of " + m.reached() + " attempts (" + m.missedPercent() + "%), by "
                    + String.join(", ", m.traineesWhoMissed()) + ".");
            how.setWrapText(true);
            Label chosen = new Label("Most chosen instead (" + m.commonMissCount() + "×): “" + m.commonMiss().say() + "”");
            chosen.setWrapText(true);
            chosen.getStyleClass().add("quote");
            Label why = new Label("Why it falls short: " + m.commonMiss().why());
            why.setWrapText(true);
            Label better = new Label("Better: “" + m.better().say() + "” " + m.better().why());
            better.setWrapText(true);
            VBox betterBox = new VBox(better);
            betterBox.getStyleClass().add("better");
            VBox card = new VBox(where, how, new HBox(8, Widgets.grade(m.commonMiss().grade()), chosen), why, betterBox);
            card.getStyleClass().add("missed-card");
            card.setAccessibleRole(AccessibleRole.TEXT);
            card.setAccessibleText(where.getText() + " " + how.getText() + " " + chosen.getText() + " " + why.getText());
            box.getChildren().add(card);
        }
        return box;
    }

    private Node completion(ClassReport r) {
        VBox box = new VBox(4);
        box.setId("completion-list");
        if (r.completion().isEmpty()) box.getChildren().add(hint("No dialogues are assigned to this class."));
        for (Completion c : r.completion()) {
            Label l = new Label(c.dialogue().title() + ": " + c.finished().size() + " of " + (c.finished().size() + c.notYet().size())
                    + " finished (" + c.percent() + "%)" + (c.notYet().isEmpty() ? "" : ". Not yet: " + String.join(", ", c.notYet())));
            l.setWrapText(true);
            box.getChildren().add(l);
        }
        return box;
    }

    private Node files(ClassReport r) {
        VBox box = new VBox(4);
        box.setId("skipped-list");
        for (Used u : r.results().used()) {
            Label l = new Label(u.file() + ": " + u.attempts() + (u.attempts() == 1 ? " attempt" : " attempts") + " for " + u.trainee()
                    + (u.notes().isEmpty() ? "" : "; " + String.join("; ", u.notes())));
            l.setWrapText(true);
            l.setGraphic(new FontIcon("mdi2c-check"));
            l.getStyleClass().add("skipped-line");
            box.getChildren().add(l);
        }
        for (Skipped s : r.results().skipped()) {
            Label l = new Label(s.file() + ": skipped, " + s.reason());
            l.setWrapText(true);
            l.setGraphic(new FontIcon("mdi2a-alert-outline"));
            l.getStyleClass().addAll("skipped-line", "skipped");
            box.getChildren().add(l);
        }
        return box;
    }
}
