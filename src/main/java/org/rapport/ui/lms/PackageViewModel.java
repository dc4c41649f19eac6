package org.rapport.ui.lms;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rapport.catalog.Catalog;
import org.rapport.lms.LmsException;
import org.rapport.lms.LmsOptions;
import org.rapport.lms.LmsPackage;
import org.rapport.lms.LmsStandard;
import org.rapport.lms.PlayerFiles;
import org.rapport.ui.UiExecutor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * "Package for LMS…": the choices (standard, pass mark, mode, the department's address) and the packaging itself,
 * which runs in the background and ends in one line saying what was written or what went wrong. Used by the library
 * (the dialogues shown) and the author view (the file open); the dialogues come from the screen when it asks.
 */
public final class PackageViewModel {
    private final Catalog catalog;
    private final Supplier<PlayerFiles> player;
    private final ObjectProperty<LmsStandard> standard = new SimpleObjectProperty<>(LmsStandard.SCORM12);
    /** The pass mark as a percentage of the debrief's score, as typed ("80"); blank for none. */
    private final StringProperty passMark = new SimpleStringProperty("");
    private final ObjectProperty<LmsOptions.Mode> mode = new SimpleObjectProperty<>(LmsOptions.Mode.PRACTICE);
    private final StringProperty base = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public PackageViewModel(Catalog catalog) {
        this(catalog, PlayerFiles::bundled);
    }

    PackageViewModel(Catalog catalog, Supplier<PlayerFiles> player) {
        this.catalog = catalog;
        this.player = player;
    }

    public ObjectProperty<LmsStandard> standardProperty() {
        return standard;
    }

    public StringProperty passMarkProperty() {
        return passMark;
    }

    public ObjectProperty<LmsOptions.Mode> modeProperty() {
        return mode;
    }

    public StringProperty baseProperty() {
        return base;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The options as chosen, or an LmsException saying plainly what to change. */
    public LmsOptions options() {
        String p = passMark.get() == null ? "" : passMark.get().strip().replace("%", "").replace(',', '.').strip();
        Double mastery = null;
        if (!p.isEmpty()) {
            double percent;
            try {
                percent = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new LmsException(LmsException.Kind.USAGE, "The pass mark is a percentage from 0 to 100, such as 80, or empty for none; not \"" + passMark.get().strip() + "\".");
            }
            if (!(percent >= 0 && percent <= 100)) {
                throw new LmsException(LmsException.Kind.USAGE, "The pass mark is a percentage from 0 to 100, such as 80, or empty for none; not " + p + ".");
            }
            mastery = percent / 100.0;
        }
        return new LmsOptions(standard.get(), mastery, mode.get(), base.get());
    }

    /** What is wrong with the choices, or null when a package can be made with them. */
    public String problem() {
        try {
            options();
            return null;
        } catch (LmsException e) {
            return e.getMessage();
        }
    }

    /** The file name to offer: {@code <first id>-<standard>.zip}. */
    public String suggestedName(String firstDialogueId) {
        return (firstDialogueId == null || firstDialogueId.isBlank() ? "rapport" : firstDialogueId) + "-" + standard.get().id() + ".zip";
    }

    /** The packaging, to run off the FX thread: reads and checks the dialogues, writes the zip. */
    Callable<LmsPackage.Written> work(List<Path> dialogues, Path out) {
        LmsOptions options = options();
        return () -> LmsPackage.of(dialogues, options, catalog).writeTo(out, player.get());
    }

    /** Packages {@code dialogues} into {@code out} in the background; {@link #messageProperty()} says how it went. */
    public void packageTo(List<Path> dialogues, Path out) {
        Callable<LmsPackage.Written> work;
        try {
            work = work(List.copyOf(dialogues), withZip(out));
        } catch (LmsException e) {
            failed(e);
            return;
        }
        busy.set(true);
        message.set("Packaging " + dialogues.size() + (dialogues.size() == 1 ? " conversation" : " conversations") + " for "
                + standard.get().label() + "…");
        UiExecutor.background(work, this::written, this::failed);
    }

    void written(LmsPackage.Written w) {
        busy.set(false);
        message.set("Saved " + w.summary() + " in " + (w.file().getParent() == null ? "/" : w.file().getParent())
                + ". Upload it to your learning system as a " + w.standard().label() + " package (docs/lms.md).");
    }

    void failed(Throwable e) {
        busy.set(false);
        if (e instanceof LmsException l) {
            String first = l.problems().isEmpty() ? "" : " The first problem: " + l.problems().get(0);
            message.set("No package was made: " + l.getMessage() + first);
        } else {
            message.set("No package was made: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
        }
    }

    /** {@code file} with ".zip" added when its name has no extension of that kind. */
    static Path withZip(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip") ? file : file.resolveSibling(file.getFileName() + ".zip");
    }
}
