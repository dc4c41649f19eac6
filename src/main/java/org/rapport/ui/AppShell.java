package org.rapport.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.engine.Debrief;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.ui.conversation.ConversationView;
import org.rapport.ui.conversation.ConversationViewModel;
import org.rapport.ui.debrief.DebriefView;
import org.rapport.ui.debrief.DebriefViewModel;
import org.rapport.ui.library.LibraryView;
import org.rapport.ui.library.LibraryViewModel;
import org.rapport.ui.techniques.TechniquesView;
import org.rapport.ui.techniques.TechniquesViewModel;

/**
 * The window's frame: the app bar (navigation, theme, text size) and the current screen. It is the Navigator, so
 * screens never build each other. Ctrl+plus / Ctrl+minus / Ctrl+0 scale all text, and the layout with it.
 */
public final class AppShell extends BorderPane implements Navigator {
    public static final double BASE_FONT = 14;
    private static final String STYLESHEET = AppShell.class.getResource("/org/rapport/ui/rapport.css").toExternalForm();

    private final AppContext ctx;
    private final LibraryViewModel libraryVm;
    private final LibraryView libraryView;
    private final javafx.beans.property.ReadOnlyStringWrapper title = new javafx.beans.property.ReadOnlyStringWrapper("Rapport");
    private double fontSize = BASE_FONT;
    private boolean dark;

    public AppShell(AppContext ctx) {
        this.ctx = ctx;
        applyTheme(false);
        getStylesheets().add(STYLESHEET);
        this.libraryVm = new LibraryViewModel(ctx);
        this.libraryView = new LibraryView(libraryVm, this);
        setTop(createAppBar());
        setCenter(libraryView);
        applyFont();
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.isShortcutDown()) return;
            if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD) {
                scaleFont(1);
                e.consume();
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                scaleFont(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
                fontSize = BASE_FONT;
                applyFont();
                e.consume();
            }
        });
    }

    /** Starts loading the library (in the background). */
    public void start() {
        libraryVm.load();
    }

    /** The window title: says which screen is open, e.g. "Rapport · Debrief: ...". */
    public javafx.beans.property.ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public LibraryViewModel libraryViewModel() {
        return libraryVm;
    }

    private Node createAppBar() {
        Label title = new Label("Rapport", new FontIcon("mdi2c-comment-multiple-outline"));
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Practise hard customer conversations");
        subtitle.getStyleClass().add("app-subtitle");
        Button library = new Button("Library", new FontIcon("mdi2b-bookshelf"));
        library.setId("nav-library");
        library.setOnAction(e -> showLibrary());
        Button techniques = new Button("Techniques", new FontIcon("mdi2b-book-open-variant"));
        techniques.setId("nav-techniques");
        techniques.setOnAction(e -> showTechniques(null));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button smaller = new Button("A−");
        smaller.setAccessibleText("Smaller text (Ctrl+minus)");
        smaller.setOnAction(e -> scaleFont(-1));
        Button bigger = new Button("A+");
        bigger.setAccessibleText("Larger text (Ctrl+plus)");
        bigger.setOnAction(e -> scaleFont(1));
        Button theme = new Button("Dark", new FontIcon("mdi2t-theme-light-dark"));
        theme.setId("toggle-theme");
        theme.setOnAction(e -> {
            dark = !dark;
            applyTheme(dark);
            theme.setText(dark ? "Light" : "Dark");
        });
        HBox bar = new HBox(title, subtitle, library, techniques, spacer, smaller, bigger, theme);
        bar.getStyleClass().add("app-bar");
        return bar;
    }

    public static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void scaleFont(int direction) {
        fontSize = Math.max(10, Math.min(36, fontSize + direction * 2));
        applyFont();
    }

    private void applyFont() {
        // A size, not a colour: the one inline style, so that every em in the theme scales with it.
        setStyle("-fx-font-size: " + fontSize + "px;");
    }

    public double fontSize() {
        return fontSize;
    }

    // == Navigator ==

    @Override
    public void showLibrary() {
        title.set("Rapport");
        setCenter(libraryView);
    }

    @Override
    public void play(Dialogue dialogue, Playthrough playthrough, Mode mode, Debrief compareWith) {
        ConversationViewModel vm = new ConversationViewModel(dialogue, playthrough, mode, ctx.catalog(), compareWith, System::nanoTime);
        ConversationView view = new ConversationView(vm, this);
        title.set("Rapport · " + dialogue.title());
        setCenter(view);
        view.requestFocus();
    }

    @Override
    public void showDebrief(Dialogue dialogue, Transcript transcript, Mode mode, Debrief compareWith) {
        DebriefViewModel vm = new DebriefViewModel(dialogue, transcript, mode, ctx.catalog(), compareWith, this);
        ctx.recordResult(dialogue.id(), vm.debrief().percent());
        title.set("Rapport · Debrief: " + dialogue.title());
        setCenter(new DebriefView(vm));
    }

    @Override
    public void showTechniques(String id) {
        title.set("Rapport · Techniques");
        setCenter(new TechniquesView(new TechniquesViewModel(ctx.catalog(), id)));
    }
}
