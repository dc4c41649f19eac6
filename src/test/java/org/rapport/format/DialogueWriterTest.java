package org.rapport.format;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.rapport.library.DialogueLibrary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The canonical form the author view saves and `rapport format` writes. */
class DialogueWriterTest {
    @Test
    void everyBundledDialogueIsInTheCanonicalFormAndFormattingTwiceChangesNothing() throws IOException {
        List<Path> files = DialogueLibrary.dialogueFiles(Path.of("dialogues"));
        assertTrue(files.size() >= 12);
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String once = DialogueWriter.format(text);
            assertEquals(text, once, f + " is not in the canonical form: run rapport format " + f);
            assertEquals(once, DialogueWriter.format(once), "formatting twice changes nothing");
            assertEquals(JsonParser.parseString(text), JsonParser.parseString(once), "the same content");
        }
    }

    @Test
    void keyOrderUnknownFieldsAndTextAreKeptAndOnlyLongListsWrap() {
        String messy = "{\"$schema\":\"./dialogue.schema.json\",\"zeta\":1,\"format\":1,\"x-note\":{\"b\":2,\"a\":[1,2]},"
                + "\"say\":\"She said \\\"no\\\" \u2014 caf\u00e9\\n\\tok\",\"tags\":[\"a\",\"b\"],\"long\":[\"" + "w".repeat(60) + "\",\""
                + "v".repeat(60) + "\"],\"next\":[{\"moodAtMost\":-3,\"to\":\"x\"},{\"to\":\"y\"}],\"n\":-1.50}";
        String out = DialogueWriter.format(messy);
        assertEquals("""
                {
                  "$schema": "./dialogue.schema.json",
                  "zeta": 1,
                  "format": 1,
                  "x-note": {
                    "b": 2,
                    "a": [1, 2]
                  },
                  "say": "She said \\"no\\" \u2014 caf\u00e9\\n\\tok",
                  "tags": ["a", "b"],
                  "long": [
                    "%s",
                    "%s"
                  ],
                  "next": [{"moodAtMost": -3, "to": "x"}, {"to": "y"}],
                  "n": -1.50
                }
                """.formatted("w".repeat(60), "v".repeat(60)), out);
        assertEquals(JsonParser.parseString(messy), JsonParser.parseString(out));
    }
}
