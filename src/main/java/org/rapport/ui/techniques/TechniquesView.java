package org.rapport.ui.techniques;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import org.rapport.catalog.Pitfall;
import org.rapport.catalog.Step;
import org.rapport.catalog.Swap;
import org.rapport.catalog.Technique;
import org.rapport.ui.techniques.TechniquesViewModel.Entry;

import java.util.List;

/** The technique catalog to read: each technique with its steps, examples and mistakes, and the pitfalls. */
public final class TechniquesView extends BorderPane {
    private final TechniquesViewModel vm;
    private final VBox page = new VBox();
    private final ScrollPane scroll = new ScrollPane(page);

    public TechniquesView(TechniquesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("screen");
        setId("techniques");
        ListView<Entry> list = new ListView<>();
        list.getItems().setAll(vm.entries());
        list.getStyleClass().add("technique-list");
        list.setAccessibleText("Techniques");
        list.getSelectionModel().select(vm.entries().stream().filter(e -> same(e, vm.openProperty().get())).findFirst().orElse(null));
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) vm.openProperty().set(b);
        });
        page.getStyleClass().add("techniques-content");
        scroll.setFitToWidth(true);
        setLeft(list);
        setCenter(scroll);
        vm.openProperty().addListener((o, a, b) -> render(b));
        render(vm.openProperty().get());
    }

    private static boolean same(Entry a, Entry b) {
        if (a.technique() == null || b.technique() == null) return a.equals(b);
        return a.technique().id().equals(b.technique().id());
    }

    private void render(Entry e) {
        page.getChildren().clear();
        Node focus = null;
        if (e.isSwaps()) {
            page.getChildren().add(title("Instead of this, say that"));
            page.getChildren().add(text("Passive replies slip out on autopilot and tell the customer nothing about whether you followed."
                    + " Each one here has a replacement that shows it. Say it in your own words, about this customer's case."));
            for (Swap w : vm.catalog().swaps()) {
                VBox box = box("Instead of \u201c" + w.instead() + "\u201d", w.step());
                box.getChildren().addAll(labelled("Say something like", "\u201c" + w.say() + "\u201d"),
                        labelled("Why it works better", w.why()), muted(vm.catalog().displayName(w.step())));
                page.getChildren().add(box);
            }
        } else if (e.isPitfalls()) {
            page.getChildren().add(title("Pitfalls to avoid"));
            page.getChildren().add(text("Habits that feel helpful in the moment but tell the customer something you did not mean. The debrief names them when a reply falls into one."));
            for (Pitfall p : vm.catalog().pitfalls()) {
                VBox box = box(p.name(), p.id());
                box.getChildren().addAll(labelled("Sounds like", String.join("  ", p.soundsLike())), labelled("Why it hurts", p.whyItHurts()),
                        labelled("Instead", p.instead()));
                page.getChildren().add(box);
                if (p.id().equals(vm.highlight())) focus = mark(box);
            }
        } else {
            Technique t = e.technique();
            page.getChildren().addAll(title(t.name()), text(t.description()), muted("Source: " + t.source()));
            int n = 0;
            for (Step s : t.steps()) {
                n++;
                VBox box = box(n + ". " + s.name() + (s.silent() ? " (in your head)" : ""), s.id());
                box.getChildren().add(text(s.summary()));
                box.getChildren().add(labelled(s.silent() ? "Heard only through its result, e.g." : "Sounds like", String.join("  ", s.soundsLike())));
                box.getChildren().add(labelled("Common mistakes", String.join("  ", s.mistakes())));
                if (!s.after().isEmpty()) {
                    List<String> names = s.after().stream().map(a -> vm.catalog().step(a).map(Step::name).orElse(a)).toList();
                    box.getChildren().add(labelled("Comes after", String.join(" or ", names)));
                }
                page.getChildren().add(box);
                if (s.id().equals(vm.highlight())) focus = mark(box);
            }
        }
        if (focus != null) {
            Node target = focus;
            page.layout();
            scroll.layout();
            double y = target.getBoundsInParent().getMinY();
            double h = page.getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(h <= 0 ? 0 : Math.min(1, y / h));
        } else {
            scroll.setVvalue(0);
        }
    }

    private static Node mark(VBox box) {
        box.getStyleClass().add("highlight");
        return box;
    }

    private static VBox box(String heading, String id) {
        Label h = new Label(heading);
        h.getStyleClass().add("section-title");
        Label i = new Label(id);
        i.getStyleClass().add("muted");
        VBox box = new VBox(h, i);
        box.getStyleClass().add("step-box");
        box.setId("entry-" + id);
        return box;
    }

    private static Label title(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("screen-title");
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private static Label muted(String s) {
        Label l = text(s);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Node labelled(String label, String body) {
        Label l = new Label(label);
        l.getStyleClass().add("strong");
        return new VBox(l, text(body));
    }
}
