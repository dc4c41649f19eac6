package org.rapport.ui.author;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.author.edit.Edits;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Technique;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Edit tab of the author view: every field of the selected node and its replies, editable; tags picked from the
 * catalog; where each reply leads; replies and nodes added, duplicated, deleted; undo, redo and save. A text field's
 * change is one edit, made when the field loses the focus (or on Ctrl+Enter), so the undo list reads as steps.
 */
public final class NodeEditorView extends BorderPane {
    public static final String ID = "author-editor";

    private final EditorViewModel vm;
    private final AuthorViewModel author;
    private final VBox body = new VBox(8);

    public NodeEditorView(EditorViewModel vm, AuthorViewModel author) {
        this.vm = vm;
        this.author = author;
        setId(ID);
        getStyleClass().add("author-editor");
        setTop(createBar());
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        body.getStyleClass().add("author-inspector");
        setCenter(scroll);
        vm.versionProperty().addListener((o, a, b) -> render());
        author.selectedNodeProperty().addListener((o, a, b) -> render());
        render();
    }

    private Node createBar() {
        Button undo = new Button("Undo", new FontIcon("mdi2u-undo"));
        undo.setId("editor-undo");
        undo.disableProperty().bind(vm.undoLabelProperty().isNull());
        undo.setOnAction(e -> vm.undo());
        Button redo = new Button("Redo", new FontIcon("mdi2r-redo"));
        redo.setId("editor-redo");
        redo.disableProperty().bind(vm.redoLabelProperty().isNull());
        redo.setOnAction(e -> vm.redo());
        Button save = new Button("Save", new FontIcon("mdi2c-content-save-outline"));
        save.setId("editor-save");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.dirtyProperty().not());
        save.setOnAction(e -> vm.save());
        javafx.scene.control.Tooltip undoTip = new javafx.scene.control.Tooltip();
        undoTip.textProperty().bind(vm.undoLabelProperty());
        undo.setTooltip(undoTip);
        Label message = new Label();
        message.setId("editor-message");
        message.setWrapText(true);
        message.setMinWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        Button keep = new Button("Keep my changes");
        keep.setId("editor-keep-mine");
        keep.setOnAction(e -> vm.keepMine());
        Button take = new Button("Take the file's");
        take.setId("editor-take-file");
        take.setOnAction(e -> vm.takeFile());
        Button both = new Button("See both");
        both.setId("editor-see-both");
        both.setOnAction(e -> showBoth());
        HBox conflict = new HBox(8, keep, take, both);
        conflict.visibleProperty().bind(vm.conflictProperty());
        conflict.managedProperty().bind(conflict.visibleProperty());
        Label unsaved = new Label("Unsaved changes");
        unsaved.setId("editor-unsaved");
        unsaved.getStyleClass().add("strong");
        unsaved.visibleProperty().bind(vm.dirtyProperty());
        HBox buttons = new HBox(8, undo, redo, save, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(6, buttons, message, conflict);
        bar.setMinWidth(0);
        bar.getStyleClass().add("author-editor-bar");
        return bar;
    }

