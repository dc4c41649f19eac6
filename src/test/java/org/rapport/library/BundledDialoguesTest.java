package org.rapport.library;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every dialogue that ships must load with no error and no warning. */
class BundledDialoguesTest {
    @Test
    void everyBundledDialogueIsClean() throws IOException {
        DialogueLibrary lib = DialogueLibrary.load(new Validator(Catalog.bundled()), List.of(Path.of("dialogues")));
        assertFalse(lib.entries().isEmpty(), "dialogues/ ships at least one dialogue");
        List<String> problems = lib.diagnostics().stream().map(Diagnostic::toLine).toList();
        assertEquals(List.of(), problems);
        for (Validated v : lib.entries()) {
            assertEquals(v.dialogue().id() + ".json", Path.of(v.file()).getFileName().toString(), "file name follows the id");
        }
    }

    @Test
    void theSchemaShippedWithTheDialoguesIsTheOneInTheApp() throws IOException {
        assertEquals(Files.readString(Path.of("src/main/resources/org/rapport/format/dialogue.schema.json")),
                Files.readString(Path.of("dialogues/dialogue.schema.json")));
    }
}
