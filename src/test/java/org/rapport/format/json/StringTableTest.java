package org.rapport.format.json;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The parser keeps each short string once per file; the text of the strings stays exactly what the file says. */
class StringTableTest {
    @Test
    void anIdAndEveryRouteToItAreOneString() throws JsonSyntaxError {
        JsonValue root = StrictJsonParser.parse("""
                {"nodes": {"n1": {"next": [{"to": "n2"}, {"to": "n2"}]}, "n2": {"tests": ["lead.listen"], "uses": ["lead.listen"]}}}""");
        var nodes = ((JsonValue.JObject) root).members().get("nodes").value();
        var n1 = (JsonValue.JObject) ((JsonValue.JObject) nodes).members().get("n1").value();
        var n2Key = ((JsonValue.JObject) nodes).members().keySet().stream().filter("n2"::equals).findFirst().orElseThrow();
        var routes = (JsonValue.JArray) n1.members().get("next").value();
        String first = to(routes.items().get(0));
        String second = to(routes.items().get(1));
        assertEquals("n2", first);
        assertSame(first, second);
        assertSame(n2Key, first, "the node's key and the routes to it are the same string");
    }

    @Test
    void longTextsAreCopiedAndEscapedTextsDecoded() throws JsonSyntaxError {
        String longText = "x".repeat(StringTable.MAX_LENGTH + 1);
        JsonValue root = StrictJsonParser.parse("[\"" + longText + "\", \"" + longText + "\", \"a\\\"b\", \"a\\\"b\"]");
        List<JsonValue> items = ((JsonValue.JArray) root).items();
        String a = ((JsonValue.JString) items.get(0)).value();
        String b = ((JsonValue.JString) items.get(1)).value();
        assertEquals(longText, a);
        assertNotSame(a, b);
        assertEquals("a\"b", ((JsonValue.JString) items.get(2)).value());
    }

    @Test
    void aShortLineSomeoneSaysIsCopiedNotKept() {
        StringTable table = new StringTable();
        byte[] bytes = "\"I see.\" \"I see.\" \"lead.listen\" \"lead.listen\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String first = table.get(bytes, 1, 7);
        String second = table.get(bytes, 10, 16);
        assertEquals("I see.", first);
        assertEquals("I see.", second);
        assertNotSame(first, second, "a text with a space is not kept: such lines are rarely said twice");
        assertSame(table.get(bytes, 19, 30), table.get(bytes, 33, 44), "a tag still is");
        assertEquals("lead.listen", table.get(bytes, 33, 44));
    }

    @Test
    void manyDistinctStringsEachComeBackThemselves() {
        StringTable table = new StringTable();
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            String s = "node-" + Integer.toString(n * 7919, 36);
            spans.add(new int[]{text.length(), text.length() + s.length()});
            text.append(s).append(' ');
        }
        String all = text.toString();
        byte[] bytes = all.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        List<String> firstTime = new ArrayList<>();
        for (int[] span : spans) firstTime.add(table.get(bytes, span[0], span[1]));
        for (int k = 0; k < spans.size(); k++) {
            int[] span = spans.get(k);
            String again = table.get(bytes, span[0], span[1]);
            assertEquals(all.substring(span[0], span[1]), again);
            assertSame(firstTime.get(k), again);
        }
    }

    @Test
    void aNameGivenBeforehandIsTheStringTheFileGetsBack() {
        StringTable table = new StringTable();
        String next = new String("next".toCharArray());
        table.add(next);
        byte[] bytes = "{\"next\": 1}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertSame(next, table.get(bytes, 2, 6), "bytes hash as String.hashCode does, so the given name is found");
        String pastAscii = "a\u00e9";
        assertEquals("em".hashCode(), pastAscii.hashCode(), "the same hash and length as the bytes below");
        table.add(pastAscii);
        byte[] em = "\"em\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("em", table.get(em, 1, 3), "a name past ASCII is never what ASCII bytes read as");
    }

    private static String to(JsonValue route) {
        return ((JsonValue.JString) ((JsonValue.JObject) route).members().get("to").value()).value();
    }
}
