package org.rapport.ui.debrief;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.engine.Debrief;
import org.rapport.engine.Debrief.DecisionReview;
import org.rapport.model.Choice;
import org.rapport.ui.Widgets;

/** The debrief: the ending, the score, the charts, and every decision explained with the better reply. */
public final class DebriefView extends BorderPane {
    public static final String TIMELINE_ID = "timeline";

    private final DebriefViewModel vm;

    public DebriefView(DebriefViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setId("debrief");
        VBox content = new VBox(18, createSummary(), createCharts(), createMissed(), createTimeline(), createActions());
        content.getStyleClass().add("debrief-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
    }

    public DebriefViewModel viewModel() {
        return vm;
    }

    // == REGION summary ==
    private Node createSummary() {
        Debrief d = vm.debrief();
        Label heading = new Label("Debrief: " + d.title());
        heading.getStyleClass().add("screen-title");
        heading.setWrapText(true);
        VBox left = new VBox(6, heading);
        if (d.ending() != null) {
            var e = d.ending().ending();
            Label title = new Label(e.title());
            title.getStyleClass().add("ending-title");
            Label last = new Label(vm.dialogue().customer().name() + ": \"" + d.ending().say() + "\"");
            last.getStyleClass().add("quote");
            last.setWrapText(true);
            Label summary = new Label(e.summary());
            summary.setWrapText(true);
            left.getChildren().addAll(Widgets.outcome(e.outcome()), title, last, summary);
            String calibration = d.calibration().summary();
            if (calibration != null) {
                Label cal = new Label(calibration, new FontIcon("mdi2s-scale-balance"));
                cal.setWrapText(true);
                cal.setId("debrief-calibration");
                left.getChildren().add(cal);
            }
            if (d.recoveryNote() != null) {
                Label recovery = new Label(d.recoveryNote());
                recovery.setWrapText(true);
                recovery.setId("recovery-note");
                recovery.getStyleClass().add("order-note");
                left.getChildren().add(recovery);
            }
        }
        HBox.setHgrow(left, Priority.ALWAYS);
        Label score = new Label(d.percent() + "%");
        score.getStyleClass().add("score-big");
        score.setId("score");
        Label points = new Label(d.points() + " of " + d.maxPoints() + " points");
        points.getStyleClass().add("muted");
        Label explain = new Label("3 for a best reply, 2 good, 1 weak, 0 harmful, against a best reply at every decision on your path.");
        explain.setWrapText(true);
        explain.getStyleClass().add("hint");
        explain.setPrefWidth(240);
        explain.setMaxWidth(240);
        VBox right = new VBox(2, score, points, explain);
        right.setMinWidth(Region.USE_PREF_SIZE);
        right.setAlignment(Pos.TOP_RIGHT);
        right.setAccessibleRole(AccessibleRole.TEXT);
        right.setAccessibleText("Score " + d.percent() + " percent, " + d.points() + " of " + d.maxPoints() + " points");
        VBox box = new VBox(10, new HBox(24, left, right));
        if (!vm.comparison().isEmpty()) {
            VBox cmp = new VBox();
            cmp.getStyleClass().add("comparison");
            cmp.setId("comparison");
            Label t = new Label("Compared with your earlier attempt");
            t.getStyleClass().add("section-title");
            cmp.getChildren().add(t);
            for (String line : vm.comparison()) {
                Label l = new Label(line);
                l.setWrapText(true);
                cmp.getChildren().add(l);
            }
            box.getChildren().add(cmp);
        }
        return box;
    }

    // == REGION charts ==
    private Node createCharts() {
        Debrief d = vm.debrief();
        // Horizontal bars: technique names stay level and readable however long they are.
        NumberAxis x = new NumberAxis(0, 100, 25);
        x.setLabel("% of the best possible");
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> bars = new BarChart<>(x, y);
        bars.setTitle("Score per technique");
        bars.setLegendVisible(false);
        bars.setAnimated(false);
        bars.getStyleClass().add("chart");
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        java.util.List<Debrief.TechniqueScore> scores = new java.util.ArrayList<>(d.techniques());
        java.util.Collections.reverse(scores); // the chart draws categories bottom-up; keep catalog order top-down
        for (Debrief.TechniqueScore t : scores) s.getData().add(new XYChart.Data<>(t.percent(), t.name()));
        bars.getData().add(s);
        for (XYChart.Data<Number, String> p : s.getData()) {
            Debrief.TechniqueScore t = d.techniques().stream().filter(ts -> ts.name().equals(p.getYValue())).findFirst().orElseThrow();
            if (p.getNode() != null) Tooltip.install(p.getNode(), new Tooltip(t.name() + ": " + t.points() + " of " + t.maxPoints() + " points"));
        }
        bars.setAccessibleText("Score per technique: " + d.techniques().stream().map(t -> t.name() + " " + t.percent() + "%").reduce((a, b) -> a + ", " + b).orElse("none"));
        bars.setPrefHeight(280);

        NumberAxis mx = new NumberAxis(0, Math.max(1, d.moodCurve().size() - 1), 1);
        mx.setLabel("Reply");
        NumberAxis my = new NumberAxis(-5, 5, 1);
        my.setLabel("Mood");
        LineChart<Number, Number> line = new LineChart<>(mx, my);
        line.setTitle("The customer's mood");
        line.setLegendVisible(false);
        line.setAnimated(false);
        line.getStyleClass().add("chart");
        XYChart.Series<Number, Number> m = new XYChart.Series<>();
        for (int i = 0; i < d.moodCurve().size(); i++) m.getData().add(new XYChart.Data<>(i, d.moodCurve().get(i)));
        line.getData().add(m);
        for (int i = 0; i < m.getData().size(); i++) {
            Node n = m.getData().get(i).getNode();
            if (n == null) continue;
            String tip = i == 0 ? "At the start: " + d.moodCurve().get(0)
                    : "After reply " + i + ", \"" + d.decisions().get(i - 1).chosen().say() + "\": " + d.decisions().get(i - 1).moodBefore()
                    + " → " + d.decisions().get(i - 1).moodAfter();
            Tooltip.install(n, new Tooltip(tip));
        }
        line.setAccessibleText("Mood after each reply: " + d.moodCurve());
        line.setPrefHeight(280);
        HBox row = new HBox(16, bars, line);
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox.setHgrow(line, Priority.ALWAYS);
        return row;
    }

    private Node createMissed() {
        Debrief d = vm.debrief();
        VBox box = new VBox(6);
        if (!d.missedSteps().isEmpty()) {
            Label t = new Label("Steps this conversation tested that you never used");
            t.getStyleClass().add("section-title");
            box.getChildren().addAll(t, Widgets.chips(d.missedSteps(), Widgets.ChipKind.TESTED, vm.catalog(), vm::openTechnique));
        }
        return box;
    }

    // == REGION timeline ==
    private Node createTimeline() {
        Label t = new Label("Every decision, explained");
        t.getStyleClass().add("section-title");
        VBox list = new VBox(12, t);
        list.setId(TIMELINE_ID);
        for (DecisionReview r : vm.debrief().decisions()) list.getChildren().add(decisionCard(r));
        return list;
    }

    private Node decisionCard(DecisionReview r) {
        String customer = vm.dialogue().customer().name();
        Label number = new Label(r.number() + ".");
        number.getStyleClass().add("section-title");
        Label said = new Label(customer + ": \"" + r.customerSaid() + "\""); // the mood line below speaks for how she felt
        said.setWrapText(true);
        Choice c = r.chosen();
        org.rapport.engine.Answer a = r.answer();
        boolean own = a.ownWords() != null || a.saidAloud();
        Label you = new Label((own ? "The reply you picked: \"" : "You: \"") + c.say() + "\"");
        you.setWrapText(true);
        you.getStyleClass().add("quote");
        Label ownWords = new Label(a.ownWords() != null ? "In your own words: \"" + a.ownWords() + "\"" : "You said your reply aloud first.");
        ownWords.setWrapText(true);
        ownWords.getStyleClass().add("quote");
        ownWords.setId("debrief-own-words-" + r.number());
        Label sure = new Label(a.confidence() == null ? "" : "You were " + (a.confidence() == org.rapport.engine.Confidence.GUESSING ? "guessing"
                : a.confidence() == org.rapport.engine.Confidence.THINK_SO ? "fairly sure" : "sure") + (org.rapport.engine.Calibration.right(c.grade())
                ? ", and it helped." : ", and it did not help."));
        sure.getStyleClass().add("muted");
        Label mood = new Label(org.rapport.model.Mood.describe(r.moodBefore()) + " (" + r.moodBefore() + ") → "
                + org.rapport.model.Mood.describe(r.moodAfter()) + " (" + r.moodAfter() + ")   ·   " + DebriefViewModel.seconds(r.millis()) + " to decide");
        mood.getStyleClass().add("muted");
        HBox head = new HBox(10, Widgets.grade(c.grade()), mood);
        head.setAlignment(Pos.CENTER_LEFT);
        if (a.confidence() != null) head.getChildren().add(sure);
        VBox card = new VBox(new HBox(8, number, said));
        if (own) card.getChildren().add(ownWords);
        card.getChildren().addAll(you, head);
        card.getStyleClass().add("decision-card");
        HBox.setHgrow(said, Priority.ALWAYS);
        card.getChildren().add(Widgets.chips(r.tests(), Widgets.ChipKind.TESTED, vm.catalog(), vm::openTechnique));
        if (!c.uses().isEmpty()) card.getChildren().add(Widgets.chips(c.uses(), Widgets.ChipKind.USED, vm.catalog(), vm::openTechnique));
        if (!c.pitfalls().isEmpty()) card.getChildren().add(Widgets.chips(c.pitfalls(), Widgets.ChipKind.PITFALL, vm.catalog(), vm::openTechnique));
        Label why = new Label(c.why());
        why.setWrapText(true);
        card.getChildren().add(why);
        for (Debrief.OrderNote n : r.orderNotes()) {
            Label note = new Label(n.message(), new FontIcon("mdi2s-sort-variant"));
            note.setWrapText(true);
            HBox box = new HBox(note);
            box.getStyleClass().add("order-note");
            card.getChildren().add(box);
        }
        if (r.better() != null) {
            Label title = new Label("A better reply", Widgets.grade(r.better().grade()));
            title.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            Label say = new Label("\"" + r.better().say() + "\"");
            say.setWrapText(true);
            say.getStyleClass().add("quote");
            Label why2 = new Label(r.better().why());
            why2.setWrapText(true);
            VBox better = new VBox(title, say, why2);
            better.getStyleClass().add("better");
            card.getChildren().add(better);
        }
        Button other = new Button("Try another reply from here", new FontIcon("mdi2s-source-branch"));
        other.setId("try-other-" + r.number());
        other.setOnAction(e -> vm.tryOtherFrom(r.number()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        card.getChildren().add(new HBox(grow, other));
        card.setAccessibleRole(AccessibleRole.TEXT);
        card.setAccessibleText("Decision " + r.number() + ". " + customer + " said: " + r.customerSaid() + ". You said: " + c.say()
                + ". Grade " + c.grade().word() + ". " + c.why() + (r.better() != null ? " A better reply: " + r.better().say() + ". " + r.better().why() : ""));
        return card;
    }

    private Node createActions() {
        Button replay = new Button("Play it again", new FontIcon("mdi2r-replay"));
        replay.setId("replay");
        replay.setOnAction(e -> vm.replay());
        Button back = new Button("Back to the library", new FontIcon("mdi2b-bookshelf"));
        back.setId("back-to-library");
        back.getStyleClass().add("accent");
        back.setOnAction(e -> vm.backToLibrary());
        Button techniques = new Button("Technique reference", new FontIcon("mdi2b-book-open-variant"));
        techniques.setOnAction(e -> vm.openTechnique(null));
        Button save = vm.print().button("Save for printing…", "save-debrief");
        HBox buttons = new HBox(10, back, replay, techniques, save);
        return new VBox(6, buttons, vm.print().status("debrief-save-status"));
    }
}
