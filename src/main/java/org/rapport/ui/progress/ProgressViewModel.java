package org.rapport.ui.progress;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.model.Dialogue;
import org.rapport.store.AttemptSummary;
import org.rapport.store.HistoryFile;
import org.rapport.store.Progress;
import org.rapport.store.Store;
import org.rapport.store.StoreException;
import org.rapport.store.StoredAttempt;
import org.rapport.store.Trainee;
import org.rapport.ui.UiExecutor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** A trainee's progress: mastery per technique and step, pitfalls, history, and what to practise next. */
public final class ProgressViewModel {
    /** What opening an attempt needs: the dialogue as played, its transcript, and an earlier debrief to compare, if any. */
    public record Opened(Dialogue dialogue, org.rapport.engine.Transcript transcript, org.rapport.engine.Mode mode, Debrief compareWith) {
    }

    private final Store store;
    private final Trainee trainee;
    private final Catalog catalog;
    private final Supplier<List<Dialogue>> library;
    private final ObservableList<AttemptSummary> history = FXCollections.observableArrayList();
    private final ObjectProperty<Progress> progress = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    public ProgressViewModel(Store store, Trainee trainee, Catalog catalog, Supplier<List<Dialogue>> library) {
        this.store = store;
        this.trainee = trainee;
        this.catalog = catalog;
        this.library = library;
    }

    public Trainee trainee() {
        return trainee;
    }

    public Catalog catalog() {
        return catalog;
    }

    public ObservableList<AttemptSummary> history() {
        return history;
    }

    public ObjectProperty<Progress> progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Reads the history and computes the progress in the background. */
    public void load() {
        UiExecutor.background(this::compute, r -> {
            history.setAll(r.history);
            progress.set(r.progress);
        }, e -> message.set("Your progress could not be read: " + e.getMessage()));
    }

    private record Loaded(List<AttemptSummary> history, Progress progress) {
    }

    Loaded compute() {
        List<AttemptSummary> h = store.history(trainee.id());
        List<Progress.Scored> scored = h.stream().map(s -> new Progress.Scored(s, store.load(s.id()).debrief(catalog))).toList();
        return new Loaded(h, Progress.of(scored, catalog));
    }

    /** The dialogue to practise next, and why. */
    public Optional<Dialogue> suggestion() {
        Progress p = progress.get();
        return p == null ? Optional.empty() : p.suggest(library.get());
    }

    /** The attempt as it was played, to show its debrief again. */
    public Opened open(AttemptSummary a) {
        StoredAttempt s = store.load(a.id());
        Dialogue d = s.dialogue();
        return new Opened(d, s.fullTranscript(d), org.rapport.engine.Mode.ofKey(a.mode()), null);
    }

    /** The earlier attempt of the same dialogue, if there is one. */
    public Optional<AttemptSummary> earlierOf(AttemptSummary a) {
        int i = history.indexOf(a);
        return history.stream().skip(i + 1).filter(x -> x.dialogueId().equals(a.dialogueId())).findFirst();
    }

    /** This attempt's debrief compared with the earlier attempt of the same dialogue. */
    public Opened compare(AttemptSummary a, AttemptSummary earlier) {
        Opened now = open(a);
        Debrief before = store.load(earlier.id()).debrief(catalog);
        return new Opened(now.dialogue(), now.transcript(), now.mode(), before);
    }

    public void exportTo(Path file) {
        try {
            HistoryFile.export(store, trainee, catalog, file, System.currentTimeMillis());
            message.set("Exported " + history.size() + " attempts to " + file + ".");
        } catch (java.io.IOException | StoreException e) {
            message.set("The history could not be exported: " + e.getMessage());
        }
    }

    public void importFrom(Path file) {
        try {
            Set<String> ids = new java.util.HashSet<>();
            library.get().forEach(d -> ids.add(d.id()));
            message.set(HistoryFile.importInto(store, trainee, catalog, file, ids).describe());
            load();
        } catch (StoreException e) {
            message.set(e.getMessage());
        } catch (java.nio.file.NoSuchFileException e) {
            message.set("Nothing was imported: " + file + " is not there any more.");
        } catch (java.io.IOException e) {
            message.set("Nothing was imported: " + file + " could not be read (" + e.getMessage() + ").");
        } catch (RuntimeException e) {
            // Every failure of an import ends here, in words: the screen never breaks and nothing half-imported stays.
            message.set("Nothing was imported: the file could not be read as a history (" + e.getClass().getSimpleName() + ").");
        }
    }
}
