package org.rapport.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A {@link TwineStory} as a Rapport draft. A passage with links is a customer node (its links are the replies), one
 * without is an ending. Under the convention (docs/import.md) a passage with one link whose tags say what a reply is
 * ({@code grade:best}, {@code mood:+1}, a step or pitfall id, or {@code reply}) is that reply's feedback: the links to
 * it become replies carrying its tags, its text becomes their {@code why}, and its link their {@code next}. A passage
 * tagged {@code rapport} (or named Rapport) holds the story's settings as {@code key: value} lines.
 */
final class TwineMapper {
    /** Passages every Twine story format or compiler treats as special: not part of the story's graph. */
    private static final Set<String> SPECIAL = Set.of("StoryTitle", "StoryData", "StoryAuthor", "StorySubtitle", "StoryIncludes",
            "StoryInit", "StoryMenu", "StoryCaption", "StoryBanner", "StoryShare", "StorySettings", "StoryInterface",
            "PassageReady", "PassageDone", "PassageHeader", "PassageFooter", "Story JavaScript", "Story Stylesheet");
    private static final Set<String> SPECIAL_TAGS = Set.of("script", "stylesheet", "widget", "twine.private", "header",
            "footer", "startup", "debug-header", "debug-footer", "debug-startup", "annotation", "twine.image");

    private final TwineStory story;
    private final ImportReport report;
    private final Convention convention;
    private final String fileBase;

    private TwineMapper(TwineStory story, ImportReport report, Convention convention, String fileBase) {
        this.story = story;
        this.report = report;
        this.convention = convention;
        this.fileBase = fileBase;
    }

    static Scenario map(TwineStory story, ImportReport report, Convention convention, String fileBase) {
        return new TwineMapper(story, report, convention, fileBase).map();
    }

    private record Parsed(TwineStory.Passage p, TwineText text, Convention.Tags tags) {
    }

    private Scenario map() {
        Scenario s = new Scenario();
        s.title = blankToNull(story.title);
        if (story.format != null && !story.format.isBlank()) {
            String f = story.format.strip().toLowerCase(Locale.ROOT);
            if (!Set.of("harlowe", "sugarcube", "chapbook", "snowman", "paperthin").contains(f)) {
                report.warn("RAP119", 0, 0, "Story format \"" + story.format + "\" is not one Rapport knows; its markup may have been "
                        + "kept as text. Check the imported text.");
            }
        }
        // passages by name: the first of two with one name counts
        Map<String, Parsed> byName = new LinkedHashMap<>();
        for (TwineStory.Passage p : story.passages) {
            if (byName.containsKey(p.name())) {
                warn(p, "RAP118", "A second passage is named \"" + p.name() + "\"; links lead to the first one (line "
                        + byName.get(p.name()).p().line() + "), so this one was left out.");
                continue;
            }
            if (SPECIAL.contains(p.name()) || p.tags().stream().anyMatch(t -> SPECIAL_TAGS.contains(t.toLowerCase(Locale.ROOT)))) {
                warn(p, "RAP116", "The special passage \"" + p.name() + "\" (" + (p.tags().isEmpty() ? "story format" : String.join(" ", p.tags()))
                        + ") is script, style or set-up for a story format; it was left out.");
                continue;
            }
            if (p.name().equalsIgnoreCase("Rapport") || p.tags().contains("rapport")) {
                settings(p, s);
                continue;
            }
            byName.put(p.name(), null);
            TwineText text = TwineText.parse(p.text(), (code, offset, message) -> warnAt(p, offset, code, message));
            Convention.Tags tags = convention.read(p.tags());
            for (String problem : tags.problems) warn(p, "RAP119", problem + ".");
            byName.put(p.name(), new Parsed(p, text, tags));
        }
        if (byName.isEmpty()) {
            report.error("RAP101", 0, 0, "The story has no passages to import.");
            return null;
        }
        // the start
        String startName = story.start;
        if (startName != null && !byName.containsKey(startName)) {
            report.warn("RAP113", 0, 0, "The story starts at \"" + startName + "\", but no passage has that name; the start is then "
                    + "the passage named Start, else the first passage.");
            startName = null;
        }
        if (startName == null && byName.containsKey("Start")) startName = "Start";
        if (startName == null) {
            startName = byName.keySet().iterator().next();
            if (story.start == null) report.warn("RAP119", 0, 0, "The story names no start passage and none is named Start; the first "
                    + "passage, \"" + startName + "\", is the start.");
        }
        // reply passages (the convention): one internal link and tags that describe a reply
        Map<String, Parsed> replyPassages = new HashMap<>();
        for (Parsed pp : byName.values()) {
            List<TwineText.Link> internal = internal(pp, byName, false);
            if (!pp.p().name().equals(startName) && internal.size() == 1
                    && (pp.tags().saysReply() || pp.p().tags().contains("reply"))) {
                replyPassages.put(pp.p().name(), pp);
            }
        }
        // ids, in file order
        Ids ids = new Ids();
        Map<String, String> idOf = new HashMap<>();
        Map<String, String> nameOfId = new HashMap<>();
        for (Parsed pp : byName.values()) {
            if (replyPassages.containsKey(pp.p().name())) continue;
            String id = ids.unique(pp.p().name());
            String slug = Ids.slug(pp.p().name());
            if (!id.equals(slug)) {
                warn(pp.p(), "RAP118", "The passage names \"" + nameOfId.get(slug) + "\" and \"" + pp.p().name()
                        + "\" make the same node id \"" + slug + "\"; this one is \"" + id + "\".");
            }
            nameOfId.putIfAbsent(slug, pp.p().name());
            idOf.put(pp.p().name(), id);
        }
        s.id = Ids.slug(s.title != null ? s.title : fileBase);
        s.start = idOf.get(startName);
        List<String> freeTags = new ArrayList<>();
        for (Parsed pp : byName.values()) {
            if (replyPassages.containsKey(pp.p().name())) continue;
            for (String t : pp.tags().others) {
                if (!t.equals("reply") && !freeTags.contains(t) && !s.tags.contains(t)) freeTags.add(t);
            }
            s.nodes.put(idOf.get(pp.p().name()), node(pp, byName, replyPassages, idOf));
        }
        s.tags.addAll(freeTags);
        return s;
    }

