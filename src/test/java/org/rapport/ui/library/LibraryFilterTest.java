package org.rapport.ui.library;

import org.junit.jupiter.api.Test;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.library.DialogueLibrary;
import org.rapport.model.Difficulty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's search and filters, on the bundled dialogues. */
class LibraryFilterTest {
    private final Catalog catalog = Catalog.bundled();

    private List<String> visible(String words, Difficulty difficulty, String technique) throws IOException {
        DialogueLibrary lib = DialogueLibrary.load(new Validator(catalog), List.of(Path.of("dialogues")));
        return lib.entries().stream().filter(v -> LibraryViewModel.matches(v, words, difficulty, technique, catalog))
                .map(v -> v.dialogue().id()).sorted().toList();
    }

    @Test
    void everyWordMustMatchSomewhere() throws IOException {
        assertEquals(List.of("funeral-flowers", "rental-car-funeral"), visible("funeral", null, null));
        assertEquals(List.of("rental-car-funeral"), visible("FUNERAL highway", null, null), "case does not matter; all words must match");
        assertEquals(List.of(), visible("funeral submarine", null, null));
    }

    @Test
    void difficultyAndTechniqueNarrowTheList() throws IOException {
        List<String> beginners = visible("", Difficulty.BEGINNER, null);
        assertTrue(beginners.contains("coupon-other-store") && !beginners.contains("wedding-catering"), beginners.toString());
        List<String> badNews = visible("", null, "bad-news");
        assertTrue(badNews.contains("coupon-other-store"), badNews.toString());
        assertTrue(badNews.size() < 12, "not every dialogue tests bad news");
    }

    @Test
    void brokenFilesAreNeverFilteredAway() {
        Validated broken = new Validator(catalog).validate("broken.json", "{".getBytes());
        assertTrue(LibraryViewModel.matches(broken, "nothing matches this", Difficulty.ADVANCED, "lead", catalog));
    }

    @Test
    void techniquesTestedAreInCatalogOrder() throws IOException {
        DialogueLibrary lib = DialogueLibrary.load(new Validator(catalog), List.of(Path.of("dialogues/rental-car-funeral.json")));
        List<String> t = LibraryViewModel.techniquesTested(lib.entries().get(0).dialogue(), catalog);
        assertEquals(List.of("lead", "snatch-flip", "empathy-steps", "active-listening"), t.subList(0, 4));
    }
}
