package org.rapport.importer;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Twine 2 published HTML and Twine 2 archives (twine-specs, twine-2-htmloutput-spec.md and twine-2-archive-spec.md):
 * the {@code <tw-storydata>} element and its {@code <tw-passagedata>} children, read with jsoup, a real HTML parser, so
 * entities ({@code &amp;lt;}, {@code &amp;#39;}, named ones) decode as a browser decodes them. Nothing in the page is
 * run: the story format's script is text to this reader.
 */
final class TwineHtmlReader {
    private TwineHtmlReader() {
    }

    static TwineStory read(String html, ImportReport report) {
        Parser parser = Parser.htmlParser().setTrackPosition(true);
        Document doc = parser.parseInput(html, "");
        List<Element> stories = doc.getElementsByTag("tw-storydata");
        if (stories.isEmpty()) {
            report.error("RAP101", 1, 1, "No <tw-storydata> element: this HTML file is not a Twine 2 story (a Twine 1 story, "
                    + "or a page that only plays one?). Export it from Twine 2 (Publish to File, or Library > Archive).");
            return null;
        }
        Element sd = stories.get(0);
        if (stories.size() > 1) {
            report.warn("RAP119", line(stories.get(1)), column(stories.get(1)), "This archive holds " + stories.size()
                    + " stories; only the first, \"" + sd.attr("name") + "\", was imported. Import the others from files of their own.");
        }
        TwineStory story = new TwineStory();
        story.title = sd.hasAttr("name") ? sd.attr("name").strip() : null;
        story.format = sd.hasAttr("format") ? sd.attr("format") : null;
        String startPid = sd.attr("startnode").strip();
        List<TwineStory.Passage> passages = new ArrayList<>();
        for (Element p : sd.getElementsByTag("tw-passagedata")) {
            String name = p.attr("name").strip();
            String pid = p.attr("pid").strip();
            String where = "passage \"" + name + "\" (pid " + (pid.isEmpty() ? "none" : pid) + ")";
            if (name.isEmpty()) {
                report.warn("RAP119", line(p), column(p), "passage (pid " + pid + "): a passage without a name; it was left out.");
                continue;
            }
            List<String> tags = Arrays.stream(p.attr("tags").split("\\s+")).filter(t -> !t.isEmpty()).toList();
            String text = p.wholeText().replace("\r\n", "\n").replace('\r', '\n');
            passages.add(new TwineStory.Passage(name, tags, text, line(p), column(p), 0, where));
            if (!startPid.isEmpty() && startPid.equals(pid)) story.start = name;
        }
        if (!startPid.isEmpty() && story.start == null) {
            report.warn("RAP113", line(sd), column(sd), "The story's startnode is pid " + startPid
                    + ", but no passage has that pid; the start is then the passage named Start, else the first passage.");
        }
        story.passages.addAll(passages);
        return story;
    }

    private static int line(Element e) {
        var r = e.sourceRange();
        return r.isTracked() ? r.start().lineNumber() : 0;
    }

    private static int column(Element e) {
        var r = e.sourceRange();
        return r.isTracked() ? r.start().columnNumber() : 0;
    }
}
