package org.rapport.ui.library;

import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.catalog.Technique;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.ui.Navigator;
import org.rapport.ui.Widgets;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/** Every dialogue as a card, with search and filters. Broken files show as red cards with their diagnostics. */
public final class LibraryView extends BorderPane {
    public static final String SEARCH_ID = "library-search";

    private final LibraryViewModel vm;
    private final Navigator nav;
    private final FlowPane grid = new FlowPane();

    public LibraryView(LibraryViewModel vm, Navigator nav) {
        this.vm = vm;
        this.nav = nav;
        getStyleClass().add("screen");
        setId("library");
        setTop(createHeader());
        setCenter(createGrid());
        vm.visible().addListener((ListChangeListener<Validated>) c -> rebuild());
        vm.context().bestPercent().addListener((MapChangeListener<String, Integer>) c -> rebuild());
        rebuild();
    }

    // == REGION header and filters ==
    private Node createHeader() {
        Label title = new Label("Choose a conversation to practise");
        title.getStyleClass().add("screen-title");
        Label status = new Label();
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(vm.loadingProperty());
        spinner.managedProperty().bind(vm.loadingProperty());

        TextField search = TextFields.createClearableTextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search: refund, phone, funeral…");
        search.setPrefColumnCount(16);
        search.setMinWidth(140);
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setAccessibleText("Search dialogues by words. Press Down to reach the first card's Start button.");
        search.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.DOWN || e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                grid.lookupAll(".card .accent").stream().findFirst().ifPresent(Node::requestFocus);
                e.consume();
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.F) {
                search.requestFocus();
                e.consume();
            }
        });

        ComboBox<Difficulty> difficulty = new ComboBox<>();
        difficulty.getItems().add(null);
        difficulty.getItems().addAll(Difficulty.values());
        difficulty.setConverter(new StringConverter<>() {
            public String toString(Difficulty d) {
                return d == null ? "Any difficulty" : capital(d.word());
            }

            public Difficulty fromString(String s) {
                return null;
            }
        });
        difficulty.setButtonCell(difficultyCell(difficulty.getConverter()));
        difficulty.valueProperty().bindBidirectional(vm.difficultyProperty());
        difficulty.setAccessibleText("Filter by difficulty");

        ComboBox<Technique> technique = new ComboBox<>();
        technique.getItems().add(null);
        technique.getItems().addAll(vm.catalog().techniques());
        StringConverter<Technique> tc = new StringConverter<>() {
            public String toString(Technique t) {
                return t == null ? "Any technique" : t.name();
            }

            public Technique fromString(String s) {
                return null;
            }
        };
        technique.setConverter(tc);
        technique.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Technique item, boolean empty) {
                super.updateItem(item, empty);
                setText(tc.toString(item));
            }
        });
        technique.valueProperty().bindBidirectional(vm.techniqueProperty());
        technique.setAccessibleText("Filter by technique");

        ToggleGroup modes = new ToggleGroup();
        ToggleButton assess = new ToggleButton("Assessment");
        assess.setUserData(Mode.ASSESSMENT);
        assess.setId("mode-assessment");
        ToggleButton practice = new ToggleButton("Practice");
        practice.setUserData(Mode.PRACTICE);
        practice.setId("mode-practice");
        ToggleButton sayFirst = new ToggleButton("Say it first");
        sayFirst.setUserData(Mode.SAY_FIRST);
        sayFirst.setId("mode-say-first");
        assess.setToggleGroup(modes);
        practice.setToggleGroup(modes);
        sayFirst.setToggleGroup(modes);
        modes.selectToggle(switch (vm.modeProperty().get()) {
            case PRACTICE -> practice;
            case SAY_FIRST -> sayFirst;
            case ASSESSMENT, DRILL -> assess;
        });
        modes.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                modes.selectToggle(old); // one mode is always chosen
            } else {
                vm.modeProperty().set((Mode) now.getUserData());
            }
        });
        Label modeHint = new Label();
        modeHint.getStyleClass().add("hint");
        modeHint.textProperty().bind(vm.modeProperty().map(m -> switch (m) {
            case PRACTICE -> "Feedback after every reply";
            case SAY_FIRST -> "Your own words first, then the replies";
            case DRILL, ASSESSMENT -> "Feedback at the end, in the debrief";
        }));
        HBox modeBox = new HBox(0, assess, practice, sayFirst);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label modeLabel = new Label("Mode:");
        // The filters and the modes keep their words whole; the search box and the hint give way on a narrow window.
        for (Region r : java.util.List.<Region>of(difficulty, technique, modeLabel, assess, practice, sayFirst)) r.setMinWidth(Region.USE_PREF_SIZE);
        modeHint.setMinWidth(0);
        HBox filters = new HBox(search, difficulty, technique, spacer, modeLabel, modeBox, modeHint);
        filters.getStyleClass().add("filter-bar");
        Button drill = new Button("Drill my weak spots", new FontIcon("mdi2t-target"));
        drill.setId("library-drill");
        drill.setOnAction(e -> nav.drill());
        drill.setMinWidth(Region.USE_PREF_SIZE);
        drill.setAccessibleText("Drill my weak spots: ten single decisions for the steps where your replies have been weakest");
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        Button lms = org.rapport.ui.lms.PackageDialog.button(vm.packaging(), vm::packageSelection, "library-package");
        lms.setAccessibleText("Package for LMS: a SCORM or cmi5 package of the conversations shown, for your learning management system");
        HBox titleRow = new HBox(12, title, spinner, status, titleGap, lms, drill);
        titleRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        titleRow.setPadding(new Insets(14, 16, 0, 16));
        VBox suggestionBox = new VBox();
        suggestionBox.setPadding(new Insets(0, 16, 0, 16));
        vm.suggestionProperty().addListener((o, a, b) -> showSuggestion(suggestionBox, b));
        showSuggestion(suggestionBox, vm.suggestionProperty().get());
        Label packaged = org.rapport.ui.lms.PackageDialog.status(vm.packaging(), "library-package-status");
        VBox.setMargin(packaged, new Insets(0, 16, 0, 16));
        return new VBox(titleRow, packaged, suggestionBox, filters);
    }

    private void showSuggestion(VBox box, LibraryViewModel.Suggestion s) {
        box.getChildren().clear();
        if (s == null) return;
        java.util.List<String> weak = s.weakSteps().stream().map(vm.catalog()::displayName).toList();
        Label text = new Label("Suggested next: " + s.dialogue().title()
                + (weak.isEmpty() ? "" : ". It practises " + String.join(" and ", weak) + ", where your replies have been weakest."));
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button go = new Button("Start", new FontIcon("mdi2p-play"));
        go.setId("start-suggested");
        go.getStyleClass().add("accent");
        Dialogue d = s.dialogue();
        go.setOnAction(e -> nav.play(d, Playthrough.start(d, ThreadLocalRandom.current().nextLong()), vm.modeProperty().get(), null));
        go.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(text, go);
        row.getStyleClass().add("suggestion");
        row.setId("library-suggestion");
        box.getChildren().add(row);
    }

    private static ListCell<Difficulty> difficultyCell(StringConverter<Difficulty> c) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Difficulty item, boolean empty) {
                super.updateItem(item, empty);
                setText(c.toString(item));
            }
        };
    }

    private Node createGrid() {
        grid.getStyleClass().add("card-grid");
        grid.widthProperty().addListener((o, a, b) -> fitCards());
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (scrollByRow(scroll, e.getDeltaY())) e.consume();
        });
        return scroll;
    }

    /**
     * One notch of the wheel moves the cards by one row (a card's height and the gap), not the few pixels a scroll pane
     * moves by default. Returns false when there is nothing to scroll.
     */
    static boolean scrollByRow(ScrollPane scroll, double deltaY) {
        if (deltaY == 0 || !(scroll.getContent() instanceof javafx.scene.layout.Region content) || content.getChildrenUnmodifiable().isEmpty()) return false;
        double extra = content.getHeight() - scroll.getViewportBounds().getHeight();
        if (extra <= 0) return false;
        double row = content.getChildrenUnmodifiable().get(0).getBoundsInParent().getHeight();
        if (content instanceof javafx.scene.layout.FlowPane f) row += f.getVgap();
        if (content instanceof javafx.scene.layout.TilePane t) row += t.getVgap();
        double step = row / extra * (scroll.getVmax() - scroll.getVmin());
        scroll.setVvalue(Math.max(scroll.getVmin(), Math.min(scroll.getVmax(), scroll.getVvalue() - Math.signum(deltaY) * step)));
        return true;
    }

    // == REGION cards ==
    private void rebuild() {
        grid.getChildren().clear();
        for (Validated v : vm.visible()) grid.getChildren().add(v.playable() ? card(v) : brokenCard(v));
        fitCards();
        if (vm.visible().isEmpty() && !vm.loadingProperty().get()) {
            Label none = new Label("No dialogue matches these filters. Clear the search or choose \"Any\".");
            none.getStyleClass().add("muted");
            grid.getChildren().add(none);
        }
    }

    /** Cards share the row evenly: as many columns as fit at their minimum width, no ragged gap on the right. */
    private void fitCards() {
        double avail = grid.getWidth() - grid.snappedLeftInset() - grid.snappedRightInset() - 1;
        if (avail <= 0) return;
        double gap = grid.getHgap();
        for (Node n : grid.getChildren()) {
            if (!(n instanceof Region card) || !card.getStyleClass().contains("card")) continue;
            double min = Math.max(280, card.getMinWidth());
            int cols = Math.max(1, (int) ((avail + gap) / (min + gap)));
            card.setPrefWidth(Math.floor((avail - (cols - 1) * gap) / cols));
        }
    }

    private Node card(Validated v) {
        Dialogue d = v.dialogue();
        Label title = new Label(d.title());
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label meta = new Label(d.setting() + "  ·  " + capital(d.difficulty().word()) + "  ·  " + d.minutes() + " min");
        meta.getStyleClass().add("card-meta");
        meta.setWrapText(true);
        Label summary = new Label(d.summary());
        summary.setWrapText(true);
        FlowPane chips = Widgets.chips(LibraryViewModel.techniquesTested(d, vm.catalog()), Widgets.ChipKind.TESTED, vm.catalog(), nav::showTechniques);
        Button start = new Button("Start", new FontIcon("mdi2p-play"));
        start.getStyleClass().add("accent");
        start.setId("start-" + d.id());
        start.setAccessibleText("Start " + d.title());
        start.setOnAction(e -> nav.play(d, Playthrough.start(d, ThreadLocalRandom.current().nextLong()), vm.modeProperty().get(), null));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(10, start);
        footer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Integer best = vm.bestPercent(d.id());
        if (best != null) {
            Label b = new Label("Your best: " + best + "%", new FontIcon("mdi2t-trophy-outline"));
            b.getStyleClass().add("best-result");
            footer.getChildren().add(b);
        }
        VBox card = new VBox(title, meta, summary, chips, grow, footer);
        card.getStyleClass().add("card");
        card.setUserData(d.id());
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) start.fire();
        });
        return card;
    }

    private Node brokenCard(Validated v) {
        String name = Path.of(v.file()).getFileName().toString();
        Label title = new Label(v.dialogue() != null && !v.dialogue().title().isEmpty() ? v.dialogue().title() : name);
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        Label broken = new Label("Cannot be played: " + name + " has errors", new FontIcon("mdi2f-file-alert-outline"));
        broken.getStyleClass().add("broken-label");
        broken.setWrapText(true);
        VBox lines = new VBox(4);
        v.diagnostics().stream().filter(Diagnostic::isError).limit(6).forEach(diag -> {
            Label l = new Label("line " + diag.line() + ", column " + diag.column() + ": " + diag.message());
            l.getStyleClass().add("diagnostic-line");
            l.setWrapText(true);
            lines.getChildren().add(l);
        });
        long more = v.diagnostics().stream().filter(Diagnostic::isError).count() - 6;
        if (more > 0) lines.getChildren().add(new Label("… and " + more + " more. Run: java -jar rapport.jar validate " + name));
        VBox card = new VBox(title, broken, lines);
        card.getStyleClass().addAll("card", "broken");
        card.setFocusTraversable(true);
        card.setAccessibleText(broken.getText() + ". " + lines.getChildren().stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + " " + b));
        return card;
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
