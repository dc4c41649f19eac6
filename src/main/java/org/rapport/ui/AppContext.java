package org.rapport.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.engine.Mode;

import java.nio.file.Path;
import java.util.List;

/** What every screen shares: the catalog, where the dialogues are, the chosen mode, and this session's best results. */
public final class AppContext {
    private final Catalog catalog;
    private final Validator validator;
    private final List<Path> libraryPaths;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.ASSESSMENT);
    private final ObservableMap<String, Integer> bestPercent = FXCollections.observableHashMap();

    public AppContext(Catalog catalog, List<Path> libraryPaths) {
        this.catalog = catalog;
        this.validator = new Validator(catalog);
        this.libraryPaths = List.copyOf(libraryPaths);
    }

    public Catalog catalog() {
        return catalog;
    }

    public Validator validator() {
        return validator;
    }

    public List<Path> libraryPaths() {
        return libraryPaths;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** Best score (percent) per dialogue id reached in this session. */
    public ObservableMap<String, Integer> bestPercent() {
        return bestPercent;
    }

    public void recordResult(String dialogueId, int percent) {
        bestPercent.merge(dialogueId, percent, Math::max);
    }
}
