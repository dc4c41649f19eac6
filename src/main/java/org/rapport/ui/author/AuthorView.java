package org.rapport.ui.author;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.author.DialoguePath;
import org.rapport.author.Draft;
import org.rapport.author.GraphExport;
import org.rapport.author.GraphLayout;
import org.rapport.author.PathReport;
import org.rapport.diag.Diagnostic;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.EndingNode;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.model.Route;
import org.rapport.ui.Navigator;
import org.rapport.ui.Widgets;
import org.rapport.ui.author.AuthorViewModel.Debriefing;
import org.rapport.ui.author.AuthorViewModel.Idle;
import org.rapport.ui.author.AuthorViewModel.Playing;
import org.rapport.ui.debrief.DebriefView;

import java.io.File;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The authoring workbench: the dialogue as a graph that follows the file on disk, the node inspector, the problems
 * list (click one to select its node and see where it is), the path report, and "play from here" in the side panel.
 */
public final class AuthorView extends BorderPane {
    public static final String GRAPH_ID = "author-graph";
    public static final String DIAGNOSTICS_ID = "author-diagnostics";
    public static final String LOCATION_ID = "author-location";
    public static final String INSPECTOR_ID = "author-inspector";
    public static final String PATHS_ID = "author-paths";
    public static final String PLAY_PANEL_ID = "author-play-panel";
    public static final String STALE_ID = "author-stale";

    private final AuthorViewModel vm;
    private final Navigator nav;
    private final GraphCanvas graph = new GraphCanvas();
    private final ProblemsView problemsView;
    private final ListView<Diagnostic> problems;
    private final VBox inspector = new VBox();
    /** The guide of the dialogue on screen (the last good version), as a facilitator will print it. */
    private final org.rapport.ui.PrintAction guide;
    private final VBox paths = new VBox();
    private final StackPane playPanel = new StackPane();
    private final TabPane tabs = new TabPane();
    private final Tab nodeTab = new Tab("Node");
    private final Tab pathsTab = new Tab("Paths");
    private final Tab playTab = new Tab("Play");
    private final Tab editTab = new Tab("Edit");
    private final Navigator panelNavigator;
    private final ObjectProperty<Integer> moodValue;
    private final SplitPane work = new SplitPane();
    private final VBox empty = new VBox();
    private boolean syncingSelection;
    private boolean clicked;

    public AuthorView(AuthorViewModel vm, Navigator nav) {
        this.guide = new org.rapport.ui.PrintAction(() -> {
            Dialogue d = vm.dialogue();
            return d == null ? null : () -> org.rapport.print.FacilitatorGuide.of(d, vm.catalog());
        }, () -> vm.dialogue() == null ? "guide" : vm.dialogue().id() + "-guide");
        this.vm = vm;
        this.nav = nav;
        this.problemsView = new ProblemsView(vm);
        this.problems = problemsView.list();
        this.moodValue = vm.playMoodProperty().asObject();
        this.panelNavigator = new PanelNavigator();
        getStyleClass().addAll("screen", "author");
        setId("author");
        setTop(new VBox(createToolbar(), createNoticeBar(), createStaleBanner()));
        createWork();
        createEmptyState();
        setCenter(vm.targetProperty().get() == null ? empty : work);
        vm.targetProperty().addListener((o, a, b) -> setCenter(b == null ? empty : work));
        initListeners();
        showDraft(null, vm.draftProperty().get());
    }

    // == REGION toolbar ==

