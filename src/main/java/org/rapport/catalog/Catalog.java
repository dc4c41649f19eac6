package org.rapport.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The technique catalog: every technique, step and pitfall a dialogue may tag. Immutable; load the bundled one with
 * {@link #bundled()}.
 */
public final class Catalog {
    private static final String RESOURCE = "/org/rapport/catalog/techniques.json";

    private final List<Technique> techniques;
    private final List<Pitfall> pitfalls;
    private final List<Swap> swaps;
    private final Map<String, List<String>> cueWords;
    private final Map<String, Technique> techniqueById = new LinkedHashMap<>();
    private final Map<String, Step> stepById = new LinkedHashMap<>();
    private final Map<String, Technique> techniqueOfStep = new LinkedHashMap<>();
    private final Map<String, Pitfall> pitfallById = new LinkedHashMap<>();

    public Catalog(List<Technique> techniques, List<Pitfall> pitfalls) {
        this(techniques, pitfalls, List.of());
    }

    public Catalog(List<Technique> techniques, List<Pitfall> pitfalls, List<Swap> swaps) {
        this(techniques, pitfalls, swaps, Map.of());
    }

    public Catalog(List<Technique> techniques, List<Pitfall> pitfalls, List<Swap> swaps, Map<String, List<String>> cueWords) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        cueWords.forEach((k, v) -> words.put(k, v == null ? List.of() : List.copyOf(v)));
        this.cueWords = java.util.Collections.unmodifiableMap(words);
        this.techniques = List.copyOf(techniques);
        this.pitfalls = List.copyOf(pitfalls);
        this.swaps = List.copyOf(swaps);
        for (Technique t : this.techniques) {
            techniqueById.put(t.id(), t);
            for (Step s : t.steps()) {
                stepById.put(s.id(), s);
                techniqueOfStep.put(s.id(), t);
            }
        }
        for (Pitfall p : this.pitfalls) pitfallById.put(p.id(), p);
    }

    /** The catalog shipped inside the application, read once (by whichever thread asks first; others wait for it). */
    public static Catalog bundled() {
        return Bundled.CATALOG;
    }

    /** Holds the bundled catalog: the JVM reads it on first use, once, and makes other threads wait for it. */
    private static final class Bundled {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("The technique catalog " + RESOURCE + " is missing from the build.");
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Catalog read(Reader reader) {
        try {
            StringBuilder text = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = reader.read(buf)) > 0; ) text.append(buf, 0, n);
            return read(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a catalog file's text (the bundled one, or the part of it a package for a learning system carries). */
    public static Catalog read(String json) {
        return CatalogReader.read(json);
    }

    public List<Technique> techniques() {
        return techniques;
    }

    public List<Pitfall> pitfalls() {
        return pitfalls;
    }

    /** Active-listening swaps: "instead of this, say that", in the catalog's order. */
    public List<Swap> swaps() {
        return swaps;
    }

    /**
     * Named word lists the phrase coach's cues refer to ({@code "list": "feelings"}), and its grammar words:
     * {@code numbers} (what {@code #} matches besides digits), {@code negations} (a cue just after one does not count)
     * and {@code notContent} (words too common to show that a reply echoes the customer).
     */
    public Map<String, List<String>> cueWords() {
        return cueWords;
    }

    public List<String> cueWords(String name) {
        return cueWords.getOrDefault(name, List.of());
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniqueById.get(id));
    }

    public Optional<Step> step(String id) {
        return Optional.ofNullable(stepById.get(id));
    }

    public Optional<Pitfall> pitfall(String id) {
        return Optional.ofNullable(pitfallById.get(id));
    }

    /** The technique a step belongs to, or the technique itself when given a technique id. */
    public Optional<Technique> techniqueOf(String stepOrTechniqueId) {
        Technique t = techniqueOfStep.get(stepOrTechniqueId);
        return t != null ? Optional.of(t) : technique(stepOrTechniqueId);
    }

    public boolean isStep(String id) {
        return stepById.containsKey(id);
    }

    public boolean isTechnique(String id) {
        return techniqueById.containsKey(id);
    }

    public boolean isPitfall(String id) {
        return pitfallById.containsKey(id);
    }

    /** Every id a dialogue may use anywhere: techniques, steps and pitfalls. */
    public List<String> allIds() {
        var ids = new java.util.ArrayList<String>(techniqueById.keySet());
        ids.addAll(stepById.keySet());
        ids.addAll(pitfallById.keySet());
        return ids;
    }

    /** A human name for any id: "LEAD: Listen", "The sympathy trap", or the id itself when unknown. */
    public String displayName(String id) {
        Step s = stepById.get(id);
        if (s != null) return techniqueOfStep.get(id).name() + ": " + s.name();
        Technique t = techniqueById.get(id);
        if (t != null) return t.name();
        Pitfall p = pitfallById.get(id);
        return p != null ? p.name() : id;
    }
}
