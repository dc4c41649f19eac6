package org.rapport.ui.presenter;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.classroom.RoomDebrief;
import org.rapport.classroom.RoomDebriefDocument;
import org.rapport.print.DebriefDocument;
import org.rapport.print.FacilitatorGuide;
import org.rapport.ui.PrintAction;
import org.rapport.check.Validated;
import org.rapport.classroom.RoomException;
import org.rapport.classroom.RoomSession;
import org.rapport.classroom.SessionFile;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Dialogue;
import org.rapport.ui.AppContext;
import org.rapport.ui.UiExecutor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Presenter mode's start screen and the facilitator's console. Choose a dialogue (or resume the session saved when a
 * presenter window was closed), say whether phones may vote, and present: the room's view opens full screen on the
 * projector. With a second screen connected, the projector shows the room's view and this window shows the console
 * with the notes and grades; on one screen the room's view covers it (N shows the notes, Esc leaves full screen).
 */
public final class PresenterView extends BorderPane {
    private final AppContext ctx;
    private final SessionFile file;
    private final Consumer<RoomView> projector;
    private final ListView<Validated> dialogues = new ListView<>();
    private final CheckBox phones = new CheckBox("Let the room vote from their phones (serves a small page on this laptop's local network)");
    private final Label status = new Label();
    private PresenterViewModel vm;
    private Stage projectorStage;

    public PresenterView(AppContext ctx, Path dataDir) {
        this(ctx, dataDir, null);
    }

    /**
     * @param projector shows the room's view; null opens it full screen in its own window (on the second screen when
     *                  there is one)
     */
    public PresenterView(AppContext ctx, Path dataDir, Consumer<RoomView> projector) {
        this.ctx = ctx;
        this.file = SessionFile.in(dataDir);
        this.projector = projector != null ? projector : this::openProjectorWindow;
        getStyleClass().addAll("screen", "presenter-setup-screen");
        setId("presenter");
        showSetup();
        // Leaving presenter mode (another screen replaces this one, or the window closes) stops phone voting and the
        // room's window; the session stays saved, to resume.
        sceneProperty().addListener((o, was, now) -> {
            if (now == null && vm != null) {
                vm.close();
                if (projectorStage != null) projectorStage.close();
                projectorStage = null;
                vm = null;
                showSetup();
            }
        });
    }