    private javafx.scene.Node createToolbar() {
        Button openFile = new Button("Open file…", new FontIcon("mdi2f-file-document-outline"));
        openFile.setId("author-open-file");
        openFile.setOnAction(e -> chooseFile());
        Button openFolder = new Button("Open folder…", new FontIcon("mdi2f-folder-open-outline"));
        openFolder.setId("author-open-folder");
        openFolder.setOnAction(e -> chooseFolder());
        Button create = new Button("New dialogue…", new FontIcon("mdi2f-file-plus-outline"));
        create.setId("author-new");
        create.setOnAction(e -> chooseNewFile());

        ComboBox<Path> fileBox = new ComboBox<>(vm.files());
        fileBox.setId("author-files");
        fileBox.setAccessibleText("Dialogue file shown");
        fileBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName().toString();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        fileBox.valueProperty().bindBidirectional(vm.currentFileProperty());
        fileBox.visibleProperty().bind(javafx.beans.binding.Bindings.size(vm.files()).greaterThan(1));
        fileBox.managedProperty().bind(fileBox.visibleProperty());

        Button reload = iconButton("mdi2r-refresh", "Read the file again", "author-reload");
        reload.setOnAction(e -> vm.reload());
        Button fit = iconButton("mdi2f-fit-to-page-outline", "Fit the whole graph in view (0)", "author-fit");
        fit.setOnAction(e -> graph.fit());
        Button zoomOut = iconButton("mdi2m-magnify-minus-outline", "Zoom out (minus)", "author-zoom-out");
        zoomOut.setOnAction(e -> graph.zoomBy(0.8));
        Button zoomIn = iconButton("mdi2m-magnify-plus-outline", "Zoom in (plus)", "author-zoom-in");
        zoomIn.setOnAction(e -> graph.zoomBy(1.25));
        ToggleButton vertical = new ToggleButton("Top to bottom", new FontIcon("mdi2a-arrow-down-bold-box-outline"));
        vertical.setId("author-direction");
        vertical.setSelected(vm.directionProperty().get() == GraphLayout.Direction.TOP_TO_BOTTOM);
        vertical.selectedProperty().addListener((o, a, b) ->
                vm.directionProperty().set(b ? GraphLayout.Direction.TOP_TO_BOTTOM : GraphLayout.Direction.LEFT_TO_RIGHT));

        TextField find = TextFields.createClearableTextField();
        find.setId("author-find");
        find.setPromptText("Find a node (Enter)");
        find.setPrefColumnCount(12);
        find.setAccessibleText("Find a node by its id");
        find.setOnAction(e -> {
            Dialogue d = vm.dialogue();
            String q = find.getText() == null ? "" : find.getText().toLowerCase(Locale.ROOT).strip();
            if (d == null || q.isEmpty()) return;
            d.nodes().keySet().stream().filter(id -> id.equals(q)).findFirst()
                    .or(() -> d.nodes().keySet().stream().filter(id -> id.contains(q)).findFirst())
                    .ifPresent(this::selectNode);
        });

        Label status = new Label();
        status.setId("author-status");
        status.getStyleClass().add("muted");
        status.textProperty().bind(vm.statusProperty());
        status.setMinWidth(0);
        for (javafx.scene.control.Control c : List.of(openFile, openFolder, create, fileBox, reload, zoomOut, zoomIn, fit, vertical, find)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        Button lms = org.rapport.ui.lms.PackageDialog.button(vm.packaging(), vm::packageSelection, "author-package");
        lms.setAccessibleText("Package for LMS: a SCORM or cmi5 package of this dialogue, for your learning management system");
        Label packaged = org.rapport.ui.lms.PackageDialog.status(vm.packaging(), "author-package-status");
        packaged.setMinWidth(0);
        Button importing = org.rapport.ui.importer.ImportDialog.button(vm.importing(), vm::folder, "author-import");
        Label imported = org.rapport.ui.importer.ImportDialog.status(vm.importing(), "author-import-status");
        // The tools take a second row when one is short of room (1280 pixels with a folder open, or a larger font);
        // the status lines on the right get what room is left.
        FlowPane tools = new FlowPane(openFile, openFolder, create, importing, fileBox, reload, zoomOut, zoomIn, fit, vertical, find, lms);
        tools.getStyleClass().add("author-tools");
        tools.setHgap(6);
        tools.setVgap(6);
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPrefWrapLength(4000); // its preferred width is one row
        HBox.setHgrow(tools, Priority.NEVER);
        HBox statuses = new HBox(6, imported, packaged, status);
        statuses.setAlignment(Pos.CENTER_RIGHT);
        statuses.setMinWidth(0);
        statuses.setPrefWidth(0);
        HBox.setHgrow(statuses, Priority.ALWAYS);
        HBox bar = new HBox(tools, statuses);
        bar.getStyleClass().add("author-toolbar");
        return bar;
    }

    private static Button iconButton(String icon, String what, String id) {
        Button b = new Button("", new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(what));
        b.setAccessibleText(what);
        return b;
    }

    private javafx.scene.Node createNoticeBar() {
        Label text = new Label();
        text.setId("author-notice");
        text.setWrapText(true);
        text.setGraphic(new FontIcon("mdi2i-information-outline"));
        text.textProperty().bind(vm.noticeProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button ok = new Button("OK");
        ok.setId("author-notice-ok");
        ok.setMinWidth(Region.USE_PREF_SIZE);
        ok.setOnAction(e -> vm.dismissNotice());
        HBox box = new HBox(10, text, grow, ok);
        box.getStyleClass().add("author-notice");
        box.visibleProperty().bind(vm.noticeProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private javafx.scene.Node createStaleBanner() {
        Label text = new Label();
        text.setId(STALE_ID);
        text.setWrapText(true);
        text.setGraphic(new FontIcon("mdi2a-alert-outline"));
        text.textProperty().bind(vm.staleNoticeProperty());
        HBox box = new HBox(text);
        box.getStyleClass().add("author-stale");
        box.visibleProperty().bind(vm.staleNoticeProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a dialogue file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dialogue files", "*.json"));
        folderHint().ifPresent(fc::setInitialDirectory);
        File f = fc.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) vm.open(f.toPath());
    }

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of dialogues");
        folderHint().ifPresent(dc::setInitialDirectory);
        File f = dc.showDialog(getScene() == null ? null : getScene().getWindow());
        if (f != null) vm.open(f.toPath());
    }

    private void chooseNewFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Create a new dialogue");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Dialogue files", "*.json"));
        fc.setInitialFileName("new-dialogue.json");
        folderHint().ifPresent(fc::setInitialDirectory);
        File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (f == null) return;
        Path p = f.toPath();
        if (!p.getFileName().toString().endsWith(".json")) p = p.resolveSibling(p.getFileName() + ".json");
        vm.createNew(p);
    }

