package org.rapport.ui.techniques;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.rapport.catalog.Catalog;
import org.rapport.catalog.Technique;

/** The technique reference: which technique (or the pitfalls page) is open, and which entry to highlight. */
public final class TechniquesViewModel {
    /** The list's entries: a technique, the page of pitfalls, or the page of active-listening swaps. */
    public record Entry(Technique technique, boolean swaps) {
        public static final Entry PITFALLS = new Entry(null, false);
        public static final Entry SWAPS = new Entry(null, true);

        public Entry(Technique technique) {
            this(technique, false);
        }

        public boolean isPitfalls() {
            return technique == null && !swaps;
        }

        public boolean isSwaps() {
            return swaps;
        }

        @Override
        public String toString() {
            return swaps ? "Instead of this, say that" : technique == null ? "Pitfalls to avoid" : technique.name();
        }
    }

    private final Catalog catalog;
    private final ObjectProperty<Entry> open = new SimpleObjectProperty<>();
    private final String highlight;

    /** Opens at {@code id}: a technique, a step (its technique, the step highlighted) or a pitfall; null for the first. */
    public TechniquesViewModel(Catalog catalog, String id) {
        this.catalog = catalog;
        this.highlight = id;
        if (id != null && catalog.isPitfall(id)) {
            open.set(Entry.PITFALLS);
        } else {
            open.set(new Entry(id == null ? catalog.techniques().get(0) : catalog.techniqueOf(id).orElse(catalog.techniques().get(0))));
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public ObjectProperty<Entry> openProperty() {
        return open;
    }

    public String highlight() {
        return highlight;
    }

    public java.util.List<Entry> entries() {
        var list = new java.util.ArrayList<Entry>();
        for (Technique t : catalog.techniques()) list.add(new Entry(t));
        list.add(Entry.PITFALLS);
        if (!catalog.swaps().isEmpty()) list.add(Entry.SWAPS);
        return list;
    }
}
