package org.rapport.ui.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.catalog.Catalog;
import org.rapport.check.Validator;
import org.rapport.diag.Diagnostic;
import org.rapport.importer.Importer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Import…" without a window: the import the button starts, where the draft goes, and the words of the report. */
class ImportViewModelTest {
    static final Path FIXTURES = Path.of("src/test/resources/import");

    @TempDir
    Path dir;

    private final List<Path> opened = new ArrayList<>();
    private final List<Path> offered = new ArrayList<>();
    private final List<Path> askedToReplace = new ArrayList<>();
    private int reportsShown;

    /** A view model whose author saves where it is offered (or at {@code chooses}) and answers {@code replace} when asked. */
    private ImportViewModel vm(Path chooses, boolean replace) {
        ImportViewModel vm = new ImportViewModel(Catalog.bundled(), new Validator(Catalog.bundled()), () -> dir, opened::add);
        vm.setAuthor(new ImportViewModel.Author() {
            @Override
            public Path whereToSave(Path suggested) {
                offered.add(suggested);
                return chooses == null ? suggested : chooses;
            }

            @Override
            public boolean replace(Path existing) {
                askedToReplace.add(existing);
                return replace;
            }

            @Override
            public void showReport() {
                reportsShown++;
            }
        });
        return vm;
    }

    private List<Path> filesIn(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aTwineStoryIsSavedWithTheImportersBytesOpenedAndReportedInWords() throws Exception {
        ImportViewModel vm = vm(null, false);
        Path source = FIXTURES.resolve("links.twee");
        ImportViewModel.Imported i = vm.work(source).call();
        assertTrue(i.result().ok(), i.result().report().toString());

        ImportViewModel.Target t = vm.target(i);
        assertEquals(List.of(dir.resolve(i.id() + ".json")), offered, "the author's folder and <id>.json are offered");
        assertEquals(dir.resolve(i.id() + ".json"), t.path());
        assertFalse(t.replace());
        assertEquals(t.path(), vm.saveWork(i, t.path(), t.replace()).call());
        vm.saved(i, t.path());

        byte[] cli = new Importer(Catalog.bundled()).importFile(source).dialogueJson().getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(cli, Files.readAllBytes(t.path()), "the draft is the importer's canonical bytes, as rapport import writes them");
        assertEquals(List.of(t.path()), filesIn(dir), "no temporary file is left beside the draft");
        assertEquals(List.of(t.path()), opened, "the draft is opened in the author view");
        assertEquals(1, reportsShown);
        assertTrue(askedToReplace.isEmpty());

        // The same counts as `rapport import --brief`: 6 nodes (4 endings), 9 replies, 7 warnings, 62 to-dos.
        assertEquals("Imported 2 customer lines, 9 replies, 4 endings; 7 warnings; 62 things to fill in (see Problems).",
                vm.summaryProperty().get());
        assertFalse(vm.failedProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals("links.twee", vm.sourceProperty().get());
        assertEquals(7, vm.report().size());
        List<String> lines = vm.reportLines();
        assertEquals(7, lines.size());
        for (int k = 0; k < lines.size(); k++) {
            Diagnostic d = vm.report().get(k);
            assertTrue(d.line() > 0, "Twee warnings are located by line: " + d);
            assertEquals("Warning " + d.code() + ", line " + d.line() + ", column " + d.column() + ": " + d.message(), lines.get(k));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Warning RAP112")), "the external link is reported: " + lines);
        assertTrue(vm.messageProperty().get().startsWith("Saved the draft from links.twee as " + i.id() + ".json in " + dir + ". Imported 2"),
                vm.messageProperty().get());
    }

    @Test
    void anH5pContentFileSaysWhereInTheContentEachWarningIs() throws Exception {
        ImportViewModel vm = vm(null, false);
        ImportViewModel.Imported i = vm.work(FIXTURES.resolve("wrong-size.content.json")).call();
        assertEquals(40, i.todos());
        assertEquals("Imported 2 customer lines, 6 replies, 3 endings; 9 warnings; 40 things to fill in (see Problems).", i.summary());
        Path t = vm.saveWork(i, dir.resolve(i.id() + ".json"), false).call();
        vm.saved(i, t);
        assertTrue(vm.report().stream().allMatch(d -> d.line() == 0 && ImportViewModel.where(d).isEmpty()), vm.report().toString());
        assertTrue(vm.reportLines().stream().anyMatch(l -> l.matches("Warning RAP1\\d\\d: content\\[\\d+]\\.alternatives\\[\\d+]: .+")),
                "H5P lines name the place in the content: " + vm.reportLines());
    }

    @Test
    void inkSourceIsRefusedPlainlyAndNothingIsWrittenOrOpened() throws Exception {
        ImportViewModel vm = vm(null, true);
        ImportViewModel.Imported i = vm.work(FIXTURES.resolve("late-glasses.ink")).call();
        vm.imported(i);
        assertTrue(vm.failedProperty().get());
        assertEquals("Nothing was imported from late-glasses.ink, and nothing was saved or opened.", vm.summaryProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Nothing was imported from late-glasses.ink (line 1, column 1): This is ink "
                + "source. Rapport reads compiled ink: compile it first"), vm.messageProperty().get());
        assertEquals(List.of("Error RAP100, line 1, column 1: " + i.result().report().get(0).message()), vm.reportLines());
        assertEquals(1, reportsShown, "the error is shown to the author");
        assertTrue(offered.isEmpty(), "no save location is asked for");
        assertTrue(opened.isEmpty());
        assertEquals(List.of(), filesIn(dir));
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void aPackageWithAnEntryOutsideItAndOldInkAreLocatedErrors() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("h5p.json"));
            z.write(Files.readAllBytes(FIXTURES.resolve("h5p.json")));
            z.putNextEntry(new ZipEntry("../evil.txt"));
            z.write("x".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("content/content.json"));
            z.write(Files.readAllBytes(FIXTURES.resolve("wrong-size.content.json")));
        }
        Path sources = Files.createDirectory(dir.resolve("sources"));
        Path evil = sources.resolve("evil.h5p");
        Files.write(evil, bytes.toByteArray());
        Path old = sources.resolve("old.ink.json");
        Files.writeString(old, Files.readString(FIXTURES.resolve("late-glasses.ink.json")).replace("{\"inkVersion\":21,", "{\n  \"inkVersion\": 17,"));

        ImportViewModel vm = vm(null, true);
        vm.imported(vm.work(evil).call());
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.reportLines().get(0).startsWith("Error RAP103: "), vm.reportLines().toString());
        assertTrue(vm.messageProperty().get().contains("leaves the package"), vm.messageProperty().get());