    private java.util.Optional<File> folderHint() {
        return java.util.Optional.ofNullable(vm.folder()).map(Path::toFile);
    }

    private void createEmptyState() {
        Label title = new Label("Author a dialogue");
        title.getStyleClass().add("screen-title");
        Label text = new Label("Open a dialogue file, or a folder of them, and keep writing it in your own editor: the graph, "
                + "the problems and the path report follow every save. Or start from a small, complete template.");
        text.setWrapText(true);
        text.setMaxWidth(640);
        Button open = new Button("Open file…", new FontIcon("mdi2f-file-document-outline"));
        open.setOnAction(e -> chooseFile());
        Button folder = new Button("Open folder…", new FontIcon("mdi2f-folder-open-outline"));
        folder.setOnAction(e -> chooseFolder());
        Button create = new Button("New dialogue…", new FontIcon("mdi2f-file-plus-outline"));
        create.getStyleClass().add("accent");
        create.setOnAction(e -> chooseNewFile());
        Button importing = org.rapport.ui.importer.ImportDialog.button(vm.importing(), vm::folder, "author-empty-import");
        Label other = new Label("Already have scenarios in Twine, H5P Branching Scenario, ink or Yarn Spinner? Import one: its structure and words "
                + "become a draft, and the Problems list says what is left to fill in.");
        other.setWrapText(true);
        other.setMaxWidth(640);
        empty.getChildren().setAll(title, text, new HBox(10, create, open, folder), other, importing,
                org.rapport.ui.importer.ImportDialog.status(vm.importing(), "author-empty-import-status"));
        empty.getStyleClass().add("author-empty");
    }

    // == REGION work area ==

    private void createWork() {
        graph.setId(GRAPH_ID);
        graph.setOnSelect(id -> {
            clicked = true;
            try {
                selectNode(id);
            } finally {
                clicked = false;
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncingSelection && b != null) vm.selectDiagnostic(b);
        });

        SplitPane left = new SplitPane(graph, problemsView);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.72);

