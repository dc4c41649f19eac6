package org.rapport.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.Fixtures;
import org.rapport.catalog.Catalog;
import org.rapport.classroom.ClassFixtures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More than thirty ways a history file can be wrong, each imported into a store that already holds an attempt: every
 * one is refused with a message that names what is wrong (the attempt and the field where there is one), nothing is
 * imported, and the store is exactly as it was.
 */
class MalformedHistoryImportTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @TempDir
    static Path dir;
    /** A valid export: Ana's two attempts at the late parcel. */
    static String valid;

    @BeforeAll
    static void export() throws IOException {
        try (Store s = Store.openSqlite(dir.resolve("laptop"), ClassFixtures.ticking())) {
            Trainee ana = s.createTrainee("Ana");
            ClassFixtures.play(s, ana, Fixtures.minimal(), CATALOG, ClassFixtures.LISTEN_BEST, ClassFixtures.ACCEPT_WEAK);
            ClassFixtures.play(s, ana, Fixtures.minimal(), CATALOG, ClassFixtures.LISTEN_BEST, ClassFixtures.ACCEPT_BEST);
            valid = HistoryFile.toJson(s, ana, CATALOG, ClassFixtures.ticking().millis());
        }
    }

    private static JsonObject tree() {
        return JsonParser.parseString(valid).getAsJsonObject();
    }

    private static JsonObject first(JsonObject root) {
        return root.getAsJsonArray("attempts").get(0).getAsJsonObject();
    }

    private static JsonObject decision(JsonObject root, int i) {
        return first(root).getAsJsonArray("decisions").get(i).getAsJsonObject();
    }

    /** A case: a name, the file's bytes, and words the message must contain. */
    private static Arguments edit(String name, Consumer<JsonObject> change, String says) {
        JsonObject t = tree();
        change.accept(t);
        return Arguments.of(name, t.toString().getBytes(StandardCharsets.UTF_8), says);
    }

    private static Arguments raw(String name, byte[] bytes, String says) {
        return Arguments.of(name, bytes, says);
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        c.add(edit("format is text", t -> t.addProperty("format", "abc"), "\"format\" is not a version number"));
        c.add(edit("a newer format", t -> t.addProperty("format", 2), "history format 2"));
        c.add(edit("no kind", t -> t.remove("kind"), "not a Rapport history file"));
        c.add(edit("no trainee", t -> t.remove("trainee"), "does not say whose history it is"));
        c.add(edit("the name is an object", t -> t.getAsJsonObject("trainee").add("name", new JsonObject()), "does not say whose history it is"));
        c.add(edit("a blank name", t -> t.getAsJsonObject("trainee").addProperty("name", "  "), "does not say whose history it is"));
        c.add(edit("attempts is an object", t -> t.add("attempts", new JsonObject()), "no list of attempts"));
        c.add(edit("exported in the year 10000", t -> t.addProperty("exported", 253_402_300_800_000L), "\"exported\" time is not a real moment"));
        c.add(edit("an attempt that is text", t -> t.getAsJsonArray("attempts").set(0, new com.google.gson.JsonPrimitive("hello")), "attempt 1: it is the text"));
        c.add(edit("no key", t -> first(t).remove("key"), "attempt 1: \"key\" is missing"));
        c.add(edit("a key that is a number", t -> first(t).addProperty("key", 7), "attempt 1: \"key\" must be text, but it is the number 7"));
        c.add(edit("a key too long", t -> first(t).addProperty("key", "k".repeat(500)), "\"key\" must be 1 to 200 characters"));
        c.add(edit("an unknown mode", t -> first(t).addProperty("mode", "exam"), "\"mode\" must be \"practice\", \"assessment\" or \"say-first\""));
        c.add(edit("started is text", t -> first(t).addProperty("started", "abc"), "\"started\" must be a whole number, but it is the text \"abc\""));
        c.add(edit("started is a fraction", t -> first(t).addProperty("started", 1.5), "\"started\" must be a whole number"));
        c.add(edit("started in the year 10000", t -> first(t).addProperty("started", 253_402_300_800_000L), "\"started\" is 253402300800000"));
        c.add(edit("finished before started", t -> first(t).addProperty("finished", first(t).get("started").getAsLong() - 60_000), "is before \"started\""));
        c.add(edit("finished is negative", t -> first(t).addProperty("finished", -5), "\"finished\" is -5"));
        c.add(edit("no dialogue", t -> first(t).remove("dialogue"), "\"dialogue\" is missing"));
        c.add(edit("the dialogue is a list", t -> first(t).add("dialogue", new JsonArray()), "\"dialogue\" must be an object, but it is a list"));
        c.add(edit("no dialogue content", t -> first(t).getAsJsonObject("dialogue").remove("content"), "\"content\" is missing"));
        c.add(edit("a damaged dialogue copy", t -> first(t).getAsJsonObject("dialogue").addProperty("content", "{}"), "the copy of its dialogue"));
        c.add(edit("a start node not in the dialogue", t -> first(t).addProperty("startNode", "nowhere"), "\"startNode\" \"nowhere\" is not in its dialogue"));
        c.add(edit("a mood out of range", t -> first(t).addProperty("startMood", 9), "\"startMood\" is 9; it must be a mood from -5 to 5"));
        c.add(edit("a seed that is text", t -> first(t).addProperty("seed", "x"), "\"seed\" must be a whole number"));
        c.add(edit("no decisions", t -> first(t).remove("decisions"), "\"decisions\" is missing or not a list"));
        c.add(edit("a decision that is a number", t -> first(t).getAsJsonArray("decisions").set(0, new com.google.gson.JsonPrimitive(3)),
                "decision 1 is the number 3, not an object"));
        c.add(edit("a decision at another node", t -> decision(t, 0).addProperty("node", "calmer"), "decision 1: its replies do not fit"));
        c.add(edit("a reply that is not there", t -> decision(t, 0).addProperty("chosenPosition", 9), "decision 1: \"chosenPosition\" is 9"));
        c.add(edit("a negative reply", t -> decision(t, 0).addProperty("chosenPosition", -1), "\"chosenPosition\" is -1"));
        c.add(edit("negative thinking time", t -> decision(t, 0).addProperty("millis", -1), "decision 1: \"millis\" is -1"));
        c.add(edit("thinking time as text", t -> decision(t, 0).addProperty("millis", "fast"), "\"millis\" must be a whole number"));
        c.add(edit("a decision missing", t -> first(t).getAsJsonArray("decisions").remove(1), "never reached an ending"));
        c.add(edit("a decision too many", t -> first(t).getAsJsonArray("decisions").add(decision(t, 1).deepCopy()), "more replies than its conversation had"));
        c.add(edit("replies longer than the attempt", t -> decision(t, 0).addProperty("millis", 80_000_000), "took longer"));
        c.add(edit("the second attempt broken, the first fine", t -> t.getAsJsonArray("attempts").get(1).getAsJsonObject().addProperty("mode", 3),
                "attempt 2: \"mode\" must be text"));
        c.add(raw("data after the closing brace", (valid + "\n{\"more\": 1}").getBytes(StandardCharsets.UTF_8), "something after the history's closing brace"));
        byte[] bad = valid.getBytes(StandardCharsets.UTF_8).clone();
        int at = valid.indexOf("\"Ana\"") + 1;
        bad[at] = (byte) 0xC3; // a lead byte followed by an ASCII letter: not UTF-8
        c.add(raw("a byte that is not UTF-8", bad, "the byte at offset " + at));
        c.add(raw("not JSON at all", "hello".getBytes(StandardCharsets.UTF_8), "it is not valid JSON"));
        c.add(raw("an empty file", new byte[0], "it is empty"));
        c.add(raw("a list, not an object", "[1, 2]".getBytes(StandardCharsets.UTF_8), "it is not a JSON object"));
        c.add(raw("nested a thousand deep", ("{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}").getBytes(StandardCharsets.UTF_8), "it is not valid JSON"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMalformedHistoryIsRefusedInWordsAndTheStoreStaysAsItWas(String name, byte[] bytes, String says) throws IOException {
        Path file = dir.resolve("history-" + Math.abs(name.hashCode()) + ".json");
        Files.write(file, bytes);
        try (Store s = Store.openSqlite(dir.resolve("store-" + Math.abs(name.hashCode())), ClassFixtures.ticking())) {
            Trainee bo = s.createTrainee("Bo");
            ClassFixtures.play(s, bo, Fixtures.minimal(), CATALOG, ClassFixtures.LISTEN_HARMFUL, ClassFixtures.EMPATHIZE_BEST);
            List<AttemptSummary> before = s.history(bo.id());
            StoreException e = assertThrows(StoreException.class, () -> HistoryFile.importInto(s, bo, CATALOG, file, Set.of("late-parcel")));
            assertTrue(e.getMessage().startsWith(file.getFileName() + " was not imported"), e.getMessage());
            assertTrue(e.getMessage().contains(says), "\"" + says + "\" in: " + e.getMessage());
            assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("java."), "no class names: " + e.getMessage());
            assertEquals(before, s.history(bo.id()), "nothing was imported and nothing changed");
            assertEquals(1, s.trainees().size());
        }
    }

    @org.junit.jupiter.api.Test
    void theValidFileImportsWhole() throws IOException {
        Path file = dir.resolve("valid.json");
        Files.writeString(file, valid);
        try (Store s = Store.openSqlite(dir.resolve("store-valid"), ClassFixtures.ticking())) {
            Trainee bo = s.createTrainee("Bo");
            assertEquals(2, HistoryFile.importInto(s, bo, CATALOG, file, Set.of("late-parcel")).imported());
            assertEquals(2, s.history(bo.id()).size());
        }
    }
}
