package org.rapport.ui;

import atlantafx.base.theme.PrimerDark;
import java.util.List;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.ui.conversation.ConversationView;
import org.rapport.ui.conversation.ConversationViewModel;
import org.rapport.ui.debrief.DebriefView;
import org.rapport.ui.debrief.DebriefViewModel;
import org.rapport.ui.library.LibraryView;
import org.rapport.ui.library.LibraryViewModel;
import org.rapport.ui.techniques.TechniquesView;
import org.rapport.ui.techniques.TechniquesViewModel;

/**
 * The window's frame: the app bar (navigation, theme, text size) and the current screen. It is the Navigator, so
 * screens never build each other. Ctrl+plus / Ctrl+minus / Ctrl+0 scale all text, and the layout with it.
 */
public final class AppShell extends BorderPane implements Navigator {
    public static final double BASE_FONT = 14;
    private static final String STYLESHEET = AppShell.class.getResource("/org/rapport/ui/rapport.css").toExternalForm();

    private final AppContext ctx;
    private final LibraryViewModel libraryVm;
    private final LibraryView libraryView;
    private final javafx.beans.property.ReadOnlyStringWrapper title = new javafx.beans.property.ReadOnlyStringWrapper("Rapport");
    private double fontSize = BASE_FONT;
    private final Button themeButton = new Button("Dark", new FontIcon("mdi2t-theme-light-dark"));
    private boolean dark;

    private final Label noticeText = new Label();
    private final HBox noticeRow = new HBox(10);

