package org.rapport.ui.author;

import com.google.gson.JsonObject;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.rapport.author.edit.DialogueDocument;
import org.rapport.author.edit.Edit;
import org.rapport.author.edit.Edits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Editing the author view's current file in place: one {@link DialogueDocument} per file, its edits triggered by the
 * inspector, undo and redo, saving in the canonical form, and what happens when the file changes on disk meanwhile.
 * After every change the view shows the edited text validated and drawn, as if it had been saved.
 */
public final class EditorViewModel {
    private final AuthorViewModel author;
    private final ReadOnlyObjectWrapper<DialogueDocument> doc = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper();
    /** Bumped after every change, so views redraw what they show of the document. */
    private final javafx.beans.property.ReadOnlyIntegerWrapper version = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private Path file;
    /** Documents opened in this view, by file: switching files keeps unsaved edits, and switching back finds them. */
    private final java.util.Map<Path, DialogueDocument> opened = new java.util.HashMap<>();

    EditorViewModel(AuthorViewModel author) {
        this.author = author;
        author.currentFileProperty().addListener((o, a, b) -> open(b));
        open(author.currentFileProperty().get());
    }

    /** Opens {@code f} for editing (unsaved edits of another file are given up; the view asks before switching). */
    private void open(Path f) {
        file = f;
        conflict.set(false);
        if (f == null) {
            doc.set(null);
            refresh();
            return;
        }
        DialogueDocument kept = opened.get(f);
        if (kept != null && kept.dirty()) {
            doc.set(kept);
            message.set(f.getFileName() + " has unsaved changes from before; they are shown here. Save them, or take the file's.");
            refresh();
            author.showEdited(kept.text());
            return;
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            boolean empty = text.isBlank();
            DialogueDocument d = empty ? DialogueDocument.blank(org.rapport.author.DialogueTemplate.idFromFileName(f)) : DialogueDocument.parse(text);
            opened.put(f, d);
            doc.set(d);
            message.set(empty ? f.getFileName() + " is empty: fill in the dialogue's details below, then add its decisions and endings." : null);
            if (empty) author.showEdited(d.text());
        } catch (IOException | IllegalArgumentException e) {
            doc.set(null);
            message.set(f.getFileName() + " can't be edited here: " + e.getMessage());
        }
        refresh();
    }

    private void refresh() {
        DialogueDocument d = doc.get();
        dirty.set(d != null && d.dirty());
        undoLabel.set(d == null ? null : d.undoLabel().map(s -> "Undo: " + s).orElse(null));
        redoLabel.set(d == null ? null : d.redoLabel().map(s -> "Redo: " + s).orElse(null));
        version.set(version.get() + 1);
    }

    public ReadOnlyObjectProperty<DialogueDocument> documentProperty() {
        return doc.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoLabelProperty() {
        return redoLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True when the file changed on disk while there were unsaved edits here: the author chooses. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** A copy of the node as it is in the document now, or empty. */
    public Optional<JsonObject> node(String id) {
        DialogueDocument d = doc.get();
        if (d == null || id == null || !d.nodes().has(id) || !d.nodes().get(id).isJsonObject()) return Optional.empty();
        return Optional.of(d.nodes().getAsJsonObject(id).deepCopy());
    }

    /** A copy of the whole document as it is now (for the header's fields), or empty. */
    public Optional<JsonObject> tree() {
        DialogueDocument d = doc.get();
        return d == null ? Optional.empty() : Optional.of(d.tree());
    }

    public List<String> nodeIds() {
        DialogueDocument d = doc.get();
        return d == null ? List.of() : d.nodeIds();
    }

    // == commands ==

    /** Makes one change; the graph, the problems and the inspector follow. */
    public void apply(Edit e) {
        DialogueDocument d = doc.get();
        if (d == null) return;
        try {
            d.apply(e);
        } catch (RuntimeException ex) {
            message.set("That change could not be made: " + ex.getMessage());
            return;
        }
        changed();
    }

    public void undo() {
        DialogueDocument d = doc.get();
        if (d == null || !d.canUndo()) return;
        d.undo();
        changed();
    }

    public void redo() {
        DialogueDocument d = doc.get();
        if (d == null || !d.canRedo()) return;
        d.redo();
        changed();
    }

    private void changed() {
        refresh();
        author.showEdited(doc.get().text());
    }

    /** Writes the document to its file, in the canonical form, atomically. */
    public boolean save() {
        DialogueDocument d = doc.get();
        if (d == null || file == null) return false;
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(tmp, d.text(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            d.markSaved();
            conflict.set(false);
            message.set("Saved " + file.getFileName() + ".");
            refresh();
            return true;
        } catch (IOException e) {
            message.set("Could not save " + file.getFileName() + ": " + e.getMessage() + ". Your changes are still here.");
            return false;
        }
    }

    /** A new decision after the selected node (or at the end), selected for editing. */
    public String addDecision(String after) {
        DialogueDocument d = doc.get();
        if (d == null) return null;
        String id = d.freshId("decision");
        String to = d.nodeIds().stream().filter(d::isEnding).findFirst().orElse(id);
        apply(Edits.addDecision(d, id, to, after));
        if (d.nodeIds().size() == 1) apply(Edits.start(id));
        return id;
    }

    public String addEnding(String outcome) {
        DialogueDocument d = doc.get();
        if (d == null) return null;
        String id = d.freshId(outcome);
        apply(Edits.addEnding(d, id, outcome));
        return id;
    }

    public String duplicate(String id) {
        DialogueDocument d = doc.get();
        if (d == null) return null;
        String copy = d.freshId(id);
        apply(Edits.duplicate(d, id, copy));
        return copy;
    }

    /** Which replies lead to the node, for the confirmation before deleting it. */
    public List<String> referencesTo(String id) {
        DialogueDocument d = doc.get();
        return d == null ? List.of() : d.referencesTo(id);
    }

    public void addReply(String id) {
        DialogueDocument d = doc.get();
        if (d == null) return;
        String to = d.nodeIds().stream().filter(d::isEnding).findFirst().orElse(id);
        apply(Edits.addChoice(d, id, to));
    }

    // == the file changed on disk ==

    void fileChangedOnDisk() {
        conflict.set(true);
        message.set((file == null ? "The file" : file.getFileName()) + " changed on disk while you have unsaved changes here.");
    }

    /** The unsaved text here and the file's text on disk now, for "see both"; the file's is empty when it can't be read. */
    public String[] bothVersions() {
        DialogueDocument d = doc.get();
        String disk;
        try {
            disk = file == null ? "" : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            disk = "";
            message.set("Could not read " + file.getFileName() + " to compare: " + e.getMessage());
        }
        return new String[] {d == null ? "" : d.text(), disk};
    }

    /** Keeps the edits here; the next save writes them over the file's new text. */
    public void keepMine() {
        conflict.set(false);
        message.set("Your changes are kept; saving will write them over the file's new text.");
    }

    /** Gives up the edits here and takes the file as it is now on disk. */
    public void takeFile() {
        opened.remove(file);
        open(file);
        author.reload();
        message.set("Took " + (file == null ? "the file" : file.getFileName()) + " as it is on disk; your unsaved changes were dropped.");
    }
}
