package org.rapport.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rapport.catalog.Catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application. Opens the library of {@code dialogues/} (or the folders given with {@code --library DIR}; the
 * installed app falls back on the dialogues bundled next to its jar).
 * {@code --size WxH} sets the window size, e.g. 1920x1080 for a projector. Progress is saved in {@code --data DIR} (or
 * {@code $RAPPORT_DATA}, or the system's data folder), or in a shared PostgreSQL store with {@code --db JDBC_URL}.
 */
public class RapportApp extends Application {
    private AppShell shell;

    @Override
    public void stop() {
        if (shell != null) shell.shutdown();
    }

    public static void main(String[] args) {
        launch(RapportApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        double[] size = option(args, AppOptions.SIZE).map(RapportApp::parseSize).orElse(new double[]{1280, 800});
        // The window first: a frame with the app's name while the store, the catalog, the theme and the screens are
        // made behind it, so a new hire sees Rapport open at once instead of waiting on an empty desktop.
        javafx.scene.control.Label name = new javafx.scene.control.Label("Rapport");
        name.getStyleClass().add(atlantafx.base.theme.Styles.TITLE_1);
        javafx.scene.control.Label note = new javafx.scene.control.Label("Opening the library…");
        note.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        javafx.scene.layout.VBox opening = new javafx.scene.layout.VBox(name, note);
        opening.setAlignment(javafx.geometry.Pos.CENTER);
        // Only the theme's own style classes here: rapport.css is parsed with the screens, after this frame.
        AppShell.applyTheme(false);
        Scene scene = new Scene(opening, size[0], size[1]);
        stage.setTitle("Rapport");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        javafx.beans.property.BooleanProperty loading = new javafx.beans.property.SimpleBooleanProperty(true);
        FirstFrameReport.installIfAsked(scene, loading);
        // After the opening frame has been drawn, not before: a task queued now would run ahead of the first pulse.
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The store and the catalog on another thread while this one makes the theme and the screens. Begun
            // here, not before JavaFX starts: on a two-core laptop it slowed the first frame by a fifth.
            StartupPreload.begin(args);
            UiExecutor.later(() -> open(stage, scene, args, loading));
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Opens the store (begun on another thread at the first frame), builds the screens and puts them in the window. */
    private void open(Stage stage, Scene scene, List<String> args, javafx.beans.property.BooleanProperty loading) {
        StartupPreload pre = StartupPreload.take(args);
        List<Path> library = libraryOption(args);
        Path dataDir = pre != null ? pre.dataDir : org.rapport.store.DataLocation.resolve(option(args, AppOptions.DATA).orElse(null));
        StartupPreload.OpenedStore opened = pre != null ? pre.store() : StartupPreload.openStore(args, dataDir);
        org.rapport.store.Store store = opened.store();
        String storeNote = opened.note();
        List<Path> existing = library.stream().filter(Files::exists).toList();
        if (existing.isEmpty()) {
            storeNote = (storeNote == null ? "" : storeNote + " ") + "No dialogues folder was found at " + library.get(0).toAbsolutePath()
                    + ". Start Rapport from its folder, or give one with --library DIR.";
        }
        AppContext ctx = new AppContext(pre != null ? pre.catalog() : Catalog.bundled(), existing, store, storeNote, dataDir);
        ctx.sendTo(opened.server());
        AppShell shell = new AppShell(ctx);
        this.shell = shell;
        scene.setRoot(shell);
        stage.titleProperty().bind(shell.titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!shell.confirmClose()) e.consume();
        });
        shell.start();
        loading.bind(shell.libraryViewModel().loadingProperty());
    }

    /**
     * The library folders: {@code --library DIR}, or {@code dialogues} in the working folder, or the bundled
     * {@code dialogues} next to rapport.jar (the installed app: {@link org.rapport.library.LibraryFolder}).
     */
    static List<Path> libraryOption(List<String> args) {
        return option(args, AppOptions.LIBRARY).map(s -> List.of(Path.of(s))).orElse(List.of(org.rapport.library.LibraryFolder.resolve()));
    }

    static java.util.Optional<String> option(List<String> args, String name) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? java.util.Optional.of(args.get(i + 1)) : java.util.Optional.empty();
    }

    private static double[] parseSize(String s) {
        String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            return new double[]{Double.parseDouble(p[0]), Double.parseDouble(p[1])};
        } catch (RuntimeException e) {
            return new double[]{1280, 800};
        }
    }
}