    public AppShell(AppContext ctx) {
        this.ctx = ctx;
        applyTheme(false);
        getStylesheets().add(STYLESHEET);
        this.libraryVm = new LibraryViewModel(ctx);
        this.libraryView = new LibraryView(libraryVm, this);
        setTop(new javafx.scene.layout.VBox(createAppBar(), createNotice()));
        setCenter(libraryView);
        applyFont();
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) return;
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                scaleFont(1);
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                scaleFont(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
                fontSize = BASE_FONT;
                applyFont();
                e.consume();
            }
        });
    }

    /** Starts loading the library (in the background), then asks who is practising. */
    public void start() {
        libraryVm.load();
        ctx.storeProblem().ifPresent(this::notice);
        ctx.store().ifPresent(store -> {
            try {
                var trainees = store.trainees();
                if (trainees.size() == 1) {
                    selectTrainee(trainees.get(0));
                } else {
                    showProfiles();
                }
            } catch (org.rapport.store.StoreException e) {
                notice(e.getMessage() + " Progress is not being saved.");
            }
        });
    }

    private Node createNotice() {
        noticeText.setWrapText(true);
        noticeText.setGraphic(new FontIcon("mdi2i-information-outline"));
        noticeText.setId("notice");
        Button dismiss = new Button("OK");
        dismiss.setOnAction(e -> noticeRow.setVisible(false));
        noticeRow.getChildren().addAll(noticeText, dismiss);
        noticeRow.getStyleClass().add("notice-row");
        noticeRow.setVisible(false);
        noticeRow.managedProperty().bind(noticeRow.visibleProperty());
        return noticeRow;
    }

    /** Tells the trainee something once, in a bar under the app bar. */
    public void notice(String message) {
        noticeText.setText(message);
        noticeRow.setVisible(true);
    }

    // == trainees ==

    public void showProfiles() {
        ctx.store().ifPresent(store -> {
            title.set("Rapport · Who is practising?");
            setCenter(new org.rapport.ui.profiles.ProfilesView(new org.rapport.ui.profiles.ProfilesViewModel(ctx, store, this::selectTrainee)));
        });
    }

    /** Makes {@code t} the trainee, applies their settings, and offers to resume an unfinished conversation. */
    public void selectTrainee(org.rapport.store.Trainee t) {
        var store = ctx.store().orElseThrow();
        ctx.traineeProperty().set(t);
        ctx.bestPercent().clear();
        ctx.bestPercent().putAll(store.bestPercent(t.id()));
        ctx.modeProperty().set(Mode.ofKey(t.defaultMode()));
        dark = "dark".equals(t.theme());
        applyTheme(dark);
        markTheme(this);
        themeButton.setText(dark ? "Light" : "Dark");
        fontSize = t.fontSize();
        applyFont();
        libraryVm.refreshSuggestion();
        showLibrary();
        store.unfinished(t.id()).ifPresent(this::offerResume);
    }

    private void offerResume(org.rapport.store.AttemptSummary open) {
        var store = ctx.store().orElseThrow();
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "You stopped in the middle of \"" + open.dialogueTitle() + "\" after " + open.decisions()
                        + (open.decisions() == 1 ? " reply" : " replies") + ". Every reply you gave was saved.",
                new javafx.scene.control.ButtonType("Resume where I left off", javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                new javafx.scene.control.ButtonType("Discard it", javafx.scene.control.ButtonBar.ButtonData.NO),
                new javafx.scene.control.ButtonType("Later", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setTitle("Resume your conversation?");
        a.setHeaderText("Resume your conversation with the customer?");
        if (getScene() != null) a.initOwner(getScene().getWindow());
        a.showAndWait().ifPresent(b -> {
            if (b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE) {
                resume(open);
            } else if (b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.NO) {
                store.abandon(open.id());
            }
        });
    }

    /** Continues an unfinished attempt exactly where it stopped, on the dialogue as it was then. */
    public void resume(org.rapport.store.AttemptSummary open) {
        var store = ctx.store().orElseThrow();
        var stored = store.load(open.id());
        Dialogue d = stored.dialogue();
        Playthrough p = Playthrough.replay(d, stored.fullTranscript(d), stored.transcript().decisions().size());
        Mode mode = Mode.ofKey(open.mode());
        ConversationViewModel vm = new ConversationViewModel(d, p, mode, ctx.catalog(), null, System::nanoTime);
        vm.record(outboxed(new org.rapport.store.AttemptRecorder(store, open.traineeId(), d, stored.dialogueBytes(), open.contentHash(), mode,
                p.transcript(), open.id(), stored.transcript().decisions().size())));
        showConversation(vm);
    }

    /** The drill in progress: its decisions and which one is being answered. */
    private List<org.rapport.store.Drills.Item> drillItems = List.of();
    private int drillAt;

    /** Ten decisions for the trainee's weakest steps, by spaced repetition; each reply is saved and moves the schedule. */
    @Override
    public void drill() {
        var t = ctx.traineeProperty().get();
        if (ctx.store().isEmpty() || t == null) {
            notice(ctx.store().isEmpty() ? "Progress is not being saved, so there is nothing to drill from." : "Choose who is practising first.");
            return;
        }
        drillItems = org.rapport.store.Drills.forTrainee(ctx.store().get(), t.id(), libraryVm.playable(), ctx.catalog(), System.currentTimeMillis(),
                DRILL_SIZE, java.util.concurrent.ThreadLocalRandom.current().nextLong());
        if (drillItems.isEmpty()) {
            notice("There is nothing to drill yet: the library has no playable dialogue.");
            return;
        }
        drillAt = 0;
        playDrillItem();
    }

    static final int DRILL_SIZE = 10;

    private void playDrillItem() {
        var item = drillItems.get(drillAt);
        Dialogue d = item.dialogue();
        var t = ctx.traineeProperty().get();
        var store = ctx.store().orElseThrow();
        Playthrough p = Playthrough.startAt(d, item.nodeId(), d.customer().mood(), java.util.concurrent.ThreadLocalRandom.current().nextLong());
        ConversationViewModel vm = new ConversationViewModel(d, p, Mode.DRILL, ctx.catalog(), null, System::nanoTime);
        int number = drillAt + 1;
        vm.drill(new ConversationViewModel.Drill(number, drillItems.size(), () -> {
            if (number < drillItems.size()) {
                drillAt = number;
                playDrillItem();
            } else {
                drillItems = List.of();
                showProgress();
            }
        }, r -> {
            try {
                org.rapport.store.Drills.answered(store, t.id(), item, r.choice().grade(), System.currentTimeMillis());
            } catch (org.rapport.store.StoreException e) {
                notice("The drill's schedule could not be saved: " + e.getMessage() + " Your reply itself is kept.");
            }
        }));
        var file = ctx.libraryFiles().get(d.id());
        if (file != null) {
            try {
                byte[] bytes = java.nio.file.Files.readAllBytes(file.path());
                if (org.rapport.format.DialogueReader.sha256(bytes).equals(file.contentHash())) {
                    vm.record(outboxed(new org.rapport.store.AttemptRecorder(store, t.id(), d, bytes, file.contentHash(), Mode.DRILL,
                            new org.rapport.engine.Transcript(d.id(), item.nodeId(), p.transcript().startMood(), p.transcript().seed(), List.of(), null),
                            null, 0)));
                } else {
                    notice("\"" + d.title() + "\" changed on disk since the library was loaded, so this drill answer is not saved. Reopen the library to save it.");
                }
            } catch (java.io.IOException e) {
                notice("\"" + d.title() + "\" could not be read again to save this drill answer: " + e.getMessage());
            }
        }
        showConversation(vm);
    }

    public void showProgress() {
        var t = ctx.traineeProperty().get();
        if (ctx.store().isEmpty() || t == null) {
            notice(ctx.store().isEmpty() ? "Progress is not being saved, so there is none to show." : "Choose who is practising first.");
            if (ctx.store().isPresent()) showProfiles();
            return;
        }
        title.set("Rapport · Progress");
        var vm = new org.rapport.ui.progress.ProgressViewModel(ctx.store().get(), t, ctx.catalog(), libraryVm::playable);
        setCenter(new org.rapport.ui.progress.ProgressView(vm,
                o -> showDebrief(o.dialogue(), o.transcript(), o.mode(), o.compareWith()),
                d -> play(d, Playthrough.start(d, java.util.concurrent.ThreadLocalRandom.current().nextLong()), ctx.modeProperty().get(), null))
                .withDrill(this::drill));
    }

    private void saveSettings() {
        var t = ctx.traineeProperty().get();
        if (t == null || ctx.store().isEmpty()) return;
        var updated = new org.rapport.store.Trainee(t.id(), t.name(), t.created(), dark ? "dark" : "light", fontSize,
                ctx.modeProperty().get().key());
        try {
            ctx.store().get().saveSettings(updated);
            ctx.traineeProperty().set(updated);
        } catch (org.rapport.store.StoreException e) {
            notice(e.getMessage());
        }
    }

    /** The window title: says which screen is open, e.g. "Rapport · Debrief: ...". */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public LibraryViewModel libraryViewModel() {
        return libraryVm;
    }

    private Node createAppBar() {
        Label title = new Label("Rapport", new FontIcon("mdi2c-comment-multiple-outline"));
        title.getStyleClass().add("app-title");
        Button library = new Button("Library", new FontIcon("mdi2b-bookshelf"));
        library.setId("nav-library");
        library.setOnAction(e -> showLibrary());
        Button techniques = new Button("Techniques", new FontIcon("mdi2b-book-open-variant"));
        techniques.setId("nav-techniques");
        techniques.setOnAction(e -> showTechniques(null));
        Button progress = new Button("Progress", new FontIcon("mdi2c-chart-line"));
        progress.setId("nav-progress");
        progress.setOnAction(e -> showProgress());
        Button who = new Button("", new FontIcon("mdi2a-account-circle-outline"));
        who.setId("nav-trainee");
        who.textProperty().bind(ctx.traineeProperty().map(t -> t.name()).orElse("Who is practising?"));
        who.setOnAction(e -> showProfiles());
        who.setVisible(ctx.store().isPresent());
        who.setManaged(ctx.store().isPresent());
        Button author = new Button("Author", new FontIcon("mdi2f-file-tree-outline"));
        author.setId("nav-author");
        author.setAccessibleText("Author view: the dialogue files as graphs, with every problem found as you save");
        author.setOnAction(e -> showAuthor());
        Button present = new Button("Present", new FontIcon("mdi2p-projector-screen-outline"));
        present.setId("nav-present");
        present.setAccessibleText("Presenter mode: run a conversation with the whole room on a projector");
        present.setOnAction(e -> showPresenter());
        Button classroom = new Button("Classes", new FontIcon("mdi2a-account-group-outline"));
        classroom.setId("nav-classes");
        classroom.setOnAction(e -> showClassroom());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button smaller = new Button("A−");
        smaller.setAccessibleText("Smaller text (Ctrl+minus)");
        smaller.setOnAction(e -> scaleFont(-1));
        Button bigger = new Button("A+");
        bigger.setAccessibleText("Larger text (Ctrl+plus)");
        bigger.setOnAction(e -> scaleFont(1));
        Button theme = themeButton;
        theme.setId("toggle-theme");
        theme.setOnAction(e -> {
            dark = !dark;
            applyTheme(dark);
            markTheme(this);
        markTheme(this);
            theme.setText(dark ? "Light" : "Dark");
            saveSettings();
        });
        ctx.modeProperty().addListener((o, a, b) -> saveSettings());
        // A first run shows only what can be done before anyone is practising: say who you are, read the techniques.
        var nobodyYet = ctx.traineeProperty().isNull().and(javafx.beans.binding.Bindings.createBooleanBinding(() -> ctx.store().isPresent()));
        for (Button b : java.util.List.of(library, progress, author, present, classroom)) {
            boolean shown = b != progress || ctx.store().isPresent();
            b.visibleProperty().bind(nobodyYet.not().and(javafx.beans.binding.Bindings.createBooleanBinding(() -> shown)));
            b.managedProperty().bind(b.visibleProperty());
        }
        HBox bar = new HBox(title, library, techniques, progress, author, present, classroom, spacer, who, smaller, bigger, theme);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    private static boolean darkNow;

    /**
     * Switches AtlantaFX's light or dark palette for every window, and marks each window's root with the style class
     * "dark", where rapport.css adjusts the few tokens the dark palette would leave below WCAG AA (ContrastTest).
     */
    public static void applyTheme(boolean dark) {
        darkNow = dark;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() != null) markTheme(w.getScene().getRoot());
        }
    }

    /** Gives a new window's root the current theme's style class (see {@link #applyTheme}). */
    /** Gives a dialog the app's style sheet and current theme, as its own window does not inherit the shell's. */
    public static void styleDialog(javafx.scene.control.DialogPane pane) {
        if (!pane.getStylesheets().contains(STYLESHEET)) pane.getStylesheets().add(STYLESHEET);
        markTheme(pane);
    }

    public static void markTheme(javafx.scene.Parent root) {
        root.getStyleClass().remove("dark");
        if (darkNow) root.getStyleClass().add("dark");
    }

    private void scaleFont(int direction) {
        fontSize = Math.max(10, Math.min(36, fontSize + direction * 2));
        applyFont();
        saveSettings();
    }

    private void applyFont() {
        // A size, not a colour: the one inline style, so that every em in the theme scales with it.
        setStyle("-fx-font-size: " + fontSize + "px;");
    }

    public double fontSize() {
        return fontSize;
    }

    // == authoring and classroom ==

    private org.rapport.ui.author.AuthorViewModel authorVm;
    private org.rapport.ui.author.AuthorView authorView;

    /** The author view on the library folder; it follows the files on disk while it is open. */
    public void showAuthor() {
        if (authorVm == null) {
            authorVm = new org.rapport.ui.author.AuthorViewModel(ctx);
            authorView = new org.rapport.ui.author.AuthorView(authorVm, this);
            if (!ctx.libraryPaths().isEmpty()) authorVm.open(ctx.libraryPaths().get(0));
        }
        title.set("Rapport · Author");
        setCenter(authorView);
    }

    public void showPresenter() {
        title.set("Rapport · Presenter");
        setCenter(new org.rapport.ui.presenter.PresenterView(ctx, ctx.dataDir()));
    }

    public void showClassroom() {
        title.set("Rapport · Classes");
        setCenter(new org.rapport.ui.classroom.ClassroomView(ctx, ctx.dataDir()));
    }

    /** Stops what runs in the background (the author view's file watcher) when the window closes. */
    public void shutdown() {
        if (authorVm != null) authorVm.close();
        setCenter(null);
        ctx.serverSync().ifPresent(org.rapport.store.ServerSync::close);
        ctx.store().ifPresent(org.rapport.store.Store::close);
    }

    /**
     * Before the window closes: with replies not yet on the department's server, one last try, then the trainee is told
     * that they stay on this laptop and go at the next start, and may keep Rapport open instead. True to close.
     */
    public boolean confirmClose() {
        if (authorVm != null && authorVm.editor().dirtyProperty().get()) {
            javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save and close", javafx.scene.control.ButtonBar.ButtonData.YES);
            javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Close without saving", javafx.scene.control.ButtonBar.ButtonData.NO);
            javafx.scene.control.ButtonType stay = new javafx.scene.control.ButtonType("Keep editing", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
            javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                    "The dialogue open in the author view has changes that are not saved to its file.", save, discard, stay);
            a.setTitle("Unsaved changes");
            a.setHeaderText("Save your changes to the dialogue?");
            if (getScene() != null) a.initOwner(getScene().getWindow());
            var choice = a.showAndWait().orElse(stay);
            if (choice == stay) return false;
            if (choice == save && !authorVm.editor().save()) return false;
        }
        var sync = ctx.serverSync().orElse(null);
        if (sync == null || sync.status().waiting() == 0) return true;
        int waiting = sync.sendNow().waiting();
        if (waiting == 0) return true;
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                waiting + (waiting == 1 ? " reply is" : " replies are") + " saved on this laptop but not yet on the department's server,"
                        + " which cannot be reached right now. " + (waiting == 1 ? "It stays" : "They stay") + " here and will be sent the"
                        + " next time Rapport starts with the server.",
                new javafx.scene.control.ButtonType("Close Rapport", javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                new javafx.scene.control.ButtonType("Keep it open", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        a.setTitle("Replies not yet sent");
        a.setHeaderText("Not everything is on the department's server yet");
        if (getScene() != null) a.initOwner(getScene().getWindow());
        return a.showAndWait().map(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.OK_DONE).orElse(false);
    }

    /** With a department's server, every local save nudges the outbox to send it on. */
    private org.rapport.store.AttemptRecorder outboxed(org.rapport.store.AttemptRecorder rec) {
        ctx.serverSync().ifPresent(sync -> rec.afterSave(sync::nudge));
        return rec;
    }

    // == Navigator ==

    @Override
    public void showLibrary() {
        title.set(ctx.traineeProperty().get() == null ? "Rapport" : "Rapport · " + ctx.traineeProperty().get().name());
        setCenter(libraryView);
    }

    @Override
    public void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith) {
        ConversationViewModel vm = new ConversationViewModel(dialogue, playthrough, mode, ctx.catalog(), compareWith, System::nanoTime);
        recorderFor(dialogue, playthrough, mode).ifPresent(vm::record);
        showConversation(vm);
    }

    private void showConversation(ConversationViewModel vm) {
        if (ctx.serverSync().isPresent()) vm.serverStatusProperty().bind(ctx.serverStatusProperty());
        ConversationView view = new ConversationView(vm, this);
        title.set("Rapport · " + vm.dialogue().title());
        setCenter(view);
        view.requestFocus();
    }

    /**
     * A recorder when this play counts as the trainee's attempt: a trainee is chosen, the store is open, the dialogue
     * comes from the library unchanged since it loaded, and play starts at the dialogue's start (an author's "play from
     * here" is not an attempt).
     */
    private java.util.Optional<org.rapport.store.AttemptRecorder> recorderFor(Dialogue d, Playthrough p, Mode mode) {
        var t = ctx.traineeProperty().get();
        var file = ctx.libraryFiles().get(d.id());
        if (ctx.store().isEmpty() || t == null || file == null || !p.transcript().startNode().equals(d.start())) return java.util.Optional.empty();
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(file.path());
            if (!org.rapport.format.DialogueReader.sha256(bytes).equals(file.contentHash())) {
                notice("\"" + d.title() + "\" changed on disk since the library was loaded, so this attempt is not saved. Reopen the library to save it.");
                return java.util.Optional.empty();
            }
            var rec = new org.rapport.store.AttemptRecorder(ctx.store().get(), t.id(), d, bytes, file.contentHash(), mode,
                    new org.rapport.engine.Transcript(d.id(), d.start(), p.transcript().startMood(), p.transcript().seed(), java.util.List.of(), null),
                    null, 0);
            // A replay ("try another reply from here") starts with the earlier replies: they belong to this attempt too.
            outboxed(rec);
            p.transcript().decisions().forEach(rec::decision);
            return java.util.Optional.of(rec);
        } catch (java.io.IOException e) {
            notice("\"" + d.title() + "\" could not be read again to save this attempt: " + e.getMessage());
            return java.util.Optional.empty();
        }
    }

    @Override
    public void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith) {
        DebriefViewModel vm = new DebriefViewModel(dialogue, transcript, mode, ctx.catalog(), compareWith, this);
        ctx.recordResult(dialogue.id(), vm.debrief().percent());
        libraryVm.refreshSuggestion();
        title.set("Rapport · Debrief: " + dialogue.title());
        setCenter(new DebriefView(vm));
    }

    @Override
    public String traineeName() {
        var t = ctx.traineeProperty().get();
        return t == null ? null : t.name();
    }

    @Override
    public void showTechniques(String id) {
        title.set("Rapport · Techniques");
        setCenter(new TechniquesView(new TechniquesViewModel(ctx.catalog(), id)));
    }
}
