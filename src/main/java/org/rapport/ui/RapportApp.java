package org.rapport.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public class RapportApp extends Application {
    public static void main(String[] args) {
        launch(RapportApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Rapport");
        stage.setScene(new Scene(new Label("Rapport"), 1280, 800));
        stage.show();
    }
}
