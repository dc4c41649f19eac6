package org.rapport.ui.author;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.author.DialogueTemplate;
import org.rapport.author.DialogueWatcher;
import org.rapport.author.DialoguePath;
import org.rapport.author.Draft;
import org.rapport.author.GraphLayout;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.diag.Diagnostic;
import org.rapport.diag.Position;
import org.rapport.diag.SourceMap;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;
import org.rapport.model.Mood;
import org.rapport.model.Node;
import org.rapport.ui.AppContext;
import org.rapport.ui.UiExecutor;
import org.rapport.ui.conversation.ConversationViewModel;
import org.rapport.ui.debrief.DebriefViewModel;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The author view's state. It follows a dialogue file, or the dialogue files of a folder, on disk: every save is read
 * again (in the background) and shown within a second, keeping the selected node. A save with errors keeps the last
 * version that loaded on screen and lists the new errors. It also runs "play from here" in the side panel.
 */
public final class AuthorViewModel {
    /** What the play panel shows: nothing yet, a conversation, or its debrief. */
    public sealed interface PlayState permits Idle, Playing, Debriefing {
    }

    public record Idle() implements PlayState {
    }

    public record Playing(ConversationViewModel conversation) implements PlayState {
    }

    public record Debriefing(DebriefViewModel debrief) implements PlayState {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AppContext ctx;
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObjectProperty<Path> currentFile = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Draft> draft = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Diagnostic> selectedDiagnostic = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper location = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Open a dialogue file or a folder of them, or start a new dialogue.");
    private final ReadOnlyStringWrapper staleNotice = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObjectProperty<GraphLayout.Direction> direction = new SimpleObjectProperty<>(GraphLayout.Direction.LEFT_TO_RIGHT);
    private final ReadOnlyObjectWrapper<DialoguePath> highlightedPath = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty playMood = new SimpleIntegerProperty(0);
    private final ReadOnlyObjectWrapper<PlayState> play = new ReadOnlyObjectWrapper<>(new Idle());
    private final ReadOnlyObjectWrapper<Path> lastCreated = new ReadOnlyObjectWrapper<>();
    private DialogueWatcher watcher;
    private long generation;
    private boolean followFileList;

    public AuthorViewModel(AppContext ctx) {
        this.ctx = ctx;
        currentFile.addListener((o, a, b) -> {
            if (replacingFiles) return;
            if (b != null && !b.equals(a)) {
                selectedNode.set(null);
                selectedDiagnostic.set(null);
                highlightedPath.set(null);
                draft.set(null);
                diagnostics.clear();
                load(b);
            }
        });
        direction.addListener((o, a, b) -> relayout());
        selectedNode.addListener((o, a, b) -> {
            Diagnostic d = selectedDiagnostic.get();
            if (d == null || !Objects.equals(d.nodeId(), b)) {
                selectedDiagnostic.set(null);
                location.set(b == null ? "" : nodeLocation(b));
            }
        });
    }

    // == properties ==

    /** "Package for LMS…": its choices, its work and the line that says how it went. */
    public org.rapport.ui.lms.PackageViewModel packaging() {
        if (packaging == null) packaging = new org.rapport.ui.lms.PackageViewModel(ctx.catalog());
        return packaging;
    }

    private org.rapport.ui.lms.PackageViewModel packaging;

    /** What "Package for LMS…" packages: the dialogue file shown; nothing while there is none or it has errors. */
    public org.rapport.ui.lms.PackageDialog.Selection packageSelection() {
        Path file = currentFile.get();
        Dialogue d = dialogue();
        if (file == null || d == null) return null;
        return new org.rapport.ui.lms.PackageDialog.Selection(List.of(file), d.id());
    }

    /** "Import…": a scenario from Twine, H5P, ink or Yarn, saved as a draft in the author's folder and opened here. */
    public org.rapport.ui.importer.ImportViewModel importing() {
        if (importing == null) {
            importing = new org.rapport.ui.importer.ImportViewModel(ctx.catalog(), ctx.validator(), this::folder, this::openWithin);
        }
        return importing;
    }

    private org.rapport.ui.importer.ImportViewModel importing;

    /** The folder the author works in: the folder open, else the open file's, else {@code dialogues/} (null when there is none). */
    public Path folder() {
        Path t = target.get();
        if (t == null) t = Path.of("dialogues").toAbsolutePath();
        Path folder = Files.isDirectory(t) ? t : t.getParent();
        return folder != null && Files.isDirectory(folder) ? folder : null;
    }

    public Catalog catalog() {
        return ctx.catalog();
    }

    /** The file or folder opened. */
    public ReadOnlyObjectProperty<Path> targetProperty() {
        return target;
    }

