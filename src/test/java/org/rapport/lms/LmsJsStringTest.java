package org.rapport.lms;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dialogue text as JavaScript string literals: nothing in a line can end the string or the script. */
class LmsJsStringTest {
    /** The literal's value: the escapes used are JSON's too, so a JSON parser reads the literal back. */
    static String value(String literal) {
        return JsonParser.parseString(literal).getAsString();
    }

    @Test
    void aScriptEndInADialogueLineCannotEndTheScript() {
        String line = "She typed </script><script>alert(1)</script> into the chat";
        String q = JsString.quote(line);
        assertFalse(q.contains("</"), q);
        assertTrue(q.contains("<\\/script>"), q);
        assertEquals(line, value(q));
    }

    @Test
    void lineAndParagraphSeparatorsQuotesBackslashesAndControlCharactersAreEscaped() {
        String s = "a\u2028b\u2029c \"quoted\" back\\slash tab\t nl\n cr\r nul\u0000 bell\u0007 del\u007f é 😀";
        String q = JsString.quote(s);
        assertFalse(q.contains("\u2028") || q.contains("\u2029") || q.contains("\n") || q.contains("\r") || q.contains("\u0000")
                || q.contains("\u0007") || q.contains("\t"), q);
        assertTrue(q.contains("\\u2028") && q.contains("\\u2029") && q.contains("\\\"quoted\\\"") && q.contains("back\\\\slash"), q);
        assertEquals(s, value(q));
        assertTrue(q.contains("é 😀"), "other text is kept as it is (the files are UTF-8)");
    }

    @Test
    void aLoneSurrogateIsEscapedSoTheFileStaysValidUtf8() {
        String s = "x\uD800y";
        String q = JsString.quote(s);
        assertTrue(q.contains("\\ud800"), q);
        assertEquals(s, value(q));
    }

    @Test
    void jsonMadeSafeKeepsItsValue() {
        String json = "{\"t\":\"</script>\u2028\"}";
        String safe = JsString.safeJson(json);
        assertFalse(safe.contains("</") || safe.contains("\u2028"), safe);
        assertEquals(JsonParser.parseString(json), JsonParser.parseString(safe));
    }

    @Test
    void theDialogueScriptHoldsTheFilesExactText() {
        String file = "{\n  \"say\": \"</script> \\\"hi\\\" \u2028\"\n}\n";
        String js = LmsPackage.dialogueScript(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(js.startsWith("window.RAPPORT_DIALOGUE = \"") && js.endsWith("\";\n"));
        assertEquals(file, value(js.substring("window.RAPPORT_DIALOGUE = ".length(), js.length() - 2)));
    }
}