        inspector.setId(INSPECTOR_ID);
        inspector.getStyleClass().add("author-inspector");
        ScrollPane inspectorScroll = new ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        nodeTab.setContent(inspectorScroll);
        paths.setId(PATHS_ID);
        paths.getStyleClass().add("author-paths");
        ScrollPane pathsScroll = new ScrollPane(paths);
        pathsScroll.setFitToWidth(true);
        pathsTab.setContent(pathsScroll);
        playPanel.setId(PLAY_PANEL_ID);
        playPanel.getStyleClass().add("author-play");
        playTab.setContent(playPanel);
        editTab.setContent(new NodeEditorView(vm.editor(), vm));
        for (Tab t : List.of(nodeTab, editTab, pathsTab, playTab)) t.setClosable(false);
        nodeTab.setId("author-tab-node");
        editTab.setId("author-tab-edit");
        pathsTab.setId("author-tab-paths");
        playTab.setId("author-tab-play");
        tabs.getTabs().setAll(nodeTab, editTab, pathsTab, playTab);
        // Ctrl+Z, Ctrl+Shift+Z (or Ctrl+Y) and Ctrl+S edit the file from anywhere in the author view, except inside a text.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) return;
            if (e.getCode() == javafx.scene.input.KeyCode.S && e.getTarget() instanceof javafx.scene.control.TextInputControl) {
                editTab.getContent().requestFocus(); // the field being typed in becomes its edit first
                vm.editor().save();
                e.consume();
                return;
            }
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return; // a text's own undo
            switch (e.getCode()) {
                case Z -> {
                    if (e.isShiftDown()) vm.editor().redo();
                    else vm.editor().undo();
                }
                case Y -> vm.editor().redo();
                case S -> vm.editor().save();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        tabs.getStyleClass().add("author-side");
        work.getItems().setAll(left, tabs);
        work.setDividerPositions(0.64);
        SplitPane.setResizableWithParent(tabs, false);
    }

    private void initListeners() {
        vm.draftProperty().addListener((o, a, b) -> showDraft(a, b));
        vm.diagnostics().addListener((ListChangeListener<Diagnostic>) c -> {
            graph.setProblems(vm.diagnostics());
            });
        vm.selectedNodeProperty().addListener((o, a, b) -> {
            graph.select(b, !clicked);
            renderInspector();
            if (b != null) vm.playMoodProperty().set(vm.suggestedMood(b));
            if (vm.playProperty().get() instanceof Idle) renderPlay();
        });
        vm.selectedDiagnosticProperty().addListener((o, a, b) -> {
            syncingSelection = true;
            if (b == null) problems.getSelectionModel().clearSelection();
            else problems.getSelectionModel().select(b);
            syncingSelection = false;
            if (b != null && b.nodeId() != null) tabs.getSelectionModel().select(nodeTab);
        });
        vm.highlightedPathProperty().addListener((o, a, b) -> graph.highlight(b));
        vm.playProperty().addListener((o, a, b) -> renderPlay());
        renderPlay();
    }

    private void showDraft(Draft before, Draft now) {
        boolean fit = now != null && (before == null || !before.file().equals(now.file()));
        graph.show(now, fit);
        graph.setProblems(vm.diagnostics());
        graph.select(vm.selectedNodeProperty().get(), false);
        graph.highlight(vm.highlightedPathProperty().get());
        renderInspector();
        renderPaths();
        if (vm.playProperty().get() instanceof Idle) renderPlay();
    }

    private void selectNode(String id) {
        vm.selectedNodeProperty().set(id);
    }

    /** Saving the dialogue on screen as a facilitator guide. */
    public org.rapport.ui.PrintAction guide() {
        return guide;
    }

    // == REGION inspector ==

