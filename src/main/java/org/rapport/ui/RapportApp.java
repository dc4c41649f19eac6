package org.rapport.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.rapport.catalog.Catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application. Opens the library of {@code dialogues/} (or the folders given with {@code --library DIR}).
 * {@code --size WxH} sets the window size, e.g. 1920x1080 for a projector.
 */
public class RapportApp extends Application {
    public static void main(String[] args) {
        launch(RapportApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        List<Path> library = option(args, "--library").map(s -> List.of(Path.of(s))).orElse(List.of(Path.of("dialogues")));
        double[] size = option(args, "--size").map(RapportApp::parseSize).orElse(new double[]{1280, 800});
        AppContext ctx = new AppContext(Catalog.bundled(), library.stream().filter(Files::exists).toList());
        AppShell shell = new AppShell(ctx);
        stage.titleProperty().bind(shell.titleProperty());
        stage.setScene(new Scene(shell, size[0], size[1]));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        shell.start();
    }

    private static java.util.Optional<String> option(List<String> args, String name) {
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