    private Scenario.Node node(Parsed pp, Map<String, Parsed> byName, Map<String, Parsed> replyPassages, Map<String, String> idOf) {
        Scenario.Node n = new Scenario.Node();
        n.say = blankToNull(pp.text().say);
        n.emotion = pp.tags().emotion != null ? pp.tags().emotion : pp.text().fields.get("emotion");
        n.note = pp.tags().note != null ? pp.tags().note : pp.text().fields.get("note");
        List<TwineText.Link> links = internal(pp, byName, true);
        if (links.isEmpty()) {
            if (pp.text().choiceMacros) {
                warn(pp.p(), "RAP111", "This passage has no [[links]] but calls macros that may show choices when the story runs; "
                        + "Rapport sees no replies, so it became an ending. Write the choices as [[links]] to import them.");
            }
            n.outcome = pp.tags().outcome;
            n.endingTitle = pp.text().fields.getOrDefault("title", pp.p().name());
            n.endingSummary = pp.tags().summary != null ? pp.tags().summary : pp.text().fields.get("summary");
            return n;
        }
        if (pp.tags().outcome != null) warn(pp.p(), "RAP119", "\"outcome:" + pp.tags().outcome + "\" is for an ending, and this passage has links; it was ignored.");
        if (!pp.tags().steps.isEmpty()) n.tests = List.copyOf(pp.tags().steps);
        if (links.size() == 1 || links.size() > 4) {
            warn(pp.p(), "RAP114", "This passage has " + links.size() + (links.size() == 1 ? " link" : " links")
                    + "; a Rapport decision offers 2 to 4 replies. Add or remove replies (validate reports RAP032 until then).");
        }
        n.choices = new ArrayList<>();
        for (TwineText.Link link : links) {
            Scenario.Reply r = new Scenario.Reply();
            r.say = blankToNull(link.text());
            Parsed target = byName.get(link.target());
            Parsed reply = replyPassages.get(link.target());
            if (reply != null) {
                Convention.Tags t = reply.tags();
                t.applyTo(r);
                String why = reply.text().fields.get("why");
                r.why = blankToNull(why != null ? why : reply.text().say);
                String next = internal(reply, byName, false).get(0).target();
                int hops = 0;
                while (replyPassages.containsKey(next) && hops++ < 100) {
                    warnAt(reply.p(), 0, "RAP114", "A reply passage leads to another reply passage (\"" + next
                            + "\"); the reply goes on to where that one leads, and that one's text is not used here.");
                    next = internal(replyPassages.get(next), byName, false).get(0).target();
                }
                r.next = idOf.get(next);
            } else {
                r.next = target == null ? null : idOf.get(target.p().name());
            }
            n.choices.add(r);
        }
        return n;
    }

    /** The links to passages that exist; with {@code report}, the others are reported once. */
    private List<TwineText.Link> internal(Parsed pp, Map<String, Parsed> byName, boolean report) {
        List<TwineText.Link> out = new ArrayList<>();
        for (TwineText.Link l : pp.text().links) {
            if (l.external()) {
                if (report) warnAt(pp.p(), l.offset(), "RAP112", "The link to " + l.target() + " leads out of the story; it is not a reply and was left out.");
            } else if (!byName.containsKey(l.target()) || byName.get(l.target()) == null) {
                if (report) warnAt(pp.p(), l.offset(), "RAP113", "The link leads to \"" + l.target() + "\", but no story passage has that name; it was left out.");
            } else {
                out.add(l);
            }
        }
        return out;
    }

    /** The story's settings: {@code key: value} lines in a passage tagged rapport. */
    private void settings(TwineStory.Passage p, Scenario s) {
        String[] lines = p.text().split("\n", -1);
        int offset = 0;
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty()) {
                int colon = t.indexOf(':');
                if (colon <= 0) {
                    warnAt(p, offset, "RAP119", "A line of the Rapport settings passage is not \"key: value\"; it was left out.");
                } else {
                    for (String problem : convention.applyStory(s, t.substring(0, colon), t.substring(colon + 1))) {
                        warnAt(p, offset, "RAP119", problem + ".");
                    }
                }
            }
            offset += line.length() + 1;
        }
    }

    private void warn(TwineStory.Passage p, String code, String message) {
        if (p.where() == null) report.warn(code, p.line(), p.column(), message);
        else report.warn(code, p.line(), p.column(), p.where() + ": " + message);
    }

    /** A warning at an offset into the passage's text: a line and column in a Twee file, the passage in HTML. */
    private void warnAt(TwineStory.Passage p, int offset, String code, String message) {
        if (p.where() != null) {
            report.warn(code, p.line(), p.column(), p.where() + ": " + message);
            return;
        }
        String text = p.text();
        int line = p.textLine();
        int col = 1;
        for (int k = 0; k < offset && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        report.warn(code, line, col, message);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