    private void renderInspector() {
        inspector.getChildren().clear();
        Dialogue d = vm.dialogue();
        String id = vm.selectedNodeProperty().get();
        Node n = vm.node(id);
        if (d == null) {
            inspector.getChildren().add(Widgets.hint("Nothing to show yet."));
            return;
        }
        if (n == null) {
            Label title = new Label(d.title());
            title.getStyleClass().add("section-title");
            title.setWrapText(true);
            inspector.getChildren().addAll(title, wrapped(d.summary()),
                    Widgets.hint((d.customer().name() == null || d.customer().name().isBlank() ? "No customer yet (see Problems)"
                            : d.customer().name()) + ", starting mood " + GraphExport.signed(d.customer().mood()) + " · " + d.nodes().size()
                            + " nodes · " + d.decisions().size() + " decisions"),
                    Widgets.hint("Click a node in the graph (or a problem below it) to see it in full here."));
            if (vm.diagnostics().stream().noneMatch(org.rapport.diag.Diagnostic::isError)) {
                inspector.getChildren().addAll(guide.button("Facilitator guide…", "author-guide"), guide.status("author-guide-status"));
            }
            return;
        }
        var draft = vm.draftProperty().get();
        Label title = new Label(n.id());
        title.getStyleClass().add("author-node-title");
        title.setId("inspector-title");
        title.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox top = new HBox(8, title, grow);
        top.setAlignment(Pos.CENTER_LEFT);
        if (n instanceof CustomerNode) {
            // At the top, so it is in reach however long the node's replies are.
            Button play = new Button("Play from here", new FontIcon("mdi2p-play"));
            play.setId("inspector-play");
            play.getStyleClass().add("accent");
            play.setMinWidth(Region.USE_PREF_SIZE);
            play.setDisable(!draft.shown().playable());
            play.setOnAction(e -> {
                tabs.getSelectionModel().select(playTab);
                vm.playFromHere();
            });
            top.getChildren().add(play);
        }
        Label where = new Label(vm.nodeLocation(n.id()));
        where.getStyleClass().add("muted");
        where.setId("inspector-location");
        inspector.getChildren().addAll(top, where);
        FlowPane marks = new FlowPane();
        marks.getStyleClass().add("chip-row");
        if (n.id().equals(d.start())) marks.getChildren().add(mark("Start", "mdi2p-play-circle-outline", "start"));
        if (draft.facts() != null && !draft.facts().reachable(n.id())) {
            marks.getChildren().add(mark("Unreachable: no path from the start gets here", "mdi2e-eye-off-outline", "unreachable"));
        }
        if (draft.facts() != null && draft.facts().deadEnd(d, n.id())) {
            marks.getChildren().add(mark("Dead end: no ending can be reached from here", "mdi2s-sign-direction-remove", "dead-end"));
        }
        if (!marks.getChildren().isEmpty()) inspector.getChildren().add(marks);

        Label says = new Label("\"" + n.say() + "\"");
        says.getStyleClass().add("quote");
        says.setWrapText(true);
        inspector.getChildren().addAll(caption(d.customer().name() + " says" + (n.emotion() == null ? "" : " (" + n.emotion() + ")")), says);
        if (n.note() != null) inspector.getChildren().addAll(caption("Facilitator note"), wrapped(n.note()));
        if (n instanceof EndingNode e) {
            Label outcome = Widgets.outcome(e.ending().outcome());
            Label t = new Label(e.ending().title());
            t.getStyleClass().add("ending-title");
            t.setWrapText(true);
            inspector.getChildren().addAll(outcome, t, wrapped(e.ending().summary()));
            if (draft.paths() != null && !draft.paths().hasCycles()) {
                BigInteger count = draft.paths().pathsPerEnding().get(n.id());
                inspector.getChildren().add(Widgets.hint(String.format(Locale.ROOT, "%,d of %,d paths from the start end here.",
                        count, draft.paths().pathCount())));
            }
        } else if (n instanceof CustomerNode c) {
            inspector.getChildren().add(caption("Tests"));
            inspector.getChildren().add(Widgets.chips(c.tests(), Widgets.ChipKind.TESTED, vm.catalog(), nav::showTechniques));
            for (Choice ch : c.choices()) inspector.getChildren().add(choiceCard(c, ch));
        }
        List<Diagnostic> own = vm.diagnosticsOf(n.id());
        if (!own.isEmpty()) {
            inspector.getChildren().add(caption("Problems here"));
            for (Diagnostic x : own) {
                Hyperlink l = new Hyperlink((x.isError() ? "Error " : "Warning ") + x.code() + ": " + x.message());
                l.setWrapText(true);
                l.getStyleClass().add(x.isError() ? "error" : "warning");
                l.setOnAction(e -> vm.selectDiagnostic(x));
                inspector.getChildren().add(l);
            }
        }
    }