        vm.imported(vm.work(old).call());
        assertTrue(vm.failedProperty().get());
        assertEquals("Error RAP102, line 2, column 3", vm.reportLines().get(0).substring(0, "Error RAP102, line 2, column 3".length()),
                vm.reportLines().toString());
        assertTrue(vm.messageProperty().get().startsWith("Nothing was imported from old.ink.json (line 2, column 3): Compiled with ink version 17"),
                vm.messageProperty().get());

        assertEquals(2, reportsShown);
        assertTrue(offered.isEmpty());
        assertTrue(opened.isEmpty());
        assertEquals(List.of(sources), filesIn(dir), "nothing was written beside the author's dialogues");
    }

    @Test
    void aFileThatIsAlreadyThereIsReplacedOnlyWhenTheAuthorSaysSo() throws Exception {
        Path existing = dir.resolve("charged-twice-for-the-gym.json");
        Files.writeString(existing, "mine");
        Path source = FIXTURES.resolve("charged-twice.twee");

        ImportViewModel keep = vm(null, false);
        ImportViewModel.Imported i = keep.work(source).call();
        assertEquals("charged-twice-for-the-gym", i.id());
        keep.imported(i);
        assertEquals(List.of(existing), askedToReplace);
        assertEquals("mine", Files.readString(existing));
        assertTrue(opened.isEmpty());
        assertEquals(0, reportsShown);
        assertEquals("The draft was not saved: charged-twice-for-the-gym.json is already there and was kept as it was.", keep.messageProperty().get());
        assertFalse(keep.busyProperty().get());

        // Even when the file appears between the question and the writing, it is not replaced.
        var e = assertThrows(FileAlreadyExistsException.class, () -> keep.saveWork(i, existing, false).call());
        keep.notSaved(existing, e);
        assertEquals("mine", Files.readString(existing));
        assertTrue(keep.messageProperty().get().contains("kept as it was"), keep.messageProperty().get());

        ImportViewModel replace = vm(dir.resolve("charged-twice-for-the-gym"), true);
        ImportViewModel.Target t = replace.target(i);
        assertEquals(existing, t.path(), "a name typed without .json gets it");
        assertTrue(t.replace());
        replace.saveWork(i, t.path(), t.replace()).call();
        assertEquals(i.result().dialogueJson(), Files.readString(existing));
        assertEquals(List.of(existing), filesIn(dir));
    }

    @Test
    void notSavingIsSaidAndOpensNothing() throws Exception {
        ImportViewModel vm = new ImportViewModel(Catalog.bundled(), new Validator(Catalog.bundled()), () -> dir, opened::add);
        vm.setAuthor(new ImportViewModel.Author() {
            @Override
            public Path whereToSave(Path suggested) {
                return null;
            }

            @Override
            public boolean replace(Path existing) {
                throw new AssertionError();
            }

            @Override
            public void showReport() {
                reportsShown++;
            }
        });
        ImportViewModel.Imported i = vm.work(FIXTURES.resolve("charged-twice.html")).call();
        assertEquals("Imported 2 customer lines, 8 replies, 3 endings; 0 warnings; nothing left to fill in.", i.summary());
        assertNull(vm.target(i));
        assertEquals("The draft imported from charged-twice.html was not saved.", vm.messageProperty().get());
        assertEquals(List.of(), filesIn(dir));
        assertTrue(opened.isEmpty());
        assertEquals(0, reportsShown);
    }
}
