package org.rapport.lms;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.rapport.catalog.Catalog;
import org.rapport.model.Choice;
import org.rapport.model.CustomerNode;
import org.rapport.model.Dialogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The catalog file cut down to what some dialogues use, for the web player: every technique one of their decisions
 * tests or one of their replies uses (a step's id or the technique's own), whole, with all its steps; every pitfall a
 * reply falls into; and {@code format}. The phrase coach's data stays out ({@code swaps}, {@code cueWords}, and each
 * step's {@code lookFor} and each pitfall's {@code tells}/{@code tellsUnless}): the web player does not coach typed
 * replies. The debrief reads only the techniques a dialogue tags, so it is the same on the cut catalog as on the whole.
 * The result is still a catalog file that {@link Catalog} reads.
 */
public final class CatalogSubset {
    static final String RESOURCE = "/org/rapport/catalog/techniques.json";

    private CatalogSubset() {
    }

    /** The bundled catalog file, cut down for {@code dialogues}, as compact JSON text. */
    public static String forDialogues(Collection<Dialogue> dialogues, Catalog catalog) {
        return of(bundledText(), tagged(dialogues, catalog));
    }

    /** The ids of the techniques and pitfalls the dialogues tag, in no particular order. */
    static Set<String> tagged(Collection<Dialogue> dialogues, Catalog catalog) {
        Set<String> keep = new LinkedHashSet<>();
        for (Dialogue d : dialogues) {
            for (CustomerNode n : d.decisions()) {
                for (String t : n.tests()) catalog.techniqueOf(t).ifPresent(tech -> keep.add(tech.id()));
                for (Choice c : n.choices()) {
                    for (String u : c.uses()) catalog.techniqueOf(u).ifPresent(tech -> keep.add(tech.id()));
                    for (String p : c.pitfalls()) if (catalog.isPitfall(p)) keep.add(p);
                }
            }
        }
        return keep;
    }

    /** {@code catalogJson} keeping the techniques and pitfalls whose ids are in {@code keep}, in the file's order. */
    static String of(String catalogJson, Set<String> keep) {
        JsonObject all = JsonParser.parseString(catalogJson).getAsJsonObject();
        JsonObject out = new JsonObject();
        if (all.has("format")) out.add("format", all.get("format"));
        JsonArray techniques = new JsonArray();
        for (JsonElement e : all.getAsJsonArray("techniques")) {
            JsonObject t = e.getAsJsonObject();
            if (!keep.contains(t.get("id").getAsString())) continue;
            JsonObject copy = t.deepCopy();
            if (copy.has("steps")) for (JsonElement s : copy.getAsJsonArray("steps")) s.getAsJsonObject().remove("lookFor");
            techniques.add(copy);
        }
        out.add("techniques", techniques);
        JsonArray pitfalls = new JsonArray();
        for (JsonElement e : all.getAsJsonArray("pitfalls")) {
            JsonObject p = e.getAsJsonObject();
            if (!keep.contains(p.get("id").getAsString())) continue;
            JsonObject copy = p.deepCopy();
            copy.remove("tells");
            copy.remove("tellsUnless");
            pitfalls.add(copy);
        }
        out.add("pitfalls", pitfalls);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(out);
    }

    static String bundledText() {
        try (InputStream in = CatalogSubset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new LmsException(LmsException.Kind.BUILD, "The technique catalog " + RESOURCE + " is missing from this build.");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