    private javafx.scene.Node choiceCard(CustomerNode node, Choice ch) {
        Label number = new Label("Reply " + (ch.index() + 1));
        number.getStyleClass().add("author-reply-number");
        Label mood = new Label("mood " + GraphExport.signed(ch.mood()));
        mood.getStyleClass().add("muted");
        HBox head = new HBox(8, number, Widgets.grade(ch.grade()), mood);
        head.setAlignment(Pos.CENTER_LEFT);
        Label say = new Label("\"" + ch.say() + "\"");
        say.getStyleClass().add("quote");
        say.setWrapText(true);
        VBox card = new VBox(head, say);
        card.getStyleClass().addAll("author-reply", ch.grade().word());
        card.setId("reply-" + node.id() + "-" + (ch.index() + 1));
        if (!ch.uses().isEmpty()) card.getChildren().add(Widgets.chips(ch.uses(), Widgets.ChipKind.USED, vm.catalog(), nav::showTechniques));
        if (!ch.pitfalls().isEmpty()) card.getChildren().add(Widgets.chips(ch.pitfalls(), Widgets.ChipKind.PITFALL, vm.catalog(), nav::showTechniques));
        card.getChildren().add(wrapped(ch.why() == null ? "(no why)" : ch.why()));
        FlowPane leads = new FlowPane();
        leads.getStyleClass().add("chip-row");
        leads.getChildren().add(new Label("Leads to"));
        List<Route> routes = ch.routes();
        for (int i = 0; i < routes.size(); i++) {
            Route r = routes.get(i);
            String cond = GraphExport.condition(r);
            String text = (cond.isEmpty() ? (routes.size() > 1 ? "otherwise → " : "→ ") : "if " + cond + " → ") + r.to();
            Hyperlink link = new Hyperlink(text);
            link.setDisable(vm.node(r.to()) == null);
            link.setOnAction(e -> selectNode(r.to()));
            leads.getChildren().add(link);
        }
        card.getChildren().add(leads);
        card.setAccessibleRole(AccessibleRole.TEXT);
        card.setAccessibleText("Reply " + (ch.index() + 1) + ", " + ch.grade().word() + ", mood " + GraphExport.signed(ch.mood()) + ": " + ch.say());
        return card;
    }

    private static Label mark(String text, String icon, String style) {
        Label l = new Label(text, new FontIcon(icon));
        l.getStyleClass().addAll("author-mark", style);
        return l;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("author-caption");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }


    // == REGION path report ==

