package org.rapport.ui;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.model.Grade;
import org.rapport.model.Mood;
import org.rapport.model.Outcome;

import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

/** Small pieces every screen uses: technique chips, grade and outcome badges, the mood meter. */
public final class Widgets {
    private Widgets() {
    }

    /** How the chip reads: a step the reply used, a pitfall it fell into, or a tag a decision tests. */
    public enum ChipKind { USED, PITFALL, TESTED }

    /**
     * A focusable chip for a catalog id. Hover or focus shows the catalog's description; click or Enter opens the
     * technique reference at that entry.
     */
    public static Button chip(String id, ChipKind kind, Catalog catalog, Consumer<String> open) {
        String prefix = kind == ChipKind.PITFALL ? "Pitfall: " : "";
        Button b = new Button(prefix + catalog.displayName(id));
        b.getStyleClass().setAll("chip", kind.name().toLowerCase(Locale.ROOT));
        FontIcon icon = new FontIcon(kind == ChipKind.PITFALL ? "mdi2a-alert-outline" : kind == ChipKind.USED ? "mdi2c-check" : "mdi2t-target");
        b.setGraphic(icon);
        Tooltip tip = new Tooltip(describe(id, catalog));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(250));
        b.setTooltip(tip);
        b.setAccessibleText((kind == ChipKind.PITFALL ? "Pitfall: " : kind == ChipKind.USED ? "Used: " : "Tests: ")
                + catalog.displayName(id) + ". " + describe(id, catalog));
        b.setOnAction(e -> open.accept(id));
        return b;
    }

    public static FlowPane chips(Collection<String> ids, ChipKind kind, Catalog catalog, Consumer<String> open) {
        FlowPane row = new FlowPane();
        row.getStyleClass().add("chip-row");
        for (String id : ids) row.getChildren().add(chip(id, kind, catalog, open));
        return row;
    }

    /** The catalog's own words for an id: a step's summary, a technique's description, a pitfall's harm. */
    public static String describe(String id, Catalog catalog) {
        Step s = catalog.step(id).orElse(null);
        if (s != null) return s.summary();
        Pitfall p = catalog.pitfall(id).orElse(null);
        if (p != null) return p.whyItHurts();
        return catalog.technique(id).map(t -> t.description()).orElse(id);
    }

    /** A grade as a word and an icon, so it never relies on colour alone. */
    /** A wrapped hint in the theme's hint style: what to do next, or why something is empty. */
    public static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        return l;
    }

    public static Label grade(Grade g) {
        Label l = new Label(switch (g) {
            case BEST -> "Best";
            case GOOD -> "Good";
            case WEAK -> "Weak";
            case HARMFUL -> "Harmful";
        });
        l.setGraphic(new FontIcon(switch (g) {
            case BEST -> "mdi2c-check-circle";
            case GOOD -> "mdi2t-thumb-up-outline";
            case WEAK -> "mdi2a-alert-circle-outline";
            case HARMFUL -> "mdi2c-close-octagon";
        }));
        l.getStyleClass().addAll("grade", g.word());
        l.setAccessibleText("Grade: " + l.getText());
        return l;
    }

    public static Label outcome(Outcome o) {
        Label l = new Label(switch (o) {
            case WON -> "Won over";
            case KEPT -> "Kept, but unhappy";
            case LOST -> "Customer lost";
        });
        l.setGraphic(new FontIcon(switch (o) {
            case WON -> "mdi2e-emoticon-happy-outline";
            case KEPT -> "mdi2e-emoticon-neutral-outline";
            case LOST -> "mdi2e-emoticon-sad-outline";
        }));
        l.getStyleClass().addAll("outcome", o.word());
        return l;
    }

    /** The customer's mood: a track from furious to delighted with a marker, plus the word and the number. */
    public static final class MoodMeter extends HBox {
        private final Pane track = new Pane();
        private final StackPane marker = new StackPane();
        private final Label word = new Label();

        public MoodMeter() {
            getStyleClass().add("mood-meter");
            setAlignment(Pos.CENTER_LEFT);
            setFillHeight(false);
            track.getStyleClass().add("mood-track");
            marker.getStyleClass().add("mood-marker");
            marker.setManaged(false);
            track.getChildren().add(marker);
            word.getStyleClass().add("mood-word");
            Label caption = new Label("Mood");
            caption.getStyleClass().add("muted");
            getChildren().addAll(caption, track, word);
            setFocusTraversable(true);
            setAccessibleRole(AccessibleRole.TEXT);
            track.widthProperty().addListener((o, a, b) -> place());
            track.heightProperty().addListener((o, a, b) -> place());
            set(0);
        }

        private int mood;

        public void set(int value) {
            mood = value;
            word.setText(Mood.describe(value) + " (" + (value > 0 ? "+" : "") + value + ")");
            setAccessibleText("Customer's mood: " + Mood.describe(value) + ", " + value + " on a scale from -5 furious to +5 delighted");
            place();
        }

        private void place() {
            double w = track.getWidth();
            double h = track.getHeight();
            double x = (mood - Mood.MIN) / (double) (Mood.MAX - Mood.MIN) * w;
            double mw = Math.max(4, h * 0.45);
            marker.resizeRelocate(Math.max(0, Math.min(w - mw, x - mw / 2)), -2, mw, h + 4);
        }

        public String wordText() {
            return word.getText();
        }
    }

    /** A line saying what the last background job did (an import, a package): shown only while it has something to say. */
    public static Label statusLine(javafx.beans.value.ObservableStringValue message, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.getStyleClass().add("hint");
        l.textProperty().bind(message);
        l.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(message));
        l.managedProperty().bind(l.visibleProperty());
        l.setMinWidth(0);
        return l;
    }
}
