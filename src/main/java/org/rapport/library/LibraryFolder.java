package org.rapport.library;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The dialogues folder used when none is given with {@code --library DIR}: {@code dialogues} in the working folder
 * (the repository, {@code java -jar target/rapport.jar}), else the {@code dialogues} folder next to the running
 * {@code rapport.jar}, which is where the installed app keeps its bundled dialogues ({@code lib/app/dialogues} in the
 * jpackage image). When neither exists, {@code dialogues} in the working folder, so the app's notice names that.
 */
public final class LibraryFolder {
    /** The folder's name, in the working folder and next to the jar. */
    public static final String NAME = "dialogues";

    private LibraryFolder() {
    }

    /** The default dialogues folder of this run. */
    public static Path resolve() {
        return resolve(Path.of(NAME), jarFolder());
    }

    /**
     * @param inWorkingFolder {@code dialogues} relative to the working folder
     * @param jarFolder       the folder holding the running jar, if the code runs from a jar
     */
    static Path resolve(Path inWorkingFolder, Optional<Path> jarFolder) {
        if (Files.isDirectory(inWorkingFolder)) return inWorkingFolder;
        return jarFolder.map(d -> d.resolve(NAME)).filter(Files::isDirectory).orElse(inWorkingFolder);
    }

    /** The folder of the jar this class was loaded from; empty when it was loaded from a classes folder (tests, an IDE). */
    static Optional<Path> jarFolder() {
        try {
            CodeSource source = LibraryFolder.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) return Optional.empty();
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? Optional.ofNullable(p.toAbsolutePath().getParent()) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