    /** Both versions side by side in a window, with the same two choices, so nothing is dropped unseen. */
    private void showBoth() {
        String[] v = vm.bothVersions();
        javafx.scene.control.Dialog<ButtonType> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Your changes and the file on disk");
        d.setHeaderText(null);
        ButtonType keep = new ButtonType("Keep my changes", javafx.scene.control.ButtonBar.ButtonData.YES);
        ButtonType take = new ButtonType("Take the file's", javafx.scene.control.ButtonBar.ButtonData.NO);
        d.getDialogPane().getButtonTypes().setAll(keep, take, ButtonType.CLOSE);
        d.getDialogPane().setContent(new CompareView(v[0], v[1]));
        d.getDialogPane().setPrefSize(1000, 640);
        d.setResizable(true);
        if (getScene() != null) {
            d.initOwner(getScene().getWindow());
            d.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        d.showAndWait().ifPresent(b -> {
            if (b == keep) vm.keepMine();
            else if (b == take) vm.takeFile();
        });
    }

    // == rendering ==

    private void render() {
        body.getChildren().clear();
        if (vm.documentProperty().get() == null) {
            body.getChildren().add(org.rapport.ui.Widgets.hint("Open a dialogue file to edit it here."));
            return;
        }
        String id = author.selectedNodeProperty().get();
        JsonObject n = vm.node(id).orElse(null);
        if (n == null) {
            Button decision = new Button("Add a decision", new FontIcon("mdi2p-plus"));
            decision.setId("editor-add-decision");
            decision.setOnAction(e -> select(vm.addDecision(null)));
            Button won = new Button("Add a won ending");
            won.setId("editor-add-ending-won");
            won.setOnAction(e -> select(vm.addEnding("won")));
            Button kept = new Button("Add a kept ending");
            kept.setOnAction(e -> select(vm.addEnding("kept")));
            Button lost = new Button("Add a lost ending");
            lost.setId("editor-add-ending-lost");
            lost.setOnAction(e -> select(vm.addEnding("lost")));
            body.getChildren().addAll(org.rapport.ui.Widgets.hint("Select a node on the graph to edit it, or add one."), new FlowPane(8, 8, decision, won, kept, lost));
            vm.tree().ifPresent(this::renderHeader);
            return;
        }
        Label title = new Label(id);
        title.getStyleClass().add("section-title");
        title.setId("editor-title");
        Button start = new Button("Start here");
        start.setId("editor-set-start");
        start.setOnAction(e -> vm.apply(Edits.start(id)));
        Button copy = new Button("Duplicate");
        copy.setId("editor-duplicate");
        copy.setOnAction(e -> select(vm.duplicate(id)));
        Button delete = new Button("Delete…");
        delete.setId("editor-delete");
        delete.setOnAction(e -> confirmDelete(id));
        Button decision = new Button("Add a decision after");
        decision.setId("editor-add-decision");
        decision.setOnAction(e -> select(vm.addDecision(id)));
        Button details = new Button("Dialogue details");
        details.setId("editor-details");
        details.setOnAction(e -> author.selectedNodeProperty().set(null));
        body.getChildren().addAll(title, new FlowPane(6, 6, start, copy, delete, decision, details));
        body.getChildren().addAll(caption("What the customer says"), area(str(n, "say"), "editor-say", v -> vm.apply(Edits.nodeText(id, "say", v))));
        if (n.has("ending") && n.get("ending").isJsonObject()) {
            renderEnding(id, n.getAsJsonObject("ending"));
            return;
        }
        body.getChildren().addAll(caption("Emotion (a tone for facilitators)"), field(str(n, "emotion"), "editor-emotion", v -> vm.apply(Edits.nodeText(id, "emotion", v))));
        body.getChildren().addAll(caption("Note for the facilitator"), area(str(n, "note"), "editor-note", v -> vm.apply(Edits.nodeText(id, "note", v))));
        body.getChildren().addAll(caption("Tests"), tagPicker(Edits.current(n, "tests"), steps(), "editor-tests", tags -> vm.apply(Edits.tests(id, tags))));
        var choices = n.getAsJsonArray("choices");
        for (int i = 0; choices != null && i < choices.size(); i++) body.getChildren().add(replyEditor(id, i, choices.get(i).getAsJsonObject()));
        Button add = new Button("Add a reply", new FontIcon("mdi2p-plus"));
        add.setId("editor-add-reply");
        add.setOnAction(e -> vm.addReply(id));
        body.getChildren().add(add);
    }

    /** The dialogue's own fields: title, summary, length, the customer, the setting and the pre-brief. */
    private void renderHeader(JsonObject root) {
        JsonObject customer = root.has("customer") && root.get("customer").isJsonObject() ? root.getAsJsonObject("customer") : new JsonObject();
        JsonObject prebrief = root.has("prebrief") && root.get("prebrief").isJsonObject() ? root.getAsJsonObject("prebrief") : null;
        Label title = new Label("Dialogue details");
        title.getStyleClass().add("section-title");
        body.getChildren().addAll(title,
                caption("Title"), field(str(root, "title"), "editor-dialogue-title", v -> vm.apply(Edits.header(null, "title", v))),
                caption("Summary (what the trainee reads in the library)"), area(str(root, "summary"), "editor-dialogue-summary", v -> vm.apply(Edits.header(null, "summary", v))));
        ComboBox<String> difficulty = new ComboBox<>();
        difficulty.getItems().setAll("beginner", "intermediate", "advanced");
        difficulty.setValue(str(root, "difficulty"));
        difficulty.setId("editor-dialogue-difficulty");
        difficulty.setOnAction(x -> {
            if (difficulty.getValue() != null && !difficulty.getValue().equals(str(root, "difficulty"))) vm.apply(Edits.header(null, "difficulty", difficulty.getValue()));
        });
        int minutes = num(root, "minutes", 3);
        Spinner<Integer> length = new Spinner<>(1, 60, minutes);
        length.setId("editor-dialogue-minutes");
        length.setPrefWidth(90);
        length.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != minutes) vm.apply(Edits.headerNumber(null, "minutes", b));
        });
        int mood = num(customer, "mood", 0);
        Spinner<Integer> startMood = new Spinner<>(-5, 5, mood);
        startMood.setId("editor-customer-mood");
        startMood.setPrefWidth(90);
        startMood.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != mood) vm.apply(Edits.headerNumber("customer", "mood", b));
        });
        FlowPane numbers = new FlowPane(8, 6, new Label("Difficulty"), difficulty, new Label("Minutes"), length, new Label("Customer's mood at the start"), startMood);
        numbers.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().addAll(numbers,
                caption("Customer's name"), field(str(customer, "name"), "editor-customer-name", v -> vm.apply(Edits.header("customer", "name", v))),
                caption("Who the customer is and what happened (for the facilitator and the pre-brief)"),
                area(str(customer, "persona"), "editor-customer-persona", v -> vm.apply(Edits.header("customer", "persona", v))),
                caption("Setting (where and how the conversation happens)"), field(str(root, "setting"), "editor-dialogue-setting", v -> vm.apply(Edits.header(null, "setting", v))));
        if (prebrief == null) return;
        body.getChildren().addAll(caption("Pre-brief: what the trainee should do (2 or 3, one per line)"),
                lines(prebrief, "objectives", "editor-prebrief-objectives"),
                caption("Pre-brief: what the agent may do (one per line)"), lines(prebrief, "mayDo", "editor-prebrief-maydo"),
                caption("Pre-brief: what the agent may not do (optional, one per line)"), lines(prebrief, "mayNotDo", "editor-prebrief-maynotdo"));
    }

    private Node lines(JsonObject prebrief, String field, String id) {
        List<String> items = Edits.current(prebrief, field);
        return area(String.join("\n", items), id, v -> vm.apply(Edits.prebrief(field, List.of(v.split("\\R")))));
    }

    private static int num(JsonObject o, String key, int otherwise) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsInt() : otherwise;
    }

    private void renderEnding(String id, JsonObject e) {
        ComboBox<String> outcome = new ComboBox<>();
        outcome.getItems().setAll("won", "kept", "lost");
        outcome.setValue(str(e, "outcome"));
        outcome.setId("editor-outcome");
        outcome.setOnAction(x -> {
            if (outcome.getValue() != null && !outcome.getValue().equals(str(e, "outcome"))) vm.apply(Edits.ending(id, "outcome", outcome.getValue()));
        });
        body.getChildren().addAll(caption("Outcome"), outcome, caption("Title"), field(str(e, "title"), "editor-ending-title", v -> vm.apply(Edits.ending(id, "title", v))),
                caption("Summary"), area(str(e, "summary"), "editor-ending-summary", v -> vm.apply(Edits.ending(id, "summary", v))));
    }

    private Node replyEditor(String id, int i, JsonObject c) {
        String p = "editor-reply-" + (i + 1) + "-";
        Label head = new Label("Reply " + (i + 1));
        head.getStyleClass().add("strong");
        head.setMinWidth(Region.USE_PREF_SIZE);
        Button remove = new Button("Remove");
        remove.setId(p + "remove");
        remove.setOnAction(e -> vm.apply(Edits.removeChoice(id, i)));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        ComboBox<String> grade = new ComboBox<>();
        grade.getItems().setAll("best", "good", "weak", "harmful");
        grade.setValue(str(c, "grade"));
        grade.setId(p + "grade");
        grade.setOnAction(e -> {
            if (grade.getValue() != null && !grade.getValue().equals(str(c, "grade"))) vm.apply(Edits.grade(id, i, grade.getValue()));
        });
        int mood = c.has("mood") && c.get("mood").isJsonPrimitive() ? c.get("mood").getAsInt() : 0;
        Spinner<Integer> moodBox = new Spinner<>(-5, 5, mood);
        moodBox.setId(p + "mood");
        moodBox.setPrefWidth(90);
        moodBox.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != mood) vm.apply(Edits.mood(id, i, b));
        });
        HBox top = new HBox(8, head, grow, remove);
        top.setAlignment(Pos.CENTER_LEFT);
        Label gradeLabel = new Label("Grade");
        Label moodLabel = new Label("Mood change");
        for (Label l : List.of(gradeLabel, moodLabel)) l.setMinWidth(Region.USE_PREF_SIZE);
        HBox scores = new HBox(8, gradeLabel, grade, moodLabel, moodBox);
        scores.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, top, scores,
                area(str(c, "say"), p + "say", v -> vm.apply(Edits.choiceText(id, i, "say", v))),
                caption("Steps it uses"), tagPicker(Edits.current(c, "uses"), steps(), p + "uses", t -> vm.apply(Edits.tags(id, i, "uses", t))),
                caption("Pitfalls it falls into"), tagPicker(Edits.current(c, "pitfalls"), pitfalls(), p + "pitfalls", t -> vm.apply(Edits.tags(id, i, "pitfalls", t))),
                caption("Why (the debrief's explanation)"), area(str(c, "why"), p + "why", v -> vm.apply(Edits.choiceText(id, i, "why", v))),
                caption("Leads to"), nextEditor(id, i, c.get("next"), p));
        box.getStyleClass().add("step-box");
        return box;
    }

    /** One target for every mood, or by mood: at or below a mood to one node, otherwise to another. */
    private Node nextEditor(String id, int i, JsonElement next, String p) {
        List<String> ids = vm.nodeIds();
        String single = next != null && next.isJsonPrimitive() ? next.getAsString() : null;
        ComboBox<String> to = new ComboBox<>();
        to.getItems().setAll(ids);
        to.setValue(single);
        to.setId(p + "next");
        to.setPromptText(single == null ? "by mood (below)" : "");
        to.setOnAction(e -> {
            if (to.getValue() != null && !to.getValue().equals(single)) vm.apply(Edits.next(id, i, to.getValue()));
        });
        Spinner<Integer> at = new Spinner<>(-5, 5, -1);
        at.setId(p + "route-mood");
        at.setPrefWidth(90);
        ComboBox<String> low = new ComboBox<>();
        low.getItems().setAll(ids);
        low.setId(p + "route-low");
        ComboBox<String> otherwise = new ComboBox<>();
        otherwise.getItems().setAll(ids);
        otherwise.setId(p + "route-otherwise");
        if (next != null && next.isJsonArray() && next.getAsJsonArray().size() == 2) {
            JsonObject r0 = next.getAsJsonArray().get(0).getAsJsonObject();
            if (r0.has("moodAtMost")) at.getValueFactory().setValue(r0.get("moodAtMost").getAsInt());
            low.setValue(str(r0, "to"));
            otherwise.setValue(str(next.getAsJsonArray().get(1).getAsJsonObject(), "to"));
        }
        Button route = new Button("Route by mood");
        route.setId(p + "route");
        route.setOnAction(e -> {
            if (low.getValue() != null && otherwise.getValue() != null) vm.apply(Edits.routeByMood(id, i, at.getValue(), low.getValue(), otherwise.getValue()));
        });
        FlowPane byMood = new FlowPane(6, 6, new Label("or, at mood"), at, new Label("or below, to"), low, new Label("otherwise to"), otherwise, route);
        return new VBox(4, to, byMood);
    }

    /** Tags as chips with a remove button, and a searchable list of the catalog's entries to add one. */
    private Node tagPicker(List<String> current, List<Entry> choices, String id, Consumer<List<String>> set) {
        Catalog cat = author.catalog();
        FlowPane chips = new FlowPane(6, 6);
        for (String tag : current) {
            Button chip = new Button(cat.displayName(tag) + "  \u00d7");
            chip.getStyleClass().add("chip");
            chip.setAccessibleText("Remove " + cat.displayName(tag));
            chip.setOnAction(e -> {
                List<String> next = new ArrayList<>(current);
                next.remove(tag);
                set.accept(next);
            });
            chips.getChildren().add(chip);
        }
        // Type to narrow the list: ControlsFX's searchable combo box filters by the shown name.
        ComboBox<Entry> add = new org.controlsfx.control.SearchableComboBox<>();
        add.setId(id);
        add.setPromptText("Add from the catalog (type to search)…");
        add.setMaxWidth(Double.MAX_VALUE);
        add.getItems().setAll(choices.stream().filter(e -> !current.contains(e.id())).toList());
        add.setConverter(new StringConverter<>() {
            public String toString(Entry e) {
                return e == null ? "" : e.name();
            }

            public Entry fromString(String s) {
                return null;
            }
        });
        add.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.name() + "\n" + e.summary());
                setWrapText(true);
                setPrefWidth(420);
            }
        });
        add.setOnAction(e -> {
            Entry picked = add.getValue();
            if (picked == null) return;
            List<String> next = new ArrayList<>(current);
            next.add(picked.id());
            set.accept(next);
        });
        return new VBox(4, chips, add);
    }

    /** A catalog entry to pick: its id, its name as the app shows it, and what it is. */
    record Entry(String id, String name, String summary) {
    }

    private List<Entry> steps() {
        List<Entry> out = new ArrayList<>();
        for (Technique t : author.catalog().techniques()) {
            for (Step s : t.steps()) if (!s.silent()) out.add(new Entry(s.id(), t.name() + ": " + s.name(), s.summary()));
        }
        return out;
    }

    private List<Entry> pitfalls() {
        List<Entry> out = new ArrayList<>();
        for (Pitfall p : author.catalog().pitfalls()) out.add(new Entry(p.id(), p.name(), p.whyItHurts()));
        return out;
    }

    // == helpers ==

    private void select(String id) {
        if (id != null) author.selectedNodeProperty().set(id);
    }

    private void confirmDelete(String id) {
        List<String> refs = vm.referencesTo(id);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, refs.isEmpty() ? "Nothing leads to it." : "These replies lead to it and will point"
                + " nowhere until you connect them again (the problems list shows each one): " + String.join(", ", refs) + ".",
                new ButtonType("Delete \"" + id + "\"", ButtonType.OK.getButtonData()), ButtonType.CANCEL);
        a.setHeaderText("Delete the node \"" + id + "\"?");
        if (getScene() != null) a.initOwner(getScene().getWindow());
        a.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> {
            author.selectedNodeProperty().set(null);
            vm.apply(Edits.removeNode(id));
        });
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : "";
    }

    /** A text that becomes one edit when it loses the focus, or on Ctrl+Enter, if it changed. */
    private static TextInputControl commit(TextInputControl t, String before, Consumer<String> set) {
        Runnable done = () -> {
            if (!t.getText().equals(before)) set.accept(t.getText());
        };
        t.focusedProperty().addListener((o, a, b) -> {
            if (!b) done.run();
        });
        t.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && e.isShortcutDown()) {
                done.run();
                e.consume();
            }
        });
        return t;
    }

    private static Node area(String value, String id, Consumer<String> set) {
        TextArea t = new TextArea(value);
        t.setId(id);
        t.setWrapText(true);
        t.setPrefRowCount(3);
        return commit(t, value, set);
    }

    private static Node field(String value, String id, Consumer<String> set) {
        TextField t = new TextField(value);
        t.setId(id);
        return commit(t, value, set);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

}
