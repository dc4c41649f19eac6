package org.rapport.ui.library;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.Technique;
import org.rapport.check.Validated;
import org.rapport.engine.Mode;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;
import org.rapport.model.Difficulty;
import org.rapport.ui.AppContext;
import org.rapport.ui.UiExecutor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The library screen's state: every dialogue file, the filters, and what is visible. */
public final class LibraryViewModel {
    private final AppContext ctx;
    private final ObservableList<Validated> entries = FXCollections.observableArrayList();
    private final FilteredList<Validated> visible = new FilteredList<>(entries);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Difficulty> difficulty = new SimpleObjectProperty<>();
    private final ObjectProperty<Technique> technique = new SimpleObjectProperty<>();
    private final ObservableList<Dialogue> playable = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Suggestion> suggestion = new SimpleObjectProperty<>();
    private final org.rapport.ui.lms.PackageViewModel packaging;

    /** The dialogue to practise next and the weak steps it works on. */
    public record Suggestion(Dialogue dialogue, List<String> weakSteps) {
    }

    public LibraryViewModel(AppContext ctx) {
        this.ctx = ctx;
        this.packaging = new org.rapport.ui.lms.PackageViewModel(ctx.catalog());
        search.addListener((o, a, b) -> refilter());
        difficulty.addListener((o, a, b) -> refilter());
        technique.addListener((o, a, b) -> refilter());
    }

    // == properties ==

    public ObservableList<Validated> visible() {
        return visible;
    }

    /** Every playable dialogue of the library, for suggestions. */
    public ObservableList<Dialogue> playable() {
        return playable;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Difficulty> difficultyProperty() {
        return difficulty;
    }

    public ObjectProperty<Technique> techniqueProperty() {
        return technique;
    }

    public ObjectProperty<Mode> modeProperty() {
        return ctx.modeProperty();
    }

    public ObjectProperty<Suggestion> suggestionProperty() {
        return suggestion;
    }

    /**
     * Works out, in the background, which dialogue best practises the trainee's weakest steps. Nothing is suggested
     * before the trainee has finished an attempt (there is nothing to go on yet).
     */
    public void refreshSuggestion() {
        var store = ctx.store().orElse(null);
        var trainee = ctx.traineeProperty().get();
        if (store == null || trainee == null) {
            suggestion.set(null);
            return;
        }
        List<Dialogue> library = List.copyOf(playable);
        UiExecutor.background(() -> {
            var history = store.history(trainee.id());
            if (history.isEmpty()) return null;
            var scored = history.stream().map(a -> new org.rapport.store.Progress.Scored(a, store.load(a.id()).debrief(ctx.catalog()))).toList();
            var progress = org.rapport.store.Progress.of(scored, ctx.catalog());
            return progress.suggest(library).map(d -> new Suggestion(d, progress.weakestSteps(2))).orElse(null);
        }, suggestion::set, e -> suggestion.set(null));
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public Catalog catalog() {
        return ctx.catalog();
    }

    public AppContext context() {
        return ctx;
    }

    /** "Package for LMS…": its choices, its work and the line that says how it went. */
    public org.rapport.ui.lms.PackageViewModel packaging() {
        return packaging;
    }

    /** What "Package for LMS…" packages: every playable dialogue the filters show, in the order shown. */
    public org.rapport.ui.lms.PackageDialog.Selection packageSelection() {
        List<Validated> shown = visible.stream().filter(Validated::playable).toList();
        return new org.rapport.ui.lms.PackageDialog.Selection(shown.stream().map(v -> java.nio.file.Path.of(v.file())).toList(),
                shown.isEmpty() ? null : shown.get(0).dialogue().id());
    }

    // == commands ==

    /** Reads the library in the background; the window stays responsive while it loads. */
    public void load() {
        loading.set(true);
        status.set("Loading dialogues…");
        UiExecutor.background(() -> DialogueLibrary.load(ctx.validator(), ctx.libraryPaths()), this::show, e -> {
            loading.set(false);
            status.set("Could not read the dialogues folder: " + e.getMessage());
        });
    }

    void show(DialogueLibrary library) {
        List<Validated> sorted = library.entries().stream()
                .sorted((a, b) -> Boolean.compare(!a.playable(), !b.playable()) != 0 ? Boolean.compare(!a.playable(), !b.playable())
                        : title(a).compareToIgnoreCase(title(b)))
                .toList();
        entries.setAll(sorted);
        ctx.libraryFiles().clear();
        for (Validated v : library.playable()) {
            ctx.libraryFiles().put(v.dialogue().id(), new AppContext.LibraryFile(java.nio.file.Path.of(v.file()), v.read().contentHash()));
        }
        playable.setAll(library.playable().stream().map(Validated::dialogue).toList());
        refreshSuggestion();
        loading.set(false);
        int broken = library.broken().size();
        status.set(library.playable().size() + " dialogues" + (broken > 0 ? " · " + broken + " cannot be played (see the red cards)" : ""));
    }

    private static String title(Validated v) {
        return v.dialogue() == null || v.dialogue().title().isEmpty() ? v.file() : v.dialogue().title();
    }

    private void refilter() {
        String words = search.get() == null ? "" : search.get();
        Difficulty d = difficulty.get();
        Technique t = technique.get();
        visible.setPredicate(v -> matches(v, words, d, t == null ? null : t.id(), ctx.catalog()));
    }

    /**
     * Whether a card shows under the filters. Broken files always show: an author must never lose sight of them.
     * Every search word must appear in the title, summary, tags, setting or customer's name.
     */
    static boolean matches(Validated v, String words, Difficulty difficulty, String techniqueId, Catalog catalog) {
        if (!v.playable()) return true;
        Dialogue d = v.dialogue();
        if (difficulty != null && d.difficulty() != difficulty) return false;
        if (techniqueId != null && !techniquesTested(d, catalog).contains(techniqueId)) return false;
        String hay = String.join(" ", d.title(), d.summary(), String.join(" ", d.tags()), d.setting(), d.customer().name())
                .toLowerCase(Locale.ROOT);
        for (String w : words.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!w.isEmpty() && !hay.contains(w)) return false;
        }
        return true;
    }

    /** The techniques a dialogue tests anywhere, in catalog order. */
    public static List<String> techniquesTested(Dialogue d, Catalog catalog) {
        Set<String> ids = new LinkedHashSet<>();
        for (CustomerNode n : d.decisions()) {
            for (String t : n.tests()) catalog.techniqueOf(t).ifPresent(tech -> ids.add(tech.id()));
        }
        return catalog.techniques().stream().map(Technique::id).filter(ids::contains).toList();
    }

    public Integer bestPercent(String dialogueId) {
        return ctx.bestPercent().get(dialogueId);
    }
}