    private void renderPaths() {
        paths.getChildren().clear();
        Draft draft = vm.draftProperty().get();
        if (draft == null || draft.dialogue() == null) {
            paths.getChildren().add(Widgets.hint("Nothing to report yet."));
            return;
        }
        PathReport r = draft.paths();
        if (r == null) {
            paths.getChildren().add(Widgets.hint("The path report needs a dialogue without errors. Fix the problems listed under the graph and save."));
            return;
        }
        Dialogue d = draft.dialogue();
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.setId("paths-count");
        title.setWrapText(true);
        paths.getChildren().add(title);
        if (r.hasCycles()) {
            title.setText("Replies can go round in a loop");
            for (List<String> c : r.cycles()) paths.getChildren().add(wrapped(String.join(" → ", c)));
        } else {
            title.setText(String.format(Locale.ROOT, "%,d %s from the start to an ending", r.pathCount(),
                    r.pathCount().equals(BigInteger.ONE) ? "path" : "paths"));
            paths.getChildren().add(Widgets.hint("From \"" + r.startNode() + "\", with the customer starting at mood " + GraphExport.signed(r.startMood()) + "."));
            for (Map.Entry<String, BigInteger> e : r.pathsPerEnding().entrySet()) {
                EndingNode end = (EndingNode) d.node(e.getKey());
                Label count = new Label(String.format(Locale.ROOT, "%,d", e.getValue()));
                count.getStyleClass().add("author-count");
                Hyperlink name = new Hyperlink(e.getKey());
                name.setOnAction(x -> selectNode(e.getKey()));
                HBox row = new HBox(8, Widgets.outcome(end.ending().outcome()), count, name);
                row.setAlignment(Pos.CENTER_LEFT);
                paths.getChildren().add(row);
            }
        }
        for (PathReport.Finding f : r.findings()) {
            Hyperlink l = new Hyperlink("Warning " + f.code() + ": " + f.message(), new FontIcon("mdi2a-alert-outline"));
            l.setWrapText(true);
            l.getStyleClass().add("warning");
            l.setOnAction(e -> vm.diagnostics().stream().filter(x -> x.code().equals(f.code()) && java.util.Objects.equals(x.nodeId(), f.nodeId()))
                    .findFirst().ifPresent(vm::selectDiagnostic));
            paths.getChildren().add(l);
        }
        if (r.best() != null) {
            paths.getChildren().add(pathCard("Best path", r.best(), "best"));
            paths.getChildren().add(pathCard("Worst path", r.worst(), "worst"));
            paths.getChildren().add(pathCard(r.complete() ? "Typical path (median of all " + r.paths().size() + ")"
                    : "Typical path (median of " + r.sampled() + " drawn at random)", r.typical(), "typical"));
        }
        if (r.complete() && r.paths().size() > 1) {
            paths.getChildren().add(caption("Every path, best score first"));
            for (DialoguePath p : r.paths()) {
                Hyperlink l = new Hyperlink(p.percent() + "%  " + p.outcome().word() + "  " + p.describe());
                l.setWrapText(true);
                l.setOnAction(e -> vm.highlight(p));
                paths.getChildren().add(l);
            }
        }
    }

    private javafx.scene.Node pathCard(String title, DialoguePath p, String id) {
        Label t = new Label(title);
        t.getStyleClass().add("author-caption");
        Label score = new Label(p.percent() + "%");
        score.getStyleClass().add("author-score");
        score.setMinWidth(Region.USE_PREF_SIZE);
        EndingNode end = p.debrief().ending();
        Label ending = Widgets.outcome(p.outcome());
        ending.setText(ending.getText() + ": " + end.ending().title());
        ending.setWrapText(true);
        HBox head = new HBox(10, score, ending);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(t, head,
                Widgets.hint(p.points() + " of " + p.maxPoints() + " points · " + p.steps().size() + (p.steps().size() == 1 ? " decision" : " decisions")),
                wrapped("Mood: " + String.join(" → ", p.moodCurve().stream().map(GraphExport::signed).toList())),
                wrapped("Techniques: " + (p.techniques().isEmpty() ? "none" : String.join(", ",
                        p.techniques().stream().map(x -> x.name() + " " + x.percent() + "%").toList()))),
                wrapped("Pitfalls: " + (p.pitfalls().isEmpty() ? "none" : String.join(", ", p.pitfalls().stream().map(vm.catalog()::displayName).toList()))));
        Button show = new Button("Show on the graph", new FontIcon("mdi2s-source-branch"));
        show.setId("path-show-" + id);
        show.setOnAction(e -> vm.highlight(p));
        card.getChildren().add(show);
        card.getStyleClass().add("author-path-card");
        card.setId("path-" + id);
        return card;
    }

    // == REGION play from here ==

    private void renderPlay() {
        var state = vm.playProperty().get();
        if (state instanceof Playing p) {
            var c = p.conversation();
            CompactConversation view = new CompactConversation(c, () -> panelNavigator.showDebrief(c.dialogue(),
                    c.playthrough().transcript(), c.mode(), c.compareWith()), nav::showTechniques);
            playPanel.getChildren().setAll(withStopBar(view, "From \"" + c.playthrough().transcript().startNode()
                    + "\" at mood " + GraphExport.signed(c.playthrough().transcript().startMood())));
            tabs.getSelectionModel().select(playTab);
            widenSidePanel(true);
            view.requestFocus();
        } else if (state instanceof Debriefing db) {
            playPanel.getChildren().setAll(withStopBar(new DebriefView(db.debrief()), "Debrief"));
            tabs.getSelectionModel().select(playTab);
            widenSidePanel(true);
        } else {
            playPanel.getChildren().setAll(playForm());
            widenSidePanel(false);
        }
    }

