package org.rapport;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Core code stays free of JavaFX, so it runs in the command line, tests and any future front end. */
@AnalyzeClasses(packages = "org.rapport", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {
    /**
     * Leaves out test classes wherever the build puts them: ArchUnit's own DoNotIncludeTests knows only
     * {@code target/test-classes}, and parallel builds use {@code -Dbuild.dir=target-NAME}.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/") && new ImportOption.DoNotIncludeTests().includes(location);
        }
    }

    @ArchTest
    static final ArchRule coreNeverTouchesJavaFx = noClasses().that().resideOutsideOfPackage("org.rapport.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("only org.rapport.ui may use JavaFX; the model, format, catalog, coach, engine, store, lms, importer and cli are plain Java");

    /** The importer is core code, and it reads other people's files: it never opens a connection or starts a process. */
    @ArchTest
    static final ArchRule importerIsPlainOfflineJava = noClasses().that().resideInAPackage("org.rapport.importer..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.net..", "java.net.http..")
            .orShould().callMethod(Runtime.class, "exec", String.class)
            .orShould().callConstructor(ProcessBuilder.class, String[].class)
            .because("imports are core (no JavaFX) and hostile-file safe: no network, nothing executed (docs/import.md)");

    /** The LMS packager is core: the command line and the app make packages the same way. */
    @ArchTest
    static final ArchRule theLmsPackagerIsCore = noClasses().that().resideInAPackage("org.rapport.lms..")
            .should().dependOnClassesThat().resideInAnyPackage("org.rapport.ui..", "org.rapport.cli..", "javafx..")
            .because("org.rapport.lms is plain Java that the command line and the app both use");

    @ArchTest
    static final ArchRule onlyTheCliPrints = noClasses().that().resideOutsideOfPackages("org.rapport.cli..", "org.rapport")
            .should().accessField(System.class, "out")
            .because("output to the terminal belongs to the command line");

    @ArchTest
    static final ArchRule onlyTheUiExecutorDefersToTheFxThread = noClasses().that().doNotHaveSimpleName("UiExecutor")
            .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
            .because("threading goes through one door (ARCHITECTURE.md)");
}