    /** The dialogue files being followed: the one file opened, or the folder's. */
    public ObservableList<Path> files() {
        return files;
    }

    /** The file on screen; setting it shows another file of the folder. */
    public ObjectProperty<Path> currentFileProperty() {
        return currentFile;
    }

    /** The latest reading of the current file (null until it has been read). */
    public ReadOnlyObjectProperty<Draft> draftProperty() {
        return draft.getReadOnlyProperty();
    }

    /** The diagnostics of the file as it is now, with the path report's warnings. */
    public ObservableList<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    public ReadOnlyObjectProperty<Diagnostic> selectedDiagnosticProperty() {
        return selectedDiagnostic.getReadOnlyProperty();
    }

    /** Where the selection is: {@code FILE:LINE:COLUMN} of the chosen diagnostic or node. */
    public ReadOnlyStringProperty locationProperty() {
        return location.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Set while the graph shows an older version because the file now has errors; says so in words. */
    public ReadOnlyStringProperty staleNoticeProperty() {
        return staleNotice.getReadOnlyProperty();
    }

    /**
     * Something the author asked for that did not work (a new file that already exists, a folder that cannot be
     * read). Unlike the status, a reload does not replace it; it stays until dismissed.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public void dismissNotice() {
        notice.set(null);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ObjectProperty<GraphLayout.Direction> directionProperty() {
        return direction;
    }

    /** A path of the path report drawn over the graph, or null. */
    public ReadOnlyObjectProperty<DialoguePath> highlightedPathProperty() {
        return highlightedPath.getReadOnlyProperty();
    }

    /** The customer's mood to start "play from here" with. */
    public IntegerProperty playMoodProperty() {
        return playMood;
    }

    public ReadOnlyObjectProperty<PlayState> playProperty() {
        return play.getReadOnlyProperty();
    }

    /** The dialogue on screen, or null. */
    public Dialogue dialogue() {
        Draft d = draft.get();
        return d == null ? null : d.dialogue();
    }

    /** The node on screen with this id, or null. */
    public Node node(String id) {
        Dialogue d = dialogue();
        return d == null || id == null ? null : d.node(id);
    }

    /** The diagnostics about one node. */
    public List<Diagnostic> diagnosticsOf(String nodeId) {
        return diagnostics.stream().filter(d -> Objects.equals(d.nodeId(), nodeId)).toList();
    }

    // == opening and following files ==

    /**
     * Opens a dialogue file, or a folder of them (showing its first file), and follows it: every save is read again.
     * Opening something else stops following the previous one.
     */
    public void open(Path fileOrFolder) {
        Path abs = fileOrFolder.toAbsolutePath().normalize();
        stopWatching();
        target.set(abs);
        followFileList = Files.isDirectory(abs);
        List<Path> list;
        try {
            list = followFileList ? DialogueLibrary.dialogueFiles(abs) : List.of(abs);
        } catch (IOException e) {
            notice.set("Cannot read the folder " + abs + ": " + e.getMessage());
            return;
        }
        files.setAll(list);
        try {
            watcher = DialogueWatcher.start(abs, DialogueWatcher.DEFAULT_QUIET, changed -> UiExecutor.onFx(() -> onChanged(changed)));
        } catch (IOException e) {
            notice.set("Cannot follow " + abs + " for changes (" + e.getMessage() + "); use Reload after saving.");
        }
        if (list.isEmpty()) {
            currentFile.set(null);
            draft.set(null);
            diagnostics.clear();
            status.set("No dialogue files in " + abs + " yet. Start one with New dialogue.");
        } else if (list.get(0).equals(currentFile.get())) {
            load(list.get(0));
        } else {
            currentFile.set(list.get(0));
        }
    }

    /** Reads the current file again now (when following is not possible, or to be sure). */
    public void reload() {
        if (currentFile.get() != null) load(currentFile.get());
    }

    /** Stops following files on disk. */
    public void close() {
        stopWatching();
    }

    private void stopWatching() {
        if (watcher != null) {
            watcher.close();
            watcher = null;
        }
    }

    private boolean replacingFiles;

    /**
     * Shows another list of the folder's files and keeps the file on screen. The file list's combo box clears its
     * value when its items are replaced, which would leave no current file (a draft saved into the folder was then
     * no longer followed); the file on screen is put back without reading it again.
     */
    private void setFiles(List<Path> now) {
        if (files.equals(now)) return;
        Path keep = currentFile.get();
        replacingFiles = true;
        try {
            files.setAll(now);
            if (keep != null && now.contains(keep)) currentFile.set(keep);
        } finally {
            replacingFiles = false;
        }
    }

    private void onChanged(Set<Path> changed) {
        Path current = currentFile.get();
        if (followFileList && target.get() != null) {
            try {
                List<Path> now = DialogueLibrary.dialogueFiles(target.get());
                List<Path> appeared = new ArrayList<>(now);
                appeared.removeAll(files);
                setFiles(now);
                if (current != null && !Files.exists(current) && appeared.size() == 1) {
                    // Renamed: follow the file to its new name.
                    currentFile.set(appeared.get(0));
                    return;
                }
                if (current == null && !now.isEmpty()) {
                    currentFile.set(now.get(0));
                    return;
                }
            } catch (IOException e) {
                status.set("Cannot read the folder " + target.get() + ": " + e.getMessage());
            }
        }
        if (current != null && changed.contains(current)) {
            // With unsaved edits in the view, the file's new text is not loaded over them: the editor asks the author.
            if (editor != null && editor.dirtyProperty().get()) editor.fileChangedOnDisk();
            else load(current);
        }
    }

    private EditorViewModel editor;

    /** The editor that edits this view's current file (created with the view). */
    public EditorViewModel editor() {
        if (editor == null) editor = new EditorViewModel(this);
        return editor;
    }

    /** Shows text edited in the view and not yet saved, validated and drawn as if the file had been saved. */
    void showEdited(String text) {
        Path file = currentFile.get();
        if (file == null) return;
        long mine = ++generation;
        Draft previous = draft.get();
        GraphLayout.Options options = GraphLayout.Options.DEFAULT.withDirection(direction.get());
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        UiExecutor.background(() -> Draft.edited(ctx.validator(), ctx.catalog(), file, bytes, previous, options), d -> {
            if (mine == generation) apply(d);
        }, e -> status.set("Could not check the edit: " + e));
    }

    private void load(Path file) {
        long mine = ++generation;
        Draft previous = draft.get();
        GraphLayout.Options options = GraphLayout.Options.DEFAULT.withDirection(direction.get());
        loading.set(true);
        UiExecutor.background(() -> Draft.load(ctx.validator(), ctx.catalog(), file, previous, options), d -> {
            if (mine == generation) apply(d);
        }, e -> {
            if (mine != generation) return;
            loading.set(false);
            status.set("Could not read " + file + ": " + e);
        });
    }

    private void relayout() {
        Draft d = draft.get();
        if (d == null || d.layout() == null || d.layout().direction() == direction.get()) return;
        GraphLayout.Options options = GraphLayout.Options.DEFAULT.withDirection(direction.get());
        UiExecutor.background(() -> d.relaid(options), r -> {
            // A save read meanwhile wins; it is laid out again when it arrives.
            if (draft.get() == d) draft.set(r);
        }, e -> status.set("Could not lay the graph out: " + e));
    }

    void apply(Draft d) {
        loading.set(false);
        if (d.layout() != null && d.layout().direction() != direction.get()) {
            // The direction changed while the file was being read.
            d = d.relaid(GraphLayout.Options.DEFAULT.withDirection(direction.get()));
        }
        String keep = selectedNode.get();
        Diagnostic keepDiagnostic = selectedDiagnostic.get();
        draft.set(d);
        diagnostics.setAll(d.diagnostics());
        if (keep != null && (d.dialogue() == null || !d.dialogue().nodes().containsKey(keep))) {
            selectedNode.set(null);
        } else if (keep != null) {
            location.set(nodeLocation(keep));
        }
        if (keepDiagnostic != null) {
            // The same problem after the save (its line may have moved): keep it chosen.
            diagnostics.stream().filter(x -> x.code().equals(keepDiagnostic.code()) && Objects.equals(x.nodeId(), keepDiagnostic.nodeId()))
                    .findFirst().ifPresentOrElse(this::selectDiagnostic, () -> selectedDiagnostic.set(null));
        }
        DialoguePath p = highlightedPath.get();
        if (p != null && (d.paths() == null || d.stale())) highlightedPath.set(null);
        String time = LocalTime.ofInstant(d.readAt(), ZoneId.systemDefault()).format(CLOCK);
        String name = d.file().getFileName().toString();
        long errors = d.errors();
        long warnings = d.warnings();
        String counts = errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
        if (d.stale()) {
            String shownTime = LocalTime.ofInstant(d.shownAt(), ZoneId.systemDefault()).format(CLOCK);
            staleNotice.set(name + " was saved with " + (errors == 1 ? "an error" : errors + " errors")
                    + " at " + time + ". The graph shows the last version that loaded (read at " + shownTime
                    + "); fix the errors below and save again.");
        } else {
            staleNotice.set(null);
        }
        status.set(name + " read at " + time + ": " + counts + (d.dialogue() == null ? "; nothing could be drawn." : "."));
    }

    // == selection ==

    /** Chooses a diagnostic: selects its node (when it is about one) and shows where it is in the file. */
    public void selectDiagnostic(Diagnostic d) {
        selectedDiagnostic.set(d);
        if (d == null) return;
        location.set(d.file() + ":" + d.line() + ":" + d.column());
        if (d.nodeId() != null && node(d.nodeId()) != null) selectedNode.set(d.nodeId());
    }

    /** {@code FILE:LINE:COLUMN} of a node in the version on screen. */
    String nodeLocation(String nodeId) {
        Draft d = draft.get();
        if (d == null || node(nodeId) == null) return "";
        Validated v = d.shown();
        Position p = v.read().sourceMap().find(SourceMap.path("nodes", nodeId));
        return v.file() + ":" + p.line() + ":" + p.column();
    }

    /** Draws a path of the report over the graph and selects where it starts; null clears it. */
    public void highlight(DialoguePath p) {
        highlightedPath.set(p);
        if (p != null && !p.steps().isEmpty()) selectedNode.set(p.steps().get(0).nodeId());
    }

    // == play from here ==

    /** Plays from the selected node (or the start) with the chosen starting mood, in the side panel. */
    public void playFromHere() {
        Dialogue d = dialogue();
        Draft dr = draft.get();
        if (d == null || dr == null || !dr.shown().playable()) {
            status.set("The dialogue has errors, so it cannot be played yet. Fix them and save.");
            return;
        }
        String from = selectedNode.get() != null && d.nodes().containsKey(selectedNode.get()) ? selectedNode.get() : d.start();
        play(d, Playthrough.startAt(d, from, Mood.clamp(playMood.get()), ThreadLocalRandom.current().nextLong()), Mode.PRACTICE, null);
    }

    /** The mood a customer usually has when reaching a node: the start's for the start, else the best path's there. */
    public int suggestedMood(String nodeId) {
        Dialogue d = dialogue();
        if (d == null) return 0;
        Draft dr = draft.get();
        if (nodeId != null && dr != null && dr.paths() != null && dr.paths().best() != null) {
            for (var s : dr.paths().best().steps()) if (s.nodeId().equals(nodeId)) return s.moodBefore();
        }
        return d.customer().mood();
    }

    void play(Dialogue d, Playthrough p, Mode mode, Debrief compareWith) {
        ConversationViewModel vm = new ConversationViewModel(d, p, mode, ctx.catalog(), compareWith, System::nanoTime);
        vm.withoutBrief(); // the author plays to check the replies; the pre-brief is in the guide
        play.set(new Playing(vm));
    }

    void debrief(Dialogue d, Transcript t, Mode mode, Debrief compareWith, org.rapport.ui.Navigator panel) {
        play.set(new Debriefing(new DebriefViewModel(d, t, mode, ctx.catalog(), compareWith, panel)));
    }

    /** Closes the play panel's conversation or debrief. */
    public void stopPlaying() {
        play.set(new Idle());
    }

    // == new dialogue ==

    /**
     * Writes a new dialogue from the template to {@code file} (never over an existing file) and opens it: within the
     * folder already open when it is there, else on its own.
     */
    public void createNew(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String id = DialogueTemplate.idFromFileName(abs);
        UiExecutor.background(() -> DialogueTemplate.write(abs, id, DialogueTemplate.titleFromId(id)), schema -> {
            lastCreated.set(abs);
            notice.set(null);
            openWithin(abs);
        }, e -> notice.set(e instanceof FileAlreadyExistsException
                ? abs.getFileName() + " already exists; a new dialogue never replaces a file. Choose another name."
                : "Could not create " + abs + ": " + e.getMessage()));
    }

    /**
     * Shows a file just written (a new dialogue, an imported draft): within the folder already open when it is there,
     * else opens it on its own, as "Open file…" does.
     */
    public void openWithin(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path t = target.get();
        if (t != null && Files.isDirectory(t) && t.equals(abs.getParent())) {
            if (!files.contains(abs)) {
                List<Path> now = new ArrayList<>(files);
                now.add(abs);
                now.sort(java.util.Comparator.comparing(x -> x.getFileName().toString()));
                setFiles(now);
            }
            if (abs.equals(currentFile.get())) load(abs);
            else currentFile.set(abs);
        } else {
            open(abs);
        }
    }

    /** The last file created with {@link #createNew}. */
    public ReadOnlyObjectProperty<Path> lastCreatedProperty() {
        return lastCreated.getReadOnlyProperty();
    }

    /** How long the watcher waits for a save to finish before reading it. */
    public static Duration quietTime() {
        return DialogueWatcher.DEFAULT_QUIET;
    }
}
