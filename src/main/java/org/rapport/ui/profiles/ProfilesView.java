package org.rapport.ui.profiles;

import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.store.Trainee;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pick who is practising, or create, rename or delete a trainee. */
public final class ProfilesView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    public ProfilesView(ProfilesViewModel vm) {
        getStyleClass().addAll("screen", "profiles");
        setId("profiles");
        Label title = new Label("Who is practising?");
        title.getStyleClass().add("screen-title");
        Label hint = new Label("Each trainee's attempts and progress are kept separately on this computer. Facilitators and"
                + " authors: add your own name too; the library, the author view, presenting and classes open once someone is practising.");
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");

        ListView<Trainee> list = new ListView<>(vm.trainees());
        list.setId("trainee-list");
        list.setPrefHeight(260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Trainee t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.name() + "   ·   since " + DAY.format(Instant.ofEpochMilli(t.created())));
            }
        });
        list.setAccessibleText("Trainees");
        if (!vm.trainees().isEmpty()) list.getSelectionModel().select(vm.current() != null
                ? vm.trainees().stream().filter(t -> t.id().equals(vm.current().id())).findFirst().orElse(vm.trainees().get(0))
                : vm.trainees().get(0));

        Button go = new Button("Continue", new FontIcon("mdi2a-arrow-right"));
        go.setId("continue-as");
        go.getStyleClass().add("accent");
        go.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        go.setOnAction(e -> vm.choose(list.getSelectionModel().getSelectedItem()));
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) go.fire();
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) go.fire();
        });
        Button rename = new Button("Rename…", new FontIcon("mdi2p-pencil-outline"));
        rename.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        rename.setOnAction(e -> {
            Trainee t = list.getSelectionModel().getSelectedItem();
            TextInputDialog d = new TextInputDialog(t.name());
            d.setTitle("Rename trainee");
            d.setHeaderText("New name for " + t.name());
            if (getScene() != null) d.initOwner(getScene().getWindow());
            d.showAndWait().ifPresent(n -> vm.rename(t, n));
        });
        Button delete = new Button("Delete…", new FontIcon("mdi2d-delete-outline"));
        delete.setId("delete-trainee");
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> {
            Trainee t = list.getSelectionModel().getSelectedItem();
            int n = vm.attemptsOf(t);
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "This deletes " + t.name() + " and " + n + (n == 1 ? " attempt" : " attempts")
                    + ". It cannot be undone. (To keep a copy, export their history from the Progress screen first.)",
                    new ButtonType("Delete " + t.name(), ButtonType.OK.getButtonData()), new ButtonType("Cancel", ButtonType.CANCEL.getButtonData()));
            a.setTitle("Delete trainee");
            a.setHeaderText("Delete " + t.name() + "?");
            if (getScene() != null) a.initOwner(getScene().getWindow());
            a.showAndWait().filter(b -> b.getButtonData() == ButtonType.OK.getButtonData()).ifPresent(b -> vm.delete(t));
        });
        HBox actions = new HBox(8, go, rename, delete);

        TextField name = new TextField();
        name.setId("new-trainee-name");
        name.setPromptText("Your name");
        name.setPrefColumnCount(20);
        name.setAccessibleText("Name of a new trainee");
        Button create = new Button("Start as a new trainee", new FontIcon("mdi2a-account-plus-outline"));
        create.setId("create-trainee");
        create.disableProperty().bind(name.textProperty().isEmpty());
        create.setOnAction(e -> vm.create(name.getText()));
        name.setOnAction(e -> create.fire());
        HBox newRow = new HBox(8, name, create);
        newRow.setAlignment(Pos.CENTER_LEFT);
        Label newTitle = new Label("New here?");
        newTitle.getStyleClass().add("section-title");

        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("muted");
        message.setWrapText(true);

        getChildren().addAll(title, hint, list, actions, newTitle, newRow, message);
        getStyleClass().add("profiles-content");
        if (vm.trainees().isEmpty()) {
            list.setVisible(false);
            list.setManaged(false);
            actions.setVisible(false);
            actions.setManaged(false);
            newTitle.setText("Welcome! Type your name to start.");
            name.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) name.requestFocus(); // the only thing to do here is type a name
            });
        } else {
            list.sceneProperty().addListener((o, a, scene) -> {
                if (scene != null) list.requestFocus();
            });
        }
    }
}