    /** A conversation and its debrief need room: the side panel takes half the width while they show. */
    private void widenSidePanel(boolean wide) {
        if (work.getDividers().isEmpty()) return;
        double now = work.getDividers().get(0).getPosition();
        if (wide && now > 0.5) work.setDividerPositions(0.5);
        if (!wide && now < 0.6) work.setDividerPositions(0.64);
    }

    private javafx.scene.Node withStopBar(javafx.scene.Node content, String what) {
        Label title = new Label(what);
        title.getStyleClass().add("author-caption");
        title.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button stop = new Button("Stop", new FontIcon("mdi2c-close"));
        stop.setMinWidth(Region.USE_PREF_SIZE);
        stop.setAccessibleText("Stop playing and go back to the play form");
        stop.setId("author-stop-play");
        stop.setOnAction(e -> vm.stopPlaying());
        HBox bar = new HBox(8, title, grow, stop);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("author-play-bar");
        BorderPane box = new BorderPane(content);
        box.setTop(bar);
        return box;
    }

    private javafx.scene.Node playForm() {
        Dialogue d = vm.dialogue();
        VBox form = new VBox();
        form.getStyleClass().add("author-play-form");
        Label title = new Label("Play from here");
        title.getStyleClass().add("section-title");
        form.getChildren().add(title);
        if (d == null) {
            form.getChildren().add(Widgets.hint("Open a dialogue first."));
            return form;
        }
        String from = vm.selectedNodeProperty().get() != null && vm.node(vm.selectedNodeProperty().get()) instanceof CustomerNode
                ? vm.selectedNodeProperty().get() : d.start();
        Label start = new Label("Start at \"" + from + "\"");
        start.setId("author-play-from");
        Spinner<Integer> mood = new Spinner<>();
        mood.setId("author-play-mood");
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(Mood.MIN, Mood.MAX, vm.playMoodProperty().get());
        mood.setValueFactory(f);
        f.valueProperty().bindBidirectional(moodValue);
        mood.setEditable(true);
        mood.setAccessibleText("The customer's mood at the start, from -5 furious to +5 delighted");
        Label moodWord = new Label();
        moodWord.textProperty().bind(vm.playMoodProperty().map(v -> Mood.describe(v.intValue())));
        moodWord.getStyleClass().add("muted");
        HBox moodRow = new HBox(8, new Label("Customer's mood"), mood, moodWord);
        moodRow.setAlignment(Pos.CENTER_LEFT);
        Button play = new Button("Play from here", new FontIcon("mdi2p-play"));
        play.setId("author-play");
        play.getStyleClass().add("accent");
        play.setDisable(vm.draftProperty().get() == null || !vm.draftProperty().get().shown().playable());
        play.setOnAction(e -> vm.playFromHere());
        form.getChildren().addAll(start, moodRow, play,
                Widgets.hint("Practice mode: each reply's grade and why show at once, and the normal debrief follows the ending. "
                        + "Select another node in the graph to start there; the mood is set to the one the best path has there."));
        return form;
    }

    /** The play panel's own navigation: the conversation and its debrief stay in the panel. */
    private final class PanelNavigator implements Navigator {
        @Override
        public void showLibrary() {
            vm.stopPlaying();
        }

        @Override
        public void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith) {
            vm.play(dialogue, playthrough, mode, compareWith);
        }

        @Override
        public void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith) {
            vm.debrief(dialogue, transcript, mode, compareWith, this);
        }

        @Override
        public void showTechniques(String id) {
            nav.showTechniques(id);
        }
    }

    /** The graph, for tests and keyboard focus. */
    GraphCanvas graph() {
        return graph;
    }
}
