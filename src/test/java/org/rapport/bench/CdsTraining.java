package org.rapport.bench;

import org.rapport.Launcher;
import org.rapport.cli.RapportCli;
import org.rapport.store.Store;
import org.rapport.ui.FirstFrameReport;
import org.rapport.ui.RapportApp;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The training run behind the installed app's class-data-sharing archive (docs/packaging.md): the package profile runs
 * this under {@code -XX:DumpLoadedClassList}, and the classes it loads are the ones the archive holds, ready to map
 * instead of being read, checked and linked at every start.
 *
 * <p>It does what a new hire and an author do first: the command line checks the bundled dialogues and a large file
 * (2,000 nodes, read on two threads) and shows its help;
 * then the app starts (headless, on Monocle, so the build needs no display) on a data folder with one trainee, lists
 * the library and plays its first dialogue through to the debrief with the screen's own buttons
 * ({@link FirstFrameReport}), and exits.
 *
 * <p>Usage: {@code CdsTraining DIALOGUES WORK_DIR [cli]}. With {@code cli}, only the command line's part: the class
 * list of the archive the launcher uses for commands ({@code rapport-cli.jsa}), a third the size of the app's, which
 * a command's start maps faster.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path dialogues = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream());
        // What Launcher.main does before either route (it ends in System.exit, so not called here)
        if (Launcher.route("validate") != Launcher.Route.CLI || Launcher.route() != Launcher.Route.APP) throw new IllegalStateException("routes");
        Launcher.noDesktop(System.getenv(), System::getProperty);
        RapportCli.preload("validate", dialogues.toString()); // as Launcher.main does for a command
        int validated = RapportCli.run(new String[]{"validate", dialogues.toString()}, quiet, quiet);
        // A file big enough to be read on two threads (DialogueReader.PIPELINE_FROM), as an author's large one is
        RapportCli.run(new String[]{"validate", BenchFixtures.sized(work, 2_000).toString()}, quiet, quiet);
        RapportCli.run(new String[]{"--help"}, quiet, quiet);
        RapportCli.run(new String[]{"validate", "--help"}, quiet, quiet);
        if (validated != 0) throw new IllegalStateException("the bundled dialogues do not validate: exit " + validated);
        if (args.length > 2 && args[2].equals("cli")) System.exit(0); // the command line's own archive: no window

        Path data = work.resolve("data");
        if (Files.isDirectory(data)) {
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Store store = Store.openSqlite(Files.createDirectories(data), Clock.systemUTC());
        store.createTrainee("Ana");
        store.close();
        System.setProperty(FirstFrameReport.REPORT, "true");
        System.setProperty(FirstFrameReport.EXIT, "true");
        System.setProperty(FirstFrameReport.MEMORY, "true");
        RapportApp.main(new String[]{"--data", data.toString(), "--library", dialogues.toString()});
        System.exit(0);
    }
}
