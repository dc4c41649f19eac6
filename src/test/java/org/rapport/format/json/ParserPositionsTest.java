package org.rapport.format.json;

import org.junit.jupiter.api.Test;
import org.rapport.diag.Position;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parser reads UTF-8 bytes, yet the lines and columns it gives are an editor's: counted in characters (UTF-16
 * units), whatever the texts before them on the line are written in. Held against positions found in the decoded text.
 */
class ParserPositionsTest {
    /** Texts of one, two, three and four bytes a character (the last a surrogate pair in Java). */
    private static final String[] WORDS = {"plain", "café", "naïve résumé", "Grüße", "日本語", "€20", "ok 👍", "😀😀", "\u00a0",
            "quote \\\" inside", "tab\\tand \\u00e9"};

    @Test
    void everyValueIsWhereTheDecodedTextHasIt() throws JsonSyntaxError {
        Random r = new Random(11);
        for (int round = 0; round < 300; round++) {
            List<Integer> starts = new ArrayList<>();
            String text = document(r, starts);
            JsonValue root = StrictJsonParser.parse(text.getBytes(StandardCharsets.UTF_8), 0, null, null, List.of());
            List<Position> found = new ArrayList<>();
            for (JsonValue.Member m : ((JsonValue.JObject) root).members().values()) {
                for (JsonValue item : ((JsonValue.JArray) m.value()).items()) found.add(item.pos());
            }
            assertEquals(starts.size(), found.size());
            for (int k = 0; k < starts.size(); k++) {
                assertEquals(positionOf(text, starts.get(k)), found.get(k), "value " + k + " of\n" + text);
            }
        }
    }

    @Test
    void aSlipAfterTextsOfAnyScriptIsPointedAtExactly() {
        Random r = new Random(12);
        for (int round = 0; round < 300; round++) {
            String text = document(r, new ArrayList<>());
            // A stray character just before one of the commas between items, or the last brace: an editor's column for it.
            List<Integer> commas = new ArrayList<>();
            boolean inString = false;
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == '"' && text.charAt(k - 1) != '\\') inString = !inString;
                if (c == ',' && !inString) commas.add(k);
            }
            commas.add(text.length() - 1);
            int at = commas.get(r.nextInt(commas.size()));
            String broken = text.substring(0, at) + " @" + text.substring(at);
            JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
                    () -> StrictJsonParser.parse(broken.getBytes(StandardCharsets.UTF_8), 0, null, null, List.of()));
            assertEquals(positionOf(broken, at + 1), e.pos(), e.getMessage() + " in\n" + broken);
        }
    }

    @Test
    void textsComeBackAsWritten() throws JsonSyntaxError {
        JsonValue root = StrictJsonParser.parse("[\"café\", \"日本語\", \"ok 👍\", \"\uFFFD is a real character\", \"\\u00e9\\\"é\"]");
        List<String> texts = ((JsonValue.JArray) root).items().stream().map(v -> ((JsonValue.JString) v).value()).toList();
        assertEquals(List.of("café", "日本語", "ok 👍", "\uFFFD is a real character", "é\"é"), texts);
    }

    @Test
    void aBadByteIsReportedWhereItIsNotAsAReplacementCharacter() {
        byte[] bytes = "{\"a\": \"fine\",\n \"b\": \"caf?\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xE9; // Latin-1 é: not UTF-8
        JsonSyntaxError e = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse(bytes, 0, null, null, List.of()));
        assertEquals("RAP003", e.code());
        assertEquals(new Position(2, 11), e.pos());
        assertTrue(Utf8.isUtf8("{\"a\": \"café\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aCharacterOutOfPlaceIsNamedWhole() {
        JsonSyntaxError e = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse("{\"a\": 1, 😀}"));
        assertTrue(e.getMessage().contains("'😀'"), e.getMessage());
        assertEquals(new Position(1, 10), e.pos());
    }

    @Test
    void aCharacterOutOfPlaceIsQuotedAsTheCharacterItIs() {
        JsonSyntaxError brace = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse("{\"a\": }"));
        assertTrue(brace.getMessage().startsWith("Found '}' where a value"), brace.getMessage());
        JsonSyntaxError bracket = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse("[1, ]"));
        assertTrue(bracket.getMessage().contains("Trailing comma before ']'"), bracket.getMessage());
        JsonSyntaxError letter = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse("{\"a\": x}"));
        assertTrue(letter.getMessage().startsWith("Unexpected 'x': expected a value"), letter.getMessage());
        JsonSyntaxError space = assertThrows(JsonSyntaxError.class, () -> StrictJsonParser.parse("{\"a\": \u00a0}"));
        assertTrue(space.getMessage().startsWith("Unexpected U+00A0"), space.getMessage());
    }

    /** An object of lists of texts and numbers over several lines; {@code starts} gets each item's character index. */
    private static String document(Random r, List<Integer> starts) {
        StringBuilder sb = new StringBuilder("{");
        int fields = 1 + r.nextInt(4);
        for (int f = 0; f < fields; f++) {
            if (f > 0) sb.append(',');
            sb.append(r.nextBoolean() ? "\n  " : " ").append('"').append(WORDS[r.nextInt(WORDS.length)]).append(f).append("\": [");
            int items = 1 + r.nextInt(4);
            for (int k = 0; k < items; k++) {
                if (k > 0) sb.append(r.nextInt(3) == 0 ? ",\n    " : ", ");
                starts.add(sb.length());
                if (r.nextInt(4) == 0) {
                    sb.append(r.nextInt(1000));
                } else {
                    sb.append('"');
                    for (int w = 0, n = 1 + r.nextInt(3); w < n; w++) sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
                    sb.append('"');
                }
            }
            sb.append(']');
        }
        return sb.append("\n}").toString();
    }

    /** Line and column of character {@code index}, counted as an editor counts them. */
    private static Position positionOf(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < index; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Position(line, index - lineStart + 1);
    }
}
