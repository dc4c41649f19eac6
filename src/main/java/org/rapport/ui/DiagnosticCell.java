package org.rapport.ui;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.rapport.diag.Diagnostic;

import java.util.function.Function;

/**
 * One diagnostic in a list (the author view's Problems, the import report): its severity as an icon and a word, its
 * code and where it is, over the whole message, wrapped; a screen reader hears it as one sentence.
 */
public final class DiagnosticCell extends ListCell<Diagnostic> {
    private final Label head = new Label();
    private final Label message = new Label();
    private final VBox box = new VBox(head, message);
    private final Function<Diagnostic, String> heading;
    private final Function<Diagnostic, String> spoken;

    /** {@code heading}: the line above the message; {@code spoken}: what a screen reader hears. */
    public DiagnosticCell(Function<Diagnostic, String> heading, Function<Diagnostic, String> spoken) {
        this.heading = heading;
        this.spoken = spoken;
        getStyleClass().add("diagnostic-cell");
        head.getStyleClass().add("diagnostic-head");
        message.setWrapText(true);
        // A list cell does not wrap its own text; a label as wide as the list does.
        listViewProperty().addListener((o, a, b) -> {
            if (b != null) message.prefWidthProperty().bind(b.widthProperty().subtract(56));
        });
        message.setMinHeight(Region.USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(Diagnostic d, boolean empty) {
        super.updateItem(d, empty);
        getStyleClass().removeAll("error", "warning");
        setText(null);
        if (empty || d == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        head.setText(heading.apply(d));
        head.setGraphic(new FontIcon(d.isError() ? "mdi2c-close-octagon" : "mdi2a-alert-outline"));
        message.setText(d.message());
        setGraphic(box);
        getStyleClass().add(d.isError() ? "error" : "warning");
        setAccessibleText(spoken.apply(d));
    }
}
