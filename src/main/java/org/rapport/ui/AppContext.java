package org.rapport.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.engine.Mode;
import org.rapport.store.Store;
import org.rapport.store.Trainee;

import java.nio.file.Path;
import java.util.List;

/** What every screen shares: the catalog, where the dialogues are, the chosen mode, and this session's best results. */
public final class AppContext {
    private final Catalog catalog;
    private final Validator validator;
    private final List<Path> libraryPaths;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.ASSESSMENT);
    private final ObservableMap<String, Integer> bestPercent = FXCollections.observableHashMap();
    private final ObjectProperty<Trainee> trainee = new SimpleObjectProperty<>();
    private final Store store;
    private final Path dataDir;
    private final String storeProblem;
    private final java.util.Map<String, LibraryFile> libraryFiles = new java.util.concurrent.ConcurrentHashMap<>();

    /** The department's server this laptop sends its replies to (--db), with the login to use. */
    public record Server(String url, String user, String password) {
        @Override
        public String toString() {
            return org.rapport.store.ServerConnection.redact(url); // never the password
        }
    }

    private Server server;
    private org.rapport.store.ServerSync sync;

    /** Sends this laptop's replies on to the department's server from now on (the store stays the laptop's own). */
    public void sendTo(Server server) {
        if (server == null || store == null) return;
        this.server = server;
        this.sync = new org.rapport.store.ServerSync(store, server.url(), server.user(), server.password());
        sync.onStatus(st -> UiExecutor.onFx(() -> serverStatus.set(st.describe())));
    }

    private final javafx.beans.property.ReadOnlyStringWrapper serverStatus = new javafx.beans.property.ReadOnlyStringWrapper();

    /** With a department's server: where the replies are, in one honest line; null without a server. */
    public javafx.beans.property.ReadOnlyStringProperty serverStatusProperty() {
        return serverStatus.getReadOnlyProperty();
    }

    public java.util.Optional<Server> server() {
        return java.util.Optional.ofNullable(server);
    }

    public java.util.Optional<org.rapport.store.ServerSync> serverSync() {
        return java.util.Optional.ofNullable(sync);
    }

    /** Where a playable dialogue of the library came from: its file and the hash of the content that was validated. */
    public record LibraryFile(Path path, String contentHash) {
    }

    /** A context without a progress store (tests, or a store that failed to open). */
    public AppContext(Catalog catalog, List<Path> libraryPaths) {
        this(catalog, libraryPaths, null, null);
    }

    /**
     * @param store        the progress store, or null when progress cannot be saved
     * @param storeProblem why there is no store (shown to the trainee), or a notice from opening it, or null
     */
    public AppContext(Catalog catalog, List<Path> libraryPaths, Store store, String storeProblem) {
        this(catalog, libraryPaths, store, storeProblem, null);
    }

    /** @param dataDir the data folder (presenter sessions and classes live there), or null for the system default */
    public AppContext(Catalog catalog, List<Path> libraryPaths, Store store, String storeProblem, Path dataDir) {
        this.dataDir = dataDir;
        this.catalog = catalog;
        this.validator = new Validator(catalog);
        this.libraryPaths = List.copyOf(libraryPaths);
        this.store = store;
        this.storeProblem = storeProblem;
    }

    /** Where presenter sessions and classes are kept: the --data folder, or the system's data folder. */
    public Path dataDir() {
        return dataDir != null ? dataDir : org.rapport.store.DataLocation.resolve(null);
    }

    public java.util.Optional<Store> store() {
        return java.util.Optional.ofNullable(store);
    }

    public java.util.Optional<String> storeProblem() {
        return java.util.Optional.ofNullable(storeProblem);
    }

    /** The trainee whose progress is being saved, or null. */
    public ObjectProperty<Trainee> traineeProperty() {
        return trainee;
    }

    public java.util.Map<String, LibraryFile> libraryFiles() {
        return libraryFiles;
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