    private void showSetup() {
        Label title = new Label("Present to a room");
        title.getStyleClass().add("screen-title");
        Label intro = new Label("The room decides together: record the votes, reveal them, reveal the grades, talk it through, then go on "
                + "with the room's choice or any other. Next and Back work from a presentation clicker.");
        intro.setWrapText(true);
        VBox box = new VBox(title, intro);
        box.getStyleClass().add("presenter-setup");
        resumeOffer().ifPresent(box.getChildren()::add);
        dialogues.setId("presenter-dialogues");
        dialogues.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Validated v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.dialogue().title() + "  ·  " + v.dialogue().decisions().size() + " decisions");
            }
        });
        dialogues.setPrefHeight(320);
        phones.setId("presenter-phones");
        phones.setSelected(false);
        Button start = new Button("Start presenting", new FontIcon("mdi2p-presentation-play"));
        start.setId("start-presenting");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.disableProperty().bind(dialogues.getSelectionModel().selectedItemProperty().isNull());
        start.setOnAction(e -> startNew(dialogues.getSelectionModel().getSelectedItem()));
        status.setWrapText(true);
        status.setId("presenter-status");
        PrintAction guide = new PrintAction(() -> {
            Validated v = dialogues.getSelectionModel().getSelectedItem();
            if (v == null) return null;
            Dialogue d = v.dialogue();
            return () -> FacilitatorGuide.of(d, ctx.catalog());
        }, () -> {
            Validated v = dialogues.getSelectionModel().getSelectedItem();
            return (v == null ? "dialogue" : v.dialogue().id()) + "-guide";
        });
        Button guideButton = guide.button("Facilitator guide…", "save-guide");
        guideButton.disableProperty().unbind();
        guideButton.disableProperty().bind(guide.busyProperty().or(dialogues.getSelectionModel().selectedItemProperty().isNull()));
        guideButton.setTooltip(new javafx.scene.control.Tooltip("Every decision with its replies, grades, explanations and notes, and "
                + "questions for the room: print it before the session."));
        HBox actions = new HBox(10, start, guideButton);
        box.getChildren().addAll(new Label("Dialogue"), dialogues, phones, actions, guide.status("guide-status"), status);
        setCenter(box);
        loadLibrary();
    }

    private java.util.Optional<HBox> resumeOffer() {
        if (!file.exists()) return java.util.Optional.empty();
        try {
            RoomSession saved = file.load().orElse(null);
            if (saved == null) return java.util.Optional.empty();
            var s = saved.snapshot();
            Label text = new Label("A session of \"" + saved.dialogue().title() + "\" was left "
                    + (s.ended() ? "at its debrief" : "at decision " + s.decisionNumber()) + ". Every vote was saved.");
            text.setWrapText(true);
            Button resume = new Button("Resume it", new FontIcon("mdi2p-play"));
            resume.setId("resume-session");
            resume.setOnAction(e -> present(saved));
            Button discard = new Button("Discard it");
            discard.setOnAction(e -> {
                try {
                    file.delete();
                } catch (java.io.IOException ex) {
                    status.setText("The saved session could not be removed: " + ex.getMessage());
                }
                showSetup();
            });
            HBox row = new HBox(text, resume, discard);
            row.getStyleClass().add("suggestion");
            row.setId("resume-offer");
            return java.util.Optional.of(row);
        } catch (RoomException e) {
            status.setText(e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private void loadLibrary() {
        UiExecutor.background(() -> DialogueLibrary.load(ctx.validator(), ctx.libraryPaths()).playable(),
                list -> {
                    dialogues.getItems().setAll(list);
                    if (list.isEmpty()) status.setText("The library has no playable dialogue.");
                    else if (dialogues.getSelectionModel().isEmpty()) dialogues.getSelectionModel().select(0);
                },
                e -> status.setText("The library could not be read: " + e.getMessage()));
    }

    private void startNew(Validated v) {
        Dialogue d = v.dialogue();
        try {
            byte[] bytes = Files.readAllBytes(Path.of(v.file()));
            RoomSession s = RoomSession.start(d, bytes, v.read().contentHash(), ThreadLocalRandom.current().nextLong(), System.currentTimeMillis());
            present(s);
        } catch (java.io.IOException e) {
            status.setText("\"" + d.title() + "\" could not be read again: " + e.getMessage());
        }
    }

    /** Shows {@code s} to the room, with the console here. */
    public void present(RoomSession s) {
        vm = new PresenterViewModel(s, ctx.catalog(), file);
        if (phones.isSelected()) vm.togglePhones();
        RoomView console = new RoomView(vm, true);
        Button end = new Button("End the session", new FontIcon("mdi2s-stop"));
        end.setId("end-session");
        end.setOnAction(e -> endSession());
        Button show = new Button("Show the room's view again", new FontIcon("mdi2p-projector-screen-outline"));
        show.setOnAction(e -> projector.accept(new RoomView(vm, false)));
        Label save = new Label();
        save.getStyleClass().add("save-problem");
        save.setWrapText(true);
        vm.snapshotProperty().addListener((o, a, b) -> save.setText(b.saveProblem() == null ? "" : b.saveProblem()));
        PresenterViewModel model = vm;
        PrintAction roomDebrief = new PrintAction(() -> {
            RoomDebrief d = model.debriefProperty().get();
            if (d == null) return null;
            Dialogue dialogue = model.session().dialogue();
            Instant when = Instant.now();
            return () -> RoomDebriefDocument.of(dialogue, d, ctx.catalog(), new DebriefDocument.Meta(null, when, ZoneId.systemDefault()));
        }, () -> model.session().dialogue().id() + "-room-debrief-" + LocalDate.now());
        Button saveDebrief = roomDebrief.button("Save the room's debrief…", "save-room-debrief");
        saveDebrief.visibleProperty().bind(vm.debriefProperty().isNotNull());
        saveDebrief.managedProperty().bind(saveDebrief.visibleProperty());
        Label saved = roomDebrief.status("room-debrief-status");
        HBox bar = new HBox(end, show, saveDebrief, saved, save);
        bar.getStyleClass().add("presenter-console-bar");
        setCenter(new BorderPane(console, bar, null, null, null));
        projector.accept(new RoomView(vm, false));
        console.requestFocus();
    }

    /** The presenter's model while presenting, else null. */
    public PresenterViewModel viewModel() {
        return vm;
    }

    private void endSession() {
        if (vm != null) vm.finish();
        if (projectorStage != null) projectorStage.close();
        projectorStage = null;
        vm = null;
        showSetup();
    }

    private void openProjectorWindow(RoomView room) {
        if (projectorStage != null) projectorStage.close();
        List<Screen> screens = Screen.getScreens();
        Screen target = screens.size() > 1 ? screens.stream().filter(sc -> !sc.equals(Screen.getPrimary())).findFirst().orElse(Screen.getPrimary())
                : Screen.getPrimary();
        Rectangle2D b = target.getBounds();
        Stage st = new Stage();
        st.setTitle("Rapport · " + vm.session().dialogue().title() + " (room view)");
        Scene scene = new Scene(room, b.getWidth(), b.getHeight());
        org.rapport.ui.AppShell.markTheme(room);
        scene.getStylesheets().add(PresenterView.class.getResource("/org/rapport/ui/rapport.css").toExternalForm());
        st.setScene(scene);
        st.setX(b.getMinX());
        st.setY(b.getMinY());
        st.setFullScreenExitKeyCombination(KeyCombination.keyCombination("Esc"));
        st.setFullScreenExitHint(screens.size() > 1 ? "" : "Esc leaves full screen; close this window to return to the console.");
        // Closing the room's window by mistake loses nothing: the session is saved, and the console can show it again.
        st.show();
        st.setFullScreen(true);
        room.requestFocus();
        projectorStage = st;
    }
}
