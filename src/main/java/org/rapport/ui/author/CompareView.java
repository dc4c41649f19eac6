package org.rapport.ui.author;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.rapport.author.TextCompare;

/**
 * "See both": the author's unsaved text on the left and the file as it is on disk on the right, line against line,
 * with the lines that differ marked, so the author can choose knowing what each choice drops.
 */
final class CompareView extends VBox {
    static final String ID = "editor-compare";

    CompareView(String mine, String onDisk) {
        super(8);
        setId(ID);
        setPadding(new Insets(8));
        TextCompare.Result r = TextCompare.compare(mine, onDisk);
        Label summary = new Label(r.changes() == 0 ? "The two versions are the same."
                : r.changes() + (r.changes() == 1 ? " place differs" : " places differ") + ". Marked lines differ: yours on the left, the file's on the right.");
        summary.setId("editor-compare-summary");
        summary.setWrapText(true);
        GridPane head = row(new Label("Your unsaved version"), new Label("The file on disk now"));
        head.getStyleClass().add("strong");
        ListView<TextCompare.Row> rows = new ListView<>();
        rows.setId("editor-compare-rows");
        rows.getItems().setAll(r.rows());
        rows.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TextCompare.Row row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("compare-row", "compare-changed", "compare-only-mine", "compare-only-file");
                if (empty || row == null) {
                    setGraphic(null);
                    setAccessibleText(null);
                    return;
                }
                getStyleClass().add("compare-row");
                switch (row.kind()) {
                    case CHANGED -> getStyleClass().add("compare-changed");
                    case ONLY_MINE -> getStyleClass().add("compare-only-mine");
                    case ONLY_FILE -> getStyleClass().add("compare-only-file");
                    default -> { }
                }
                Label a = side(row.mine(), "compare-mine");
                Label b = side(row.file(), "compare-file");
                GridPane g = new GridPane();
                g.addRow(0, number(row.mineLine()), a, number(row.fileLine()), b);
                ColumnConstraints n = new ColumnConstraints();
                ColumnConstraints half = new ColumnConstraints();
                half.setPercentWidth(46);
                half.setHgrow(Priority.ALWAYS);
                g.getColumnConstraints().setAll(n, half, n, half);
                setGraphic(g);
                setText(null);
                setAccessibleText(switch (row.kind()) {
                    case SAME -> "Same: " + row.mine();
                    case CHANGED -> "Changed. Yours: " + row.mine() + ". The file's: " + row.file();
                    case ONLY_MINE -> "Only in yours: " + row.mine();
                    case ONLY_FILE -> "Only in the file: " + row.file();
                });
            }
        });
        VBox.setVgrow(rows, Priority.ALWAYS);
        getChildren().addAll(summary, head, rows);
        r.rows().stream().filter(x -> x.kind() != TextCompare.Kind.SAME).findFirst().ifPresent(first -> rows.scrollTo(Math.max(0, r.rows().indexOf(first) - 3)));
    }

    private static GridPane row(Label left, Label right) {
        GridPane g = new GridPane();
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        g.getColumnConstraints().setAll(half, half);
        g.addRow(0, left, right);
        return g;
    }

    private static Label side(String text, String style) {
        Label l = new Label(text == null ? "" : text);
        l.getStyleClass().addAll("compare-side", style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMinWidth(0);
        return l;
    }

    private static Label number(int line) {
        Label l = new Label(line == 0 ? "" : Integer.toString(line));
        l.getStyleClass().add("compare-number");
        return l;
    }
}
