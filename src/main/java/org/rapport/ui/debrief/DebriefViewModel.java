package org.rapport.ui.debrief;

import org.rapport.catalog.Catalog;
import org.rapport.engine.Debrief;
import org.rapport.engine.Decision;
import org.rapport.engine.Mode;
import org.rapport.engine.Playthrough;
import org.rapport.engine.Transcript;
import org.rapport.model.Dialogue;
import org.rapport.print.DebriefDocument;
import org.rapport.ui.Navigator;
import org.rapport.ui.PrintAction;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The debrief screen's state: the debrief of one transcript, and the way to replay or branch from it. */
public final class DebriefViewModel {
    private final Dialogue dialogue;
    private final Transcript transcript;
    private final Mode mode;
    private final Catalog catalog;
    private final Debrief debrief;
    private final Debrief compareWith;
    private final Navigator nav;
    private final PrintAction print;

    public DebriefViewModel(Dialogue dialogue, Transcript transcript, Mode mode, Catalog catalog, Debrief compareWith, Navigator nav) {
        this.dialogue = dialogue;
        this.transcript = transcript;
        this.mode = mode;
        this.catalog = catalog;
        this.compareWith = compareWith;
        this.nav = nav;
        this.debrief = Debrief.of(dialogue, transcript, catalog);
        String who = nav.traineeName();
        Instant when = Instant.now();
        this.print = new PrintAction(() -> DebriefDocument.of(dialogue, debrief, catalog, new DebriefDocument.Meta(who, when, ZoneId.systemDefault())),
                dialogue.id() + "-debrief-" + LocalDate.now());
    }

    /** Saving this debrief as PDF or a web page. */
    public PrintAction print() {
        return print;
    }

    public Dialogue dialogue() {
        return dialogue;
    }

    public Debrief debrief() {
        return debrief;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Debrief compareWith() {
        return compareWith;
    }

    /** Plays again from decision {@code number} (1-based), with everything before it as it was. */
    public void tryOtherFrom(int number) {
        nav.play(dialogue, Playthrough.replay(dialogue, transcript, number - 1), mode, debrief);
    }

    public void replay() {
        nav.play(dialogue, Playthrough.start(dialogue, ThreadLocalRandom.current().nextLong()), mode, null);
    }

    public void backToLibrary() {
        nav.showLibrary();
    }

    public void openTechnique(String id) {
        nav.showTechniques(id);
    }

    /** What changed against the earlier attempt, in plain sentences; empty when there is nothing to compare. */
    public List<String> comparison() {
        if (compareWith == null) return List.of();
        List<String> out = new ArrayList<>();
        out.add("Earlier attempt: " + compareWith.percent() + "%, " + endingText(compareWith)
                + ".  This attempt: " + debrief.percent() + "%, " + endingText(debrief) + ".");
        int n = Math.min(compareWith.decisions().size(), debrief.decisions().size());
        for (int i = 0; i < n; i++) {
            var a = compareWith.decisions().get(i);
            var b = debrief.decisions().get(i);
            if (!a.nodeId().equals(b.nodeId()) || a.chosen().index() != b.chosen().index()) {
                out.add("The paths part at decision " + (i + 1) + ": \"" + shorten(a.chosen().say()) + "\" (" + a.grade().word()
                        + ") became \"" + shorten(b.chosen().say()) + "\" (" + b.grade().word() + ").");
                break;
            }
        }
        for (Debrief.TechniqueScore now : debrief.techniques()) {
            compareWith.techniques().stream().filter(t -> t.techniqueId().equals(now.techniqueId())).findFirst()
                    .filter(before -> before.percent() != now.percent())
                    .ifPresent(before -> out.add(now.name() + ": " + before.percent() + "% → " + now.percent() + "%"));
        }
        return out;
    }

    private static String endingText(Debrief d) {
        return d.ending() == null ? "unfinished" : d.ending().ending().title() + " (" + d.ending().ending().outcome().word() + ")";
    }

    private static String shorten(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }

    /** Millis as "4.2 s" for the timeline. */
    public static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    public Decision rawDecision(int number) {
        return transcript.decisions().get(number - 1);
    }
}
