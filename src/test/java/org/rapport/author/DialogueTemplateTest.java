package org.rapport.author;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.model.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialogueTemplateTest {
    private static final Catalog CATALOG = Catalog.bundled();

    @Test
    void theTemplateIsAValidDialogueWithNothingToWarnAbout() {
        String text = DialogueTemplate.text("kettle-after-a-week", "A kettle that died after a week");
        Validated v = new Validator(CATALOG).validate("kettle-after-a-week.json", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), v.diagnostics());
        assertEquals("kettle-after-a-week", v.dialogue().id());
        assertEquals("A kettle that died after a week", v.dialogue().title());
        assertTrue(text.contains("\"$schema\": \"./dialogue.schema.json\""));
        PathReport r = PathAnalysis.analyze(v.dialogue(), CATALOG);
        assertEquals(List.of(), r.findings(), "its best replies win the customer, and every node can be reached");
        assertEquals(Outcome.WON, r.best().outcome());
        EnumSet<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
        v.dialogue().endings().forEach(e -> outcomes.add(e.ending().outcome()));
        assertEquals(EnumSet.allOf(Outcome.class), outcomes, "shows all three outcomes");
    }

    @Test
    void aTitleWithQuotesStaysValidJson() {
        String text = DialogueTemplate.text("quoted", "The \"free\" upgrade \\ that wasn't");
        Validated v = new Validator(CATALOG).validate("quoted.json", text.getBytes(StandardCharsets.UTF_8));
        assertTrue(v.playable(), v.diagnostics().toString());
        assertEquals("The \"free\" upgrade \\ that wasn't", v.dialogue().title());
    }

    @Test
    void writingNeverOverwritesAndPutsTheSchemaBesideTheFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("kettle.json");
        Path schema = DialogueTemplate.write(f, "kettle", "Kettle");
        assertEquals(dir.resolve("dialogue.schema.json").toAbsolutePath(), schema.toAbsolutePath());
        assertTrue(new Validator(CATALOG).validate(f).playable());
        Files.writeString(f, "my own work");
        assertThrows(FileAlreadyExistsException.class, () -> DialogueTemplate.write(f, "kettle", "Kettle"));
        assertEquals("my own work", Files.readString(f), "an existing file is never replaced");
        assertNull(DialogueTemplate.write(dir.resolve("second.json"), "second", "Second"), "the schema is already there");
    }

    @Test
    void idsAndTitlesComeFromFileNames() {
        assertEquals("late-parcel-draft", DialogueTemplate.idFromFileName(Path.of("Late Parcel (draft).json")));
        assertEquals("Late parcel draft", DialogueTemplate.titleFromId("late-parcel-draft"));
        assertThrows(IllegalArgumentException.class, () -> DialogueTemplate.text("Not Kebab", "x"));
    }
}
