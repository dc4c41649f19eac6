package org.rapport.cli;

import org.rapport.catalog.Catalog;
import org.rapport.lms.LmsException;
import org.rapport.lms.LmsOptions;
import org.rapport.lms.LmsPackage;
import org.rapport.lms.LmsStandard;
import org.rapport.lms.PlayerFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "package", addMethodSubcommands = false, sortOptions = false,
        description = {"Make one zip a learning management system accepts: SCORM 1.2, SCORM 2004 4th edition or cmi5, with one SCO/AU per "
                + "dialogue and a web player that runs Rapport's own engine, loading nothing from outside the zip.",
                "Every dialogue must validate with no error; two files with one id are refused. Nothing is written when anything is wrong.",
                "The guide docs/lms.md explains how to upload the zip and what the gradebook shows.",
                "Exit code: 0 written, 1 a dialogue has errors (or the zip could not be made), 2 bad usage."})
final class PackageCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = "Dialogue files, or folders of them (every dialogue file in each).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--as", paramLabel = "STANDARD", required = true, description = "The standard: scorm12, scorm2004 or cmi5.")
    String standard;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.zip",
            description = "The zip to write. Default: <first dialogue's id>-<standard>.zip in the current folder.")
    Path output;

    @Option(names = "--mastery", paramLabel = "0..1",
            description = "The pass mark as a fraction of the debrief's score (0.8 = 80%). Without it a finished conversation is 'completed', never passed or failed.")
    Double mastery;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "practice",
            description = "The mode: practice (feedback after every reply, the default) or assessment (feedback only in the debrief).")
    String mode;

    @Option(names = "--base", paramLabel = "IRI",
            description = "Your department's address that names the course and each conversation (as in the xAPI export), e.g. "
                    + "https://learning.example.org/rapport/. Required for cmi5.")
    String base;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LmsStandard std;
            try {
                std = LmsStandard.parse(standard);
            } catch (IllegalArgumentException e) {
                err.println("rapport package: " + e.getMessage());
                return 2;
            }
            LmsOptions options = new LmsOptions(std, mastery, LmsOptions.Mode.parse(mode), base);
            LmsPackage pkg = LmsPackage.of(paths, options, Catalog.bundled());
            PlayerFiles player = PlayerFiles.bundled();
            Path target = output != null ? output : Path.of(pkg.defaultFileName());
            LmsPackage.Written w = pkg.writeTo(target, player);
            out.println("wrote " + w.file() + ": " + w.summary().substring(w.summary().indexOf(':') + 2));
            for (LmsPackage.Item i : pkg.items()) out.println("  " + std.unit() + " " + i.id() + ": " + i.title());
            out.flush();
            return 0;
        } catch (LmsException e) {
            for (String p : e.problems()) err.println(p);
            err.println("rapport package: " + e.getMessage());
            err.flush();
            return e.kind() == LmsException.Kind.USAGE ? 2 : 1;
        }
    }
}
