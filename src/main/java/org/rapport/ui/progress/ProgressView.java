package org.rapport.ui.progress;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;
import org.rapport.model.Dialogue;
import org.rapport.store.AttemptSummary;
import org.rapport.store.Progress;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Where the trainee stands: mastery per technique and step, a chart over time, pitfalls with examples, the history. */
public final class ProgressView extends BorderPane {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final ProgressViewModel vm;
    private final Consumer<ProgressViewModel.Opened> openDebrief;
    private final Consumer<Dialogue> play;
    private final VBox content = new VBox();

    private Runnable drill;

    /** Adds "Drill my weak spots" to the screen. */
    public ProgressView withDrill(Runnable drill) {
        this.drill = drill;
        render();
        return this;
    }

    public ProgressView(ProgressViewModel vm, Consumer<ProgressViewModel.Opened> openDebrief, Consumer<Dialogue> play) {
        this.vm = vm;
        this.openDebrief = openDebrief;
        this.play = play;
        getStyleClass().add("screen");
        setId("progress");
        content.getStyleClass().add("progress-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        vm.progressProperty().addListener((o, a, b) -> render());
        render();
        vm.load();
    }

    private void render() {
        content.getChildren().clear();
        Label title = new Label("Progress: " + vm.trainee().name());
        title.getStyleClass().add("screen-title");
        Button export = new Button("Export history…", new FontIcon("mdi2e-export"));
        export.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName(vm.trainee().name().replaceAll("[^A-Za-z0-9]+", "-") + ".rapport-history.json");
            File f = fc.showSaveDialog(getScene().getWindow());
            if (f != null) vm.exportTo(f.toPath());
        });
        Button imp = new Button("Import history…", new FontIcon("mdi2i-import"));
        imp.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Rapport history", "*.json"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.importFrom(f.toPath());
        });
        HBox head = new HBox(12, title, export, imp);
        if (drill != null) {
            Button drillButton = new Button("Drill my weak spots", new FontIcon("mdi2t-target"));
            drillButton.setId("progress-drill");
            drillButton.getStyleClass().add("accent");
            drillButton.setOnAction(e -> drill.run());
            head.getChildren().add(drillButton);
        }
        head.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        content.getChildren().addAll(head, message);
        Progress p = vm.progressProperty().get();
        if (p == null) {
            content.getChildren().add(new Label("Reading your attempts…"));
            return;
        }
        if (vm.history().isEmpty()) {
            Label none = new Label("No finished conversations yet. Play one from the library and your progress shows here.");
            none.getStyleClass().add("muted");
            content.getChildren().add(none);
        }
        vm.suggestion().ifPresent(d -> content.getChildren().add(suggestion(d, p)));
        content.getChildren().addAll(section("Mastery by technique"), mastery(p), explainMastery());
        if (!p.techniqueOverTime().isEmpty()) content.getChildren().add(overTime(p));
        if (!p.pitfalls().isEmpty()) content.getChildren().addAll(section("The pitfalls you fall into most"), pitfalls(p));
        String calibration = p.calibration().summary();
        if (calibration != null) {
            Label cal = new Label(calibration + " (A reply counts as right when it was best or good; rated in practice and say-it-first.)");
            cal.setWrapText(true);
            cal.setId("progress-calibration");
            content.getChildren().addAll(section("How sure you were, and how often you were right"), cal);
        }
        content.getChildren().addAll(section("Your attempts"), history());
    }

    private Node suggestion(Dialogue d, Progress p) {
        List<String> weak = p.weakestSteps(2).stream().map(vm.catalog()::displayName).toList();
        Label text = new Label("Practise next: " + d.title() + (weak.isEmpty() ? "" : ". It works on " + String.join(" and ", weak) + ", your weakest steps."));
        text.setWrapText(true);
        Button go = new Button("Start", new FontIcon("mdi2p-play"));
        go.setId("start-suggested");
        go.getStyleClass().add("accent");
        go.setOnAction(e -> play.accept(d));
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        HBox box = new HBox(text, go);
        box.getStyleClass().add("suggestion");
        box.setId("suggestion");
        return box;
    }

    private static Label section(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        return l;
    }

    private Node explainMastery() {
        Label l = new Label("Mastery is a recency-weighted average of your grades at the decisions that tested each step, over your last "
                + Progress.RECENT + " attempts (best 100%, good 67%, weak 33%, harmful 0%; each older attempt counts " + Math.round(Progress.DECAY * 100)
                + "% as much as the next newer one).");
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    private Node mastery(Progress p) {
        VBox rows = new VBox(4);
        rows.setId("mastery");
        for (Technique t : vm.catalog().techniques()) {
            Double tm = p.techniqueMastery().get(t.id());
            rows.getChildren().add(row(t.name(), tm, true));
            for (Step s : t.steps()) {
                Double sm = p.stepMastery().get(s.id());
                if (sm != null) rows.getChildren().add(row("      " + s.name(), sm, false));
            }
        }
        return rows;
    }

    private static Node row(String name, Double value, boolean technique) {
        Label n = new Label(name);
        n.setMinWidth(260);
        if (technique) n.getStyleClass().add("strong");
        ProgressBar bar = new ProgressBar(value == null ? 0 : value);
        bar.getStyleClass().add("mastery-bar");
        Label v = new Label(value == null ? "not practised yet" : Math.round(value * 100) + "%");
        HBox row = new HBox(n, bar, v);
        row.getStyleClass().add("mastery-row");
        row.setAccessibleText(name.strip() + ": " + v.getText());
        return row;
    }

    private Node overTime(Progress p) {
        int attempts = p.techniqueOverTime().values().stream().mapToInt(List::size).max().orElse(1);
        NumberAxis x = new NumberAxis(1, Math.max(2, attempts), 1);
        x.setLabel("Attempt (oldest first)");
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
            }

            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel("% of best");
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setTitle("Technique scores over time");
        chart.setAnimated(false);
        chart.setPrefHeight(300);
        for (Technique t : vm.catalog().techniques()) {
            List<Progress.Point> pts = p.techniqueOverTime().get(t.id());
            if (pts == null) continue;
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(t.name());
            for (int i = 0; i < pts.size(); i++) s.getData().add(new XYChart.Data<>(i + 1, pts.get(i).percent()));
            chart.getData().add(s);
        }
        return chart;
    }

    private Node pitfalls(Progress p) {
        VBox box = new VBox(8);
        for (Progress.PitfallCount pc : p.pitfalls().subList(0, Math.min(5, p.pitfalls().size()))) {
            Label name = new Label(vm.catalog().displayName(pc.pitfallId()) + "  ×" + pc.count(), new FontIcon("mdi2a-alert-outline"));
            name.getStyleClass().add("strong");
            VBox one = new VBox(2, name);
            for (Progress.Example ex : pc.examples()) {
                Label l = new Label("In \"" + ex.dialogueTitle() + "\", to \"" + shorten(ex.customerSaid()) + "\" you said: \"" + ex.reply() + "\"");
                l.setWrapText(true);
                l.getStyleClass().add("quote");
                one.getChildren().add(l);
            }
            vm.catalog().pitfall(pc.pitfallId()).ifPresent(pf -> {
                Label instead = new Label("Instead: " + pf.instead());
                instead.setWrapText(true);
                one.getChildren().add(instead);
            });
            box.getChildren().add(one);
        }
        return box;
    }

    private Node history() {
        ListView<AttemptSummary> list = new ListView<>(vm.history());
        list.setId("history");
        list.setPrefHeight(Math.min(400, 40 + 32 * Math.max(1, vm.history().size())));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AttemptSummary a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : WHEN.format(Instant.ofEpochMilli(a.finished())) + "   " + a.dialogueTitle() + "   "
                        + a.percent() + "%   " + (a.endingTitle() == null ? "" : a.endingTitle() + " (" + a.outcome() + ")") + "   " + a.mode());
            }
        });
        vm.history().addListener((ListChangeListener<AttemptSummary>) c -> list.setPrefHeight(Math.min(400, 40 + 32 * Math.max(1, vm.history().size()))));
        Button open = new Button("Open its debrief", new FontIcon("mdi2c-clipboard-text-outline"));
        open.setId("open-attempt");
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> openDebrief.accept(vm.open(list.getSelectionModel().getSelectedItem())));
        Button compare = new Button("Compare with the earlier attempt", new FontIcon("mdi2c-compare-horizontal"));
        compare.setId("compare-attempt");
        compare.setDisable(true);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> compare.setDisable(b == null || vm.earlierOf(b).isEmpty()));
        compare.setOnAction(e -> {
            AttemptSummary a = list.getSelectionModel().getSelectedItem();
            vm.earlierOf(a).ifPresent(earlier -> openDebrief.accept(vm.compare(a, earlier)));
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !open.isDisabled()) open.fire();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && !open.isDisabled()) open.fire();
        });
        return new VBox(6, list, new HBox(8, open, compare));
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
