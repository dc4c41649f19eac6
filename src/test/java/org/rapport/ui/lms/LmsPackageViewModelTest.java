package org.rapport.ui.lms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.lms.LmsOptions;
import org.rapport.lms.LmsPackage;
import org.rapport.lms.LmsStandard;
import org.rapport.lms.PlayerFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Package for LMS…" without a window: the choices, the work the button starts, and the words it ends with. */
class LmsPackageViewModelTest {
    static final Path ONE = Path.of("dialogues/wedding-catering.json");

    static PackageViewModel vm() {
        return new PackageViewModel(Catalog.bundled(), () -> PlayerFiles.of(Map.of("index.html", "<p>".getBytes())));
    }

    @Test
    void thePassMarkIsTypedAsAPercentageAndChecked() {
        PackageViewModel vm = vm();
        assertNull(vm.problem(), "the defaults work for SCORM: no pass mark, practice, no address");
        assertNull(vm.options().mastery());
        vm.passMarkProperty().set(" 80 % ");
        assertEquals(0.8, vm.options().mastery(), 1e-9);
        vm.passMarkProperty().set("87,5");
        assertEquals(0.875, vm.options().mastery(), 1e-9);
        vm.passMarkProperty().set("eighty");
        assertTrue(vm.problem().contains("percentage from 0 to 100"), vm.problem());
        vm.passMarkProperty().set("120");
        assertTrue(vm.problem().contains("percentage from 0 to 100"), vm.problem());
        vm.passMarkProperty().set("");
        vm.standardProperty().set(LmsStandard.CMI5);
        assertTrue(vm.problem().contains("--base") || vm.problem().contains("address"), vm.problem());
        vm.baseProperty().set("https://learning.example.org/rapport");
        assertNull(vm.problem());
        assertEquals("https://learning.example.org/rapport/", vm.options().base());
        vm.modeProperty().set(LmsOptions.Mode.ASSESSMENT);
        assertEquals(LmsOptions.Mode.ASSESSMENT, vm.options().mode());
        assertEquals("wedding-catering-cmi5.zip", vm.suggestedName("wedding-catering"));
    }

    @Test
    void theWorkWritesTheZipAndTheMessageSaysWhere(@TempDir Path dir) throws Exception {
        PackageViewModel vm = vm();
        vm.passMarkProperty().set("80");
        LmsPackage.Written w = vm.work(List.of(ONE), dir.resolve("p.zip")).call();
        assertTrue(Files.size(dir.resolve("p.zip")) > 0);
        vm.written(w);
        assertTrue(vm.messageProperty().get().startsWith("Saved p.zip: "), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains("1 SCO (SCORM 1.2)"), vm.messageProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals(dir.resolve("q.zip"), PackageViewModel.withZip(dir.resolve("q")));
    }

    @Test
    void aFailureIsSaidInWordsWithTheFirstProblem(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ \"format\": 1, ");
        PackageViewModel vm = vm();
        var e = assertThrows(org.rapport.lms.LmsException.class, () -> vm.work(List.of(broken), dir.resolve("p.zip")).call());
        vm.failed(e);
        assertTrue(vm.messageProperty().get().startsWith("No package was made: One dialogue can't be packaged"), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().contains(broken.toString()), vm.messageProperty().get());
        assertFalse(Files.exists(dir.resolve("p.zip")));
    }
}
