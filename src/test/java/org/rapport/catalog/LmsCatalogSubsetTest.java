package org.rapport.catalog;

import org.junit.jupiter.api.Test;
import org.rapport.check.Validated;
import org.rapport.check.Validator;
import org.rapport.engine.Debrief;
import org.rapport.engine.Playthrough;
import org.rapport.library.DialogueLibrary;
import org.rapport.lms.LmsOptions;
import org.rapport.lms.LmsPackage;
import org.rapport.lms.LmsStandard;
import org.rapport.model.Dialogue;

import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog an LMS package carries is a catalog file Rapport reads, with only what the packaged dialogues use, and
 * the debrief on it is the debrief on the whole catalog. (Here, in the catalog's package, to reach its reader.)
 */
class LmsCatalogSubsetTest {
    /**
     * Reads catalog text with whichever reader this build's Catalog has: {@code read(String)} (the project's own JSON
     * parser, for the compiled engine) or {@code read(Reader)}.
     */
    static Catalog readBack(String json) throws Exception {
        for (Method m : Catalog.class.getDeclaredMethods()) {
            if (!m.getName().equals("read") || m.getParameterCount() != 1 || m.getReturnType() != Catalog.class) continue;
            m.setAccessible(true);
            if (m.getParameterTypes()[0] == String.class) return (Catalog) m.invoke(null, json);
        }
        Method m = Catalog.class.getDeclaredMethod("read", Reader.class);
        m.setAccessible(true);
        return (Catalog) m.invoke(null, new StringReader(json));
    }

    static LmsPackage pkg(Path... files) {
        return LmsPackage.of(List.of(files), new LmsOptions(LmsStandard.SCORM12), Catalog.bundled());
    }

    @Test
    void theCutCatalogReadsBackWithWholeTechniquesAndOnlyWhatTheDialogueTags() throws Exception {
        Catalog all = Catalog.bundled();
        LmsPackage p = pkg(Path.of("dialogues/wedding-catering.json"));
        Catalog cut = readBack(p.catalogJson());
        Dialogue d = new Validator(all).validate(Path.of("dialogues/wedding-catering.json")).dialogue();
        assertFalse(cut.techniques().isEmpty());
        assertTrue(cut.techniques().size() < all.techniques().size(), "only the techniques it uses");
        for (Technique t : cut.techniques()) {
            assertEquals(all.technique(t.id()).orElseThrow().steps().stream().map(Step::id).toList(), t.steps().stream().map(Step::id).toList(),
                    "the whole technique, every step");
        }
        d.decisions().forEach(n -> {
            n.tests().forEach(t -> assertTrue(cut.techniqueOf(t).isPresent(), t));
            n.choices().forEach(c -> {
                c.uses().forEach(u -> assertTrue(cut.isStep(u) || cut.isTechnique(u), u));
                c.pitfalls().forEach(f -> assertTrue(cut.isPitfall(f), f));
            });
        });
        assertTrue(cut.swaps().isEmpty() && cut.cueWords().isEmpty(), "the web player does not coach");
        assertFalse(p.catalogJson().contains("\"lookFor\"") || p.catalogJson().contains("\"tells\""));
        assertTrue(p.catalogJson().contains("\"format\":1"));
        assertTrue(new Validator(cut).validate(Path.of("dialogues/wedding-catering.json")).playable(), "the dialogue still validates on the cut catalog");
    }

    @Test
    void theDebriefOnTheCutCatalogIsTheDebriefOnTheWholeOne() throws Exception {
        Catalog all = Catalog.bundled();
        for (Path f : DialogueLibrary.dialogueFiles(Path.of("dialogues"))) {
            Validated v = new Validator(all).validate(f);
            Dialogue d = v.dialogue();
            Catalog cut = readBack(pkg(f).catalogJson());
            SplittableRandom random = new SplittableRandom(f.getFileName().toString().hashCode());
            for (int walk = 0; walk < 10; walk++) {
                Playthrough p = Playthrough.start(d, random.nextLong());
                while (!p.ended()) p.choose(random.nextInt(p.offered().size()), 1000);
                assertEquals(Debrief.of(d, p.transcript(), all), Debrief.of(d, p.transcript(), cut), f + " walk " + walk);
            }
        }
    }
}
