package org.rapport.bench;

import javafx.application.Application;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.rapport.ui.FirstFrameReport;

/**
 * The start-up baseline: the smallest JavaFX window, the same size as Rapport's, reporting its first frame the same
 * way ({@link FirstFrameReport}). {@link StartupBench} packs it into a jar next to rapport.jar and starts it exactly
 * like the app.
 */
public class MinimalWindow extends Application {
    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello")), 1280, 800);
        stage.setTitle("Minimal");
        stage.setScene(scene);
        stage.show();
        FirstFrameReport.installIfAsked(scene, new SimpleBooleanProperty(false));
    }

    /** The jar's entry point; like org.rapport.Launcher it does not extend Application, so the jar runs from a class path. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(MinimalWindow.class, args);
        }
    }
}
