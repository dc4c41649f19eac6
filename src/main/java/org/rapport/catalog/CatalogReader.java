package org.rapport.catalog;

import org.rapport.format.json.JsonSyntaxError;
import org.rapport.format.json.JsonValue;
import org.rapport.format.json.JsonValue.JArray;
import org.rapport.format.json.JsonValue.JBool;
import org.rapport.format.json.JsonValue.JNumber;
import org.rapport.format.json.JsonValue.JObject;
import org.rapport.format.json.JsonValue.JString;
import org.rapport.format.json.StrictJsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the catalog file through the project's own strict JSON parser, not by reflection, so the same code runs in the
 * desktop app and in the web player (compiled to JavaScript, where there is no reflection). Unknown keys are ignored
 * and missing ones read as empty, as the catalog has always been read; a value of the wrong type is an error that
 * names the key and its line.
 */
final class CatalogReader {
    private CatalogReader() {
    }

    static Catalog read(String text) {
        JsonValue root;
        try {
            root = StrictJsonParser.parse(text);
        } catch (JsonSyntaxError e) {
            throw new IllegalStateException("The technique catalog cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof JObject o) || !(o.get("techniques") instanceof JArray) || !(o.get("pitfalls") instanceof JArray)) {
            throw new IllegalStateException("The technique catalog is empty or incomplete.");
        }
        List<Technique> techniques = objects(o, "techniques").stream().map(CatalogReader::technique).toList();
        List<Pitfall> pitfalls = objects(o, "pitfalls").stream().map(CatalogReader::pitfall).toList();
        List<Swap> swaps = objects(o, "swaps").stream()
                .map(s -> new Swap(string(s, "instead"), string(s, "say"), string(s, "step"), string(s, "why"))).toList();
        Map<String, List<String>> cueWords = new LinkedHashMap<>();
        if (o.get("cueWords") instanceof JObject words) {
            words.members().forEach((k, m) -> cueWords.put(k, strings(words, k)));
        } else if (o.get("cueWords") != null && !(o.get("cueWords") instanceof JsonValue.JNull)) {
            throw wrong("cueWords", "an object", o.get("cueWords"));
        }
        return new Catalog(techniques, pitfalls, swaps, cueWords);
    }

    private static Technique technique(JObject t) {
        return new Technique(string(t, "id"), string(t, "name"), string(t, "description"), string(t, "source"),
                objects(t, "steps").stream().map(CatalogReader::step).toList());
    }

    private static Step step(JObject s) {
        JObject look = object(s, "lookFor");
        return new Step(string(s, "id"), string(s, "name"), string(s, "summary"), strings(s, "soundsLike"),
                strings(s, "mistakes"), strings(s, "after"), string(s, "discuss"), bool(s, "silent"),
                look == null ? null : new LookFor(objects(look, "parts").stream().map(CatalogReader::cuePart).toList(),
                        string(look, "found"), string(look, "missing")));
    }

    private static CuePart cuePart(JObject p) {
        JsonValue echo = p.get("echo");
        int n = 0;
        if (echo instanceof JNumber num && num.asLong() != null) n = (int) (long) num.asLong();
        else if (echo != null && !(echo instanceof JsonValue.JNull)) throw wrong("echo", "a whole number", echo);
        return new CuePart(strings(p, "phrases"), string(p, "list"), n, string(p, "missing"));
    }

    private static Pitfall pitfall(JObject p) {
        return new Pitfall(string(p, "id"), string(p, "name"), strings(p, "soundsLike"), string(p, "whyItHurts"),
                string(p, "instead"), string(p, "source"), string(p, "discuss"),
                objects(p, "tells").stream().map(t -> new Tell(strings(t, "phrases"), string(t, "list"), string(t, "says"))).toList(),
                strings(p, "tellsUnless"));
    }

    private static String string(JObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v instanceof JsonValue.JNull) return null;
        if (v instanceof JString s) return s.value();
        throw wrong(key, "text", v);
    }

    private static boolean bool(JObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v instanceof JsonValue.JNull) return false;
        if (v instanceof JBool b) return b.value();
        throw wrong(key, "true or false", v);
    }

    private static JObject object(JObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v instanceof JsonValue.JNull) return null;
        if (v instanceof JObject j) return j;
        throw wrong(key, "an object", v);
    }

    private static List<String> strings(JObject o, String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : items(o, key)) {
            if (!(v instanceof JString s)) throw wrong(key, "a list of texts", v);
            out.add(s.value());
        }
        return out;
    }

    private static List<JObject> objects(JObject o, String key) {
        List<JObject> out = new ArrayList<>();
        for (JsonValue v : items(o, key)) {
            if (!(v instanceof JObject j)) throw wrong(key, "a list of objects", v);
            out.add(j);
        }
        return out;
    }

    private static List<JsonValue> items(JObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v instanceof JsonValue.JNull) return List.of();
        if (v instanceof JArray a) return a.items();
        throw wrong(key, "a list", v);
    }

    private static IllegalStateException wrong(String key, String expected, JsonValue v) {
        return new IllegalStateException("The technique catalog cannot be read: \"" + key + "\" on line " + v.pos().line()
                + " should be " + expected + ", not " + v.typeName() + ".");
    }
}
